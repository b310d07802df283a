import CrosscheckModel
import Foundation
import Testing
@testable import ArticleIngest

/// Language identification on held-aside text (fixtures/text/langid): sentences written for these
/// tests, not taken from the sources of the stop-word lists. The first set was checked against the
/// lists once; `*.round2.lines` were written afterwards (and seen once more when the spelling
/// patterns were added); `*.round3.lines` (da, nb, sv) were written after that and never used to
/// tune anything.
@Suite struct LanguageIdentifierTests {
    static let identifier = LanguageIdentifier(languages: TextTestSupport.store)
    /// Every language folder that has held-aside text (adding a language needs no change here).
    static let codes: [String] = TextTestSupport.store.codes.filter {
        FileManager.default.fileExists(atPath: TextTestSupport.path("fixtures/text/langid/\($0).lines"))
    }

    /// The held-aside sets of a language: the first, then `round2`, then `round3` (where present).
    static func allLines(_ code: String) throws -> [String] {
        try lines(code, round: 1) + lines(code, round: 2) + lines(code, round: 3)
    }

    static func lines(_ code: String, round: Int) throws -> [String] {
        let name = round == 1 ? "\(code).lines" : "\(code).round\(round).lines"
        let path = TextTestSupport.path("fixtures/text/langid/\(name)")
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    /// The identifier the assembler builds on first use answers as one built at once, from any
    /// number of threads asking together.
    @Test func lazyIdentifierAnswersAsABuiltOne() throws {
        let lazy = LazyIdentifier(languages: TextTestSupport.store)
        let samples = try Self.codes.prefix(6).map { try Self.allLines($0).prefix(3).joined(separator: " ") }
        let expected = samples.map { Self.identifier.identify($0) }
        let got = IndexedSlots.map(samples.count * 4) { k in lazy.value.identify(samples[k % samples.count]) }
        for (k, g) in got.enumerated() { #expect(g == expected[k % samples.count]) }
        #expect(expected.contains { $0 != nil })
    }

    @Test(arguments: codes)
    func wholeParagraphsAreAlwaysRight(code: String) throws {
        for round in 1...3 {
            let lines = try Self.lines(code, round: round)
            guard !lines.isEmpty else { continue }
            #expect(Self.identifier.identify(lines.joined(separator: " ")) == code, "round \(round)")
        }
    }

    @Test func everyLanguageHasHeldAsideText() {
        #expect(Self.codes == TextTestSupport.store.codes)
    }

    @Test func sentenceAccuracyOnHeldAsideText() throws {
        var right = 0, total = 0
        var wrong: [String] = []
        for code in Self.codes {
            for line in try Self.allLines(code) {
                total += 1
                let got = Self.identifier.identify(line)
                if got == code { right += 1 } else { wrong.append("\(code)→\(got ?? "nil"): \(line)") }
            }
        }
        let accuracy = Double(right) / Double(total)
        // Measured 221/230 (0.961) when this floor was set; raise it when the lists improve.
        #expect(accuracy >= 0.94, "\(right)/\(total); wrong: \(wrong)")
    }

    @Test func danishNorwegianAndSwedishAreToldApart() throws {
        for code in ["da", "nb", "sv"] {
            let lines = try Self.allLines(code)
            let right = lines.filter { Self.identifier.identify($0) == code }.count
            // Short single sentences; measured da 28, nb 26, sv 29 of 30 (most misses are ties → nil).
            #expect(right * 100 >= lines.count * 80, "\(code): \(right)/\(lines.count)")
            // Two sentences together are nearly always enough (measured: one pair of ten wrong, in nb).
            var pairsRight = 0, pairs = 0
            var wrong: [String] = []
            for pair in stride(from: 0, to: lines.count - 1, by: 2) {
                let text = lines[pair] + " " + lines[pair + 1]
                pairs += 1
                if Self.identifier.identify(text) == code { pairsRight += 1 } else { wrong.append(text) }
            }
            #expect(pairsRight * 10 >= pairs * 9, "\(code): \(pairsRight)/\(pairs); wrong: \(wrong)")
        }
    }

    @Test func noEvidenceGivesNil() {
        #expect(Self.identifier.identify("") == nil)
        #expect(Self.identifier.identify("12 345 67,5 %") == nil)
        #expect(Self.identifier.identify("Zzyzx Qwerty") == nil)
    }

    @Test func englishCliticsAreNotFrenchElisions() {
        #expect(LanguageIdentifier.tokens("Biden's plan didn’t work, l'armée") == ["biden", "plan", "didn", "work", "l", "armee"])
        #expect(Self.identifier.identify("Biden's plan didn't work.") != "fr")
    }

    @Test func foldingKeepsNordicLettersDistinct() {
        #expect(LanguageIdentifier.tokens("På ÅR, Været für l'été") == ["paa", "aar", "vaeret", "fuer", "l", "ete"])
    }
}
