import CrosscheckModel
import Foundation
import LanguageData
@testable import QuantityRecognition
import Testing

/// Without relative ordinals (the default), the gate stops sentences whose only figure-like words
/// are relative ordinals (*last*, *next*, *previous*), and still never stops one the scanner reads.
@Suite struct GateRelativeOrdinalTests {
    static func passes(_ lex: Lexicon, _ text: String, relative: Bool) -> Bool {
        var copy = text
        return copy.withUTF8 { lex.mayHoldQuantity($0, relativeOrdinals: relative) }
    }

    @Test(arguments: ["da", "de", "en", "es", "fr", "it", "nb", "nl", "pt", "sv"])
    func neverStopsWhatTheScannerReadsWithoutRelativeOrdinals(code: String) throws {
        let lex = try GateTests.lexicon(code)
        let pack = try #require(Corpus.store?.pack(code))
        // every table phrase (relative ordinals among the ordinals), each after every other one's
        // first word too, and the language's corpus
        let relatives = pack.rows("ordinals.tsv").filter { $0[2] != nil }.compactMap { $0[0] }
        var texts = GateTests.probes(pack) + Corpus.cases.filter { $0.language == code }.map(\.input)
        for r in relatives { texts += ["\(r) week", "the \(r) time", "\(r.capitalized) year, the \(r) one"] }
        var stopped = 0
        for t in texts where !Self.passes(lex, t, relative: false) {
            stopped += 1
            let found = QuantityScanner(text: t, lexicon: lex, relativeOrdinals: false).run()
            #expect(found.isEmpty, "gate stopped '\(t)' but the scanner reads \(found.map(\.text))")
        }
        #expect(stopped < texts.count / 2)
    }

    @Test func relativeOrdinalWordsPassOnlyWithTheOption() throws {
        let lex = try GateTests.lexicon("en")
        for text in ["Last week the minister resigned.", "The next government will decide.",
                     "As in previous years, turnout was low."] {
            #expect(Self.passes(lex, text, relative: true), "\(text)")
            #expect(!Self.passes(lex, text, relative: false), "\(text)")
            // and the scanner agrees: nothing to read without the option, a rank with it
            #expect(QuantityScanner(text: text, lexicon: lex, relativeOrdinals: false).run().isEmpty)
        }
        #expect(!QuantityScanner(text: "Last week the minister resigned.", lexicon: lex, relativeOrdinals: true).run().isEmpty)
        // a real figure beside a relative ordinal still passes
        #expect(Self.passes(lex, "Last week three ministers resigned.", relative: false))
    }

    /// The recognizer's default reads as before: the same quantities whether the gate judges with
    /// relative ordinals or without, on every corpus case.
    @Test func recognizerDefaultIsUnchanged() throws {
        let rec = try #require(Corpus.recognizer)
        var checked = 0
        for c in Corpus.cases {
            let lex = try #require(rec.lexicons[c.language] ?? rec.lexicons["en"])
            let plain = rec.recognize(c.input, language: c.language)
            let scanned = Self.passes(lex, c.input, relative: true)
                ? QuantityScanner(text: c.input, lexicon: lex, relativeOrdinals: false).run() : []
            #expect(plain.map(\.text) == scanned.map(\.text), "\(c.language): \(c.input)")
            checked += 1
        }
        #expect(checked > 500)
    }
}
