@testable import CrossReference
import CrosscheckModel
import Testing

/// The packed ``Decision`` and the kernel's own interval comparisons against the model's.
@Suite struct DecisionLayoutTests {
    static let ends: [Double] = [-.infinity, -2, 0, 0.5, 1, 3, .infinity, .nan]

    /// Every interval over a few ends (including empty, infinite and NaN ones), both inclusivities.
    static var intervals: [Interval] {
        var out: [Interval] = []
        for lo in ends { for hi in ends { for li in [false, true] { for hi2 in [false, true] {
            out.append(Interval(low: lo, high: hi, lowInclusive: li, highInclusive: hi2))
        } } } }
        return out
    }

    @Test func overlapsAsTheModelDoes() {
        let all = Self.intervals
        var differ = 0, overlapping = 0
        for x in all {
            for y in all {
                let model = x.overlaps(y)
                if model { overlapping += 1 }
                if PairKernel.overlaps(x, y) != model { differ += 1 }
            }
        }
        #expect(differ == 0)
        #expect(overlapping > 0 && overlapping < all.count * all.count)
    }

    @Test func equalAsTheModelDoes() {
        let all = Self.intervals
        var differ = 0, equal = 0
        for x in all {
            for y in all {
                if x == y { equal += 1 }
                if PairKernel.equal(x, y) != (x == y) { differ += 1 }
            }
        }
        #expect(differ == 0)
        #expect(equal > 0)
    }

    @Test(arguments: [
        (Double?.none, Int?.none, false, false),
        (Double?.some(34), Int?.some(7), false, false),
        (Double?.some(0.25), Int?.none, true, false),
        (Double?.none, Int?.none, true, true),
        (Double?.some(-1), Int?.some(0), false, true),
    ])
    func noteRoundTrips(base: Double?, from: Int?, converted: Bool, revision: Bool) {
        var note = Decision.Note(nil)
        note.base = base
        note.baseBorrowedFrom = from
        note.convertedUnits = converted
        note.revision = revision
        let d = Decision(ruleIndex: 3, verdict: .consistent, note: note, a: 12, b: 400_000)
        #expect(d.ruleIndex == 3 && d.verdict == .consistent && d.a == 12 && d.b == 400_000)
        #expect(d.note.base == base && d.note.baseBorrowedFrom == from)
        #expect(d.note.convertedUnits == converted && d.note.revision == revision)
        let e = Decision(ruleIndex: 3, verdict: .consistent, a: 12, b: 400_000, base: base, from: Int32(from ?? -1),
                         converted: converted, revision: revision)
        #expect(PairKernelTests.same(d, e))
    }

    @Test func decisionIsSmall() {
        #expect(MemoryLayout<Decision>.size <= 32)
    }

    @Test(arguments: [
        [String](),
        ["", ""],
        ["Reuters says ", "20", " dead; AP says ", "about 25", "."],
        ["Ärzte ohne Grenzen", " — ", "۲۰ نفر", "", " 死亡 ", String(repeating: "x", count: 300)],
    ])
    func joinedIsTheConcatenation(parts: [String]) {
        let s = Engine.joined(parts)
        #expect(s == parts.joined())
        #expect(Array(s.utf8) == parts.flatMap { Array($0.utf8) })
    }
}
