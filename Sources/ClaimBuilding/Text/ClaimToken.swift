/// A word or a punctuation mark of a sentence, as the claim builder sees it.
///
/// Offsets are UTF-8 byte offsets into the sentence, half-open. ``key`` is what the tables are
/// matched against: lowercased, typographic apostrophes made straight, a possessive `'s` taken off.
struct ClaimToken: Sendable, Hashable {
    var start: Int
    var end: Int
    /// The token as it stands.
    var text: String
    /// Lowercased, `’` → `'`, without a possessive `'s`.
    var key: String
    /// Letters or digits (not punctuation).
    var isWord: Bool
    /// Starts with an uppercase letter.
    var isCapitalized: Bool
    /// Ended in a possessive `'s` / `’s` (or a plural `s'`).
    var isPossessive: Bool
    /// Holds at least one digit.
    var hasDigit: Bool
}

/// A token of a sentence without its strings: its UTF-8 byte range, its first scalar (a
/// punctuation token is that one scalar), and its flags. What ``ClaimToken`` holds but `text`
/// and `key`, which a reader makes from the sentence's bytes only where it needs them
/// (``ClaimTokenizer/fullToken(_:in:)``); the tables are looked up by word number instead.
/// Plain data (no reference inside): arrays of spans are copied and freed without reference counting.
struct TokenSpan: Sendable, Hashable {
    private var lo: Int32
    private var hi: Int32
    /// The token's first scalar (for punctuation: the token).
    let scalar: UInt32
    private let flags: UInt8

    static let word: UInt8 = 1
    static let capitalized: UInt8 = 2
    static let possessive: UInt8 = 4
    static let digit: UInt8 = 8
    /// Every byte of the token is ASCII.
    static let ascii: UInt8 = 16

    init(start: Int, end: Int, scalar: UInt32, flags: UInt8) {
        lo = Int32(truncatingIfNeeded: start)
        hi = Int32(truncatingIfNeeded: end)
        self.scalar = scalar
        self.flags = flags
    }

    /// The span of a full token.
    init(_ t: ClaimToken) {
        var f: UInt8 = t.isWord ? Self.word : 0
        if t.isCapitalized { f |= Self.capitalized }
        if t.isPossessive { f |= Self.possessive }
        if t.hasDigit { f |= Self.digit }
        if t.text.utf8.allSatisfy({ $0 < 0x80 }) { f |= Self.ascii }
        self.init(start: t.start, end: t.end, scalar: t.text.unicodeScalars.first?.value ?? 0, flags: f)
    }

    var start: Int { Int(lo) }
    var end: Int { Int(hi) }
    var isWord: Bool { flags & Self.word != 0 }
    var isCapitalized: Bool { flags & Self.capitalized != 0 }
    var isPossessive: Bool { flags & Self.possessive != 0 }
    var hasDigit: Bool { flags & Self.digit != 0 }
    var isASCII: Bool { flags & Self.ascii != 0 }

    /// True for the punctuation token of scalar `v` (a one-scalar token: comparing its text with
    /// a one-scalar string that no other scalar is canonically equivalent to).
    @inline(__always)
    func isPunctuation(_ v: UInt32) -> Bool { flags & Self.word == 0 && scalar == v }
}

/// Splits a sentence into ``ClaimToken``s by walking its Unicode scalars (never `Character`s).
///
/// A word is a run of letters, digits and combining marks; a hyphen or an apostrophe between two
/// word characters stays inside it (*Mazar-i-Sharif*, *don't*), and so do `.`, `,` and `/` between
/// two digits (*3,000*, *9/11*). A short elided prefix is its own token (*l'ONU* → `l'` `ONU`,
/// *d'habitants*). Every other non-space scalar is a one-scalar punctuation token.
enum ClaimTokenizer {
    static func tokenize(_ text: String) -> [ClaimToken] {
        var text = text
        return text.withUTF8 { tokenize(bytes: $0) }
    }

    /// The tokens and their word numbers in `vocabulary` (what `vocabulary.ids(of:)` gives for
    /// them): a plain-ASCII word is looked up by its lowercased bytes as it is cut, and one the
    /// tables list takes its key (and, written in lowercase, its text) from the vocabulary
    /// instead of a new string.
    static func tokenize(_ text: String, vocabulary: Vocabulary) -> (tokens: [ClaimToken], ids: [Int32]) {
        var text = text
        var ids: [Int32] = []
        let tokens = text.withUTF8 { tokenize(bytes: $0, vocabulary: vocabulary, ids: &ids) }
        return (tokens, ids)
    }

    /// ``tokenize(_:vocabulary:)`` into arrays the caller keeps between sentences: both are
    /// emptied first (keeping their memory), so a reader's scratch arrays are filled without
    /// allocating once they are large enough.
    static func tokenize(_ text: String, vocabulary: Vocabulary, into tokens: inout [ClaimToken], ids: inout [Int32]) {
        // emptied from the end (`removeAll(keepingCapacity:)` runs the generic range replacement
        // even on an empty array)
        while !tokens.isEmpty { tokens.removeLast() }
        while !ids.isEmpty { ids.removeLast() }
        var text = text
        text.withUTF8 { tokenize(bytes: $0, vocabulary: vocabulary, ids: &ids, into: &tokens) }
    }

    /// Where the `chunks`-th run of non-space bytes of `bytes` ends (runs split at ASCII spaces):
    /// the byte after it, or the end of `bytes` when it has fewer runs. The cut of
    /// ``leadingTokens(_:chunks:)``, ``leadingSpans(_:chunks:vocabulary:)`` and
    /// ``leadingWord(_:chunks:vocabulary:)``.
    static func chunkEnd(_ bytes: UnsafeBufferPointer<UInt8>, chunks: Int) -> Int {
        var seen = 0
        var inChunk = false
        var p = 0
        while p < bytes.count {
            if bytes[p] == 0x20 {
                if inChunk {
                    seen += 1
                    inChunk = false
                    if seen >= chunks { break }
                }
            } else {
                inChunk = true
            }
            p += 1
        }
        return p
    }

    /// The first tokens of `text`: those before its `chunks`-th run of non-space bytes ends (runs
    /// split at ASCII spaces), and whether that is the whole text. A token never spans an ASCII
    /// space and the tokenizer looks past a word only at the scalars next to it, so these are
    /// exactly the first tokens of ``tokenize(_:)``.
    static func leadingTokens(_ text: String, chunks: Int) -> (tokens: [ClaimToken], whole: Bool) {
        var text = text
        return text.withUTF8 { bytes in
            let p = chunkEnd(bytes, chunks: chunks)
            if p >= bytes.count { return (tokenize(bytes: bytes), true) }
            return (tokenize(bytes: UnsafeBufferPointer(rebasing: bytes[0..<p])), false)
        }
    }

    /// The tokenizer over the sentence's UTF-8 bytes: scalars are decoded once (ASCII without a
    /// table lookup) into stack scratch, each with its classes (space, word, letter, digit,
    /// joiners) worked out once, and each token's text and key are made from its bytes.
    static func tokenize(bytes: UnsafeBufferPointer<UInt8>) -> [ClaimToken] {
        var ids: [Int32] = []
        return tokenize(bytes: bytes, vocabulary: nil, ids: &ids)
    }

    /// The tokens of `bytes`; with a vocabulary, their word numbers are appended to `ids`.
    static func tokenize(bytes: UnsafeBufferPointer<UInt8>, vocabulary: Vocabulary?, ids: inout [Int32]) -> [ClaimToken] {
        var tokens: [ClaimToken] = []
        tokenize(bytes: bytes, vocabulary: vocabulary, ids: &ids, into: &tokens)
        return tokens
    }

    /// The tokens of `bytes` appended to `tokens`; with a vocabulary, their word numbers to `ids`.
    static func tokenize(bytes: UnsafeBufferPointer<UInt8>, vocabulary: Vocabulary?, ids: inout [Int32],
                         into tokens: inout [ClaimToken]) {
        let count = bytes.count
        guard count > 0 else { return }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: count) { scalars in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: count + 1) { offsets in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { classes in
                    tokenize(bytes: bytes, scalars: scalars.baseAddress!, offsets: offsets.baseAddress!,
                             classes: classes.baseAddress!, vocabulary: vocabulary, ids: &ids, tokens: &tokens)
                }
            }
        }
    }

    // Scalar classes. A letter is ASCII a-z/A-Z or alphabetic; a word scalar a digit, a letter or
    // a nonspacing mark; joiners inside a word: - ‐ ‑ and the apostrophes ' ’ ʼ; joiners between
    // digits: . , / and the no-break spaces U+00A0, U+202F.
    private static let cSpace: UInt8 = 1
    private static let cWord: UInt8 = 2
    private static let cLetter: UInt8 = 4
    private static let cDigit: UInt8 = 8
    private static let cApostrophe: UInt8 = 16
    private static let cJoiner: UInt8 = 32
    private static let cDigitJoiner: UInt8 = 64

    /// The classes of one scalar (the bits above): what the old per-scalar predicates answered.
    @inline(__always)
    private static func classes(of v: UInt32) -> UInt8 {
        if v < 0x80 {
            if v >= 0x30 && v <= 0x39 { return cWord | cDigit }
            if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { return cWord | cLetter }
            switch v {
            case 0x20, 0x09...0x0D: return cSpace
            case 0x27: return cApostrophe | cJoiner
            case 0x2D: return cJoiner
            case 0x2E, 0x2C, 0x2F: return cDigitJoiner
            default: return 0
            }
        }
        return nonASCIIClasses(v)
    }

    /// The classes of U+0080…U+07FF (Latin, Greek, Cyrillic, Hebrew, Arabic) and of General
    /// Punctuation U+2000…U+207F (’ “ ” — …), worked out once by ``nonASCIIClasses(_:)``.
    /// ``classes(of:)`` of the ASCII scalars, worked out once.
    private static let asciiClasses: [UInt8] = (0..<0x80).map { classes(of: UInt32($0)) }
    private static let twoByteClasses: [UInt8] = (0x80..<0x800).map { nonASCIIClasses(UInt32($0)) }
    private static let punctuationClasses: [UInt8] = (0x2000..<0x2080).map { nonASCIIClasses(UInt32($0)) }

    private static func nonASCIIClasses(_ v: UInt32) -> UInt8 {
        let s = Unicode.Scalar(v) ?? "\u{FFFD}"
        // every bit on its own, as the old predicates were asked separately: a no-break space is
        // a space between words and a joiner between digits
        var c: UInt8 = isSpace(s) ? cSpace : 0
        let p = s.properties
        let alphabetic = p.isAlphabetic
        if alphabetic || p.generalCategory == .nonspacingMark { c |= cWord }
        if alphabetic { c |= cLetter }
        switch v {
        case 0x2019, 0x02BC: c |= cApostrophe | cJoiner
        case 0x2010, 0x2011: c |= cJoiner
        case 0x00A0, 0x202F: c |= cDigitJoiner
        default: break
        }
        return c
    }

    /// One-byte strings for the ASCII punctuation tokens (no string made per token).
    fileprivate static let asciiStrings: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    private static func tokenize(bytes: UnsafeBufferPointer<UInt8>, scalars: UnsafeMutablePointer<UInt32>,
                                 offsets: UnsafeMutablePointer<Int32>, classes cls: UnsafeMutablePointer<UInt8>,
                                 vocabulary: Vocabulary?, ids: inout [Int32], tokens: inout [ClaimToken]) {
        var sink = FullSink(vocabulary: vocabulary, tokens: tokens, ids: ids)
        tokens = []
        ids = []
        cut(bytes: bytes, scalars: scalars, offsets: offsets, classes: cls, sink: &sink)
        tokens = sink.tokens
        ids = sink.ids
    }

    /// Where the cutting loop hands its tokens: a punctuation scalar or a word of scalars
    /// `from..<to` (the loop is the same for the full tokens and for ``TokenSpan``s).
    fileprivate protocol Sink {
        mutating func reserve(_ n: Int)
        mutating func punctuation(_ i: Int, bytes: UnsafeBufferPointer<UInt8>, scalars: UnsafeMutablePointer<UInt32>,
                                  offsets: UnsafeMutablePointer<Int32>)
        mutating func word(_ from: Int, _ to: Int, bytes: UnsafeBufferPointer<UInt8>, scalars: UnsafeMutablePointer<UInt32>,
                           offsets: UnsafeMutablePointer<Int32>, classes: UnsafeMutablePointer<UInt8>)
    }

    /// The full tokens (text and key strings), with their word numbers when a vocabulary is given.
    private struct FullSink: Sink {
        let vocabulary: Vocabulary?
        var tokens: [ClaimToken]
        var ids: [Int32]

        mutating func reserve(_ n: Int) {
            tokens.reserveCapacity(tokens.count + n)
            if vocabulary != nil { ids.reserveCapacity(ids.count + n) }
        }

        @inline(__always)
        mutating func punctuation(_ i: Int, bytes: UnsafeBufferPointer<UInt8>, scalars: UnsafeMutablePointer<UInt32>,
                                  offsets: UnsafeMutablePointer<Int32>) {
            let start = Int(offsets[i]), end = Int(offsets[i + 1])
            let t: String, key: String
            if scalars[i] < 0x80 {
                t = ClaimTokenizer.asciiStrings[Int(scalars[i])]
                key = t
            } else {
                t = makeText(bytes, start, end)
                key = punctuationKey(scalars[i], text: t)
            }
            tokens.append(ClaimToken(start: start, end: end, text: t, key: key,
                                     isWord: false, isCapitalized: false, isPossessive: false, hasDigit: false))
            if let vocabulary { ids.append(vocabulary.id(of: key)) }
        }

        @inline(__always)
        mutating func word(_ from: Int, _ to: Int, bytes: UnsafeBufferPointer<UInt8>, scalars: UnsafeMutablePointer<UInt32>,
                           offsets: UnsafeMutablePointer<Int32>, classes: UnsafeMutablePointer<UInt8>) {
            appendWord(from, to, bytes: bytes, scalars: scalars, offsets: offsets, classes: classes,
                       vocabulary: vocabulary, tokens: &tokens, ids: &ids)
        }
    }

    /// Per scalar U+0080…U+024F: its lowercase in ``normalizedKey(_:)`` (one scalar), with
    /// ``latinUpper`` set when the scalar is uppercase, or ``latinSlow`` when its lowercase is not
    /// one scalar below U+0250 (*İ*, *Ⱥ*: such a word takes the string path).
    private static let latinLower: [UInt32] = (0x80..<0x250).map { v -> UInt32 in
        let u = Unicode.Scalar(UInt32(v))!
        let upper: UInt32 = u.properties.isUppercase ? latinUpper : 0
        if v < 0x100 { return UInt32(v >= 0xC0 && v <= 0xDE && v != 0xD7 ? v + 0x20 : v) | upper }
        if !u.properties.changesWhenLowercased { return UInt32(v) | upper }
        let m = Array(u.properties.lowercaseMapping.unicodeScalars)
        guard m.count == 1, m[0].value < 0x250 else { return latinSlow }
        return m[0].value | upper
    }
    private static let latinUpper: UInt32 = 0x8000_0000
    private static let latinSlow: UInt32 = 0x4000_0000

    /// The word number and flags of a word whose bytes are valid UTF-8 of scalars below U+0250
    /// (Latin-1, Latin Extended-A and -B: *på*, *größte*, *sécurité*), or of ASCII and plain Greek
    /// or Cyrillic letters (``GreekCyrillicTable``: *тысяч*, *Αθήνα*), with typographic
    /// apostrophes and hyphens (’ ‘ ʼ ‐ ‑: *don’t*, *Trump’s*) and no-break spaces between
    /// digits anywhere; its key written on the stack as
    /// ``makeWord(_:_:bytes:scalars:offsets:classes:)`` makes it (lowercased, apostrophes and
    /// hyphens made straight, without a possessive) and looked up by its bytes
    /// (``Vocabulary/asciiID(lowering:)``, ``Vocabulary/latinID(_:)`` or, for a key holding a
    /// Greek or Cyrillic letter or U+202F, ``Vocabulary/otherID(_:)``); nil for any other word
    /// (a key mixing Latin letters beyond ASCII with those takes the string path too).
    @inline(never)
    fileprivate static func wideWord(_ from: Int, _ to: Int, start: Int, end: Int, bytes: UnsafeBufferPointer<UInt8>,
                                     scalars: UnsafeMutablePointer<UInt32>, classes cls: UnsafeMutablePointer<UInt8>,
                                     vocabulary: Vocabulary) -> (Int32, UInt8)? {
        let n = end - start
        guard n <= 256 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * n) { key -> (Int32, UInt8)? in
            let lower = latinLower
            var m = 0          // key bytes
            var count = 0      // key scalars
            var latin = false  // a key scalar in U+0080…U+024F
            var other = false  // a key scalar at or above U+0250
            var firstUpper = false
            var p = start
            while p < end {
                let b = bytes[p]
                var v: UInt32
                if b < 0x80 {
                    v = UInt32(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                    if p == start { firstUpper = b >= 0x41 && b <= 0x5A }
                    p += 1
                } else if b >= 0xC2 && b <= 0xDF {
                    // a two-byte sequence as a decoder reads it (U+0080…U+07FF)
                    guard p + 1 < end else { return nil }
                    let c = bytes[p + 1]
                    guard c & 0xC0 == 0x80 else { return nil }
                    let raw = (UInt32(b & 0x1F) << 6) | UInt32(c & 0x3F)
                    let e: UInt32
                    if raw < 0x250 {
                        e = lower[Int(raw) - 0x80]
                        guard e & latinSlow == 0 else { return nil }
                    } else if raw == 0x02BC {
                        e = 0x27
                    } else if raw >= GreekCyrillicTable.first && raw < GreekCyrillicTable.end {
                        e = GreekCyrillicTable.entries[Int(raw - GreekCyrillicTable.first)]
                        guard e & GreekCyrillicTable.slow == 0 else { return nil }
                    } else {
                        return nil
                    }
                    if p == start { firstUpper = e & latinUpper != 0 }
                    v = e & 0x3FFF_FFFF
                    p += 2
                } else if b == 0xE2, p + 2 < end, bytes[p + 1] == 0x80, bytes[p + 2] & 0xC0 == 0x80 {
                    // General Punctuation U+2000…U+203F: the joiners a word may hold
                    switch 0x2000 | UInt32(bytes[p + 2] & 0x3F) {
                    case 0x2019, 0x2018: v = 0x27
                    case 0x2010, 0x2011: v = 0x2D
                    case 0x202F: v = 0x202F
                    default: return nil
                    }
                    p += 3
                } else {
                    return nil
                }
                if v < 0x80 {
                    key[m] = UInt8(v)
                    m += 1
                } else if v < 0x800 {
                    key[m] = UInt8(0xC0 | v >> 6)
                    key[m + 1] = UInt8(0x80 | v & 0x3F)
                    m += 2
                    if v < 0x250 { latin = true } else { other = true }
                } else {
                    key[m] = UInt8(0xE0 | v >> 12)
                    key[m + 1] = UInt8(0x80 | v >> 6 & 0x3F)
                    key[m + 2] = UInt8(0x80 | v & 0x3F)
                    m += 3
                    other = true
                }
                count += 1
            }
            if latin && other { return nil }
            // …'s and …s' (the key holds no combining mark: its characters are its scalars)
            var keep = m
            if m > 2, key[m - 1] == 0x73, key[m - 2] == 0x27, count > 2 {
                keep = m - 2
            } else if m > 3, key[m - 1] == 0x27, key[m - 2] == 0x73, count > 3 {
                keep = m - 1
            }
            var flags = TokenSpan.word
            if firstUpper { flags |= TokenSpan.capitalized }
            if keep < m { flags |= TokenSpan.possessive }
            for k in from..<to where cls[k] & cDigit != 0 { flags |= TokenSpan.digit; break }
            let own = UnsafeBufferPointer(rebasing: key[0..<keep])
            if other { return (vocabulary.otherID(own), flags) }
            var plain = true
            if latin {
                for k in 0..<keep where own[k] >= 0x80 { plain = false; break }
            }
            return (plain ? vocabulary.asciiID(lowering: own) : vocabulary.latinID(own), flags)
        }
    }

    /// ``TokenSpan``s and their word numbers: no string made for a plain-ASCII token. They are
    /// written to scratch memory of one slot per scalar (a sentence has at most that many tokens)
    /// and appended to the caller's arrays at the end in one copy each.
    private struct SpanSink: Sink {
        let vocabulary: Vocabulary
        let spans: UnsafeMutablePointer<TokenSpan>
        let ids: UnsafeMutablePointer<Int32>
        var count = 0

        init(vocabulary: Vocabulary, spans: UnsafeMutablePointer<TokenSpan>, ids: UnsafeMutablePointer<Int32>) {
            self.vocabulary = vocabulary
            self.spans = spans
            self.ids = ids
        }

        mutating func reserve(_ n: Int) {}

        /// ``SpanSink/word(_:_:bytes:scalars:offsets:classes:)`` of an all-ASCII text: the bytes
        /// `from..<to` (scalars are bytes there); `digit` whether one of them is a digit.
        @inline(__always)
        mutating func asciiWord(_ start: Int, _ end: Int, digit: Bool, bytes: UnsafeBufferPointer<UInt8>) {
            let n = end - start
            var keep = n
            if n > 2, bytes[end - 1] | 0x20 == 0x73, bytes[end - 2] == 0x27 {            // …'s
                keep = n - 2
            } else if n > 3, bytes[end - 1] == 0x27, bytes[end - 2] | 0x20 == 0x73 {     // …s'
                keep = n - 1
            }
            var flags = TokenSpan.word | TokenSpan.ascii
            if digit { flags |= TokenSpan.digit }
            let first = bytes[start]
            if first >= 0x41 && first <= 0x5A { flags |= TokenSpan.capitalized }
            if keep < n { flags |= TokenSpan.possessive }
            put(TokenSpan(start: start, end: end, scalar: UInt32(first), flags: flags),
                vocabulary.packedID(lowering: bytes.baseAddress! + start, count: keep, available: bytes.count - start))
        }

        /// The punctuation token of the ASCII byte at `i`.
        @inline(__always)
        mutating func asciiPunctuation(_ i: Int, bytes: UnsafeBufferPointer<UInt8>) {
            put(TokenSpan(start: i, end: i + 1, scalar: UInt32(bytes[i]), flags: TokenSpan.ascii),
                vocabulary.packedID(lowering: bytes.baseAddress! + i, count: 1, available: bytes.count - i))
        }

        @inline(__always)
        fileprivate mutating func put(_ span: TokenSpan, _ id: Int32) {
            (spans + count).initialize(to: span)
            ids[count] = id
            count += 1
        }

        @inline(__always)
        mutating func punctuation(_ i: Int, bytes: UnsafeBufferPointer<UInt8>, scalars: UnsafeMutablePointer<UInt32>,
                                  offsets: UnsafeMutablePointer<Int32>) {
            let start = Int(offsets[i]), end = Int(offsets[i + 1])
            let v = scalars[i]
            let id: Int32
            if v < 0x80 {
                // the key is the scalar's one-byte string (an overlong encoding too)
                var b = UInt8(v)
                id = withUnsafePointer(to: &b) { vocabulary.packedID(lowering: $0, count: 1, available: 1) }
            } else if v == 0x2019 || v == 0x2018 || v == 0x02BC || v == 0x2010 || v == 0x2011 {
                // made straight: the key is ' or -
                var b: UInt8 = v == 0x2010 || v == 0x2011 ? 0x2D : 0x27
                id = withUnsafePointer(to: &b) { vocabulary.packedID(lowering: $0, count: 1, available: 1) }
            } else if let slot = Vocabulary.punctuationSlot(v) {
                // « » “ ” — …: its own key (none of them has a case), looked up by the scalar
                id = vocabulary.punctuationID(slot)
            } else {
                id = vocabulary.id(of: punctuationKey(v, text: makeText(bytes, start, end)))
            }
            put(TokenSpan(start: start, end: end, scalar: v, flags: v < 0x80 ? TokenSpan.ascii : 0), id)
        }

        @inline(__always)
        mutating func word(_ from: Int, _ to: Int, bytes: UnsafeBufferPointer<UInt8>, scalars: UnsafeMutablePointer<UInt32>,
                           offsets: UnsafeMutablePointer<Int32>, classes cls: UnsafeMutablePointer<UInt8>) {
            let start = Int(offsets[from]), end = Int(offsets[to])
            let n = end - start
            // a plain-ASCII word: as many bytes as scalars, all below 0x80
            // (one pass asks both whether it is ASCII and whether it holds a digit: an ASCII word's
            // scalars are its bytes)
            var ascii = n == to - from
            var digit = false
            if ascii {
                for k in from..<to {
                    let v = scalars[k]
                    if v >= 0x80 { ascii = false; break }
                    if v &- 0x30 < 10 { digit = true }
                }
            }
            guard ascii else {
                if let (id, flags) = ClaimTokenizer.wideWord(from, to, start: start, end: end, bytes: bytes, scalars: scalars,
                                                             classes: cls, vocabulary: vocabulary) {
                    put(TokenSpan(start: start, end: end, scalar: scalars[from], flags: flags), id)
                    return
                }
                let t = makeWord(from, to, bytes: bytes, scalars: scalars, offsets: offsets, classes: cls)
                var flags = TokenSpan.word
                if t.isCapitalized { flags |= TokenSpan.capitalized }
                if t.isPossessive { flags |= TokenSpan.possessive }
                if t.hasDigit { flags |= TokenSpan.digit }
                put(TokenSpan(start: start, end: end, scalar: scalars[from], flags: flags), vocabulary.id(of: t.key))
                return
            }
            asciiWord(start, end, digit: digit, bytes: bytes)
        }
    }

    /// Whether every byte is below 0x80 (eight at a time).
    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var k = 0
        var acc: UInt64 = 0
        while k &+ 8 <= n {
            acc |= UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
            k &+= 8
        }
        while k < n {
            acc |= UInt64(base[k])
            k &+= 1
        }
        return acc & 0x8080_8080_8080_8080 == 0
    }

    /// The cutting loop of ``cut(bytes:scalars:offsets:classes:sink:)`` for a text whose bytes
    /// are all ASCII: a scalar is its byte, its offset its index and its classes a table entry,
    /// so nothing is written per byte before the cut; the same tokens and word numbers.
    private static func cutASCII(bytes: UnsafeBufferPointer<UInt8>, sink: inout SpanSink) {
        cutASCII(bytes: bytes, from: 0, to: bytes.count, sink: &sink)
    }

    /// ``cutASCII(bytes:sink:)`` of the ASCII bytes `from..<to` of `bytes` (offsets stay those in
    /// `bytes`): a run ending at an ASCII space or at the text's end cuts as it does in the whole
    /// text (no token reaches across an ASCII space; see ``cutMixed(bytes:scalars:offsets:classes:sink:)``).
    private static func cutASCII(bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, sink: inout SpanSink) {
        let n = to
        asciiClasses.withUnsafeBufferPointer { table in
            @inline(__always) func cl(_ k: Int) -> UInt8 { table[Int(bytes[k])] }
            var i = from
            while i < n {
                let ci = cl(i)
                if ci & cSpace != 0 { i &+= 1; continue }
                if ci & cWord == 0 {
                    sink.asciiPunctuation(i, bytes: bytes)
                    i &+= 1
                    continue
                }
                var acc = ci
                var j = i &+ 1
                while j < n {
                    let c = cl(j)
                    if c & cWord != 0 { acc |= c; j &+= 1; continue }
                    if j + 1 < n, cl(j + 1) & cWord != 0 {
                        if c & cJoiner != 0, cl(j - 1) & cWord != 0 { j &+= 1; continue }
                        if c & cDigitJoiner != 0, cl(j - 1) & cDigit != 0, cl(j + 1) & cDigit != 0 { j &+= 1; continue }
                    }
                    break
                }
                // a plural possessive keeps its apostrophe: "farmers' groups"
                if j < n, cl(j) & cApostrophe != 0, j - i > 2, bytes[j - 1] == 0x73 || bytes[j - 1] == 0x53,
                   j + 1 == n || cl(j + 1) & cWord == 0 {
                    j += 1
                }
                // an elided article standing alone keeps its apostrophe: "l'", "d'", "qu'"
                if j < n, cl(j) & cApostrophe != 0, j - i <= 2, (i..<j).allSatisfy({ cl($0) & cLetter != 0 }) {
                    j += 1
                }
                var split = -1
                var k = i
                while k < j, k - i <= 2 {
                    if cl(k) & cApostrophe != 0 { split = k; break }
                    k += 1
                }
                if split > i, split + 1 < j {
                    @inline(__always) func digit(_ a: Int, _ b: Int) -> Bool {
                        for x in a..<b where cl(x) & cDigit != 0 { return true }
                        return false
                    }
                    sink.asciiWord(i, split + 1, digit: digit(i, split + 1), bytes: bytes)
                    sink.asciiWord(split + 1, j, digit: digit(split + 1, j), bytes: bytes)
                } else {
                    sink.asciiWord(i, j, digit: acc & cDigit != 0, bytes: bytes)
                }
                i = j
            }
        }
    }

    /// The sentence's ``TokenSpan``s and their word numbers, into arrays the caller keeps between
    /// sentences (both emptied first, their memory kept): the same tokens as ``tokenize(_:)``
    /// without their strings.
    static func tokenizeSpans(_ text: String, vocabulary: Vocabulary, into spans: inout [TokenSpan], ids: inout [Int32]) {
        while !spans.isEmpty { spans.removeLast() }
        while !ids.isEmpty { ids.removeLast() }
        var text = text
        text.withUTF8 { tokenizeSpans(bytes: $0, vocabulary: vocabulary, into: &spans, ids: &ids) }
    }

    /// ``leadingTokens(_:chunks:)`` as spans with their word numbers.
    static func leadingSpans(_ text: String, chunks: Int, vocabulary: Vocabulary) -> (spans: [TokenSpan], ids: [Int32], whole: Bool) {
        var text = text
        return text.withUTF8 { bytes in
            let p = chunkEnd(bytes, chunks: chunks)
            var spans: [TokenSpan] = [], ids: [Int32] = []
            tokenizeSpans(bytes: UnsafeBufferPointer(rebasing: bytes[0..<p]), vocabulary: vocabulary, into: &spans, ids: &ids)
            return (spans, ids, p >= bytes.count)
        }
    }

    /// The first tokens of `text` as ``leadingSpans(_:chunks:vocabulary:)`` cuts them, without an
    /// array: how many, whether they are the whole text, and the index of the first word among
    /// them (their count when none) with its word number (-1 when none).
    static func leadingWord(_ text: String, chunks: Int, vocabulary: Vocabulary) -> (count: Int, whole: Bool, word: Int, id: Int32) {
        var text = text
        return text.withUTF8 { bytes in
            let p = chunkEnd(bytes, chunks: chunks)
            let (count, word, id) = withSpans(bytes: UnsafeBufferPointer(rebasing: bytes[0..<p]), vocabulary: vocabulary) { spans, ids in
                var i = 0
                while i < spans.count, !spans[i].isWord { i += 1 }
                return (spans.count, i, i < spans.count ? ids[i] : -1)
            }
            return (count, p >= bytes.count, word, id)
        }
    }

    /// The spans of `bytes` and their word numbers, appended.
    private static func tokenizeSpans(bytes: UnsafeBufferPointer<UInt8>, vocabulary: Vocabulary,
                                      into spans: inout [TokenSpan], ids: inout [Int32]) {
        withSpans(bytes: bytes, vocabulary: vocabulary) { s, i in
            spans.append(contentsOf: s)
            ids.append(contentsOf: i)
        }
    }

    /// ``tokenizeSpans(_:vocabulary:into:ids:)`` cut in `arena`'s memory (kept between the
    /// sentences of an article) instead of temporary allocations: the same spans and word numbers.
    static func tokenizeSpans(_ text: String, vocabulary: Vocabulary, into spans: inout [TokenSpan], ids: inout [Int32],
                              arena: TokenizerArena) {
        var text = text
        text.withUTF8 { bytes in
            withSpans(bytes: bytes, vocabulary: vocabulary, arena: arena) { s, i in
                // one call each replaces what the arrays held (a text before) by these: no element
                // removed one at a time (a uniqueness check each), the memory kept
                spans.replaceSubrange(0..<spans.count, with: s)
                ids.replaceSubrange(0..<ids.count, with: i)
            }
        }
    }

    /// ``leadingWord(_:chunks:vocabulary:)`` cut in `arena`'s memory.
    static func leadingWord(_ text: String, chunks: Int, vocabulary: Vocabulary,
                            arena: TokenizerArena) -> (count: Int, whole: Bool, word: Int, id: Int32) {
        var text = text
        return text.withUTF8 { bytes in
            let p = chunkEnd(bytes, chunks: chunks)
            let (count, word, id) = withSpans(bytes: UnsafeBufferPointer(rebasing: bytes[0..<p]), vocabulary: vocabulary,
                                              arena: arena) { spans, ids in
                var i = 0
                while i < spans.count, !spans[i].isWord { i += 1 }
                return (spans.count, i, i < spans.count ? ids[i] : -1)
            }
            return (count, p >= bytes.count, word, id)
        }
    }

    /// ``withSpans(bytes:vocabulary:_:)`` in `arena`'s memory (grown to the longest text first).
    private static func withSpans<R>(bytes: UnsafeBufferPointer<UInt8>, vocabulary: Vocabulary, arena: TokenizerArena,
                                     _ body: (UnsafeBufferPointer<TokenSpan>, UnsafeBufferPointer<Int32>) -> R) -> R {
        let count = bytes.count
        guard count > 0 else {
            return body(UnsafeBufferPointer(start: nil, count: 0), UnsafeBufferPointer(start: nil, count: 0))
        }
        arena.reserve(count)
        var sink = SpanSink(vocabulary: vocabulary, spans: arena.spans, ids: arena.ids)
        if isASCII(bytes) {
            cutASCII(bytes: bytes, sink: &sink)
        } else {
            cutMixed(bytes: bytes, scalars: arena.scalars, offsets: arena.offsets, classes: arena.classes, sink: &sink)
        }
        let r = body(UnsafeBufferPointer(start: arena.spans, count: sink.count), UnsafeBufferPointer(start: arena.ids, count: sink.count))
        arena.spans.deinitialize(count: sink.count)   // trivial values: nothing to release
        return r
    }

    /// The spans and word numbers of `text` cut by the general loop (`asciiPath` false) or, for an
    /// all-ASCII text, by ``cutASCII(bytes:sink:)`` and for another by ``cutMixed(bytes:scalars:offsets:classes:sink:)``
    /// (`asciiPath` true; for tests comparing the two).
    static func spans(_ text: String, vocabulary: Vocabulary, asciiPath: Bool) -> (spans: [TokenSpan], ids: [Int32]) {
        var text = text
        return text.withUTF8 { bytes in
            withSpans(bytes: bytes, vocabulary: vocabulary, asciiPath: asciiPath) { (Array($0), Array($1)) }
        }
    }

    /// `body` called with the spans of `bytes` and their word numbers, in stack scratch.
    private static func withSpans<R>(bytes: UnsafeBufferPointer<UInt8>, vocabulary: Vocabulary, asciiPath: Bool = true,
                                     _ body: (UnsafeBufferPointer<TokenSpan>, UnsafeBufferPointer<Int32>) -> R) -> R {
        let count = bytes.count
        guard count > 0 else {
            return body(UnsafeBufferPointer(start: nil, count: 0), UnsafeBufferPointer(start: nil, count: 0))
        }
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: count) { scalars in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: count + 1) { offsets in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { classes in
                    withUnsafeTemporaryAllocation(of: TokenSpan.self, capacity: count) { outSpans in
                        withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { outIDs in
                            var sink = SpanSink(vocabulary: vocabulary, spans: outSpans.baseAddress!, ids: outIDs.baseAddress!)
                            if asciiPath && isASCII(bytes) {
                                cutASCII(bytes: bytes, sink: &sink)
                            } else if asciiPath {
                                cutMixed(bytes: bytes, scalars: scalars.baseAddress!, offsets: offsets.baseAddress!,
                                         classes: classes.baseAddress!, sink: &sink)
                            } else {
                                cut(bytes: bytes, scalars: scalars.baseAddress!, offsets: offsets.baseAddress!,
                                    classes: classes.baseAddress!, sink: &sink)
                            }
                            return body(UnsafeBufferPointer(start: outSpans.baseAddress!, count: sink.count),
                                        UnsafeBufferPointer(start: outIDs.baseAddress!, count: sink.count))
                        }
                    }
                }
            }
        }
    }

    /// The full token of a span of `bytes` (what ``tokenize(_:)`` made for it): its text and key
    /// made when a reader needs them.
    static func fullToken(_ span: TokenSpan, in bytes: UnsafeBufferPointer<UInt8>) -> ClaimToken {
        let start = span.start, end = span.end
        guard span.isWord else {
            let t = span.scalar < 0x80 ? asciiStrings[Int(span.scalar)] : makeText(bytes, start, end)
            return ClaimToken(start: start, end: end, text: t, key: span.scalar < 0x80 ? t : punctuationKey(span.scalar, text: t),
                              isWord: false, isCapitalized: false, isPossessive: false, hasDigit: false)
        }
        let text = makeText(bytes, start, end)
        let own = UnsafeBufferPointer(rebasing: bytes[start..<end])
        var key: String
        if let (k, _) = asciiKey(own, text: text) {
            key = k
        } else {
            key = normalizedKey(text)
            if key.utf8.count > 2, key.utf8.last == 0x73, key.hasSuffix("'s"), key.count > 2 {
                key.removeLast(2)
            } else if key.utf8.count > 3, key.utf8.last == 0x27, key.hasSuffix("s'"), key.count > 3 {
                key.removeLast(1)
            }
        }
        return ClaimToken(start: start, end: end, text: text, key: key, isWord: true, isCapitalized: span.isCapitalized,
                          isPossessive: span.isPossessive, hasDigit: span.hasDigit)
    }

    /// The cutting loop (see the type's summary), handing each token to `sink`.
    private static func cut<S: Sink>(bytes: UnsafeBufferPointer<UInt8>, scalars: UnsafeMutablePointer<UInt32>,
                                     offsets: UnsafeMutablePointer<Int32>, classes cls: UnsafeMutablePointer<UInt8>,
                                     sink: inout S) {
        cut(bytes: bytes, from: 0, to: bytes.count, scalars: scalars, offsets: offsets, classes: cls, sink: &sink)
    }

    /// True for an ASCII space (space, tab, line feed, vertical tab, form feed, carriage return):
    /// of class ``cSpace`` only, so no token reaches across one.
    @inline(__always)
    private static func isASCIISpace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }

    /// The index of the first byte of `bytes[from..<to]` at or above 0x80 (`to` if none), eight
    /// bytes at a time.
    @inline(__always)
    private static func firstNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard let base = bytes.baseAddress else { return to }
        var k = from
        while k &+ 8 <= to {
            if UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            k &+= 8
        }
        while k < to, base[k] < 0x80 { k &+= 1 }
        return k
    }

    /// The cutting of a text holding some non-ASCII bytes, in runs: a stretch of ASCII words
    /// (ending at an ASCII space) is cut by ``cutASCII(bytes:from:to:sink:)`` straight from its
    /// bytes, and only the words around the non-ASCII bytes (from the ASCII space before the first
    /// to the ASCII space after the last, nearby ones taken together) go through the general loop,
    /// which decodes every scalar first. An ASCII space is of class ``cSpace`` alone: no token
    /// reaches across it and no rule looks past it (a word's end is decided by the scalar after it,
    /// which is the space or the run's end alike), so the tokens are those of the general loop
    /// over the whole text (``spans(_:vocabulary:asciiPath:)`` compares them in the tests).
    private static func cutMixed(bytes: UnsafeBufferPointer<UInt8>, scalars: UnsafeMutablePointer<UInt32>,
                                 offsets: UnsafeMutablePointer<Int32>, classes cls: UnsafeMutablePointer<UInt8>,
                                 sink: inout SpanSink) {
        let count = bytes.count
        var p = 0
        while p < count {
            let q = firstNonASCII(bytes, from: p, to: count)
            if q >= count {
                cutASCII(bytes: bytes, from: p, to: count, sink: &sink)
                return
            }
            // the ASCII words before it, up to (and with) the last ASCII space before it
            var w = q
            while w > p, !isASCIISpace(bytes[w - 1]) { w -= 1 }
            if w > p { cutASCII(bytes: bytes, from: p, to: w, sink: &sink) }
            // the general loop from there to the ASCII space after the non-ASCII word; a
            // non-ASCII byte soon after joins the same run (one general run, not many small ones)
            var e = q
            while true {
                while e < count, !isASCIISpace(bytes[e]) { e += 1 }
                guard e < count else { break }
                let next = firstNonASCII(bytes, from: e, to: min(count, e + mixedGap))
                if next >= min(count, e + mixedGap) { break }
                e = next
            }
            cut(bytes: bytes, from: w, to: e, scalars: scalars, offsets: offsets, classes: cls, sink: &sink)
            p = e
        }
    }

    /// ASCII bytes fewer than this between two non-ASCII ones keep them in one general run.
    private static let mixedGap = 48

    /// ``cut(bytes:scalars:offsets:classes:sink:)`` of the bytes `from..<to` (offsets stay those
    /// in `bytes`; `from` and `to` are scalar boundaries).
    private static func cut<S: Sink>(bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, scalars: UnsafeMutablePointer<UInt32>,
                                     offsets: UnsafeMutablePointer<Int32>, classes cls: UnsafeMutablePointer<UInt8>,
                                     sink: inout S) {
        let count = to
        let twoByte = twoByteClasses, punctuation = punctuationClasses
        var n = 0
        var p = from
        let ascii = asciiClasses
        // (a sentence's offsets fit in Int32: a String of more than 2 GB is not read here)
        while p < count {
            let b = bytes[p]
            if b < 0x80 {
                // a run of ASCII bytes, their classes read through a buffer pointer (no bounds
                // check of the table's array per byte), the run's counters kept in registers
                ascii.withUnsafeBufferPointer { table in
                    var q = p, m = n
                    while q < count {
                        let c = bytes[q]
                        if c >= 0x80 { break }
                        scalars[m] = UInt32(c)
                        offsets[m] = Int32(truncatingIfNeeded: q)
                        cls[m] = table[Int(c)]
                        m &+= 1
                        q &+= 1
                    }
                    p = q
                    n = m
                }
                continue
            }
            let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            var v = UInt32(b) & (width == 4 ? 0x07 : width == 3 ? 0x0F : 0x1F)
            for k in 1..<width where p + k < count { v = v << 6 | (UInt32(bytes[p + k]) & 0x3F) }
            if Unicode.Scalar(v) == nil { v = 0xFFFD }
            scalars[n] = v
            offsets[n] = Int32(p)
            cls[n] = v < 0x80 ? classes(of: v) : v < 0x800 ? twoByte[Int(v) - 0x80]
                : v >= 0x2000 && v < 0x2080 ? punctuation[Int(v) - 0x2000] : nonASCIIClasses(v)
            n += 1
            p += width
        }
        offsets[n] = Int32(count)
        sink.reserve(n / 3 + 4)
        var i = 0
        while i < n {
            let ci = cls[i]
            if ci & cSpace != 0 { i += 1; continue }
            if ci & cWord == 0 {
                sink.punctuation(i, bytes: bytes, scalars: scalars, offsets: offsets)
                i += 1
                continue
            }
            var j = i + 1
            while j < n {
                let c = cls[j]
                if c & cWord != 0 { j += 1; continue }
                if j + 1 < n, cls[j + 1] & cWord != 0 {
                    if c & cJoiner != 0, cls[j - 1] & cWord != 0 { j += 1; continue }
                    if c & cDigitJoiner != 0, cls[j - 1] & cDigit != 0, cls[j + 1] & cDigit != 0 { j += 1; continue }
                }
                break
            }
            // a plural possessive keeps its apostrophe: "farmers’ groups"
            if j < n, cls[j] & cApostrophe != 0, j - i > 2, scalars[j - 1] == 0x73 || scalars[j - 1] == 0x53,
               j + 1 == n || cls[j + 1] & cWord == 0 {
                j += 1
            }
            // an elided article standing alone keeps its apostrophe: "l'", "d'", "qu'"
            if j < n, cls[j] & cApostrophe != 0, j - i <= 2, (i..<j).allSatisfy({ cls[$0] & cLetter != 0 }) {
                j += 1
            }
            // An elided article or preposition: at most two letters, then an apostrophe (l' d' qu' j').
            var split = -1
            var k = i
            while k < j, k - i <= 2 {
                if cls[k] & cApostrophe != 0 { split = k; break }
                k += 1
            }
            if split > i, split + 1 < j {
                sink.word(i, split + 1, bytes: bytes, scalars: scalars, offsets: offsets, classes: cls)
                sink.word(split + 1, j, bytes: bytes, scalars: scalars, offsets: offsets, classes: cls)
            } else {
                sink.word(i, j, bytes: bytes, scalars: scalars, offsets: offsets, classes: cls)
            }
            i = j
        }
    }

    fileprivate static func makeText(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// ``normalizedKey(_:)`` of a one-scalar punctuation token: the text itself unless the scalar
    /// is straightened (’ ‘ ʼ → ', ‐ ‑ → -) or changes when lowercased.
    @inline(__always)
    fileprivate static func punctuationKey(_ v: UInt32, text: String) -> String {
        switch v {
        case 0x2019, 0x2018, 0x02BC: return "'"
        case 0x2010, 0x2011: return "-"
        case 0x80..<0xC0: return text   // Latin-1 signs and marks: their own lowercase
        case 0x2000..<0x2070: return text   // General Punctuation (— “ ” …): none has a case
        default:
            if let u = Unicode.Scalar(v), !u.properties.changesWhenLowercased { return text }
            return normalizedKey(text)
        }
    }

    /// Appends the word of scalars `from..<to` (and its number, with a vocabulary).
    @inline(__always)
    fileprivate static func appendWord(_ from: Int, _ to: Int, bytes: UnsafeBufferPointer<UInt8>,
                                   scalars: UnsafeMutablePointer<UInt32>, offsets: UnsafeMutablePointer<Int32>,
                                   classes cls: UnsafeMutablePointer<UInt8>, vocabulary: Vocabulary?,
                                   tokens: inout [ClaimToken], ids: inout [Int32]) {
        guard let vocabulary else {
            tokens.append(makeWord(from, to, bytes: bytes, scalars: scalars, offsets: offsets, classes: cls))
            return
        }
        let start = Int(offsets[from]), end = Int(offsets[to])
        let n = end - start
        // a plain-ASCII word: as many bytes as scalars, all below 0x80
        var ascii = n == to - from
        if ascii { for k in from..<to where scalars[k] >= 0x80 { ascii = false; break } }
        guard ascii else {
            let t = makeWord(from, to, bytes: bytes, scalars: scalars, offsets: offsets, classes: cls)
            ids.append(vocabulary.id(of: t.key))
            tokens.append(t)
            return
        }
        var keep = n
        if n > 2, bytes[end - 1] | 0x20 == 0x73, bytes[end - 2] == 0x27 {            // …'s
            keep = n - 2
        } else if n > 3, bytes[end - 1] == 0x27, bytes[end - 2] | 0x20 == 0x73 {     // …s'
            keep = n - 1
        }
        var upper = false
        var hasDigit = false
        for k in start..<end {
            let b = bytes[k]
            if b >= 0x41 && b <= 0x5A { upper = true }
            if b >= 0x30 && b <= 0x39 { hasDigit = true }
        }
        let first = bytes[start]
        let capitalized = first >= 0x41 && first <= 0x5A
        if let found = vocabulary.asciiWord(lowering: UnsafeBufferPointer(rebasing: bytes[start..<(start + keep)])) {
            let text = !upper && keep == n ? found.key : makeText(bytes, start, end)
            ids.append(found.id)
            tokens.append(ClaimToken(start: start, end: end, text: text, key: found.key, isWord: true,
                                     isCapitalized: capitalized, isPossessive: keep < n, hasDigit: hasDigit))
            return
        }
        // no table lists it: the key is the text, lowercased and without a possessive
        let text = makeText(bytes, start, end)
        let key = !upper && keep == n ? text : String(unsafeUninitializedCapacity: keep) { out in
            for k in 0..<keep {
                let b = bytes[start + k]
                out[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            }
            return keep
        }
        ids.append(-1)
        tokens.append(ClaimToken(start: start, end: end, text: text, key: key, isWord: true,
                                 isCapitalized: capitalized, isPossessive: keep < n, hasDigit: hasDigit))
    }

    /// The word of scalars `from..<to`.
    @inline(__always)
    fileprivate static func makeWord(_ from: Int, _ to: Int, bytes: UnsafeBufferPointer<UInt8>, scalars: UnsafeMutablePointer<UInt32>,
                                 offsets: UnsafeMutablePointer<Int32>, classes cls: UnsafeMutablePointer<UInt8>) -> ClaimToken {
        let start = Int(offsets[from]), end = Int(offsets[to])
        let text = makeText(bytes, start, end)
        let first = scalars[from]
        let capitalized = first < 0x80 ? (first >= 0x41 && first <= 0x5A)
            : (Unicode.Scalar(first) ?? "\u{FFFD}").properties.isUppercase
        var hasDigit = false
        for k in from..<to where cls[k] & cDigit != 0 { hasDigit = true; break }
        let own = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if let (key, possessive) = asciiKey(own, text: text) {
            return ClaimToken(start: start, end: end, text: text, key: key, isWord: true,
                              isCapitalized: capitalized, isPossessive: possessive, hasDigit: hasDigit)
        }
        var key = normalizedKey(text)
        var possessive = false
        if key.utf8.count > 2, key.utf8.last == 0x73, key.hasSuffix("'s"), key.count > 2 {     // …'s
            key.removeLast(2)
            possessive = true
        } else if key.utf8.count > 3, key.utf8.last == 0x27, key.hasSuffix("s'"), key.count > 3 {  // …s'
            key.removeLast(1)
            possessive = true
        }
        return ClaimToken(start: start, end: end, text: text, key: key, isWord: true,
                          isCapitalized: capitalized, isPossessive: possessive, hasDigit: hasDigit)
    }

    /// The key of a plain-ASCII word from its bytes, lowercased byte by byte and without a
    /// possessive `'s` (or the apostrophe of a plural `s'`), and whether one was taken off; nil
    /// for a word that is not plain ASCII (``normalizedKey(_:)`` makes its key).
    fileprivate static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> (String, Bool)? {
        var upper = false
        for b in bytes {
            if b >= 0x80 { return nil }
            if b >= 0x41 && b <= 0x5A { upper = true }
        }
        let n = bytes.count
        var keep = n
        if n > 2, bytes[n - 1] | 0x20 == 0x73, bytes[n - 2] == 0x27 {            // …'s
            keep = n - 2
        } else if n > 3, bytes[n - 1] == 0x27, bytes[n - 2] | 0x20 == 0x73 {     // …s'
            keep = n - 1
        }
        guard upper || keep < n else { return (text, false) }
        let key = String(unsafeUninitializedCapacity: keep) { out in
            for k in 0..<keep {
                let b = bytes[k]
                out[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            }
            return keep
        }
        return (key, keep < n)
    }

    /// The form tables are matched in: lowercased, with typographic apostrophes made straight.
    ///
    /// `String.lowercased()` lowercases scalar by scalar (each scalar's `lowercaseMapping`); so
    /// does this, with ASCII and Latin-1 lowercased by their code points and no string built for
    /// them.
    static func normalizedKey(_ s: String) -> String {
        // a full lowercase mapping is at most three scalars of at most four bytes: at most six
        // times the bytes of the (two-byte or longer) scalar it replaces
        let capacity = s.utf8.count * 6 + 16
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { out in
            var n = 0
            @inline(__always) func put(_ b: UInt8) {
                out[n] = b
                n += 1
            }
            @inline(__always) func append(_ v: UInt32) {
                if v < 0x80 {
                    put(UInt8(v))
                } else if v < 0x800 {
                    put(UInt8(0xC0 | v >> 6))
                    put(UInt8(0x80 | v & 0x3F))
                } else if v < 0x10000 {
                    put(UInt8(0xE0 | v >> 12))
                    put(UInt8(0x80 | v >> 6 & 0x3F))
                    put(UInt8(0x80 | v & 0x3F))
                } else {
                    put(UInt8(0xF0 | v >> 18))
                    put(UInt8(0x80 | v >> 12 & 0x3F))
                    put(UInt8(0x80 | v >> 6 & 0x3F))
                    put(UInt8(0x80 | v & 0x3F))
                }
            }
            @inline(__always) func appendLowered(_ v: UInt32) {
                switch v {
                case 0x2019, 0x2018, 0x02BC: put(0x27)
                case 0x2010, 0x2011: put(0x2D)
                default: append(v)
                }
            }
            for u in s.unicodeScalars {
                let v = u.value
                if v < 0x80 {
                    put(v >= 0x41 && v <= 0x5A ? UInt8(v | 0x20) : UInt8(v))
                } else if v < 0x100 {
                    // Latin-1: À…Þ (not ×) lower by 0x20; the rest are their own lowercase
                    append(v >= 0xC0 && v <= 0xDE && v != 0xD7 ? v + 0x20 : v)
                } else if !u.properties.changesWhenLowercased {
                    appendLowered(v)   // its own lowercase: no mapping string made
                } else {
                    for m in u.properties.lowercaseMapping.unicodeScalars { appendLowered(m.value) }
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: out[0..<n]), as: UTF8.self)
        }
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value == 0x20 || (s.value >= 0x09 && s.value <= 0x0D) }
        return s.properties.isWhitespace || s == "\u{200B}" || s == "\u{FEFF}"
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) }
        return s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark
    }

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" || s == "\u{02BC}" }
}

/// The memory ``ClaimTokenizer`` cuts a text in (its scalars, their offsets and classes, the spans
/// and word numbers), kept between the sentences of an article and grown to the longest: one
/// allocation per buffer for the article instead of temporary allocations per sentence (those of
/// a sentence over 64 bytes went to the heap). One arena belongs to one reading thread.
final class TokenizerArena {
    /// Room for texts of up to this many UTF-8 bytes.
    private(set) var capacity = 0
    private(set) var scalars = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
    private(set) var offsets = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
    private(set) var classes = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    private(set) var spans = UnsafeMutablePointer<TokenSpan>.allocate(capacity: 1)
    private(set) var ids = UnsafeMutablePointer<Int32>.allocate(capacity: 1)

    init() {}

    /// Makes room for a text of `count` bytes (a text has at most one scalar, and one token, a byte).
    @inline(__always)
    func reserve(_ count: Int) {
        if count > capacity { grow(count) }
    }

    @inline(never)
    private func grow(_ count: Int) {
        release()
        capacity = max(count, capacity * 2, 256)
        scalars = .allocate(capacity: capacity)
        offsets = .allocate(capacity: capacity + 1)
        classes = .allocate(capacity: capacity)
        spans = .allocate(capacity: capacity)
        ids = .allocate(capacity: capacity)
    }

    private func release() {
        scalars.deallocate()
        offsets.deallocate()
        classes.deallocate()
        spans.deallocate()
        ids.deallocate()
    }

    deinit { release() }
}
