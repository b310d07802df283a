import Foundation
import Testing
import TestSupport
@testable import ArticleIngest

/// The byte-keyed identifier answers as the String-keyed one it replaced
/// (`Reference/OriginalLanguageIdentifier.swift`): the same tokens, the same scores to the last bit,
/// the same coverage, on the held-aside text of every language and on generated text that mixes
/// languages, accents, apostrophes, digits and scalars beyond Latin-1.
@Suite struct LanguageIdentifierEquivalenceTests {
    static let new = LanguageIdentifier(languages: TextTestSupport.store)
    static let old = OriginalLanguageIdentifier(languages: TextTestSupport.store)

    static func heldAside() throws -> [String] {
        var out: [String] = []
        for code in TextTestSupport.store.codes {
            for name in ["\(code).lines", "\(code).round2.lines", "\(code).round3.lines"] {
                let path = TextTestSupport.path("fixtures/text/langid/\(name)")
                guard FileManager.default.fileExists(atPath: path) else { continue }
                let text = try String(contentsOfFile: path, encoding: .utf8)
                out += text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
            }
        }
        return out
    }

    /// Text drawn from the stop words of every language, their capitalised forms, accented and
    /// Nordic letters, apostrophes (both kinds), digits, punctuation and a few scalars beyond Latin-1.
    static func generated(count: Int, seed: UInt64) -> [String] {
        var g = SeededGenerator(seed: seed)
        var vocabulary: [String] = []
        for code in TextTestSupport.store.codes {
            vocabulary += (TextTestSupport.store.pack(code)?.words("stopwords.txt") ?? []).prefix(60)
        }
        vocabulary += ["Été", "ÅR", "Œuvre", "straße", "l'armée", "d’Italia", "Biden's", "don't", "we’re",
                       "12", "3,5", "—", "«", "»", "×", "÷", "Ελλάδα", "日本", "Zürich", "Ærø", "naïve", "øst"]
        let separators = [" ", " ", " ", ", ", ". ", "'", "’", "-", "\u{00A0}", "\n"]
        return (0..<count).map { _ in
            var s = ""
            for _ in 0..<Int.random(in: 1...40, using: &g) {
                var w = vocabulary.randomElement(using: &g)!
                if Bool.random(using: &g) && Bool.random(using: &g) { w = w.capitalized }
                s += w + separators.randomElement(using: &g)!
            }
            return s
        }
    }

    @Test func sameTokensScoresAndCoverage() throws {
        let texts = try Self.heldAside() + Self.generated(count: 400, seed: 7)
        #expect(texts.count > 400)
        for text in texts {
            #expect(LanguageIdentifier.tokens(text) == OriginalLanguageIdentifier.tokens(text), "\(text)")
            let a = Self.new.scores(text), b = Self.old.scores(text)
            #expect(a.map(\.code) == b.map(\.code), "\(text)")
            #expect(a.map(\.score.bitPattern) == b.map(\.score.bitPattern), "\(text)")
            #expect(Self.new.coverage(text).bitPattern == Self.old.coverage(text).bitPattern, "\(text)")
        }
    }

    /// Pairs of languages near each other reach the pattern pass; it must score as before too.
    @Test func closeCallsReachThePatternPassAndAgree() throws {
        let lines = try Self.heldAside()
        var close = 0
        for k in stride(from: 0, to: lines.count - 1, by: 1) {
            let text = lines[k] + " " + lines[(k * 7 + 3) % lines.count]
            let b = Self.old.scores(text)
            if b.count >= 2, b[1].score * 1.5 >= b[0].score { close += 1 }
            let a = Self.new.scores(text)
            #expect(a.map(\.code) == b.map(\.code))
            #expect(a.map(\.score.bitPattern) == b.map(\.score.bitPattern))
        }
        #expect(close > 10)
    }

    /// Only the first 64 KB are read, and a scalar cut by that limit is dropped whole.
    @Test func theLimitCutsAsBefore() {
        for pad in 0..<4 {
            let text = String(repeating: "a", count: 65_536 - 3 + pad) + "på være für été"
            #expect(LanguageIdentifier.tokens(text, limit: 65_536) == OriginalLanguageIdentifier.tokens(text, limit: 65_536))
            #expect(Self.new.scores(text).map(\.score.bitPattern) == Self.old.scores(text).map(\.score.bitPattern))
        }
    }

    @Test func tableFindsEveryWordAndNothingElse() {
        let words: [(key: [UInt8], numbers: [Int])] = (0..<500).map { k in
            (key: Array("w\(k)x".utf8), numbers: [k % 3, 3 + k % 2])
        }
        let table = StopWordTable(words)
        #expect(table.count == 500)
        for (k, w) in words.enumerated() {
            let found = w.key.withUnsafeBufferPointer { table.find($0) }
            #expect(found == k)
            #expect(table.find(packed: StopWordTable.packed(w.key)!) == k)
            var got: [Int] = []
            table.forEachLanguage(of: found) { n, weight in got.append(n); #expect(weight == 0.25) }
            #expect(got == w.numbers)
        }
        for miss in ["w500x", "w1", "", "x", "w12xx"] {
            #expect(Array(miss.utf8).withUnsafeBufferPointer { table.find($0) } == -1)
            if let p = StopWordTable.packed(Array(miss.utf8)) { #expect(table.find(packed: p) == -1) }
        }
        // words of eight bytes and longer, and one that differs from another only in length
        let long = StopWordTable([(key: Array("abcdefgh".utf8), numbers: [0]), (key: Array("abcdefghij".utf8), numbers: [1]),
                                  (key: Array("abc".utf8), numbers: [2])])
        #expect(long.find(packed: StopWordTable.packed(Array("abcdefgh".utf8))!) == 0)
        #expect(Array("abcdefghij".utf8).withUnsafeBufferPointer { long.find($0) } == 1)
        #expect(long.find(packed: StopWordTable.packed(Array("abc".utf8))!) == 2)
        #expect(long.find(packed: StopWordTable.packed(Array("abcd".utf8))!) == -1)
        #expect(long.find(packed: StopWordTable.packed(Array("ab".utf8))!) == -1)
    }
}
