import CrossReference
import CrosscheckModel
import Foundation
import Testing
import TestSupport

@Suite struct EngineTests {
    static let hierarchy = ConceptHierarchy(broader: ["provincial-capital/captured": "city/captured"])

    /// A story told by four outlets over three days, with hand-made claims.
    static let story: [Claim] = [
        claim("da#1", "den ottende provinshovedstad", .ordinal, 8, concept: "provincial-capital/captured", asOf: "2021-08-11", cumulative: true),
        claim("da#2", "seks dage", .duration, 6, unit: "day", concept: "provincial-capital/captured", asOf: "2021-08-11", cumulative: true),
        claim("da#3", "34", .count, 34, concept: "province/total", asOf: "2021-08-11"),
        claim("da#4", "to tredjedele", .fraction, 0.6667, qualifier: .about, concept: "territory/controlled",
              sentence: "Taliban kontrollerer nu cirka to tredjedele (65 procent) af Afghanistans territorium."),
        claim("da#5", "65 procent", .percent, 65, unit: "percent", qualifier: .about, concept: "territory/controlled",
              sentence: "Taliban kontrollerer nu cirka to tredjedele (65 procent) af Afghanistans territorium."),
        claim("da#6", "omkring 20 års", .duration, 20, unit: "year", qualifier: .about, concept: "foreign-military-presence", asOf: "2021-08-11"),
        claim("en#1", "more than a quarter", .fraction, 0.25, qualifier: .moreThan, concept: "provincial-capital/captured", asOf: "2021-08-11", cumulative: true),
        claim("en#2", "less than a week", .duration, 1, unit: "week", qualifier: .lessThan, concept: "provincial-capital/captured", asOf: "2021-08-11", cumulative: true),
        claim("en#3", "the ninth city", .ordinal, 9, concept: "city/captured", asOf: "2021-08-11", cumulative: true, agency: "AFP"),
        claim("en#4", "two decades", .duration, 2, unit: "decade", concept: "foreign-military-presence", asOf: "2021-08-11"),
        claim("eu#1", "nearly twenty years", .duration, 20, unit: "year", qualifier: .nearly, concept: "foreign-military-presence", asOf: "2021-07-17", agency: "AFP"),
        claim("es#1", "third most populous city", .ordinal, 3, concept: "city/rank", inTitle: true),
        claim("es#2", "third city", .ordinal, 3, concept: "city/rank"),
        claim("es#3", "three thousand soldiers", .count, 3000, concept: "soldier/deployed", asOf: "2021-08-13"),
        claim("es#4", "a week", .duration, 1, unit: "week", concept: "provincial-capital/captured", asOf: "2021-08-13", cumulative: true),
        claim("es#5", "12 of the 34", .count, 12, base: 34, concept: "provincial-capital/captured", asOf: "2021-08-13", cumulative: true),
        claim("es#6", "3,000 soldiers", .count, 3000, concept: "soldier/deployed", asOf: "2021-08-13", cited: "Pentagon"),
        claim("es#7", "600 troops", .count, 600, concept: "soldier/deployed", asOf: "2021-08-13", cited: "UK Ministry of Defense"),
        claim("es#8", "second largest city", .ordinal, 2, concept: "city/rank"),
        claim("es#9", "twenty years", .duration, 20, unit: "year", concept: "foreign-military-presence", asOf: "2021-08-13"),
    ]

    static func run(_ claims: [Claim] = story) throws -> [Finding] {
        let x = CrossReferencer(rules: try RuleSet.builtIn(), concepts: hierarchy)
        return x.findings(for: articles(claims, outlets: ["da": "Danish news outlet", "en": "AFP report", "eu": "Euronews", "es": "Spanish outlet"]))
    }

    /// (claim, claim, the verdicts allowed; empty: no finding at all)
    static let expectations: [(String, String, Set<Verdict>)] = [
        ("da#1", "en#3", [.conflict]),        // 8th vs 9th the same day (narrower meets broader concept)
        ("da#1", "en#1", [.conflict]),        // 8 is not more than a quarter of 34
        ("en#1", "en#3", [.agree]),           // 9 is more than a quarter of 34 (same article, but via the cross cluster? no: same article)
        ("en#3", "es#5", [.consistent]),      // 9 on the 11th, 12 on the 13th
        ("da#1", "es#5", [.consistent]),
        ("da#4", "da#5", [.agree]),           // two thirds (65 percent)
        ("da#2", "en#2", [.agree]),           // six days, less than a week
        ("da#2", "es#4", []),                 // windows of different days
        ("en#2", "es#4", []),
        ("es#3", "es#6", [.agree]),           // restatement in words and digits
        ("es#6", "es#7", []),                 // two contingents
        ("da#6", "eu#1", [.agree]),
        ("da#6", "en#4", [.agree]),
        ("eu#1", "es#9", [.agree]),
        ("es#1", "es#2", [.agree]),           // headline rank restated
        ("es#1", "es#8", []),                 // different ranks
        ("es#2", "es#8", []),
    ]

    @Test(arguments: 0..<expectations.count)
    func storyVerdicts(_ i: Int) throws {
        let (x, y, want) = Self.expectations[i]
        let findings = try Self.run()
        let got = verdicts(findings, x, y)
        if want.isEmpty {
            #expect(got.isEmpty, "\(x) ~ \(y): expected no finding, got \(got)")
        } else {
            #expect(!got.isEmpty && got.isSubset(of: want), "\(x) ~ \(y): expected \(want), got \(got)")
        }
    }

    @Test func noConflictFindingNamesTwoAgreeingClaims() throws {
        let findings = try Self.run()
        let x = CrossReferencer(rules: try RuleSet.builtIn(), concepts: Self.hierarchy)
        let batch = articles(Self.story)
        for f in findings where f.claims.count > 2 || f.verdict == .conflict {
            for (i, p) in f.claims.enumerated() {
                for q in f.claims[(i + 1)...] {
                    let v = x.compare(p, q, in: batch)?.verdict
                    #expect(v == nil || v == f.verdict || (f.verdict != .conflict && v != .conflict), "\(f.id ?? "") \(p) ~ \(q): \(String(describing: v))")
                }
            }
        }
    }

    @Test func explanationsSayWhereABaseWasBorrowedAndNameTheDay() throws {
        let findings = try Self.run()
        let f = try #require(findings.first { $0.claims.contains("da#1") && $0.claims.contains("en#1") })
        #expect(f.explanation.contains("34"))
        #expect(f.explanation.contains("borrowed from Spanish outlet"))
        #expect(f.explanation.contains("'den ottende provinshovedstad'"))
        let g = try #require(findings.first { $0.claims.contains("da#1") && $0.claims.contains("en#3") })
        #expect(g.explanation.contains("on 2021-08-11") && g.explanation.contains("on the same day"))
    }

    @Test func sharedSourcesAreNamed() throws {
        let claims = [
            claim("a#1", "150 killed", .count, 150, concept: "civilian/killed", asOf: "2022-01-02", agency: "Reuters"),
            claim("b#1", "about 150 dead", .count, 150, qualifier: .about, concept: "civilian/killed", asOf: "2022-01-02", cited: "the Reuters"),
        ]
        let findings = try Self.run(claims)
        let f = try #require(findings.first)
        #expect(f.verdict == .agree)
        #expect(f.explanation.contains("Reuters: one source, not two"))
    }

    @Test func aScaleSlipSaysSo() throws {
        let claims = [
            claim("a#1", "about 360,000 people", .count, 360_000, qualifier: .about, concept: "person/displaced", asOf: "2021-08-13"),
            claim("b#1", "360 people", .count, 360, concept: "person/displaced", asOf: "2021-08-14"),
        ]
        let findings = try Self.run(claims)
        #expect(findings.map(\.rule) == ["scale-slip"])
        #expect(findings.first?.explanation.contains("exactly a thousand times") == true)
    }

    @Test func countsOverDifferentWindowsOnOneDayAreNotCompared() throws {
        let s1 = "In one month, at least 183 civilians have been killed."
        let s2 = "This week, 150 civilians were killed."
        let claims = [
            claim("a#1", "one month", .duration, 1, unit: "month", concept: "civilian/killed", asOf: "2021-08-13", cumulative: true, sentence: s1),
            claim("a#2", "at least 183", .count, 183, qualifier: .atLeast, concept: "civilian/killed", asOf: "2021-08-13", cumulative: true, sentence: s1),
            claim("b#1", "This week", .duration, 1, unit: "week", concept: "civilian/killed", asOf: "2021-08-13", cumulative: true, sentence: s2),
            claim("b#2", "150", .count, 150, concept: "civilian/killed", asOf: "2021-08-13", cumulative: true, sentence: s2),
        ]
        #expect(verdicts(try Self.run(claims), "a#2", "b#2").isEmpty)
        var sameWindow = claims
        sameWindow[2] = claim("b#1", "in a month", .duration, 1, unit: "month", concept: "civilian/killed", asOf: "2021-08-13", cumulative: true, sentence: s2)
        #expect(verdicts(try Self.run(sameWindow), "a#2", "b#2") == [.conflict])
    }

    @Test func aRevisionIsNamed() throws {
        let claims = [
            claim("a#1", "45 dead", .count, 45, concept: "person/killed", asOf: "2024-08-13", cumulative: true),
            claim("b#1", "revised down to 38", .count, 38, concept: "person/killed", asOf: "2024-08-14", cumulative: true, revised: true),
        ]
        let f = try #require(try Self.run(claims).first)
        #expect(f.verdict == .consistent)
        #expect(f.explanation.contains("revised"))
    }

    @Test func headlineAndBodyCopiesJoinOneAgreement() throws {
        let claims = [
            claim("a#1", "at least 45", .count, 45, qualifier: .atLeast, concept: "person/killed", asOf: "2024-08-13", cumulative: true),
            claim("b#1", "45 dead", .count, 45, concept: "person/killed", place: "Pakistan", asOf: "2024-08-13", cumulative: true, inTitle: true),
            claim("b#3", "45 people", .count, 45, concept: "person/killed", asOf: "2024-08-13", cumulative: true),
        ]
        let findings = try Self.run(claims)
        #expect(findings.count == 1)
        #expect(Set(findings.first?.claims ?? []) == ["a#1", "b#1", "b#3"])
    }

    @Test func aHeadlineAgainstSeveralBodyFiguresIsNotAConflict() throws {
        let claims = [
            claim("a#1", "15 dead", .count, 15, concept: "civilian/killed", inTitle: true),
            claim("a#2", "12 civilians", .count, 12, concept: "civilian/killed"),
            claim("a#3", "three children", .count, 3, concept: "civilian/killed"),
        ]
        #expect(try Self.run(claims).filter { $0.verdict == .conflict }.isEmpty)
    }

    // Hang guards (a time limit, not a speed measurement: ScalingTests counts the work, the bench
    // package measures speed).
    @Test(.timeLimit(.minutes(2)))
    func tenThousandDistinctFiguresStayBounded() throws {
        var claims: [Claim] = []
        var generator = SeededGenerator(seed: 11)
        for n in 0..<10_000 {
            let value = Double(Int.random(in: 100_000...200_000, using: &generator))
            claims.append(claim("art\(n)#1", "\(Int(value)) people", .count, value, qualifier: n % 2 == 0 ? .about : .exact,
                                concept: "person/displaced", asOf: "2021-08-\(10 + n % 20)", cumulative: true))
        }
        let findings = try Self.run(claims)
        #expect(findings.count <= 3 * CrossReferencer.Limits().maxPairFindingsPerBlock + 10_000)
        #expect(Set(findings.map(\.id)).count == findings.count)
    }

    @Test(.timeLimit(.minutes(2)))
    func tenThousandArticlesStayNearLinear() throws {
        var claims: [Claim] = []
        for n in 0..<10_000 {
            let day = 10 + n % 5
            let value = Double(8 + (n % 5) + (n % 97 == 0 ? 1 : 0))
            claims.append(claim("art\(n)#1", "\(Int(value)) cities", .count, value, concept: "city/captured",
                                asOf: "2021-08-\(day)", cumulative: true, agency: n % 3 == 0 ? "AFP" : nil))
            claims.append(claim("art\(n)#2", "about 20 years", .duration, 20, unit: "year", qualifier: .about,
                                concept: "foreign-military-presence", asOf: "2021-08-\(day)"))
        }
        let findings = try Self.run(claims)
        #expect(findings.count < 200, "\(findings.count) findings")
        // Agreeing outlets share one finding that names all of them.
        #expect(findings.contains { $0.verdict == .agree && $0.claims.count >= 1_000 })
        #expect(findings.contains { $0.verdict == .conflict })
    }
}
