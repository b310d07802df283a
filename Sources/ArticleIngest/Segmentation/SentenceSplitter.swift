import CrosscheckModel
import LanguageData

/// Splits text into sentences with exact UTF-8 offsets, scanning bytes.
///
/// A sentence ends at `.`, `!`, `?` or an ellipsis (with any closing quotes and brackets after it)
/// when whitespace follows and the next word does not start with a lowercase letter. A period does
/// not end a sentence after an abbreviation of the language (`abbreviations.txt`), an initial
/// (`J. R. Smith`), a dotted acronym (`U.S.`), or — in languages with `ordinalDot` — an ordinal
/// number before a month name, a digit or a lowercase word (`den 31. august`, `am 12. August`).
/// A period with no space after it (`3.000`, `7.2`, `example.com`) never ends one. A line break
/// always does: paragraphs never share a sentence. A piece with no letter or digit (the second
/// period of `. .`) stays with the sentence before it.
///
/// `abbreviations.txt` rows: the abbreviation with its dot, then optional flags: `final` (may end a
/// sentence when a capitalised word follows: `etc.`, `kr.`) and `number` (an abbreviation only
/// before a number: `No. 5`). An entry written in lowercase matches any case of its first letter;
/// one with capitals matches exactly.
public struct SentenceSplitter: Sendable {
    struct Abbreviation: Sendable, Hashable {
        var final = false
        var number = false
    }

    /// Lowercase entries, matched case-insensitively.
    let folded: [String: Abbreviation]
    /// Entries with capitals, matched exactly.
    let exact: [String: Abbreviation]
    /// Whether `8.` is an ordinal in this language.
    let ordinalDot: Bool
    /// Lowercased month names (`months.tsv`): an ordinal dot before them never ends a sentence.
    let months: Set<String>
    /// `exact` and `folded` as byte tables for tokens written in Latin-1 (see ``LatinKeys``).
    let exactBytes: LatinKeys<Abbreviation>
    let foldedBytes: LatinKeys<Abbreviation>
    /// Every abbreviation is written below U+0370 (Latin scripts): a token with a Greek,
    /// Cyrillic, CJK or Hangul letter then equals none, lowercased or not (``hasNonLatinLetter(_:)``).
    let keysBelowGreek: Bool

    /// A splitter for one language; an unknown code uses every language's abbreviations.
    public init(languages: LanguageStore, language: String) {
        if let pack = languages.pack(language) {
            self.init(packs: [pack])
        } else {
            self.init(packs: languages.codes.compactMap { languages.pack($0) }, ordinalDot: false)
        }
    }

    /// A splitter from the tables of the given packs.
    public init(packs: [LanguagePack], ordinalDot: Bool? = nil) {
        var folded: [String: Abbreviation] = [:]
        var exact: [String: Abbreviation] = [:]
        var months = Set<String>()
        for pack in packs {
            for row in pack.rows("abbreviations.txt") {
                guard let word = row[0] else { continue }
                var a = Abbreviation()
                for flag in row.fields.dropFirst() {
                    for f in flag.split(separator: ",") {
                        if f == "final" { a.final = true }
                        if f == "number" { a.number = true }
                    }
                }
                if word == word.lowercased() { folded[word] = a } else { exact[word] = a }
            }
            for m in pack.words("months.tsv") { months.insert(m.lowercased()) }
        }
        self.folded = folded
        self.exact = exact
        self.months = months
        self.exactBytes = LatinKeys(exact)
        self.foldedBytes = LatinKeys(folded)
        self.keysBelowGreek = (Array(folded.keys) + Array(exact.keys)).allSatisfy { !$0.utf8.contains { $0 >= 0xCD } }
        self.ordinalDot = ordinalDot ?? packs.contains { $0.bool("ordinalDot") }
    }

    /// Sentences of `text`; every line break starts a new one.
    public func split(_ text: String) -> [Sentence] {
        text.withUTF8Bytes { bytes in
            var ranges: [Range<Int>] = []
            var start = 0
            for i in 0..<bytes.count where bytes[i] == 0x0A {
                if i > start { ranges.append(start..<i) }
                start = i + 1
            }
            if start < bytes.count { ranges.append(start..<bytes.count) }
            return split(bytes: bytes, paragraphs: ranges, source: text)
        }
    }

    /// Sentences of an article's text, paragraph by paragraph.
    public func split(_ text: String, paragraphs: [Paragraph]) -> [Sentence] {
        text.withUTF8Bytes { bytes in
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(paragraphs.count)
            for p in paragraphs {
                // Inside a paragraph a line break still ends a sentence.
                var s = p.start
                while true {
                    let i = UTF8Scan.find(0x0A, in: bytes, from: s, to: p.end)
                    if i == p.end { break }
                    if i > s { ranges.append(s..<i) }
                    s = i + 1
                }
                if s < p.end { ranges.append(s..<p.end) }
            }
            return split(bytes: bytes, paragraphs: ranges, source: text)
        }
    }

    func split(bytes: [UInt8], paragraphs: [Range<Int>]) -> [Sentence] {
        bytes.withUnsafeBufferPointer { split(bytes: $0, paragraphs: paragraphs) }
    }

    /// `source`, when given, is the string whose UTF-8 `bytes` are: each sentence is then copied
    /// out of it as a substring (no second validation of its bytes).
    func split(bytes: UnsafeBufferPointer<UInt8>, paragraphs: [Range<Int>], source: String? = nil) -> [Sentence] {
        var out: [Sentence] = []
        // About one sentence per 64 bytes of news text: room reserved once, not grown piecemeal.
        out.reserveCapacity(paragraphs.count + bytes.count / 64)
        // Made here, not as static constants (each use of one would check it is initialised).
        let dots = SIMD16<UInt8>(repeating: 0x2E), bangs = SIMD16<UInt8>(repeating: 0x21)
        let queries = SIMD16<UInt8>(repeating: 0x3F), highLeads = SIMD16<UInt8>(repeating: 0xE0)
        let zero = SIMD16<UInt8>(repeating: 0)
        for range in paragraphs {
            // The last piece kept so far, still open to the pieces without a letter or digit
            // that follow it (no array of pieces per paragraph).
            var pending: Range<Int>? = nil
            var sentStart = range.lowerBound
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                // Sixteen bytes at a time (one vector compare each) past those holding no byte
                // that may start a terminal: `.`, `!`, `?` or a lead byte from 0xE0 up (…, 。, ！, ？);
                // then eight at a time to the exact byte.
                var found = false
                while i + 16 <= end {
                    let v = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: SIMD16<UInt8>.self)
                    let hit = (v .== dots) .| (v .== bangs) .| (v .== queries) .| (v .>= highLeads)
                    if any(hit) {
                        // The first flagged byte: the flags as 0xFF bytes, read as two words.
                        let words = unsafeBitCast(zero.replacing(with: 0xFF, where: hit), to: SIMD2<UInt64>.self)
                        i += words[0] != 0 ? words[0].trailingZeroBitCount >> 3 : 8 + words[1].trailingZeroBitCount >> 3
                        found = true
                        break
                    }
                    i += 16
                }
                while !found && i + 8 <= end {
                    let v = ByteWords.load(bytes, i)
                    let flags = ByteWords.equal(v, 0x2E) | ByteWords.equal(v, 0x21) | ByteWords.equal(v, 0x3F)
                        | (v & v << 1 & v << 2 & ByteWords.highs)
                    if flags != 0 { i += flags.trailingZeroBitCount >> 3; break }
                    i += 8
                }
                guard i < end else { break }
                let termLen = Self.terminalLength(bytes, i, end)
                guard termLen > 0 else { i += 1; continue }
                var j = i + termLen
                while j < end {
                    let t = Self.terminalLength(bytes, j, end)
                    if t > 0 { j += t; continue }
                    let c = Self.closerLength(bytes, j, end)
                    if c > 0 { j += c; continue }
                    break
                }
                guard j < end else { break }
                // 。！？ end a sentence with no space after them (Chinese, Japanese).
                if Self.isFullWidthTerminal(bytes, i, end) {
                    while j < end, Self.cjkCloserLength(bytes, j, end) > 0 { j += Self.cjkCloserLength(bytes, j, end) }
                    Self.take(sentStart..<j, &pending, &out, bytes, source)
                    sentStart = j
                    i = j
                    continue
                }
                let ws = Self.spaceLength(bytes, j, end)
                guard ws > 0 else { i = j; continue }
                var m = j
                while m < end {
                    let w = Self.spaceLength(bytes, m, end)
                    if w == 0 { break }
                    m += w
                }
                if m < end, isBoundary(bytes, terminal: i, next: m, end: end) {
                    Self.take(sentStart..<j, &pending, &out, bytes, source)
                    sentStart = m
                }
                i = m
            }
            if sentStart < end { Self.take(sentStart..<end, &pending, &out, bytes, source) }
            if let r = pending { Self.emit(r, &out, bytes, source) }
        }
        return out
    }

    /// One piece of a paragraph: trimmed (nothing left: dropped); a piece without a letter or
    /// digit joins the pending one before it; any other makes the pending one a sentence and
    /// waits in its place.
    @inline(__always)
    static func take(_ piece: Range<Int>, _ pending: inout Range<Int>?, _ out: inout [Sentence],
                     _ bytes: UnsafeBufferPointer<UInt8>, _ source: String?) {
        guard let t = trim(bytes, piece) else { return }
        if let p = pending {
            if !hasAlphanumeric(bytes, t) {
                pending = p.lowerBound..<t.upperBound
                return
            }
            emit(p, &out, bytes, source)
        }
        pending = t
    }

    static func emit(_ r: Range<Int>, _ out: inout [Sentence], _ bytes: UnsafeBufferPointer<UInt8>, _ source: String?) {
        let text = source?.utf8Slice(r, bytes: bytes) ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
        out.append(Sentence(text: text, start: r.lowerBound, end: r.upperBound))
    }

    /// Whether the terminal punctuation at `terminal` ends the sentence, given the next word at `next`.
    func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, terminal: Int, next: Int, end: Int) -> Bool {
        // The next word's first letter, past opening quotes, brackets and dashes.
        var n = next
        // A closing quote set off by a space ("themselves. ” on Tuesday") still belongs before.
        while n < end {
            let c = Self.unambiguousCloserLength(bytes, n, end)
            if c == 0 { break }
            n += c
            while n < end, Self.spaceLength(bytes, n, end) > 0 { n += Self.spaceLength(bytes, n, end) }
        }
        while n < end {
            let o = Self.openerLength(bytes, n, end)
            if o == 0 { break }
            n += o
        }
        let nextScalar = n < end ? Self.scalar(bytes, n, end) : nil
        if let s = nextScalar, UTF8Scan.isLowercase(s) { return false }
        guard bytes[terminal] == 0x2E else { return true }   // ! ? …
        if terminal + 1 < end, bytes[terminal + 1] == 0x2E { return true }   // ".." or "..."
        let nextIsUpper = nextScalar.map(UTF8Scan.isUppercase) ?? false
        let nextIsDigit = nextScalar.map { $0.value >= 0x30 && $0.value <= 0x39 } ?? false

        // The word before the period, with its inner dots: "bl.a", "U.S", "31".
        // It starts after a space, tab, line feed, `(`, `[`, `"`, `'` (one bit each of a mask
        // over the bytes below 0x40, and `[`), U+00A0, or an opening curly quote or guillemet.
        let stops: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x28 | 1 << 0x22 | 1 << 0x27
        var s = terminal
        while s > 0 {
            let b = bytes[s - 1]
            if b < 0x80 {
                if b < 0x40 ? (stops >> UInt64(b)) & 1 != 0 : b == 0x5B { break }
            } else if b == 0xA0 || b == 0xAB {
                // U+00A0 (C2 A0), « (C2 AB).
                if s >= 2 && bytes[s - 2] == 0xC2 { break }
            } else if b == 0x9C || b == 0x98 {
                // Opening curly quotes (E2 80 9C, E2 80 98).
                if s >= 3 && bytes[s - 3] == 0xE2 && bytes[s - 2] == 0x80 { break }
            }
            s -= 1
        }
        guard s < terminal else { return true }
        if let a = abbreviation(UnsafeBufferPointer(rebasing: bytes[s...terminal])) {   // with its dot
            if a.number { return !nextIsDigit }
            return a.final && nextIsUpper
        }
        // Ordinal: "den 31. august", "am 12. August", "8. plads".
        let body = UnsafeBufferPointer(rebasing: bytes[s..<terminal])
        if body.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            guard ordinalDot, body.count <= 4 else { return true }
            if nextIsDigit { return false }
            return !isMonth(bytes, n, end)
        }
        // An initial ("J.") or a dotted acronym ("U.S.", "e.g."): its first part is one scalar,
        // so an ASCII byte with no dot after it (most words) says no without the walk.
        if body.count >= 2 && body[0] < 0x80 && body[1] != 0x2E { return true }
        if Self.isInitials(body) { return false }
        return true
    }

    func abbreviation(_ word: String) -> Abbreviation? {
        if let a = exact[word] { return a }
        if folded.isEmpty { return nil }
        return folded[word.lowercased()]
    }

    /// ``abbreviation(_:)`` of a token's bytes; a token in Latin-1 is looked up without a `String`.
    func abbreviation(_ token: UnsafeBufferPointer<UInt8>) -> Abbreviation? {
        // Most words before a period have a shape (length, first and next-to-last letter) no
        // abbreviation has: a token in Latin-1 keeps it in both byte look-ups, so it is then
        // absent from both, answered without a walk.
        let shape = LatinKeys<Abbreviation>.shape(token)
        if !exactBytes.mayHold(shape: shape) && (folded.isEmpty || !foldedBytes.mayHold(shape: shape)),
           !token.contains(where: { $0 >= 0xC4 }) {
            return nil
        }
        switch exactBytes.lookup(token) {
        case .found(let a): return a
        case .absent:
            if folded.isEmpty { return nil }
            switch foldedBytes.lookupLowercased(token) {
            case .found(let a): return a
            case .absent: return nil
            case .notLatin:
                if keysBelowGreek && Self.hasNonLatinLetter(token) { return nil }
                return abbreviation(String(decoding: token, as: UTF8.self))
            }
        case .notLatin:
            if keysBelowGreek && Self.hasNonLatinLetter(token) { return nil }
            return abbreviation(String(decoding: token, as: UTF8.self))
        }
    }

    /// Whether `token` holds a Greek letter (U+0388–U+03FF), a Cyrillic one (U+0400–U+052F), kana,
    /// a CJK ideograph or a Hangul syllable. Such a scalar's canonical decomposition and its
    /// lowercase stay in its script, so a token holding one is canonically equal to no text
    /// written below U+0370, lowercased or not: no `String` needs making to say so.
    static func hasNonLatinLetter(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let count = token.count
        while i < count {
            let c = token[i]
            if c < 0xCE { i += 1; continue }
            guard let (scalar, len) = UTF8Scan.scalar(token, i, count) else { return false }
            let v = scalar.value
            if (v >= 0x388 && v < 0x530) || (v >= 0x3041 && v < 0x3097) || (v >= 0x30A1 && v < 0x30FB)
                || (v >= 0x4E00 && v < 0xA000) || (v >= 0xAC00 && v < 0xD7A4) {
                return true
            }
            i += len
        }
        return false
    }

    func isMonth(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> Bool {
        guard !months.isEmpty, at < end else { return false }
        var e = at
        while e < end, bytes[e] != 0x20, bytes[e] != 0x0A, bytes[e] != 0x2C, bytes[e] != 0x29 { e += 1 }
        let w = String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<e]), as: UTF8.self).lowercased()
        return months.contains(w) || (w.hasSuffix(".") && months.contains(String(w.dropLast())))
    }

    /// "J", "U.S", "e.g": single letters separated by dots, the first one a capital or with a dot after.
    static func isInitials(_ body: UnsafeBufferPointer<UInt8>) -> Bool {
        // Most words before a period are longer than one letter: two letters in a row say no.
        var parts = 0
        var i = 0
        var first: Unicode.Scalar = " "
        while true {
            // One part: the bytes up to the next dot must be exactly one alphabetic scalar.
            var e = i
            while e < body.count, body[e] != 0x2E { e += 1 }
            guard e > i, let (c, len) = UTF8Scan.scalar(body, i, e), len == e - i else { return false }
            if c.value < 0x80 {
                guard (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A else { return false }
            } else {
                // A lone byte that is not a scalar decodes as U+FFFD, which is not alphabetic.
                guard c.properties.isAlphabetic else { return false }
            }
            if parts == 0 { first = c }
            parts += 1
            guard parts <= 6 else { return false }
            if e == body.count { break }
            i = e + 1
        }
        if parts == 1 { return UTF8Scan.isUppercase(first) }
        return true
    }

    // MARK: bytes

    /// `.`, `!`, `?`, `…` (E2 80 A6), `。` (E3 80 82), `！` (EF BC 81), `？` (EF BC 9F): their byte length, or 0.
    static func terminalLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        switch b[i] {
        case 0x2E, 0x21, 0x3F: return 1
        case 0xE2 where i + 2 < end && b[i + 1] == 0x80 && b[i + 2] == 0xA6: return 3
        case 0xE3, 0xEF: return isFullWidthTerminal(b, i, end) ? 3 : 0
        default: return 0
        }
    }

    static func isFullWidthTerminal(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        guard i + 2 < end else { return false }
        return (b[i] == 0xE3 && b[i + 1] == 0x80 && b[i + 2] == 0x82)
            || (b[i] == 0xEF && b[i + 1] == 0xBC && (b[i + 2] == 0x81 || b[i + 2] == 0x9F))
    }

    /// Closing CJK brackets and quotes after 。: 」 』 ） 】.
    static func cjkCloserLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        guard i + 2 < end else { return 0 }
        if b[i] == 0xE3, b[i + 1] == 0x80, b[i + 2] == 0x8D || b[i + 2] == 0x8F || b[i + 2] == 0x91 { return 3 }
        if b[i] == 0xEF, b[i + 1] == 0xBC, b[i + 2] == 0x89 { return 3 }
        return 0
    }

    /// Closing quotes and brackets: " ' ) ] } ” ’ » ›.
    static func closerLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        switch b[i] {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D: return 1
        case 0xC2 where i + 1 < end && b[i + 1] == 0xBB: return 2
        case 0xE2 where i + 2 < end && b[i + 1] == 0x80 && (b[i + 2] == 0x9D || b[i + 2] == 0x99 || b[i + 2] == 0xBA): return 3
        default: return 0
        }
    }

    /// Closing marks that cannot open anything: ) ] ” ’ ».
    static func unambiguousCloserLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        switch b[i] {
        case 0x29, 0x5D: return 1
        case 0xC2 where i + 1 < end && b[i + 1] == 0xBB: return 2
        case 0xE2 where i + 2 < end && b[i + 1] == 0x80 && (b[i + 2] == 0x9D || b[i + 2] == 0x99): return 3
        default: return 0
        }
    }

    /// Opening quotes, brackets and dashes before a sentence's first word.
    static func openerLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        switch b[i] {
        case 0x22, 0x27, 0x28, 0x5B, 0x2D, 0x2A: return 1
        case 0xC2 where i + 1 < end && (b[i + 1] == 0xAB || b[i + 1] == 0xBF || b[i + 1] == 0xA1): return 2
        case 0xE2 where i + 2 < end && b[i + 1] == 0x80 && (b[i + 2] == 0x9C || b[i + 2] == 0x98 || b[i + 2] == 0x9E || b[i + 2] == 0x93 || b[i + 2] == 0x94 || b[i + 2] == 0xB9): return 3
        default: return 0
        }
    }

    /// Space, tab, line feed, or U+00A0.
    static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        switch b[i] {
        case 0x20, 0x09, 0x0A, 0x0D: return 1
        case 0xC2 where i + 1 < end && b[i + 1] == 0xA0: return 2
        default: return 0
        }
    }

    @inline(__always)
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Unicode.Scalar? {
        UTF8Scan.scalar(b, i, end)?.scalar
    }

    static func trim(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int>? {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi {
            let w = spaceLength(b, lo, hi)
            if w == 0 { break }
            lo += w
        }
        while lo < hi {
            let c = b[hi - 1]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { hi -= 1; continue }
            if c == 0xA0, hi - 2 >= lo, b[hi - 2] == 0xC2 { hi -= 2; continue }
            break
        }
        return lo < hi ? lo..<hi : nil
    }

    static func hasAlphanumeric(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        for i in r {
            let c = b[i]
            if (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0xC3 && c != 0xE2) { return true }
        }
        return false
    }
}
