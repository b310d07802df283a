import CrossReference
import CrosscheckModel
import Testing
import TestSupport

/// Properties every rule set must keep, over a spread of claims.
@Suite struct PropertyTests {
    static let sample: [Claim] = [
        claim("a#1", "the eighth", .ordinal, 8, concept: "city/captured", asOf: "2021-08-11", cumulative: true),
        claim("a#2", "more than a quarter", .fraction, 0.25, base: 34, qualifier: .moreThan, concept: "city/captured", asOf: "2021-08-11", cumulative: true),
        claim("a#3", "about 360,000", .count, 360_000, qualifier: .about, concept: "person/displaced"),
        claim("a#4", "nearly twenty years", .duration, 20, unit: "year", qualifier: .nearly, concept: "presence"),
        claim("a#5", "two decades", .duration, 2, unit: "decade", concept: "presence"),
        claim("a#6", "65 percent", .percent, 65, unit: "percent", qualifier: .about, concept: "territory"),
        claim("a#7", "24 to 48 hours", .duration, low: 24, high: 48, unit: "hour", concept: "deploy/window"),
        claim("a#8", "$5 million", .money, 5_000_000, unit: "USD", concept: "aid"),
        claim("a#9", "third city", .ordinal, 3, concept: "city/rank"),
        claim("a#10", "at least 183", .count, 183, qualifier: .atLeast, concept: "civilian/killed", asOf: "2021-08-13", cumulative: true),
        claim("a#11", "less than a week", .duration, 1, unit: "week", qualifier: .lessThan, concept: "city/captured", asOf: "2021-08-11", cumulative: true),
        claim("a#12", "10 km", .measure, 10, unit: "km", concept: "front/length"),
    ]

    @Test(arguments: sample)
    func aClaimAgreesWithItself(_ c: Claim) throws {
        let x = try CrossReferencer()
        var other = c
        other.id = "b#1"
        other.article = "b"
        let batch = [ReportedArticle(id: "a", outlet: "A", language: "en", claims: [c]),
                     ReportedArticle(id: "b", outlet: "B", language: "en", claims: [other])]
        let f = try #require(x.compare(c.id, "b#1", in: batch), "no verdict for \(c.quote) against itself")
        #expect(f.verdict == .agree)
        // And inside one article, said twice.
        var twice = c
        twice.id = "a#99"
        let same = [ReportedArticle(id: "a", outlet: "A", language: "en", claims: [c, twice])]
        #expect(x.compare(c.id, "a#99", in: same)?.verdict == .agree)
    }

    static let pairs: [(Claim, Claim)] = [
        (claim("a#1", "eighth", .ordinal, 8, concept: "city/captured", asOf: "2021-08-11", cumulative: true),
         claim("b#1", "ninth", .ordinal, 9, concept: "city/captured", asOf: "2021-08-11", cumulative: true)),
        (claim("a#1", "ninth", .ordinal, 9, concept: "city/captured", asOf: "2021-08-11", cumulative: true),
         claim("b#1", "12 of 34", .count, 12, base: 34, concept: "city/captured", asOf: "2021-08-13", cumulative: true)),
        (claim("a#1", "six days", .duration, 6, unit: "day", concept: "city/captured", asOf: "2021-08-11", cumulative: true),
         claim("b#1", "less than a week", .duration, 1, unit: "week", qualifier: .lessThan, concept: "city/captured", asOf: "2021-08-11", cumulative: true)),
        (claim("a#1", "360,000", .count, 360_000, concept: "person/displaced"),
         claim("b#1", "360", .count, 360, concept: "person/displaced")),
        (claim("a#1", "two thirds", .fraction, 0.6667, concept: "territory"),
         claim("b#1", "40 percent", .percent, 40, unit: "percent", concept: "territory")),
        (claim("a#1", "20 years", .duration, 20, unit: "year", concept: "presence"),
         claim("b#1", "two decades", .duration, 2, unit: "decade", concept: "presence")),
    ]

    @Test(arguments: 0..<pairs.count)
    func agreementIsSymmetricAndConflictsNameBothFigures(_ i: Int) throws {
        let x = try CrossReferencer()
        let (p, q) = Self.pairs[i]
        let batch = articles([p, q])
        let forward = x.compare(p.id, q.id, in: batch)
        let backward = x.compare(q.id, p.id, in: batch)
        #expect(forward?.verdict == backward?.verdict)
        #expect(forward?.explanation == backward?.explanation)
        #expect(forward != nil)
        if let f = forward, f.verdict == .conflict {
            #expect(f.explanation.contains(p.quote) && f.explanation.contains(q.quote), "\(f.explanation)")
        }
    }

    @Test func outputOrderDoesNotDependOnInputOrder() throws {
        let x = try CrossReferencer()
        var claims = Self.sample
        claims += Self.sample.map { c in
            var d = c
            d.id = "z" + c.id.dropFirst()
            d.article = "z"
            if let n = d.value.number, c.kind == .count { d.value.number = n + 1 }
            return d
        }
        let batch = articles(claims)
        let first = x.findings(for: batch)
        #expect(!first.isEmpty)
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<5 {
            var shuffled = batch.shuffled(using: &generator)
            for k in shuffled.indices { shuffled[k].claims.shuffle(using: &generator) }
            #expect(x.findings(for: shuffled) == first)
        }
        #expect(first.map(\.id) == (1...first.count).map { "F\($0)" })
        // Conflicts first, then consistent, then agree.
        let rank: [Verdict: Int] = [.conflict: 0, .consistent: 1, .agree: 2]
        #expect(first.map { rank[$0.verdict]! } == first.map { rank[$0.verdict]! }.sorted())
    }
}
