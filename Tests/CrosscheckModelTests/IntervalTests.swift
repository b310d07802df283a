import CrosscheckModel
import Testing

@Suite struct IntervalTests {
    @Test func openAndClosedEndsDecideOverlap() {
        let moreThanQuarter = Interval(low: 8.5, high: .infinity, lowInclusive: false)
        #expect(!moreThanQuarter.contains(8.5))
        #expect(moreThanQuarter.contains(9))
        #expect(!moreThanQuarter.overlaps(.point(8)))
        #expect(moreThanQuarter.overlaps(.point(9)))
    }

    @Test func intersectionKeepsTheTighterEnd() {
        let a = Interval(low: 0, high: 10, highInclusive: false)
        let b = Interval(low: 10, high: 20)
        #expect(a.intersection(b).isEmpty)
        #expect(Interval(low: 0, high: 10).intersection(b) == .point(10))
    }

    @Test(arguments: [(1.0, 2.0), (2.0, 1.0), (3.0, 3.0)])
    func overlapIsSymmetric(a: Double, b: Double) {
        let x = Interval(low: a - 0.5, high: a + 0.5)
        let y = Interval(low: b - 0.5, high: b + 0.5)
        #expect(x.overlaps(y) == y.overlaps(x))
    }
}
