import CrosscheckModel
import Foundation
import LanguageData
@testable import QuantityRecognition
import Testing

@Suite struct TokenizerTests {
    func keys(_ s: String, decimal: Character = ".") -> [String] {
        Tokenizer.tokenize(s, decimalMark: decimal.asciiValue!).map(\.key)
    }

    @Test func wordsNumbersAndSymbols() {
        #expect(keys("Taliban took 3,000 km²!") == ["taliban", "took", "3,000", "km", "²", "!"])
        #expect(keys("quatre-vingt-dix") == ["quatre", "-", "vingt", "-", "dix"])
        #expect(keys("Covid-19 and G7") == ["covid", "-", "19", "and", "g7"])
        #expect(keys("24–48") == ["24", "–", "48"])
    }

    @Test func foldsLatinCapitals() {
        #expect(keys("ÆBLE Øl Åen ÉTÉ Ž") == ["æble", "øl", "åen", "été", "ž"])
    }

    @Test func digitGroupsWithSpaces() {
        #expect(keys("3 000 soldater") == ["3 000", "soldater"])
        #expect(keys("3\u{00A0}000") == ["3 000"])
        #expect(keys("1\u{202F}234\u{202F}567,89") == ["1 234 567,89"])
        // a year then a count is not one number
        #expect(keys("in 2020 500 people") == ["in", "2020", "500", "people"])
    }

    @Test func leadingDecimalMark() {
        #expect(keys(".77", decimal: ".") == [".77"])
        #expect(keys(",77", decimal: ",") == [",77"])
        #expect(keys("a.77") == ["a", ".", "77"])
    }

    @Test func offsetsAreUTF8Bytes() {
        let t = Tokenizer.tokenize("før 5")
        #expect(t.map(\.start) == [0, 5])
        #expect(t[1].spaceBefore)
    }
}

@Suite struct DigitNumberTests {
    func en(_ s: String) -> Double? { DigitNumber.parse(s, decimalMark: UInt8(ascii: "."), groupMarks: [UInt8(ascii: ","), 0x20])?.value }
    func da(_ s: String) -> Double? { DigitNumber.parse(s, decimalMark: UInt8(ascii: ","), groupMarks: [UInt8(ascii: "."), 0x20])?.value }

    @Test func englishMarks() {
        #expect(en("3,000") == 3000)
        #expect(en("1.5") == 1.5)
        #expect(en("1,200,000") == 1_200_000)
        #expect(en("100,000.0") == 100_000)
        #expect(en("01.10") == 1.1)
        #expect(en("3 000") == 3000)
    }

    @Test func danishMarks() {
        #expect(da("3.000") == 3000)
        #expect(da("1,5") == 1.5)
        #expect(da("7,2") == 7.2)
        #expect(da("1.234.567,89") == 1_234_567.89)
        #expect(da("1.5") == 1.5)
        #expect(da("3 000,5") == 3000.5)
    }

    @Test func datesAreNoNumbers() {
        #expect(da("15.08.2021") == nil)
        #expect(en("12.5.2021") == nil)
    }
}

@Suite struct LexiconTests {
    static let store = try? LanguageStore(root: Corpus.languagesRoot)

    func lexicon(_ code: String) throws -> Lexicon {
        let store = try #require(LexiconTests.store)
        return try Lexicon(pack: try #require(store.pack(code)))
    }

    @Test func trieFindsTheLongestPhrase() throws {
        let lex = try lexicon("en")
        let toks = Tokenizer.tokenize("more than or equal to 5")
        let m = try #require(lex.trie.longest(at: 0, in: toks) { if case .qualifier = $0 { return true }; return false })
        #expect(m.end == 5)
        #expect(m.entry.meaning == .qualifier(.atLeast, before: true))
        #expect(m.entry.origin.hasPrefix("en/qualifiers.tsv:"))
    }

    @Test func trieRespectsTheFilter() throws {
        let lex = try lexicon("en")
        let toks = Tokenizer.tokenize("second")
        let ord = lex.trie.longest(at: 0, in: toks) { if case .ordinal = $0 { return true }; return false }
        let unit = lex.trie.longest(at: 0, in: toks) { if case .unit = $0 { return true }; return false }
        #expect(ord?.entry.meaning == .ordinal(2))
        #expect(unit?.entry.meaning == .unit(.duration, "second", before: false, after: true))
    }

    @Test(arguments: [("tooghalvtreds", ["to", "og", "halvtreds"]),
                      ("enogfyrrende", ["en", "og", "fyrrende"]),
                      ("tohundrede", ["to", "hundrede"])])
    func danishCompoundsSplit(_ word: String, _ parts: [String]) throws {
        let lex = try lexicon("da")
        let split = try #require(lex.splitCompound(word))
        #expect(split.map(\.0) == parts)
    }

    @Test func ordinaryWordsDoNotSplit() throws {
        let lex = try lexicon("da")
        #expect(lex.splitCompound("toget") == nil)
        #expect(lex.splitCompound("ottetallet") == nil)
    }

    @Test func badTableRowNamesFileAndLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString)/xx")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try "# c\nthree\tdrei\n".write(to: dir.appendingPathComponent("cardinals.tsv"), atomically: true, encoding: .utf8)
        let store = try LanguageStore(root: dir.deletingLastPathComponent())
        #expect(throws: LanguageStore.LoadError.self) { try Lexicon(pack: try #require(store.pack("xx"))) }
        do {
            _ = try Lexicon(pack: try #require(store.pack("xx")))
        } catch let e as LanguageStore.LoadError {
            #expect(e.description.contains("xx/cardinals.tsv:2"))
        }
    }
}

@Suite struct NumberWordsTests {
    @Test func englishStyle() {
        var s = NumberWords()
        do { let ok = s.addCardinal(7); #expect(ok) }
        do { let ok = s.addScale(100); #expect(ok) }
        do { let ok = s.addCardinal(20); #expect(ok) }
        do { let ok = s.addCardinal(1); #expect(ok) }
        do { let ok = s.addScale(1000); #expect(ok) }
        do { let ok = s.addCardinal(12); #expect(ok) }
        #expect(s.value == 721_012)
    }

    @Test func unitsBeforeTens() {
        var s = NumberWords()
        do { let ok = s.addCardinal(2); #expect(ok) }
        do { let ok = s.addCardinal(50, compoundJoined: true); #expect(ok) }
        #expect(s.value == 52)
    }

    @Test func refusesWhatCannotContinue() {
        var s = NumberWords()
        do { let ok = s.addCardinal(21); #expect(ok) }
        do { let ok = s.addCardinal(5); #expect(!ok) }      // "twenty-one five" is two numbers
        do { let ok = s.addCardinal(3, joined: true); #expect(!ok) }
        var t = NumberWords()
        do { let ok = t.addScale(1_000_000); #expect(ok) }
        do { let ok = t.addScale(1_000_000); #expect(!ok) }
    }
}

@Suite struct RecognizerTests {
    static let recognizer = Corpus.recognizer

    func find(_ text: String, _ lang: String) throws -> [Quantity] {
        try #require(RecognizerTests.recognizer).recognize(text, language: lang)
    }

    @Test func offsetsAreUTF8ByteOffsets() throws {
        let text = "Én ud af tre, næsten 65 procent"
        let qs = try find(text, "da")
        let pct = try #require(qs.first { $0.kind == .percent })
        #expect(Array(text.utf8)[pct.start..<pct.end].elementsEqual("næsten 65 procent".utf8))
        #expect(pct.qualifier == .nearly)
    }

    @Test func traceNamesRowsAndPatterns() throws {
        let q = try #require(try find("cirka to tredjedele", "da").first)
        #expect(q.trace.contains { $0.hasPrefix("da/qualifiers.tsv:") })
        #expect(q.trace.contains { $0.hasPrefix("da/fractions.tsv:") })
    }

    @Test func emptyAndUnknownLanguage() throws {
        #expect(try find("", "en").isEmpty)
        #expect(try find("three days", "xx").first?.kind == .duration)  // falls back to English
    }

    @Test func noCrashOnOddInput() throws {
        for s in ["-", "- -", "1/", "/1", "..", ",,,", "1..2", "⟦", "\u{0}", "½½", "e10", "1e", "1e+", "%%", "$", "between and",
                  String(repeating: "9", count: 400), "1" + String(repeating: ",000", count: 200)] {
            _ = try find(s, "en")
            _ = try find(s, "da")
        }
    }
}
