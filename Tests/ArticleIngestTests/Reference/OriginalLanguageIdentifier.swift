// The language identifier as it was before the byte-keyed rewrite (commit 74ac9d9): the reference
// for the differential tests. Scores through a Dictionary of folded stop-word Strings.
import LanguageData
@testable import ArticleIngest

struct OriginalLanguageIdentifier: Sendable {
    let languages: LanguageStore
    /// Folded stop word → codes of the languages listing it.
    let index: [String: [String]]
    /// Spelling patterns (`trigrams.tsv`, with `_` at word edges) → codes of the languages listing them.
    let patterns: [(pattern: String, codes: [String])]
    /// `patterns` as bytes, for the byte search of the pattern pass.
    let patternBytes: [[UInt8]]
    /// What one pattern match weighs against one distinctive stop word (1).
    static let patternWeight = 0.25

    init(languages: LanguageStore) {
        self.languages = languages
        var index: [String: Set<String>] = [:]
        for code in languages.codes {
            guard let pack = languages.pack(code) else { continue }
            for word in pack.words("stopwords.txt") {
                let tokens = OriginalLanguageIdentifier.tokens(word)
                guard tokens.count == 1 else { continue }
                index[tokens[0], default: []].insert(code)
            }
        }
        self.index = index.mapValues { $0.sorted() }
        var patterns: [String: Set<String>] = [:]
        for code in languages.codes {
            guard let pack = languages.pack(code) else { continue }
            for p in pack.words("trigrams.tsv") where !p.isEmpty { patterns[p.lowercased(), default: []].insert(code) }
        }
        self.patterns = patterns.keys.sorted().map { (pattern: $0, codes: patterns[$0]!.sorted()) }
        self.patternBytes = self.patterns.map { Array($0.pattern.utf8) }
    }

    /// The most likely ISO 639-1 code, or nil when the text gives no evidence.
    func identify(_ text: String) -> String? {
        OriginalLanguageIdentifier.best(scores(text))
    }

    /// The winner of ranked scores (see ``scores(_:)``): nil without evidence or on a tie.
    static func best(_ ranked: [(code: String, score: Double)]) -> String? {
        guard let best = ranked.first, best.score > 0 else { return nil }
        if ranked.count > 1, ranked[1].score == best.score { return nil }
        return best.code
    }

    /// Every language with evidence, best first (ties by code).
    ///
    /// Stop words decide; when the two best are close (within a third), the spelling patterns of
    /// `trigrams.tsv` are counted too, each match weighing `patternWeight` of a stop word.
    func scores(_ text: String) -> [(code: String, score: Double)] {
        var totals: [String: Double] = [:]
        let tokens = OriginalLanguageIdentifier.tokens(text, limit: 65_536)
        for token in tokens {
            guard let codes = index[token] else { continue }
            let w = 1.0 / Double(codes.count * codes.count)
            for c in codes { totals[c, default: 0] += w }
        }
        var ranked = Self.ranked(totals)
        if !patterns.isEmpty, ranked.count >= 2, ranked[1].score * 1.5 >= ranked[0].score {
            var edged: [UInt8] = []
            for token in tokens {
                edged.removeAll(keepingCapacity: true)
                edged.append(0x5F); edged.append(contentsOf: token.utf8); edged.append(0x5F)
                for (n, pattern) in patternBytes.enumerated() where Self.contains(edged, pattern) {
                    let codes = patterns[n].codes
                    let w = Self.patternWeight / Double(codes.count * codes.count)
                    for c in codes { totals[c, default: 0] += w }
                }
            }
            ranked = Self.ranked(totals)
        }
        return ranked
    }

    /// The share of the text's word tokens that are in some language's stop-word list: about 0.4–0.5
    /// for running text in a language we have, near 0 for a language we do not.
    func coverage(_ text: String) -> Double {
        let tokens = OriginalLanguageIdentifier.tokens(text, limit: 65_536)
        guard !tokens.isEmpty else { return 0 }
        return Double(tokens.filter { index[$0] != nil }.count) / Double(tokens.count)
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

    static func ranked(_ totals: [String: Double]) -> [(code: String, score: Double)] {
        totals.map { (code: $0.key, score: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.code < $1.code }
    }

    /// Lowercase, accent-folded word tokens, scanned from UTF-8 bytes. Letters are ASCII letters,
    /// Latin-1 letters (folded by ``foldC3``; `×` and `÷` separate words) and any other non-ASCII scalar;
    /// everything else (digits, punctuation, apostrophes, hyphens) separates words.
    static func tokens(_ text: String, limit: Int = .max) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        var utf8 = Array(text.utf8.prefix(limit))
        if text.utf8.count > limit {
            // Do not cut a scalar in two: drop a trailing incomplete one.
            while let last = utf8.last, last & 0xC0 == 0x80 { utf8.removeLast() }
            if let last = utf8.last, last >= 0xC0 { utf8.removeLast() }
        }
        var i = 0
        // A word of one or two letters right after an apostrophe is a clitic ("Biden's", "don't",
        // "we're", "I'll"): skipped, so that English "s" and "t" do not count as French elisions
        // ("l'", "d'", "s'"). Longer words after an apostrophe ("l'armée") are kept.
        var afterApostrophe = false
        var skipping = false
        func flush() {
            if !current.isEmpty && !(skipping && current.count <= 2) { out.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
            skipping = false
        }
        func startLetter() {
            if current.isEmpty { skipping = afterApostrophe }
            afterApostrophe = false
        }
        while i < utf8.count {
            let b = utf8[i]
            if b < 0x80 {
                if b >= 0x41 && b <= 0x5A { startLetter(); current.append(b + 0x20) } else if b >= 0x61 && b <= 0x7A { startLetter(); current.append(b) } else {
                    let wordBefore = !current.isEmpty
                    flush()
                    afterApostrophe = b == 0x27 && wordBefore
                }
                i += 1
                continue
            }
            if b == 0xE2, i + 2 < utf8.count, utf8[i + 1] == 0x80, utf8[i + 2] == 0x99 {   // ’
                let wordBefore = !current.isEmpty
                flush()
                afterApostrophe = wordBefore
                i += 3
                continue
            }
            startLetter()
            var len = 1
            if b >= 0xF0 { len = 4 } else if b >= 0xE0 { len = 3 } else if b >= 0xC0 { len = 2 }
            if b == 0xC3, i + 1 < utf8.count {
                let folded = foldC3[Int(utf8[i + 1] & 0x3F)]
                if folded == " " { flush() } else { current.append(contentsOf: folded.utf8) }
            } else if b == 0xC5, i + 1 < utf8.count, utf8[i + 1] == 0x92 || utf8[i + 1] == 0x93 {
                current.append(contentsOf: "oe".utf8)   // Œ œ
            } else if b == 0xE2 || b == 0xC2 {
                flush()   // quotes, dashes, no-break space, punctuation
            } else {
                current.append(contentsOf: utf8[i..<min(i + len, utf8.count)])
            }
            i += len
        }
        flush()
        return out
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
}
