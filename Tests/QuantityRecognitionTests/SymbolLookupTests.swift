import CrosscheckModel
import Foundation
import LanguageData
@testable import QuantityRecognition
import Testing

/// Signs beyond ASCII answered without hashing their keys: the vulgar-fraction byte test and the
/// General Punctuation root table give what the String look-ups they stand in front of give.
@Suite struct SymbolLookupTests {
    static let store = try? LanguageStore(root: Corpus.languagesRoot)

    @Test func vulgarValueAnswersAsTheTableForEverySignUpToU3000() {
        for v in UInt32(0x21)..<0x3000 {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let key = String(scalar)
            #expect(QuantityScanner.vulgarValue(key) == QuantityScanner.vulgar[key], "U+\(String(v, radix: 16))")
        }
        for (key, value) in QuantityScanner.vulgar { #expect(QuantityScanner.vulgarValue(key) == value) }
        // a decomposed or longer key is never a vulgar fraction
        #expect(QuantityScanner.vulgarValue("½½") == nil)
        #expect(QuantityScanner.vulgarValue("") == nil)
    }

    @Test func punctuationRootsAreTheTrieRootsOfTheSameKeys() throws {
        let store = try #require(Self.store)
        var anyRoot = false
        for code in store.codes {
            let lexicon = try Lexicon(pack: try #require(store.pack(code)))
            #expect(lexicon.punctuationRoots.count == 0x70)
            for k in 0..<0x70 {
                let key = Tokenizer.punctuationKeys[k]
                #expect(lexicon.punctuationRoots[k] == (lexicon.trie.root(key) ?? -1), "\(code) U+\(String(0x2000 + k, radix: 16))")
                if lexicon.punctuationRoots[k] >= 0 { anyRoot = true }
            }
        }
        // (‰ is a unit in the tables: the table is not all empty)
        #expect(anyRoot)
    }

    /// Text full of typographic punctuation reads as before: the per-mille sign is still a unit,
    /// vulgar fractions still values, curly quotes and dashes still nothing.
    @Test func typographicPunctuationReadsAsBefore() throws {
        let store = try #require(Self.store)
        let recognizer = try QuantityRecognizer(languages: store)
        let found = recognizer.recognize("“It’s 3½ times — not 2¾,” he said… Turnout rose 5 ‰ – to 12 %.", language: "en")
        #expect(found.contains { $0.value.number == 3.5 })
        #expect(found.contains { $0.value.number == 2.75 })
        #expect(found.contains { $0.unit == "permille" || $0.text.contains("‰") })
        #expect(found.contains { $0.value.number == 12 })
    }
}
