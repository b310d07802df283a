import CrosscheckModel
import LanguageData
import Testing
@testable import ArticleIngest

/// The byte-level splitter cuts exactly where the one it replaced (kept in
/// Reference/OriginalSentenceSplitter.swift) cuts, for every language and the fallback.
@Suite struct SentenceSplitterEquivalenceTests {
    static let store = TextTestSupport.store

    @Test(arguments: [1, 2, 3] as [UInt64])
    func splitsAgree(seed: UInt64) {
        var corpus = ReferenceCorpus(seed: seed, store: Self.store)
        let codes = Self.store.codes + ["und"]
        let splitters = codes.map { SentenceSplitter(languages: Self.store, language: $0) }
        let references = codes.map { OriginalSentenceSplitter(languages: Self.store, language: $0) }
        var sentences = 0
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 1...8, using: &corpus.rng) {
                text += corpus.block(maxPieces: 30)
                text += corpus.pick([". ", ". ", "! ", "\n", ". Der ", ". the ", " 12. august ", " 8. Plads ", "\n\n"])
            }
            for k in codes.indices {
                let new = splitters[k].split(text)
                sentences += new.count
                #expect(new == references[k].split(text), "\(codes[k]): \(text.debugDescription)")
            }
        }
        #expect(sentences > 10_000)
    }

    @Test(arguments: ["Dr. Weber", "bl.a. mere", "U.S. Army", "J. R. Smith", "z.B. so", "Nr. 5", "ca. 3.000",
                      "Ärzte usw. Sie", "ÄRZTE. Sie", "Ä. Sie", "é. Sie", "İ. Sie", "Ⅻ. Sie", "Dña. Ana", "núm. 5", "NÚM. 5",
                      "Núm. 5", "lør. Den", "LØR. Den", "x.ä. Sie", "Mär. Sie", "o.Ä. Sie", "O.ä. Sie"])
    func abbreviationsAgree(text: String) {
        for code in Self.store.codes + ["und"] {
            let new = SentenceSplitter(languages: Self.store, language: code).split(text)
            let old = OriginalSentenceSplitter(languages: Self.store, language: code).split(text)
            #expect(new == old, "\(code)")
        }
    }

    @Test func latinKeysFollowCanonicalEquality() {
        let keys = LatinKeys(["dña.": 1, "C\u{327}a.": 2, "x\u{308}.": 3, "\u{212A}m.": 4, "ab.": 5])
        func ask(_ s: String, lower: Bool = false) -> String {
            Array(s.utf8).withUnsafeBufferPointer { b in
                switch lower ? keys.lookupLowercased(b) : keys.lookup(b) {
                case .found(let v): return "\(v)"
                case .absent: return "-"
                case .notLatin: return "?"
                }
            }
        }
        #expect(ask("dña.") == "1")
        #expect(ask("Dña.") == "-")
        #expect(ask("DÑA.", lower: true) == "1")
        #expect(ask("Ça.") == "2")           // the key was written decomposed
        #expect(ask("Km.") == "4")           // K (U+212A) is canonically K
        #expect(ask("ẍ.") == "?")            // not Latin-1: the dictionary decides
        #expect(ask("x\u{308}.") == "?")
        #expect(ask("AB.", lower: true) == "5")
        #expect(ask("ab") == "-")
        #expect(ask(String(repeating: "a", count: 80), lower: true) == "?")
    }
}
