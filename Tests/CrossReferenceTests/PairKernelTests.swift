@testable import CrossReference
import CrosscheckModel
import Testing
import TestSupport

/// The flat pair decision (``PairKernel``) against the figure-based one, pair by pair.
@Suite struct PairKernelTests {
    /// Both decisions for every ordered pair of figures of a batch, with one and two body
    /// alternatives; the number of pairs where they differ (and the first such pair).
    static func differences(_ arts: [ReportedArticle], _ x: CrossReferencer) -> (Int, Int, String?) {
        let engine = x.engine
        let figs = engine.prepare(arts).figures
        guard let kernel = PairKernel(figs, engine: engine) else { return (0, 0, "no kernel") }
        var differ = 0, decided = 0
        var first: String?
        for i in figs.indices {
            for j in figs.indices where j != i {
                for alternatives in [1, 2] {
                    let old = engine.decide(figs[i], figs[j], bodyAlternatives: alternatives)
                    let new = kernel.decide(i, j, bodyAlternatives: alternatives)
                    if old != nil { decided += 1 }
                    if !same(old, new) {
                        differ += 1
                        if first == nil {
                            first = "\(figs[i].claim.id) / \(figs[j].claim.id): \(String(describing: old)) vs \(String(describing: new))"
                        }
                    }
                }
            }
        }
        return (differ, decided, first)
    }

    static func same(_ x: Decision?, _ y: Decision?) -> Bool {
        guard let x, let y else { return x == nil && y == nil }
        return x.ruleIndex == y.ruleIndex && x.verdict == y.verdict && x.a == y.a && x.b == y.b
            && x.note.base == y.note.base && x.note.baseBorrowedFrom == y.note.baseBorrowedFrom
            && x.note.convertedUnits == y.note.convertedUnits && x.note.revision == y.note.revision
    }

    /// Random claims over a few facts: every kind, hedge, unit, base, place, day, running count,
    /// headline, revision and parenthesis the rules look at.
    static func batch(seed: UInt64, claims n: Int) -> [ReportedArticle] {
        var r = SeededGenerator(seed: seed)
        let concepts = ["killed", "killed/civilian", "killed/child", "displaced", "city/rank", "province", "provincial-capital/captured",
                        "rain", "cost", "wait", "weird|concept"]
        let numbers: [Double] = [0, 1, 3, 8, 12, 20, 34, 45, 100, 120, 183, 200, 360, 1000, 3000, 12000, 360_000, 360_000_000, 2.5, 0.5]
        var claims: [Claim] = []
        for i in 0..<n {
            let article = "a\(r.below(max(2, n / 6)))"
            let kind = r.pick([QuantityKind.count, .count, .count, .ordinal, .percent, .fraction, .duration, .money, .measure])
            var unit: String?
            switch kind {
            case .duration: unit = r.pick(["day", "week", "month", "year", "decade", "fortnight"])
            case .measure: unit = r.pick(["mm", "km", "m", "l", "mile", "kg", nil])
            case .money: unit = r.pick(["USD", "EUR", nil])
            case .percent: unit = r.pick([nil, nil, "percentage-point"])
            default: unit = nil
            }
            let x = r.pick(numbers)
            var number: Double? = x, low: Double?, high: Double?
            if r.below(8) == 0 { number = nil; low = x; high = x * 2 }
            if r.below(20) == 0 { number = nil; low = nil; high = x }
            let base: Double? = r.below(5) == 0 ? r.pick([34, 100, 0, 12]) : nil
            let qualifier = r.pick(Qualifier.allCases)
            let day = r.below(4) == 0 ? nil : "2021-08-\(10 + r.below(12))"
            let sentence = r.pick(["About \(x) (\(x * 2) percent) were there.", "The figure was \(x).", "Headline \(x)"])
            let quote = sentence.contains("(") && r.below(2) == 0 ? "\(x * 2) percent" : "\(x)"
            claims.append(claim("\(article)#\(i)", quote, kind, number, low: low, high: high, base: base, unit: unit,
                                qualifier: qualifier, concept: r.pick(concepts), place: r.pick([nil, nil, "Kabul", "kabul", "Herat", ""]),
                                asOf: day, cumulative: r.below(3) == 0, cited: r.pick([nil, "UN"]), agency: r.pick([nil, "AFP"]),
                                inTitle: r.below(5) == 0, revised: r.below(6) == 0, sentence: sentence))
        }
        return articles(claims, published: ["a0": "2021-08-12", "a1": "2021-08-15", "a2": "bad"])
    }

    static let hierarchy = ConceptHierarchy(broader: ["killed/civilian": "killed", "killed/child": "killed/civilian"],
                                            totals: ["provincial-capital": "province"])

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func randomBatchesDecideAsTheFigurePathDoes(_ seed: UInt64) throws {
        let x = CrossReferencer(rules: try RuleSet.builtIn(), concepts: Self.hierarchy)
        let (differ, decided, first) = Self.differences(Self.batch(seed: seed, claims: 160), x)
        #expect(differ == 0, "\(first ?? "")")
        #expect(decided > 50)  // the batch exercises the rules
    }

    @Test func ruleCasesDecideAsTheFigurePathDoes() throws {
        let rules = try RuleSet.builtIn()
        var decided = 0
        for rule in rules.rules {
            for c in rule.fire + rule.pass {
                let x = CrossReferencer(rules: rules, concepts: ConceptHierarchy(broader: c.broader, totals: c.totals))
                let (differ, n, first) = Self.differences(c.articles, x)
                decided += n
                #expect(differ == 0, "\(rule.id) \(c.name): \(first ?? "")")
            }
        }
        #expect(decided > 20)
    }

    @Test func noKernelBeyondSixtyFourRules() throws {
        let builtIn = try RuleSet.builtIn()
        var many = builtIn.rules
        for i in 0..<64 {
            var r = builtIn.rules[0]
            r.id = "copy-\(i)"
            many.append(r)
        }
        let engine = Engine(rules: many, units: builtIn.units, concepts: ConceptHierarchy(), limits: .init())
        #expect(PairKernel(engine.prepare([]).figures, engine: Engine(rules: builtIn.rules, units: builtIn.units,
                                                                      concepts: ConceptHierarchy(), limits: .init())) != nil)
        #expect(PairKernel(engine.prepare([]).figures, engine: engine) == nil)
    }
}

/// Draws for the random batches, on the suite target's SplitMix64 (``SeededGenerator``).
private extension SeededGenerator {
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
}
