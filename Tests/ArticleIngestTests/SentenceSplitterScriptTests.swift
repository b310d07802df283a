import CrosscheckModel
import LanguageData
import Testing
import TestSupport
@testable import ArticleIngest

/// Tokens with a Greek, Cyrillic, CJK or Hangul letter are answered "no abbreviation" without a
/// `String`: the splitter still cuts exactly where the reference one does, also for tables that
/// hold such abbreviations (then the strings decide, as before).
@Suite struct SentenceSplitterScriptTests {
    static let store = TextTestSupport.store
    static let words = ["Москва", "г.", "т.д.", "ул", "Ж", "Ё", "Иванов", "ΣΑΣ", "κ.λπ", "Δρ", "日本", "서울", "Dr", "etc", "A",
                        "J", "Ǆ", "İ", "x\u{308}", "Ä", "km", "bl.a", "ẞ", "ﬁ", "Ω", "\u{212A}m", "No"]

    @Test(arguments: [41, 42] as [UInt64])
    func splitsAgreeOnScripts(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let codes = Self.store.codes + ["und"]
        let splitters = codes.map { SentenceSplitter(languages: Self.store, language: $0) }
        let references = codes.map { OriginalSentenceSplitter(languages: Self.store, language: $0) }
        var sentences = 0
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 2...24, using: &rng) {
                text += Self.words[Int.random(in: 0..<Self.words.count, using: &rng)]
                text += [". ", " ", ". ", "! ", ".\n", " "][Int.random(in: 0..<6, using: &rng)]
            }
            for k in codes.indices {
                let new = splitters[k].split(text)
                sentences += new.count
                #expect(new == references[k].split(text), "\(codes[k]): \(text.debugDescription)")
            }
        }
        #expect(sentences > 4000)
    }

    @Test func nonLatinLettersAreSeen() {
        func has(_ s: String) -> Bool { s.withUTF8Bytes(SentenceSplitter.hasNonLatinLetter) }
        #expect(has("г") && has("ΣΑΣ") && has("日本") && has("서울") && has("xЖ"))
        #expect(!has("Dr") && !has("é") && !has("x\u{308}") && !has("\u{212A}m") && !has(";\u{37E}") && !has("\u{387}"))
    }
}
