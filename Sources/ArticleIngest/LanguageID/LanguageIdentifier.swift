import LanguageData

/// Identifies the language of a text from each language's `stopwords.txt`.
///
/// The text is scanned as bytes into lowercase, accent-folded word tokens (`være` → `vaere`,
/// `på` → `paa`, `für` → `fuer`, `été` → `ete`); each token found in a language's list adds to that language's score, weighted by
/// how distinctive it is (a word in n lists adds 1/n² to each). Adding a language is adding a
/// list. Only the first 64 KB of a text are read.
///
/// Every page without a manifest language is identified, so this runs once per article on the
/// hot path: the tokens are folded into one reused byte buffer (no String per word) and looked
/// up in a byte-keyed open-addressing table of the folded stop words; scores are summed per
/// language number in the order of the tokens, so they are the same Doubles as a sum keyed by
/// code.
public struct LanguageIdentifier: Sendable {
    public let languages: LanguageStore
    /// The codes that have a stop word or a spelling pattern, sorted; a code's place is its number.
    let codes: [String]
    /// The folded stop words and, for each, the numbers of the languages listing it.
    let words: StopWordTable
    /// Spelling patterns (`trigrams.tsv`, with `_` at word edges) → codes of the languages listing them.
    let patterns: [(pattern: String, codes: [String])]
    /// `patterns` as bytes, for the byte search of the pattern pass.
    let patternBytes: [[UInt8]]
    /// For each pattern, the numbers of its languages (ascending, as its codes) and its weight.
    let patternLanguages: [(numbers: [Int], weight: Double)]
    /// What one pattern match weighs against one distinctive stop word (1).
    static let patternWeight = 0.25

    public init(languages: LanguageStore) {
        self.languages = languages
        var index: [String: Set<String>] = [:]
        for code in languages.codes {
            guard let pack = languages.pack(code) else { continue }
            for word in pack.words("stopwords.txt") {
                let tokens = LanguageIdentifier.tokens(word)
                guard tokens.count == 1 else { continue }
                index[tokens[0], default: []].insert(code)
            }
        }
        var patternIndex: [String: Set<String>] = [:]
        for code in languages.codes {
            guard let pack = languages.pack(code) else { continue }
            for p in pack.words("trigrams.tsv") where !p.isEmpty { patternIndex[p.lowercased(), default: []].insert(code) }
        }
        let codes = Set(index.values.flatMap { $0 }).union(patternIndex.values.flatMap { $0 }).sorted()
        var number: [String: Int] = [:]
        for (n, c) in codes.enumerated() { number[c] = n }
        self.codes = codes
        // (sorted keys: the table's layout does not depend on the dictionary's order)
        self.words = StopWordTable(index.keys.sorted().map { key in
            (key: Array(key.utf8), numbers: index[key]!.sorted().map { number[$0]! })
        })
        self.patterns = patternIndex.keys.sorted().map { (pattern: $0, codes: patternIndex[$0]!.sorted()) }
        self.patternBytes = self.patterns.map { Array($0.pattern.utf8) }
        self.patternLanguages = self.patterns.map { p in
            (numbers: p.codes.map { number[$0]! }, weight: Self.patternWeight / Double(p.codes.count * p.codes.count))
        }
    }

    /// The most likely ISO 639-1 code, or nil when the text gives no evidence.
    public func identify(_ text: String) -> String? {
        LanguageIdentifier.best(scores(text))
    }

    /// The winner of ranked scores (see ``scores(_:)``): nil without evidence or on a tie.
    public static func best(_ ranked: [(code: String, score: Double)]) -> String? {
        guard let best = ranked.first, best.score > 0 else { return nil }
        if ranked.count > 1, ranked[1].score == best.score { return nil }
        return best.code
    }

    /// Every language with evidence, best first (ties by code).
    ///
    /// Stop words decide; when the two best are close (within a third), the spelling patterns of
    /// `trigrams.tsv` are counted too, each match weighing `patternWeight` of a stop word.
    public func scores(_ text: String) -> [(code: String, score: Double)] {
        Self.withTokens(text, limit: 65_536) { tokens in
            var totals = [Double](repeating: 0, count: codes.count)
            var touched = [Bool](repeating: false, count: codes.count)
            totals.withUnsafeMutableBufferPointer { totals in
                touched.withUnsafeMutableBufferPointer { touched in
                    for k in 0..<tokens.count {
                        let e = tokens.packed(k).map { words.find(packed: $0) } ?? words.find(tokens[k])
                        if e >= 0 { words.add(e, to: totals, touched: touched) }
                    }
                }
            }
            var ranked = ranked(totals, touched)
            if !patterns.isEmpty, ranked.count >= 2, ranked[1].score * 1.5 >= ranked[0].score {
                var edged: [UInt8] = []
                for k in 0..<tokens.count {
                    edged.removeAll(keepingCapacity: true)
                    edged.append(0x5F); edged.append(contentsOf: tokens[k]); edged.append(0x5F)
                    for (n, pattern) in patternBytes.enumerated() where Self.contains(edged, pattern) {
                        let (numbers, w) = patternLanguages[n]
                        for c in numbers {
                            totals[c] += w
                            touched[c] = true
                        }
                    }
                }
                ranked = self.ranked(totals, touched)
            }
            return ranked
        }
    }

    /// The share of the text's word tokens that are in some language's stop-word list: about 0.4–0.5
    /// for running text in a language we have, near 0 for a language we do not.
    public func coverage(_ text: String) -> Double {
        Self.withTokens(text, limit: 65_536) { tokens in
            guard tokens.count > 0 else { return 0 }
            var found = 0
            for k in 0..<tokens.count where words.find(tokens[k]) >= 0 { found += 1 }
            return Double(found) / Double(tokens.count)
        }
    }

    /// Whether `needle` occurs in `haystack` (bytes).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        var i = 0
        while i <= haystack.count - needle.count {
            var k = 0
            while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
            i += 1
        }
        return false
    }

    /// The languages with evidence, best first, ties by code (codes are numbered in sorted order).
    private func ranked(_ totals: [Double], _ touched: [Bool]) -> [(code: String, score: Double)] {
        var out: [(code: String, score: Double)] = []
        for n in codes.indices where touched[n] { out.append((code: codes[n], score: totals[n])) }
        return out.sorted { $0.score != $1.score ? $0.score > $1.score : $0.code < $1.code }
    }

    /// Lowercase, accent-folded word tokens, scanned from UTF-8 bytes. Letters are ASCII letters,
    /// Latin-1 letters (folded by ``foldC3``; `×` and `÷` separate words) and any other non-ASCII scalar;
    /// everything else (digits, punctuation, apostrophes, hyphens) separates words.
    static func tokens(_ text: String, limit: Int = .max) -> [String] {
        withTokens(text, limit: limit) { tokens in
            (0..<tokens.count).map { String(decoding: tokens[$0], as: UTF8.self) }
        }
    }

    /// The folded tokens of `text` (of its first `limit` bytes), lent to `body`: one buffer of
    /// bytes for all of them, alive only during the call.
    static func withTokens<R>(_ text: String, limit: Int, _ body: (FoldedTokens) -> R) -> R {
        var text = text
        return text.withUTF8 { all in
            var n = min(all.count, limit)
            if all.count > limit {
                // Do not cut a scalar in two: drop a trailing incomplete one.
                while n > 0, all[n - 1] & 0xC0 == 0x80 { n -= 1 }
                if n > 0, all[n - 1] >= 0xC0 { n -= 1 }
            }
            // Folding never lengthens a letter (two bytes at most for a two-byte letter) and
            // every token ends before a separator or the text's end, so n bytes and n ends suffice.
            // (eight bytes more, zeroed after the last token: a token is read eight bytes at a time)
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 8) { bytes in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: n + 1) { ends in
                    let count = scan(UnsafeBufferPointer(rebasing: all[0..<n]), bytes.baseAddress!, ends.baseAddress!)
                    let used = count == 0 ? 0 : Int(ends[count - 1])
                    (bytes.baseAddress! + used).initialize(repeating: 0, count: 8)
                    return body(FoldedTokens(bytes: UnsafePointer(bytes.baseAddress!), ends: UnsafePointer(ends.baseAddress!), count: count))
                }
            }
        }
    }

    /// Where ``scan(_:_:_:)`` stands: bytes written, the current token's start, tokens ended,
    /// and the clitic state. A struct, so that the loop keeps it in registers.
    private struct ScanState {
        var w = 0
        var start = 0
        var tokens = 0
        var afterApostrophe = false
        var skipping = false

        /// Ends the current token (a clitic after an apostrophe is dropped).
        @inline(__always)
        mutating func flush(_ ends: UnsafeMutablePointer<Int32>) {
            let length = w - start
            if length > 0 {
                if skipping && length <= 2 { w = start } else { ends[tokens] = Int32(w); tokens += 1 }
            }
            start = w
            skipping = false
        }

        /// A letter is about to be written.
        @inline(__always)
        mutating func startLetter() {
            if w == start { skipping = afterApostrophe }
            afterApostrophe = false
        }
    }

    /// Writes the tokens of `utf8` one after another to `out`, each one's end to `ends`; returns
    /// how many there are.
    private static func scan(_ utf8: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutablePointer<UInt8>,
                             _ ends: UnsafeMutablePointer<Int32>) -> Int {
        let count = utf8.count
        var st = ScanState()
        var i = 0
        // A word of one or two letters right after an apostrophe is a clitic ("Biden's", "don't",
        // "we're", "I'll"): skipped, so that English "s" and "t" do not count as French elisions
        // ("l'", "d'", "s'"). Longer words after an apostrophe ("l'armée") are kept.
        while i < count {
            let b = utf8[i]
            if b < 0x80 {
                if (b | 0x20) &- 0x61 < 26 {
                    // a run of ASCII letters, lower-cased (`| 0x20` lowers exactly A…Z)
                    st.startLetter()
                    var w = st.w
                    out[w] = b | 0x20; w += 1; i += 1
                    while i < count {
                        let c = utf8[i] | 0x20
                        guard c &- 0x61 < 26 else { break }
                        out[w] = c; w += 1; i += 1
                    }
                    st.w = w
                    continue
                }
                let wordBefore = st.w > st.start
                st.flush(ends)
                st.afterApostrophe = b == 0x27 && wordBefore
                i += 1
                continue
            }
            if b == 0xE2, i + 2 < count, utf8[i + 1] == 0x80, utf8[i + 2] == 0x99 {   // ’
                let wordBefore = st.w > st.start
                st.flush(ends)
                st.afterApostrophe = wordBefore
                i += 3
                continue
            }
            st.startLetter()
            var len = 1
            if b >= 0xF0 { len = 4 } else if b >= 0xE0 { len = 3 } else if b >= 0xC0 { len = 2 }
            if b == 0xC3, i + 1 < count {
                let folded = foldC3Bytes[Int(utf8[i + 1] & 0x3F)]
                if folded == 0x20 { st.flush(ends) } else {
                    out[st.w] = UInt8(truncatingIfNeeded: folded); st.w += 1
                    if folded > 0xFF { out[st.w] = UInt8(truncatingIfNeeded: folded >> 8); st.w += 1 }
                }
            } else if b == 0xC5, i + 1 < count, utf8[i + 1] == 0x92 || utf8[i + 1] == 0x93 {
                out[st.w] = 0x6F; out[st.w + 1] = 0x65; st.w += 2   // Œ œ → oe
            } else if b == 0xE2 || b == 0xC2 {
                st.flush(ends)   // quotes, dashes, no-break space, punctuation
            } else {
                let stop = min(i + len, count)
                for k in i..<stop { out[st.w] = utf8[k]; st.w += 1 }
            }
            i += len
        }
        st.flush(ends)
        return st.tokens
    }

    /// U+00C0–U+00FF folded to lowercase ASCII, indexed by the second UTF-8 byte's low six bits.
    /// The letters that tell Nordic and German words apart keep a trace: `å` → `aa`, `æ`/`ä` → `ae`,
    /// `ø`/`ö` → `oe`, `ü` → `ue` (so `å`, the Norwegian infinitive mark, is not the Romance `a`).
    static let foldC3: [String] = [
        "a", "a", "a", "a", "ae", "aa", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "oe", " ", "oe", "u", "u", "u", "ue", "y", "th", "ss",
        "a", "a", "a", "a", "ae", "aa", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "oe", " ", "oe", "u", "u", "u", "ue", "y", "th", "y",
    ]

    /// ``foldC3`` as bytes: the first byte in the low eight bits, a second one (if any) above it;
    /// 0x20 for the signs that separate words.
    static let foldC3Bytes: [UInt16] = foldC3.map { s in
        let u = Array(s.utf8)
        return UInt16(u[0]) | (u.count > 1 ? UInt16(u[1]) << 8 : 0)
    }
}

/// The folded tokens of a text, lent by ``LanguageIdentifier/withTokens(_:limit:_:)``.
struct FoldedTokens {
    let bytes: UnsafePointer<UInt8>
    let ends: UnsafePointer<Int32>
    let count: Int

    /// The bytes of token `k`.
    @inline(__always)
    subscript(k: Int) -> UnsafeBufferPointer<UInt8> {
        let start = k == 0 ? 0 : Int(ends[k - 1])
        return UnsafeBufferPointer(start: bytes + start, count: Int(ends[k]) - start)
    }

    /// Token `k` of at most eight bytes as ``StopWordTable/packed(_:)`` packs it, read with one
    /// load (every token is followed by at least eight readable bytes); nil for a longer one.
    @inline(__always)
    func packed(_ k: Int) -> UInt64? {
        let start = k == 0 ? 0 : Int(ends[k - 1])
        let length = Int(ends[k]) - start
        guard length <= 8 else { return nil }
        let word = UInt64(littleEndian: UnsafeRawPointer(bytes + start).loadUnaligned(as: UInt64.self))
        return length == 8 ? word : (word & ((1 << UInt64(8 * length)) &- 1)) | UInt64(length) << 56
    }
}

/// Folded stop words looked up by their bytes: an open-addressing table over one byte arena, each
/// word with the numbers of the languages that list it and the weight each of them gets (1/n²).
struct StopWordTable: Sendable {
    private var keyBytes: [UInt8] = []
    /// Per word: where its bytes start and end in `keyBytes`, where its languages start and end in `numbers`.
    private var bounds: [(keyStart: Int32, keyEnd: Int32, numbersStart: Int32, numbersEnd: Int32)] = []
    private var weights: [Double] = []
    private var numbers: [Int32] = []
    /// Word number + 1 per slot, 0 when empty.
    private var slots: [Int32]
    private let mask: Int
    /// The longest word, in bytes: a longer token is no stop word (most long words, no hash).
    private(set) var longest = 0
    /// Words of at most eight bytes by their packed bytes (``packed(_:)``): one multiply and one
    /// compare per look-up. 0 marks an empty slot (no packed word is 0).
    private var shortKeys: [UInt64]
    private var shortWords: [Int32]
    private let shortShift: UInt64

    init(_ words: [(key: [UInt8], numbers: [Int])]) {
        var size = 16
        while size < words.count * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        var bits: UInt64 = 4
        while (1 << bits) < max(16, words.count * 2) { bits += 1 }
        shortKeys = [UInt64](repeating: 0, count: 1 << bits)
        shortWords = [Int32](repeating: -1, count: 1 << bits)
        shortShift = 64 - bits
        for (w, word) in words.enumerated() {
            if let key = Self.packed(word.key) {
                var s = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shortShift)
                while shortKeys[s] != 0 { s = (s + 1) & (shortKeys.count - 1) }
                shortKeys[s] = key
                shortWords[s] = Int32(w)
            }
            let keyStart = Int32(keyBytes.count)
            keyBytes += word.key
            let numbersStart = Int32(numbers.count)
            numbers += word.numbers.map { Int32($0) }
            bounds.append((keyStart, Int32(keyBytes.count), numbersStart, Int32(numbers.count)))
            weights.append(1.0 / Double(word.numbers.count * word.numbers.count))
            longest = max(longest, word.key.count)
            var s = word.key.withUnsafeBufferPointer { Self.hash($0) } & mask
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = Int32(w + 1)
        }
    }

    var count: Int { bounds.count }

    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for c in b { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// Bytes of a word of one to eight bytes as one integer: the bytes in memory order, and for
    /// fewer than eight the length in the top byte (where a word of eight has its last byte,
    /// never 1…7 in a folded token); nil for an empty or longer word.
    static func packed(_ key: [UInt8]) -> UInt64? {
        guard !key.isEmpty, key.count <= 8 else { return nil }
        var word: UInt64 = 0
        for (k, c) in key.enumerated() { word |= UInt64(c) << UInt64(8 * k) }
        return key.count == 8 ? word : word | UInt64(key.count) << 56
    }

    /// ``find(_:)`` of a word packed by ``packed(_:)``.
    @inline(__always)
    func find(packed key: UInt64) -> Int {
        shortKeys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var s = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shortShift)
            while true {
                let k = keys[s]
                if k == key { return Int(shortWords[s]) }
                if k == 0 { return -1 }
                s = (s + 1) & mask
            }
        }
    }

    /// The word's number, or -1 when `b` is no stop word of any language.
    func find(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = b.count
        guard n > 0, n <= longest else { return -1 }
        var s = Self.hash(b) & mask
        return slots.withUnsafeBufferPointer { slots in
            bounds.withUnsafeBufferPointer { bounds in
                keyBytes.withUnsafeBufferPointer { keys in
                    while true {
                        let w = Int(slots[s]) - 1
                        if w < 0 { return -1 }
                        let start = Int(bounds[w].keyStart)
                        if Int(bounds[w].keyEnd) - start == n {
                            var k = 0
                            while k < n, keys[start + k] == b[k] { k += 1 }
                            if k == n { return w }
                        }
                        s = (s + 1) & mask
                    }
                }
            }
        }
    }

    /// Adds word `w`'s weight to `totals` at each of its language numbers and marks them in `touched`.
    @inline(__always)
    func add(_ w: Int, to totals: UnsafeMutableBufferPointer<Double>, touched: UnsafeMutableBufferPointer<Bool>) {
        let (_, _, start, end) = bounds[w]
        let weight = weights[w]
        for k in Int(start)..<Int(end) {
            let n = Int(numbers[k])
            totals[n] += weight
            touched[n] = true
        }
    }

    /// Calls `body` with each language number of word `w` (ascending) and the word's weight.
    func forEachLanguage(of w: Int, _ body: (Int, Double) -> Void) {
        let (_, _, start, end) = bounds[w]
        let weight = weights[w]
        for k in Int(start)..<Int(end) { body(Int(numbers[k]), weight) }
    }
}
