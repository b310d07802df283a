import CrosscheckModel
import Foundation
import LanguageData
@testable import QuantityRecognition
import Testing

/// `attempt(at:)` turns away a word none of whose phrases holds a meaning it reads at its first
/// token (joiners, partitives, determiners …). Reading with and without that shortcut gives the
/// same quantities on every corpus case and on every table phrase set in sentences.
@Suite struct StartFilterTests {
    static func read(_ text: String, _ lex: Lexicon, filter: Bool, relative: Bool) -> [String] {
        let scanner = QuantityScanner(text: text, lexicon: lex, relativeOrdinals: relative)
        scanner.startFilter = filter
        return scanner.run().map { "\($0.start)-\($0.end) \($0.kind) \($0.value) \($0.unit ?? "") \($0.qualifier)" }
    }

    @Test(arguments: ["da", "de", "en", "es", "fr", "it", "nb", "nl", "pt", "sv"])
    func sameQuantitiesWithAndWithoutTheShortcut(code: String) throws {
        let lex = try GateTests.lexicon(code)
        let pack = try #require(Corpus.store?.pack(code))
        let phrases = GateTests.probes(pack)
        // every table phrase between figures and words, so each joiner and partitive meets numbers
        var texts = Corpus.cases.filter { $0.language == code }.map(\.input)
        for (k, p) in phrases.enumerated() where k % 3 == 0 {
            texts.append("\(p) 12 \(phrases[(k * 7 + 1) % phrases.count]) 3,5 \(p) the 40 %")
        }
        for t in texts {
            for relative in [false, true] {
                let fast = Self.read(t, lex, filter: true, relative: relative)
                let full = Self.read(t, lex, filter: false, relative: relative)
                #expect(fast == full, "\(code): \(t)")
            }
        }
        #expect(texts.count > 100)
    }

    @Test func joinersAndPartitivesStartNothing() throws {
        let lex = try GateTests.lexicon("en")
        let scanner = QuantityScanner(text: "of and 5", lexicon: lex, relativeOrdinals: false)
        // "of" is a partitive word only: turned away before any reading
        #expect(!scanner.mayMatch(0, QuantityScanner.startKinds))
        #expect(scanner.attempt(at: 0) == nil)
        #expect(scanner.run().map(\.text) == ["5"])
    }
}
