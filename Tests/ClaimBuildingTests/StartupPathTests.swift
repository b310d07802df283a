@testable import ClaimBuilding
import Foundation
import LanguageData
import Testing

/// The start-up shortcuts of the claim lexicon and the concept catalog against what they stand
/// for: the key of a one-word phrase without the tokenizer, ASCII trimming without Foundation.
@Suite struct ClaimStartupPathTests {
    static func phrases() throws -> [String] {
        let store = try LanguageStore.builtIn()
        var out = ["Km", "CO2", "don't", "l'ONU", "x", "", "ÉTÉ", "Mazar-i-Sharif", "ABC", "abc's"]
        for code in store.codes {
            let pack = try #require(store.pack(code))
            for t in pack.tableNames { out += pack.rows(t).compactMap { $0[0] } }
        }
        return out
    }

    @Test func plainWordKeyIsTheTokenizersKey() throws {
        var fast = 0
        for p in try Self.phrases() {
            if let key = PlainWord.key(p) {
                fast += 1
                #expect(ClaimTokenizer.tokenize(p).map(\.key) == [key], "\(p)")
            }
        }
        #expect(fast > 1000)
        #expect(PlainWord.key("Reuters") == "reuters")
        #expect(PlainWord.key("CO2") == nil)
    }

    @Test(arguments: ["", " ", "\t", "  a b  ", "\tab\t", "ab", " x", "x ", " \t x \t ", "a\u{A0}", "\u{2003}a ", "é ",
                      "\u{3000}", "a\nb", " \n", "\r x", "key\t", "#"])
    func trimMatchesFoundation(_ s: String) {
        #expect(WhitespaceTrim.trimmed(s) == s.trimmingCharacters(in: .whitespaces))
        let sub = ("[" + s + "]").dropFirst().dropLast()
        #expect(WhitespaceTrim.trimmed(sub) == sub.trimmingCharacters(in: .whitespaces))
    }
}

/// The premise of the vocabulary's shortcut: a word whose scalars beyond ASCII all lie below
/// U+0250 never composes (NFC) to plain ASCII.
@Suite struct VocabularyLatinShortcutTests {
    @Test func latinWordsNeverComposeToASCII() throws {
        var words = try ClaimStartupPathTests.phrases()
        words += (0x80..<0x250).map { "a" + String(Unicode.Scalar(UInt32($0))!) }
        for w in words where w.utf8.contains(where: { $0 >= 0x80 }) && w.unicodeScalars.allSatisfy({ $0.value < 0x250 }) {
            #expect(w.precomposedStringWithCanonicalMapping.utf8.contains { $0 >= 0x80 }, "\(w)")
        }
    }
}
