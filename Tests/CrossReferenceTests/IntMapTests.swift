@testable import CrossReference
import CrosscheckModel
import Testing

/// The flat integer map of the pair loop, and the rule filters that let it skip rules.
@Suite struct IntMapTests {
    @Test func intMapAgreesWithADictionary() {
        var map = IntMap(capacity: 4)
        var reference: [Int: Int32] = [:]
        var x: UInt64 = 88172645463325252
        for step in 0..<20_000 {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            // Keys from a small range (many repeats) and from the whole range.
            let key = step % 3 == 0 ? Int(x >> 1) : Int(x % 5000)
            let value = Int32(truncatingIfNeeded: Int(x >> 40))
            if step % 2 == 0 {
                map.set(key, value)
                reference[key] = value
            }
            #expect(map.get(key) == reference[key])
        }
        #expect(map.count == reference.count)
        for (k, v) in reference { #expect(map.get(k) == v) }
        #expect(map.get(Int.max) == reference[Int.max])
    }

    @Test func intMapKeepsZeroAndLastValue() {
        var map = IntMap()
        #expect(map.get(0) == nil)
        map.set(0, 7)
        map.set(0, -1)
        #expect(map.get(0) == -1)
        #expect(map.count == 1)
    }

    /// A news-like batch: few values, many days, outlets and places, hedges, running counts
    /// over stated spans, shares with and without bases, units, revisions, headlines.
    static func batch(seed: UInt64) -> [ReportedArticle] {
        var x = seed
        func next(_ n: Int) -> Int {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            return Int((x >> 33) % UInt64(n))
        }
        let qualifiers: [Qualifier] = [.exact, .about, .moreThan, .atLeast, .nearly, .lessThan]
        var claims: [Claim] = []
        for a in 0..<90 {
            let day = "2021-08-\(String(format: "%02d", 1 + next(12)))"
            for c in 1...6 {
                let id = "art\(a)#\(c)"
                switch next(6) {
                case 0:
                    // A running count over a span the sentence states ("in 3 days"): a window.
                    let span = 1 + next(3)
                    let sentence = "The \(9 + next(2))th city taken in \(span) days."
                    claims.append(claim(id, "\(9 + next(4)) cities", .count, Double(9 + next(4)), qualifier: qualifiers[next(3)],
                                        concept: "city/captured", asOf: day, cumulative: true, agency: next(2) == 0 ? "AFP" : nil,
                                        inTitle: c == 1, revised: next(5) == 0, sentence: next(2) == 0 ? sentence : nil))
                    claims.append(claim(id + "0", "\(span) days", .duration, Double(span), unit: "day", concept: "city/captured",
                                        asOf: day, cumulative: true, sentence: sentence))
                case 1:
                    claims.append(claim(id, "the ninth city", .ordinal, Double(8 + next(3)), concept: "provincial-capital/captured",
                                        asOf: day, cumulative: true))
                case 2:
                    claims.append(claim(id, "\(60 + 5 * next(3)) percent", .percent, Double(60 + 5 * next(3)), unit: "percent",
                                        qualifier: qualifiers[next(qualifiers.count)], concept: "territory/controlled",
                                        place: next(3) == 0 ? "Kabul" : nil, asOf: day))
                case 3:
                    claims.append(claim(id, "\(200 * (1 + next(3))) of 34", .count, Double(12 + next(2)), base: next(2) == 0 ? 34 : nil,
                                        concept: "territory/controlled", asOf: day))
                case 4:
                    claims.append(claim(id, "\(20 + next(2)) years", .duration, Double(20 + next(2)), unit: next(2) == 0 ? "year" : "decade",
                                        qualifier: qualifiers[next(qualifiers.count)], concept: "foreign-military-presence", asOf: day))
                default:
                    claims.append(claim(id, "\(1000 * (1 + next(3))) displaced", .count, Double(1000 * (1 + next(3))),
                                        qualifier: qualifiers[next(qualifiers.count)], concept: "person/displaced",
                                        place: next(2) == 0 ? "Herat" : "Kandahar", asOf: next(6) == 0 ? nil : day,
                                        cumulative: next(2) == 0, cited: next(3) == 0 ? "UN" : nil))
                }
            }
        }
        let outlets = Dictionary(uniqueKeysWithValues: (0..<90).map { ("art\($0)", "Outlet \($0 % 7)") })
        return articles(claims, outlets: outlets)
    }

    /// Every rule the pair loop skips through ``Engine/RuleFilters`` is one that
    /// ``Engine/matchesPair(_:_:_:_:)`` rules out: the filters change no decision.
    @Test(arguments: [1, 2] as [UInt64])
    func filteredRulesNeverMatch(seed: UInt64) throws {
        let x = try CrossReferencer(rules: RuleSet.builtIn(),
                                    concepts: ConceptHierarchy(broader: ["provincial-capital/captured": "city/captured"]))
        let engine = x.engine
        let figs = engine.figures(Self.batch(seed: seed))
        #expect(engine.rules.count <= 64)
        var skipped = 0
        for i in stride(from: 0, to: figs.count, by: 3) {
            for j in stride(from: 1, to: figs.count, by: 7) where i != j {
                let (a, b) = engine.ordered(figs[i], figs[j])
                let ctx = PairContext(a, b)
                let excluded = engine.ruleFilters.excluded(ctx, anyCumulative: a.cumulative || b.cumulative)
                for rule in engine.rules where excluded & (1 << UInt64(rule.index)) != 0 {
                    skipped += 1
                    #expect(!engine.matchesPair(rule, a, b, ctx), "rule \(rule.rule.id) skipped but matches")
                }
            }
        }
        #expect(skipped > 0)
    }
}
