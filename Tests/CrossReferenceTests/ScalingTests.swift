@testable import CrossReference
import CrosscheckModel
import Testing

/// The pair work of the engine grows linearly with the claims of one fact: counted, not timed.
/// Each test runs a shape at n and 2n claims and asks that the work at most about doubles (a
/// quadratic loop would quadruple it) and stays under a fixed number of pairs per claim.
@Suite struct ScalingTests {
    static func work(_ claims: [Claim], published: [String: String] = [:]) throws -> (EngineStatistics, [Finding]) {
        let x = try CrossReferencer()
        let (findings, stats) = x.engine.run(articles(claims, published: published))
        return (stats, findings)
    }

    /// `grows` at n and at 2n: the second at most a little over twice the first.
    static func expectLinear(_ small: Int, _ large: Int, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(large <= 2 * small + 64, "\(what): \(small) at n, \(large) at 2n", sourceLocation: sourceLocation)
    }

    /// One article holding n figures of one fact, each in its own sentence, under one headline
    /// figure: only the headline meets every body figure (and the body figures are counted once
    /// as its alternatives), not every pair of body figures.
    static func crowdedArticle(_ n: Int) -> [Claim] {
        var claims = [claim("a#1", "40 killed", .count, 40, concept: "person/killed", asOf: "2021-08-10", inTitle: true)]
        for i in 0..<n {
            claims.append(claim("a#\(i + 2)", "\(100 + i) people", .count, Double(100 + i), concept: "person/killed",
                                asOf: "2021-08-10", sentence: "In district \(i), \(100 + i) people were killed."))
        }
        return claims
    }

    @Test func aCrowdedArticleIsNotComparedPairByPair() throws {
        let (small, _) = try Self.work(Self.crowdedArticle(400))
        let (large, findings) = try Self.work(Self.crowdedArticle(800))
        Self.expectLinear(small.pairs, large.pairs, "pairs")
        Self.expectLinear(small.decisions, large.decisions, "decisions")
        // The figures also meet their neighbours in value as groups across articles (a bounded
        // number each); pair by pair they would be 320,000.
        let limits = CrossReferencer.Limits()
        let perClaim = limits.neighbourGroups + 2 * limits.neighbourDayGroups + 4
        #expect(large.pairs <= perClaim * 801, "\(large.pairs) pairs for 801 claims")
        // The headline still meets the body: a headline against many body figures is no conflict.
        #expect(findings.allSatisfy { $0.verdict != .conflict })
    }

    /// n outlets giving one figure: one group, one finding naming every claim.
    static func oneFigureEverywhere(_ n: Int) -> [Claim] {
        (0..<n).map { claim("o\($0)#1", "1,200 displaced", .count, 1200, concept: "person/displaced", asOf: "2021-08-10") }
    }

    @Test func equalFiguresFromManyOutletsAreOneGroup() throws {
        let (small, _) = try Self.work(Self.oneFigureEverywhere(500))
        let (large, findings) = try Self.work(Self.oneFigureEverywhere(1000))
        Self.expectLinear(small.pairs, large.pairs, "pairs")
        #expect(large.decisions <= 4, "\(large.decisions) decisions for one figure")
        let agree = try #require(findings.first { $0.verdict == .agree })
        #expect(agree.claims.count == 1000)
    }

    /// n different figures of one fact over a few days, a few outlets each: more groups than are
    /// compared pairwise, so each meets a bounded number of neighbours.
    static func manyFigures(_ n: Int) -> [Claim] {
        (0..<n).map { i in
            let value = Double(1000 + (i * 37) % (n * 3))
            return claim("m\(i)#1", "\(Int(value))", .count, value, qualifier: i % 3 == 0 ? .about : .exact,
                         concept: "refugee/registered", asOf: "2021-08-\(10 + i % 4)")
        }
    }

    @Test func manyDistinctFiguresMeetBoundedNeighbours() throws {
        let limits = CrossReferencer.Limits()
        let (small, _) = try Self.work(Self.manyFigures(1500))
        let (large, findings) = try Self.work(Self.manyFigures(3000))
        Self.expectLinear(small.decisions, large.decisions, "decisions")
        Self.expectLinear(small.pairs, large.pairs, "pairs")
        let perGroup = limits.neighbourGroups + 2 * limits.neighbourDayGroups + 1
        #expect(large.decisions <= perGroup * 3000, "\(large.decisions) decisions for 3000 figures")
        #expect(!findings.isEmpty)
    }

    /// n outlets, two figures that agree ("about 500" and "480"), said in turn, over one day:
    /// two groups, one finding naming all of them.
    static func twoAgreeingFigures(_ n: Int) -> [Claim] {
        (0..<n).map { i in
            i % 2 == 0 ? claim("t\(i)#1", "about 500", .count, 500, qualifier: .about, concept: "house/destroyed", asOf: "2021-08-10")
                       : claim("t\(i)#1", "480", .count, 480, concept: "house/destroyed", asOf: "2021-08-10")
        }
    }

    @Test func agreeingGroupsMergeWithoutComparingTheirMembers() throws {
        let (small, _) = try Self.work(Self.twoAgreeingFigures(1000))
        let (large, findings) = try Self.work(Self.twoAgreeingFigures(2000))
        Self.expectLinear(small.pairs, large.pairs, "pairs")
        #expect(large.decisions <= 8, "\(large.decisions) decisions for two figures")
        #expect(findings.contains { $0.verdict == .agree && $0.claims.count == 2000 })
    }

    /// Enough figures that many pair decisions are kept (on several threads) and the agreement
    /// lists (flat, per group) are long: every finding names distinct claims, agreements are
    /// found, and two runs give the same findings.
    @Test func manyKeptDecisionsGiveTheSameFindingsEachRun() throws {
        let claims = Self.manyFigures(12_000)
        let (stats, findings) = try Self.work(claims)
        #expect(stats.decisions > 8192, "\(stats.decisions) decisions")
        #expect(findings.contains { $0.verdict == .agree && $0.claims.count > 2 })
        #expect(findings.allSatisfy { Set($0.claims).count == $0.claims.count })
        let (_, again) = try Self.work(claims)
        #expect(again == findings)
    }
}

/// Loading the built-in rules without their cases (for a run that only cross-references).
@Suite struct RuleLoadingTests {
    @Test func rulesWithoutCasesAreTheSameRules() throws {
        let full = try RuleSet.builtIn()
        let lean = try RuleSet.builtIn(cases: false)
        #expect(lean.rules.map(\.id) == full.rules.map(\.id))
        #expect(lean.rules.map(\.messages) == full.rules.map(\.messages))
        #expect(lean.units == full.units && lean.sources == full.sources)
        #expect(lean.rules.allSatisfy { $0.fire.isEmpty && $0.pass.isEmpty })
        #expect(full.rules.contains { !$0.fire.isEmpty })
        // The same findings either way.
        let claims = [claim("a#1", "about 500", .count, 500, qualifier: .about, concept: "house/destroyed", asOf: "2021-08-10"),
                      claim("b#1", "480", .count, 480, concept: "house/destroyed", asOf: "2021-08-10"),
                      claim("c#1", "900", .count, 900, concept: "house/destroyed", asOf: "2021-08-10")]
        let batch = articles(claims)
        let expected = CrossReferencer(rules: full).findings(for: batch)
        #expect(!expected.isEmpty)
        #expect(CrossReferencer(rules: lean).findings(for: batch) == expected)
    }
}
