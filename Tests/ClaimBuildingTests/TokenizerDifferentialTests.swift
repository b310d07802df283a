@testable import ClaimBuilding
import Foundation
import Testing

/// The tokenizer, the break test, the revised-cue walk and the reference-held tables against what
/// they replaced: the same tokens (text and key bytes, offsets, flags) as the reference tokenizer
/// for text in many scripts, for every scalar next to word characters, and for the seed articles;
/// the same word numbers when the tokenizer looks them up as it cuts.
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

    /// Every field, the strings as their bytes (`==` on strings is canonical equivalence).
    static func bytes(_ tokens: [ClaimToken]) -> [[Int]] {
        tokens.map { t in
            [t.start, t.end, t.isWord ? 1 : 0, t.isCapitalized ? 1 : 0, t.isPossessive ? 1 : 0, t.hasDigit ? 1 : 0, -1]
                + t.text.utf8.map(Int.init) + [-1] + t.key.utf8.map(Int.init)
        }
    }

    static func texts() throws -> [String] {
        var texts = samples
        // the package's seed articles, line by line
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../seeds").standardized
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }
        #expect(names.count >= 4)
        for name in names.sorted() {
            let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            texts += text.split(separator: "\n").map(String.init)
        }
        return texts
    }

    @Test func tokensWithWordNumbersAreThoseOfTheTokenizerAndTheVocabulary() throws {
        var words = Self.samples.joined(separator: " ")
        for code in ["en", "da", "de", "fr", "es"] {
            let lexicon = try #require(Support.builder.readers[code]).lexicon
            for text in try Self.texts() + [words] {
                let plain = ClaimTokenizer.tokenize(text)
                let (tokens, ids) = ClaimTokenizer.tokenize(text, vocabulary: lexicon.vocabulary)
                #expect(Self.bytes(tokens) == Self.bytes(plain), "\(code): \(text)")
                #expect(ids == lexicon.vocabulary.ids(of: plain), "\(code): \(text)")
            }
            words = "Said SAID said's According To the UN's \(words)"
        }
    }

    @Test func theRevisedCueIsFoundAsTheCueMatchesFindIt() throws {
        for code in ["en", "da", "de", "fr", "es"] {
            let lexicon = try #require(Support.builder.readers[code]).lexicon
            for text in try Self.texts() + ["The figure was revised on Monday", "revideret tal", "korrigiert", "corrected, revised"] {
                let tokens = ClaimTokenizer.tokenize(text)
                let s = SentenceTokens(text: text, tokens: tokens, lexicon: lexicon, quantities: [])
                let want = lexicon.cues.matches(in: lexicon.ids(of: tokens)).contains { $0.value.contains(.revised) }
                #expect(s.isRevised == want, "\(code): \(text)")
            }
        }
    }

    @Test func tokensAreThoseOfTheReferenceTokenizer() throws {
        for text in try Self.texts() {
            #expect(Self.bytes(ClaimTokenizer.tokenize(text)) == Self.bytes(ReferenceTokenizer.tokenize(text)), "\(text)")
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
