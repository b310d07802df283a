/// A closed-or-open interval on the real line: what a hedged figure allows.
///
/// "more than 30" is (30, ∞); "at least 183" is [183, ∞); "about 360,000" is a band around
/// 360,000 at the stated precision; "nearly 20" is just under 20.
public struct Interval: Sendable, Hashable, CustomStringConvertible {
    public var low: Double
    public var high: Double
    public var lowInclusive: Bool
    public var highInclusive: Bool

    public init(low: Double, high: Double, lowInclusive: Bool = true, highInclusive: Bool = true) {
        self.low = low
        self.high = high
        self.lowInclusive = lowInclusive
        self.highInclusive = highInclusive
    }

    public static func point(_ x: Double) -> Interval { Interval(low: x, high: x) }

    public var isEmpty: Bool {
        low > high || (low == high && !(lowInclusive && highInclusive))
    }

    /// The overlap of two intervals (possibly empty).
    public func intersection(_ other: Interval) -> Interval {
        let (lo, loInc): (Double, Bool) =
            low > other.low ? (low, lowInclusive) :
            other.low > low ? (other.low, other.lowInclusive) : (low, lowInclusive && other.lowInclusive)
        let (hi, hiInc): (Double, Bool) =
            high < other.high ? (high, highInclusive) :
            other.high < high ? (other.high, other.highInclusive) : (high, highInclusive && other.highInclusive)
        return Interval(low: lo, high: hi, lowInclusive: loInc, highInclusive: hiInc)
    }

    public func overlaps(_ other: Interval) -> Bool { !intersection(other).isEmpty }

    public func contains(_ x: Double) -> Bool {
        (x > low || (lowInclusive && x == low)) && (x < high || (highInclusive && x == high))
    }

    public var description: String {
        let l = low == -.infinity ? "(-∞" : (lowInclusive ? "[" : "(") + format(low)
        let h = high == .infinity ? "∞)" : format(high) + (highInclusive ? "]" : ")")
        return l + ", " + h
    }

    private func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}
