@testable import ClaimBuilding
import Foundation
import Testing

/// The tokenizer, the break test and the reference-held tables against what they replaced: the
/// same tokens (text, key, offsets, flags) as the reference tokenizer for text in many scripts,
/// for every scalar next to word characters, and for the seed articles.
@Suite struct TokenizerDifferentialTests {
    static let samples: [String] = [
        "Mazar-i-Sharif fell, 3,000 fled; 9/11. don't l'ONU d’habitants qu'il jusqu’à",
        "Afghanistan’s farmers’ groups' 1\u{00A0}398 personnes 12\u{202F}000\u{2009}morts",
        "ÆRØ Straße ÉTÉ DON’T ‐ Ærø had 12e cafe\u{0301}s, 🙂 ok İstanbul ΣΊΣΥΦΟΣ",
        "«Die Behörden» teilten mit: 183 Zivilisten getötet — und rund 360.000 Menschen sind geflohen.",
        "Entre 200 y 250 militares de la Unidad Militar de Emergencias (UME) se han desplegado.",
        "a\u{200B}b\u{FEFF}c\u{3000}d ʼokina Hawaiʻi x\u{2010}y x\u{2011}y 3.5/4,2 .5 5. a-'b a'-b",
        "السلام عليكم 123 — 東京都 2021年 — नमस्ते 5 — Привет, мир! 7%",
        "ab' s's S'S l' l'a qu' qu'a abc'd a'b'c 9/a a/9 9//9 9,,9",
        "", " ", "'", "’s", "s'", "\u{301}a", "a\u{301}", "\u{FFFD}\u{0}\u{7F}\u{80}",
    ]

    @Test func tokensAreThoseOfTheReferenceTokenizer() throws {
        var texts = Self.samples
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../../shared/seeds").standardized
        if let names = try? FileManager.default.contentsOfDirectory(atPath: seeds.path) {
            for name in names.sorted() where name.hasSuffix(".txt") {
                let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
                texts += text.split(separator: "\n").map(String.init)
            }
        }
        for text in texts {
            #expect(ClaimTokenizer.tokenize(text) == ReferenceTokenizer.tokenize(text), "\(text)")
        }
    }

    @Test func everyScalarBetweenWordCharactersTokenizesAsBefore() {
        // each scalar alone, between letters, between digits and after a word's letters
        var mismatches: [UInt32] = []
        for v in UInt32(0)..<0x3_0000 {
            guard let u = Unicode.Scalar(v) else { continue }
            let c = String(u)
            for text in [c, "ab\(c)cd", "12\(c)34", "l\(c)x", "dogs\(c)", "\(c)s"] where
                ClaimTokenizer.tokenize(text) != ReferenceTokenizer.tokenize(text) {
                mismatches.append(v)
                break
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).map { String($0, radix: 16) })")
    }

    @Test func clauseBreaksAreThoseOfTheTextSet() {
        var mismatches: [UInt32] = []
        for v in UInt32(0)..<0x3_0000 {
            guard let u = Unicode.Scalar(v) else { continue }
            for t in ClaimTokenizer.tokenize("a\(String(u))b") where !t.isWord {
                if SentenceTokens.isBreakToken(t) != SentenceTokens.breakTexts.contains(t.text) { mismatches.append(v) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).map { String($0, radix: 16) })")
        // a Greek question mark is canonically a semicolon
        #expect(SentenceTokens.isBreakToken(ClaimTokenizer.tokenize("\u{037E}")[0]))
        #expect(!SentenceTokens.isBreakToken(ClaimTokenizer.tokenize("(")[0]))
    }

    @Test func aCopiedTableIsNotChangedByInsertsIntoTheOriginal() {
        var v = Vocabulary()
        var t = PhraseTable<String>()
        t.insert("rain", "r", origin: "t", vocabulary: &v)
        let frozenTable = t
        let frozenVocabulary = v
        t.insert("rain fell", "rf", origin: "t", vocabulary: &v)
        t.insert("snow", "s", origin: "t", vocabulary: &v)
        #expect(frozenTable.count == 1 && t.count == 3)
        #expect(frozenVocabulary.count == 1 && v.count == 3)
        #expect(frozenVocabulary.id(of: "snow") == -1 && v.id(of: "snow") >= 0)
        let ids = v.ids(of: ClaimTokenizer.tokenize("rain fell snow"))
        #expect(frozenTable.matches(in: ids).map(\.value) == ["r"])
        #expect(t.matches(in: ids).map(\.value) == ["rf", "s"])
        #expect(frozenTable.maxLength == 1 && t.maxLength == 2)
    }

    @Test func aScalarThatDoesNotChangeWhenLowercasedIsItsOwnLowercase() {
        var mismatches: [UInt32] = []
        for v in UInt32(0x80)...0x10_FFFF {
            guard let u = Unicode.Scalar(v), !u.properties.changesWhenLowercased else { continue }
            if !u.properties.lowercaseMapping.unicodeScalars.elementsEqual([u]) { mismatches.append(v) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).map { String($0, radix: 16) })")
    }
}
