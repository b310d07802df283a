// The sentence splitter as it was before the byte-level rewrite (commit cbd9e25), kept verbatim
// (renamed) as the reference the rewritten splitter is compared against.
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
struct OriginalSentenceSplitter: Sendable {
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

    /// A splitter for one language; an unknown code uses every language's abbreviations.
    init(languages: LanguageStore, language: String) {
        if let pack = languages.pack(language) {
            self.init(packs: [pack])
        } else {
            self.init(packs: languages.codes.compactMap { languages.pack($0) }, ordinalDot: false)
        }
    }

    /// A splitter from the tables of the given packs.
    init(packs: [LanguagePack], ordinalDot: Bool? = nil) {
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
        self.ordinalDot = ordinalDot ?? packs.contains { $0.bool("ordinalDot") }
    }

    /// Sentences of `text`; every line break starts a new one.
    func split(_ text: String) -> [Sentence] {
        let bytes = Array(text.utf8)
        var ranges: [Range<Int>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if i > start { ranges.append(start..<i) }
            start = i + 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return split(bytes: bytes, paragraphs: ranges)
    }

    /// Sentences of an article's text, paragraph by paragraph.
    func split(_ text: String, paragraphs: [Paragraph]) -> [Sentence] {
        let bytes = Array(text.utf8)
        var ranges: [Range<Int>] = []
        for p in paragraphs {
            // Inside a paragraph a line break still ends a sentence.
            var s = p.start
            for i in p.start..<p.end where bytes[i] == 0x0A {
                if i > s { ranges.append(s..<i) }
                s = i + 1
            }
            if s < p.end { ranges.append(s..<p.end) }
        }
        return split(bytes: bytes, paragraphs: ranges)
    }

    func split(bytes: [UInt8], paragraphs: [Range<Int>]) -> [Sentence] {
        var out: [Sentence] = []
        for range in paragraphs {
            var pieces: [Range<Int>] = []
            var sentStart = range.lowerBound
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
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
                    pieces.append(sentStart..<j)
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
                    pieces.append(sentStart..<j)
                    sentStart = m
                }
                i = m
            }
            if sentStart < end { pieces.append(sentStart..<end) }
            // Trim, and keep pieces without a letter or digit with the sentence before.
            var merged: [Range<Int>] = []
            for piece in pieces {
                guard let t = Self.trim(bytes, piece) else { continue }
                if !merged.isEmpty, !Self.hasAlphanumeric(bytes, t) {
                    merged[merged.count - 1] = merged[merged.count - 1].lowerBound..<t.upperBound
                } else {
                    merged.append(t)
                }
            }
            for r in merged {
                out.append(Sentence(text: String(decoding: bytes[r], as: UTF8.self), start: r.lowerBound, end: r.upperBound))
            }
        }
        return out
    }

    /// Whether the terminal punctuation at `terminal` ends the sentence, given the next word at `next`.
    func isBoundary(_ bytes: [UInt8], terminal: Int, next: Int, end: Int) -> Bool {
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
        if let s = nextScalar, s.properties.isLowercase { return false }
        guard bytes[terminal] == 0x2E else { return true }   // ! ? …
        if terminal + 1 < end, bytes[terminal + 1] == 0x2E { return true }   // ".." or "..."
        let nextIsUpper = nextScalar?.properties.isUppercase ?? false
        let nextIsDigit = nextScalar.map { $0.value >= 0x30 && $0.value <= 0x39 } ?? false

        // The word before the period, with its inner dots: "bl.a", "U.S", "31".
        var s = terminal
        while s > 0 {
            let b = bytes[s - 1]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x28 || b == 0x5B || b == 0x22 || b == 0x27 { break }
            if b == 0xA0 && s >= 2 && bytes[s - 2] == 0xC2 { break }
            // Opening curly quotes and guillemets (E2 80 9C, E2 80 98, C2 AB).
            if s >= 3, bytes[s - 3] == 0xE2, bytes[s - 2] == 0x80, b == 0x9C || b == 0x98 { break }
            if s >= 2, bytes[s - 2] == 0xC2, b == 0xAB { break }
            s -= 1
        }
        guard s < terminal else { return true }
        let token = bytes[s...terminal]   // with its dot
        let word = String(decoding: token, as: UTF8.self)

        if let a = abbreviation(word) {
            if a.number { return !nextIsDigit }
            return a.final && nextIsUpper
        }
        // Ordinal: "den 31. august", "am 12. August", "8. plads".
        let body = bytes[s..<terminal]
        if body.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            guard ordinalDot, body.count <= 4 else { return true }
            if nextIsDigit { return false }
            return !isMonth(bytes, n, end)
        }
        // An initial ("J.") or a dotted acronym ("U.S.", "e.g.").
        if Self.isInitials(body) { return false }
        return true
    }

    func abbreviation(_ word: String) -> Abbreviation? {
        if let a = exact[word] { return a }
        if folded.isEmpty { return nil }
        return folded[word.lowercased()]
    }

    func isMonth(_ bytes: [UInt8], _ at: Int, _ end: Int) -> Bool {
        guard !months.isEmpty, at < end else { return false }
        var e = at
        while e < end, bytes[e] != 0x20, bytes[e] != 0x0A, bytes[e] != 0x2C, bytes[e] != 0x29 { e += 1 }
        let w = String(decoding: bytes[at..<e], as: UTF8.self).lowercased()
        return months.contains(w) || (w.hasSuffix(".") && months.contains(String(w.dropLast())))
    }

    /// "J", "U.S", "e.g": single letters separated by dots, the first one a capital or with a dot after.
    static func isInitials(_ body: ArraySlice<UInt8>) -> Bool {
        let parts = body.split(separator: 0x2E, omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 6 else { return false }
        for p in parts {
            let text = String(decoding: p, as: UTF8.self)
            guard text.unicodeScalars.count == 1, let c = text.unicodeScalars.first, c.properties.isAlphabetic else { return false }
        }
        if parts.count == 1 {
            return String(decoding: parts[0], as: UTF8.self).unicodeScalars.first?.properties.isUppercase ?? false
        }
        return true
    }

    // MARK: bytes

    /// `.`, `!`, `?`, `…` (E2 80 A6), `。` (E3 80 82), `！` (EF BC 81), `？` (EF BC 9F): their byte length, or 0.
    static func terminalLength(_ b: [UInt8], _ i: Int, _ end: Int) -> Int {
        switch b[i] {
        case 0x2E, 0x21, 0x3F: return 1
        case 0xE2 where i + 2 < end && b[i + 1] == 0x80 && b[i + 2] == 0xA6: return 3
        case 0xE3, 0xEF: return isFullWidthTerminal(b, i, end) ? 3 : 0
        default: return 0
        }
    }

    static func isFullWidthTerminal(_ b: [UInt8], _ i: Int, _ end: Int) -> Bool {
        guard i + 2 < end else { return false }
        return (b[i] == 0xE3 && b[i + 1] == 0x80 && b[i + 2] == 0x82)
            || (b[i] == 0xEF && b[i + 1] == 0xBC && (b[i + 2] == 0x81 || b[i + 2] == 0x9F))
    }

    /// Closing CJK brackets and quotes after 。: 」 』 ） 】.
    static func cjkCloserLength(_ b: [UInt8], _ i: Int, _ end: Int) -> Int {
        guard i + 2 < end else { return 0 }
        if b[i] == 0xE3, b[i + 1] == 0x80, b[i + 2] == 0x8D || b[i + 2] == 0x8F || b[i + 2] == 0x91 { return 3 }
        if b[i] == 0xEF, b[i + 1] == 0xBC, b[i + 2] == 0x89 { return 3 }
        return 0
    }

    /// Closing quotes and brackets: " ' ) ] } ” ’ » ›.
    static func closerLength(_ b: [UInt8], _ i: Int, _ end: Int) -> Int {
        switch b[i] {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D: return 1
        case 0xC2 where i + 1 < end && b[i + 1] == 0xBB: return 2
        case 0xE2 where i + 2 < end && b[i + 1] == 0x80 && (b[i + 2] == 0x9D || b[i + 2] == 0x99 || b[i + 2] == 0xBA): return 3
        default: return 0
        }
    }

    /// Closing marks that cannot open anything: ) ] ” ’ ».
    static func unambiguousCloserLength(_ b: [UInt8], _ i: Int, _ end: Int) -> Int {
        switch b[i] {
        case 0x29, 0x5D: return 1
        case 0xC2 where i + 1 < end && b[i + 1] == 0xBB: return 2
        case 0xE2 where i + 2 < end && b[i + 1] == 0x80 && (b[i + 2] == 0x9D || b[i + 2] == 0x99): return 3
        default: return 0
        }
    }

    /// Opening quotes, brackets and dashes before a sentence's first word.
    static func openerLength(_ b: [UInt8], _ i: Int, _ end: Int) -> Int {
        switch b[i] {
        case 0x22, 0x27, 0x28, 0x5B, 0x2D, 0x2A: return 1
        case 0xC2 where i + 1 < end && (b[i + 1] == 0xAB || b[i + 1] == 0xBF || b[i + 1] == 0xA1): return 2
        case 0xE2 where i + 2 < end && b[i + 1] == 0x80 && [0x9C, 0x98, 0x9E, 0x93, 0x94, 0xB9].contains(b[i + 2]): return 3
        default: return 0
        }
    }

    /// Space, tab, line feed, or U+00A0.
    static func spaceLength(_ b: [UInt8], _ i: Int, _ end: Int) -> Int {
        switch b[i] {
        case 0x20, 0x09, 0x0A, 0x0D: return 1
        case 0xC2 where i + 1 < end && b[i + 1] == 0xA0: return 2
        default: return 0
        }
    }

    static func scalar(_ b: [UInt8], _ i: Int, _ end: Int) -> Unicode.Scalar? {
        var len = 1
        let lead = b[i]
        if lead >= 0xF0 { len = 4 } else if lead >= 0xE0 { len = 3 } else if lead >= 0xC0 { len = 2 }
        guard i + len <= end else { return nil }
        return String(decoding: b[i..<(i + len)], as: UTF8.self).unicodeScalars.first
    }

    static func trim(_ b: [UInt8], _ r: Range<Int>) -> Range<Int>? {
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

    static func hasAlphanumeric(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        for i in r {
            let c = b[i]
            if (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0xC3 && c != 0xE2) { return true }
        }
        return false
    }
}
