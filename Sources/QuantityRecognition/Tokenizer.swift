/// A token of a scanned text: a word, a number (digits with their separators) or a symbol.
///
/// Offsets are UTF-8 byte offsets into the scanned text, half-open.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case word, number, symbol }

    var kind: Kind
    var start: Int
    var end: Int
    /// Words: case-folded text; symbols: the symbol; numbers: the digits and separators as written
    /// (any space-like separator written as one ASCII space).
    var key: String
    /// True when white space separates this token from the previous one (or it is the first).
    var spaceBefore: Bool
    /// True when the first letter of a word is a capital.
    var capitalized: Bool = false
    /// True when a word token holds digits too ("G7", "h12", "COP26").
    var hasDigits: Bool = false
    /// A word whose `key` is not made yet (empty): ``Tokenizer/tokenize(bytes:decimalMark:spaceGroups:lazyWordKeys:)``
    /// leaves it to the scanner, which makes it only for the words it looks up
    /// (``Tokenizer/wordKey(_:_:)``).
    var lazyKey: Bool = false
    /// A word with a byte beyond ASCII (its key is folded scalar by scalar, not byte by byte).
    /// Set only with ``lazyKey``.
    var nonASCII: Bool = false
    /// An ASCII word's ``QuantityGate/skeletonHash(_:_:_:)``, made by the tokenizer as it reads
    /// the word; 0 for any other token.
    var skeletonHash: UInt64 = 0
}

/// Where the tokenizer appends its tokens: an array, or a ``TokenBuffer``.
protocol TokenSink {
    mutating func append(_ token: Token)
}

extension Array: TokenSink where Element == Token {}

/// Tokens in memory of their own, for the scanner: an append is a store (no array checks), and
/// the scanner reads and updates a token in place (no copy of it, no retain of its key).
/// Whoever makes one must call ``free()`` once, after its last use; ``removeAll()`` empties it
/// for another text and keeps its memory.
struct TokenBuffer: TokenSink {
    private(set) var base: UnsafeMutablePointer<Token>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 4)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(_ token: Token) {
        if count == capacity { grow() }
        (base + count).initialize(to: token)
        count += 1
    }

    private mutating func grow() { reallocate(capacity * 2) }

    private mutating func reallocate(_ newCapacity: Int) {
        let bigger = UnsafeMutablePointer<Token>.allocate(capacity: newCapacity)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }

    /// Room for at least `minimumCapacity` tokens in all (no move of the tokens when there is).
    mutating func reserve(_ minimumCapacity: Int) {
        if minimumCapacity > capacity { reallocate(max(minimumCapacity, capacity * 2)) }
    }

    /// Releases the tokens and keeps the memory, for the next text.
    ///
    /// A word whose key is not made yet (``Token/lazyKey``) holds the empty string, which owns no
    /// memory: only the other tokens are deinitialized (most words of a text are never looked up
    /// by their key, and a generic destroy per token cost more than the look at the flag).
    mutating func removeAll() {
        var k = 0
        while k < count {
            if !(base + k).pointee.lazyKey { (base + k).deinitialize(count: 1) }
            k += 1
        }
        count = 0
    }

    /// The tokens, read and written in place.
    var tokens: UnsafeMutableBufferPointer<Token> { UnsafeMutableBufferPointer(start: base, count: count) }

    /// Releases the tokens and the memory.
    func free() {
        var copy = self
        copy.removeAll()
        base.deallocate()
    }
}

/// Splits UTF-8 text into tokens by walking its bytes.
///
/// Words run over letters (any non-ASCII scalar that is not a known space or symbol counts as a
/// letter) and digits after a letter; numbers run over digits and the separators `.` and `,`
/// when a digit follows, and over a space (or U+00A0, U+202F, U+2009) when exactly three digits
/// follow and the groups so far have the shape of digit grouping. Every other character is a
/// one-character symbol token. A hyphen inside a word is its own symbol token, so the parts of
/// *quatre-vingt-dix* or *Covid-19* stay visible to the engine.
enum Tokenizer {
    enum CharClass { case space, digit, letter, symbol }

    /// Decodes the scalar at `i`: its value and its length in bytes.
    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = UInt32(b[i])
        if b0 < 0x80 { return (b0, 1) }
        let n = b.count
        if b0 < 0xE0, i + 1 < n { return (((b0 & 0x1F) << 6) | (UInt32(b[i + 1]) & 0x3F), 2) }
        if b0 < 0xF0, i + 2 < n {
            return (((b0 & 0x0F) << 12) | ((UInt32(b[i + 1]) & 0x3F) << 6) | (UInt32(b[i + 2]) & 0x3F), 3)
        }
        if i + 3 < n {
            return (((b0 & 0x07) << 18) | ((UInt32(b[i + 1]) & 0x3F) << 12) | ((UInt32(b[i + 2]) & 0x3F) << 6)
                    | (UInt32(b[i + 3]) & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    @inline(__always)
    static func classify(_ s: UInt32) -> CharClass {
        switch s {
        case 0x30...0x39: return .digit
        case 0x41...0x5A, 0x61...0x7A: return .letter
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return .space
        case 0..<0x80: return .symbol
        case 0xA1...0xBF, 0xD7, 0xF7: return .symbol
        case 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20CF, 0x2100...0x218F, 0x2190...0x22FF: return .symbol
        default: return .letter
        }
    }

    /// True for the space-like scalars that may stand inside digit groups.
    @inline(__always)
    static func groupSpaceWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = b.count
        if b[i] == 0x20 { return 1 }
        if b[i] == 0xC2, i + 1 < n, b[i + 1] == 0xA0 { return 2 }
        if b[i] == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0xAF || b[i + 2] == 0x89 { return 3 }
        return 0
    }

    @inline(__always)
    static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

    /// Folds a scalar to lower case: ASCII, Latin-1 capitals and Latin Extended-A pairs.
    @inline(__always)
    static func fold(_ s: UInt32) -> UInt32 {
        switch s {
        case 0x41...0x5A: return s + 0x20
        case 0xC0...0xDE where s != 0xD7: return s + 0x20
        case 0x100...0x137 where s & 1 == 0: return s + 1
        case 0x139...0x148 where s & 1 == 1: return s + 1
        case 0x14A...0x177 where s & 1 == 0: return s + 1
        case 0x178: return 0xFF
        case 0x179...0x17E where s & 1 == 1: return s + 1
        case 0x2212: return 0x2D  // minus sign → hyphen-minus
        default: return s
        }
    }

    /// One-character strings for the ASCII scalars: symbol keys made without building a string.
    static let asciiKeys: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    /// One-character strings for General Punctuation (U+2000…U+206F: dashes, quotes, ellipsis).
    static let punctuationKeys: [String] = (0x2000..<0x2070).map { String(Unicode.Scalar(UInt32($0))!) }

    /// The key of the ASCII word `b[i..<k]`: its bytes with capitals lowered.
    static func asciiKey(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ k: Int) -> String {
        let word = UnsafeBufferPointer(rebasing: b[i..<k])
        return String(unsafeUninitializedCapacity: word.count) { out in
            for (m, c) in word.enumerated() { out[m] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
            return word.count
        }
    }

    /// The key of the word `b[i..<k]` (letters and digits as the tokenizer reads a word): its
    /// letters folded (``fold(_:)``), written straight into the string's storage.
    ///
    /// One pass: folding never lengthens a scalar (``fold(_:)`` maps a letter to one of the same
    /// UTF-8 length, and only U+2212, a symbol, to a shorter one), so the word's own length is
    /// room enough; an ASCII byte is folded as a byte (only A…Z change).
    /// (Bytes that are no valid UTF-8 may decode to a longer U+FFFD: such a word is made by
    /// ``foldedKeyReference(_:_:_:)``.)
    static func foldedKey(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ j: Int) -> String {
        let capacity = j - i
        var overflow = false
        let key = String(unsafeUninitializedCapacity: capacity) { out in
            var k = i, o = 0
            while k < j {
                let c = b[k]
                if c < 0x80 {
                    out[o] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
                    o += 1
                    k += 1
                    continue
                }
                let (t, l) = decode(b, k)
                let f = classify(t) == .letter ? fold(t) : t
                // (never more bytes out than in: the ASCII bytes after it keep their room)
                if utf8Length(f) > l || k + l > j { overflow = true; return 0 }
                o = write(f, to: out, at: o)
                k += l
            }
            return o
        }
        return overflow ? foldedKeyReference(b, i, j) : key
    }

    /// ``foldedKey(_:_:_:)`` as first written (scalar by scalar, measured first): the reference
    /// the tests compare it with.
    static func foldedKeyReference(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ j: Int) -> String {
        var keyLength = 0
        var k = i
        while k < j {
            let (t, l) = decode(b, k)
            keyLength += classify(t) == .letter ? utf8Length(fold(t)) : l
            k += l
        }
        return String(unsafeUninitializedCapacity: keyLength) { out in
            var k = i, o = 0
            while k < j {
                let (t, l) = decode(b, k)
                o = write(classify(t) == .letter ? fold(t) : t, to: out, at: o)
                k += l
            }
            return o
        }
    }

    /// The key of a word token whose key is not made yet (``Token/lazyKey``): ``asciiKey(_:_:_:)``
    /// of an ASCII word, ``foldedKey(_:_:_:)`` of any other.
    @inline(__always)
    static func wordKey(_ b: UnsafeBufferPointer<UInt8>, _ token: Token) -> String {
        wordKey(b, token.start, token.end, nonASCII: token.nonASCII)
    }

    /// ``wordKey(_:_:)`` from the token's fields (the scanner reads them in place: no copy of
    /// the token).
    @inline(__always)
    static func wordKey(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, nonASCII: Bool) -> String {
        nonASCII ? foldedKey(b, start, end) : asciiKey(b, start, end)
    }

    /// The length of a scalar in UTF-8.
    @inline(__always)
    static func utf8Length(_ s: UInt32) -> Int { s < 0x80 ? 1 : s < 0x800 ? 2 : s < 0x10000 ? 3 : 4 }

    /// Writes the UTF-8 of `s` at `o`; returns the offset after it.
    @inline(__always)
    static func write(_ s: UInt32, to out: UnsafeMutableBufferPointer<UInt8>, at o: Int) -> Int {
        switch s {
        case 0..<0x80:
            out[o] = UInt8(s); return o + 1
        case 0x80..<0x800:
            out[o] = UInt8(0xC0 | (s >> 6)); out[o + 1] = UInt8(0x80 | (s & 0x3F)); return o + 2
        case 0x800..<0x10000:
            out[o] = UInt8(0xE0 | (s >> 12)); out[o + 1] = UInt8(0x80 | ((s >> 6) & 0x3F))
            out[o + 2] = UInt8(0x80 | (s & 0x3F)); return o + 3
        default:
            out[o] = UInt8(0xF0 | (s >> 18)); out[o + 1] = UInt8(0x80 | ((s >> 12) & 0x3F))
            out[o + 2] = UInt8(0x80 | ((s >> 6) & 0x3F)); out[o + 3] = UInt8(0x80 | (s & 0x3F)); return o + 4
        }
    }

    /// Tokens of `text`. `decimalMark` lets a number start with it (`.77`, `,0012`);
    /// `spaceGroups` lets a space stand between digit groups (`3 000`).
    static func tokenize(_ text: String, decimalMark: UInt8 = UInt8(ascii: "."), spaceGroups: Bool = true) -> [Token] {
        var copy = text
        return copy.withUTF8 { tokenize(bytes: $0, decimalMark: decimalMark, spaceGroups: spaceGroups) }
    }

    static func tokenize(bytes b: UnsafeBufferPointer<UInt8>, decimalMark: UInt8, spaceGroups: Bool,
                         lazyWordKeys: Bool = false) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(b.count / 4)
        tokenize(bytes: b, decimalMark: decimalMark, spaceGroups: spaceGroups, lazyWordKeys: lazyWordKeys, into: &tokens)
        return tokens
    }

    /// The tokens of `b`, appended to `tokens`.
    static func tokenize<Sink: TokenSink>(bytes b: UnsafeBufferPointer<UInt8>, decimalMark: UInt8, spaceGroups: Bool,
                                          lazyWordKeys: Bool, into tokens: inout Sink) {
        let n = b.count
        var i = 0
        var sawSpace = true
        // the kind of the token before (nil: none yet) and whether it is a number of at most
        // three characters (without copying the token back out of the array)
        var previous: Token.Kind?
        var previousShortNumber = false
        while i < n {
            let (s, len) = decode(b, i)
            let cls = classify(s)
            switch cls {
            case .space:
                sawSpace = true
                i += len
            case .digit:
                // After a short number and a space ("1 2 3", "101 102 103"), digits start a new
                // number: a list is never read as digit grouping.
                let listed = sawSpace && previousShortNumber
                let (end, key) = scanNumber(b, from: i, spaceGroups: spaceGroups && !listed)
                tokens.append(Token(kind: .number, start: i, end: end, key: key, spaceBefore: sawSpace))
                previous = .number
                previousShortNumber = key.utf8.count <= 3
                sawSpace = false
                i = end
            case .letter:
                // Plain ASCII words (most words of most languages): the key is the bytes lowercased,
                // made in one go. A word that turns out to hold other letters is read below.
                // (the skeleton hash is made on the way: ``QuantityGate/skeletonHash(_:_:_:)``)
                var k = i
                var asciiDigits = false
                var h = QuantityGate.seed
                while k < n {
                    let c = b[k]
                    if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A { h = QuantityGate.mix(h, UInt32(c | 0x20)); k += 1; continue }
                    if c >= 0x30 && c <= 0x39 { h = QuantityGate.mix(h, UInt32(c)); asciiDigits = true; k += 1; continue }
                    break
                }
                if k == n || b[k] < 0x80 {
                    let key = lazyWordKeys ? "" : asciiKey(b, i, k)
                    tokens.append(Token(kind: .word, start: i, end: k, key: key, spaceBefore: sawSpace,
                                        capitalized: b[i] >= 0x41 && b[i] <= 0x5A, hasDigits: asciiDigits, lazyKey: lazyWordKeys,
                                        skeletonHash: h))
                    previous = .word
                    previousShortNumber = false
                    sawSpace = false
                    i = k
                    continue
                }
                // Any other word: measure it (its end, digits), then (unless left to the scanner)
                // write the folded key straight into the string's storage.
                var j = i
                var digits = false
                while j < n {
                    let (t, l) = decode(b, j)
                    let c = classify(t)
                    if c == .digit { digits = true } else if c != .letter { break }
                    j += l
                }
                tokens.append(Token(kind: .word, start: i, end: j, key: lazyWordKeys ? "" : foldedKey(b, i, j),
                                    spaceBefore: sawSpace, capitalized: s != fold(s), hasDigits: digits,
                                    lazyKey: lazyWordKeys, nonASCII: lazyWordKeys))
                previous = .word
                previousShortNumber = false
                sawSpace = false
                i = j
            case .symbol:
                // A number may start with its decimal mark: ".77", ",0012G".
                if b[i] == decimalMark, i + 1 < n, isDigit(b[i + 1]),
                   previous == nil || sawSpace || previous == .symbol {
                    let (end, key) = scanNumber(b, from: i, spaceGroups: spaceGroups)
                    tokens.append(Token(kind: .number, start: i, end: end, key: key, spaceBefore: sawSpace))
                    previous = .number
                    previousShortNumber = key.utf8.count <= 3
                    sawSpace = false
                    i = end
                    continue
                }
                let f = fold(s)
                let key = f < 0x80 ? asciiKeys[Int(f)]
                    : f &- 0x2000 < 0x70 ? punctuationKeys[Int(f - 0x2000)]
                    : String(unsafeUninitializedCapacity: utf8Length(f)) { write(f, to: $0, at: 0) }
                tokens.append(Token(kind: .symbol, start: i, end: i + len, key: key, spaceBefore: sawSpace))
                previous = .symbol
                previousShortNumber = false
                sawSpace = false
                i += len
            }
        }
    }

    /// The most space-separated groups of three digits after the first group (`1 000 000 000 000`).
    static let maxSpaceGroups = 4

    /// True when the space groups starting at `j` (a space after the first group) have the shape
    /// of digit grouping: at most ``maxSpaceGroups`` groups of exactly three digits, and no
    /// further number after a space. Looks at most `maxSpaceGroups + 1` groups ahead.
    static func spaceRunIsGrouping(_ b: UnsafeBufferPointer<UInt8>, from j0: Int) -> Bool {
        let n = b.count
        var j = j0
        var count = 0
        while j < n {
            let w = groupSpaceWidth(b, j)
            guard w > 0 else { return true }
            let k = j + w
            guard k < n, isDigit(b[k]) else { return true }
            // A digit after the space: either another group of exactly three, or a number of its own.
            guard k + 2 < n, isDigit(b[k + 1]), isDigit(b[k + 2]), k + 3 >= n || !isDigit(b[k + 3]) else { return false }
            count += 1
            if count > maxSpaceGroups { return false }
            j = k + 3
        }
        return true
    }

    /// Scans a number starting at `i` (a digit or a decimal mark before a digit): its end and its
    /// key (the digits and marks as written, a group space written as one ASCII space).
    static func scanNumber(_ b: UnsafeBufferPointer<UInt8>, from i: Int, spaceGroups: Bool) -> (Int, String) {
        let n = b.count
        var j = i
        var group = 0
        var groups = 0           // separators seen so far
        var spaceOK = true       // the shape so far allows a space group
        var keyLength = 0
        while j < n {
            let c = b[j]
            if isDigit(c) { keyLength += 1; group += 1; j += 1; continue }
            if (c == UInt8(ascii: ".") || c == UInt8(ascii: ",")), j + 1 < n, isDigit(b[j + 1]) {
                if groups == 0 && group > 3 { spaceOK = false }
                if group != 3 && groups > 0 { spaceOK = false }
                keyLength += 1; group = 0; groups += 1; j += 1
                continue
            }
            if spaceGroups, spaceOK {
                let w = groupSpaceWidth(b, j)
                if w > 0, groups == 0 ? group <= 3 : group == 3 {
                    let k = j + w
                    if k + 2 < n, isDigit(b[k]), isDigit(b[k + 1]), isDigit(b[k + 2]), k + 3 >= n || !isDigit(b[k + 3]) {
                        // The first space group decides for the whole run: at most `maxSpaceGroups`
                        // groups, and no number right after it ("101 102 103 …" is a list).
                        if groups == 0, !spaceRunIsGrouping(b, from: j) { break }
                        keyLength += 1; group = 0; groups += 1; j = k
                        continue
                    }
                }
            }
            break
        }
        // Digits, `.` and `,` are copied; anything else inside the run is a group space.
        let key = String(unsafeUninitializedCapacity: keyLength) { out in
            var k = i, o = 0
            while k < j {
                let c = b[k]
                if isDigit(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: ",") { out[o] = c; k += 1 }
                else { out[o] = 0x20; k += groupSpaceWidth(b, k) }
                o += 1
            }
            return o
        }
        return (j, key)
    }
}
