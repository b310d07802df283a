import CrossReference
import CrosscheckModel
import Foundation
import Testing

/// The tables beside the rules: sources known under several names, and units written apart
/// from their "per …".
@Suite struct TablesTests {
    static func run(_ claims: [Claim]) throws -> [Finding] {
        try CrossReferencer().findings(for: articles(claims))
    }

    @Test(arguments: [
        ("UN", "ONU"), ("FN", "Vereinte Nationen"), ("the United Nations", "Naciones Unidas"),
        ("UNO", "Nations unies"), ("AFP", "Agence France-Presse"), ("Reuters", "Reuters"),
    ])
    func oneSourceUnderTwoNames(_ first: String, _ second: String) throws {
        let findings = try Self.run([
            claim("a#1", "1,200 evacuated", .count, 1200, concept: "person/evacuated", asOf: "2026-10-15", cited: first),
            claim("b#1", "1.200 evacuados", .count, 1200, concept: "person/evacuated", asOf: "2026-10-15", cited: second),
        ])
        let f = try #require(findings.first)
        #expect(f.verdict == .agree)
        #expect(f.explanation.contains("one source, not two"), "\(f.explanation)")
    }

    @Test func differentSourcesAreTwo() throws {
        let findings = try Self.run([
            claim("a#1", "1,200 evacuated", .count, 1200, concept: "person/evacuated", asOf: "2026-10-15", cited: "UN"),
            claim("b#1", "1.200 evacuados", .count, 1200, concept: "person/evacuated", asOf: "2026-10-15", agency: "Reuters"),
        ])
        let f = try #require(findings.first)
        #expect(!f.explanation.contains("one source"))
    }

    @Test func sourceTableRejectsANameOfTwoSources() {
        #expect(throws: RuleError.self) {
            try SourceTable.parse("United Nations\tUN\nUnited Nations Association\tUN\n", file: "sources.tsv")
        }
        #expect(throws: RuleError.self) { try SourceTable.parse("Lonely\n", file: "sources.tsv") }
    }

    @Test func litresPerSquareMetreAreMillimetresOfRain() throws {
        let findings = try Self.run([
            claim("a#1", "up to 310 millimetres", .measure, 310, unit: "mm", qualifier: .atMost, concept: "rainfall", asOf: "2026-10-15",
                  sentence: "up to 310 millimetres of rain fell in 24 hours"),
            claim("b#1", "hasta 310 litros", .measure, 310, unit: "l", qualifier: .atMost, concept: "rainfall", asOf: "2026-10-15",
                  sentence: "cayeron hasta 310 litros por metro cuadrado en 24 horas"),
            claim("c#1", "bis zu 310 Liter", .measure, 310, unit: "l", qualifier: .atMost, concept: "rainfall", asOf: "2026-10-15",
                  sentence: "fielen binnen 24 Stunden bis zu 310 Liter Regen pro Quadratmeter"),
        ])
        let agree = try #require(findings.first { $0.verdict == .agree })
        #expect(Set(agree.claims) == ["a#1", "b#1", "c#1"], "\(findings)")
        #expect(!findings.contains { $0.verdict == .conflict })
    }

    @Test func bareLitresAreNotRain() throws {
        let findings = try Self.run([
            claim("a#1", "310 millimetres", .measure, 310, unit: "mm", concept: "rainfall", asOf: "2026-10-15"),
            claim("b#1", "310 litres", .measure, 310, unit: "l", concept: "rainfall", asOf: "2026-10-15",
                  sentence: "310 litres of water were pumped out"),
        ])
        #expect(findings.isEmpty, "\(findings)")
    }
}
