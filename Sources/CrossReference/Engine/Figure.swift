import CrosscheckModel

/// A claim as the engine compares it: its fact (concept, place, day), its comparison family and,
/// for shares without a base, the base borrowed from another claim about the same concept.
///
/// A class: the pair loop hands figures around without copying their claims. Figures live only
/// inside one synchronous run of the engine.
final class Figure {
    let claim: Claim
    /// Index in the engine's figure list.
    let index: Int
    let outlet: String
    let language: String
    /// yyyy-mm-dd the figure holds for (asOf, else the publication date); nil when unknown.
    let day: String?
    let dayNumber: Int?
    let concept: String
    /// Lowercased place, nil when none is stated.
    let place: String?
    /// What it can be compared with: amount, rank, duration, money:<code>, measure, pp.
    let family: String
    let kind: QuantityKind
    /// The unit the figure is in: the claim's, or a compound the sentence makes of it
    /// ("310 Liter … pro Quadratmeter" is in l/m², through `unit-contexts.tsv`).
    var unit: String?
    /// A percent or a fraction of a whole.
    let isShare: Bool
    /// "more than", "at least", "less than", "at most": the figure is a bound, not an estimate.
    let isOpenEnded: Bool
    /// The figure's main number (the number, or the middle of a range; percents as shares) for sorting.
    let sortValue: Double
    /// Position in natural claim-id order ("a#2" before "a#10") among all figures.
    var rank = 0
    /// The concept and its broader concepts, nearest first.
    var lineage: [String] = []
    /// Per rule (by index): whether the concept matches the rule's concept patterns.
    var ruleConcepts: [Bool] = []
    /// For a running count: the span it is counted over, in days, when its sentence states one
    /// ("183 killed in one month").
    var window: Interval?
    /// The base a share borrows from another claim of its concept, and that claim's index.
    var borrowedBase: Double?
    var borrowedFrom: Int?

    init(claim: Claim, index: Int, outlet: String, language: String, day: String?, dayNumber: Int?,
         concept: String, place: String?, family: String) {
        self.claim = claim
        self.index = index
        self.outlet = outlet
        self.language = language
        self.day = day
        self.dayNumber = dayNumber
        self.concept = concept
        self.place = place
        self.family = family
        kind = claim.kind
        unit = claim.unit
        isShare = family == "amount" && (claim.kind == .percent || claim.kind == .fraction)
        isOpenEnded = [.moreThan, .atLeast, .lessThan, .atMost].contains(claim.qualifier)
        let v = claim.value
        let x = v.number ?? ((v.low ?? v.high ?? 0) + (v.high ?? v.low ?? 0)) / 2
        sortValue = claim.kind == .percent && family == "amount" ? x / 100 : x
    }

    var statedBase: Double? { claim.value.base }

    /// Two figures that state the same thing in the same words of number share a signature.
    var signature: String {
        let v = claim.value
        func s(_ x: Double?) -> String { x.map { "\($0)" } ?? "-" }
        return [concept, place ?? "", day ?? "", family, kind == .ordinal && family == "amount" ? "count" : kind.rawValue,
                claim.qualifier.rawValue, unit ?? "", s(v.number), s(v.low), s(v.high), s(v.base),
                claim.cumulative ? "c" : ""].joined(separator: "|")
    }

    static func family(of claim: Claim) -> String? {
        guard let concept = claim.concept else { return nil }
        switch claim.kind {
        case .date: return nil
        case .ordinal, .count:
            return concept.hasSuffix("/rank") ? "rank" : "amount"
        case .fraction: return "amount"
        case .percent: return claim.unit == "percentage-point" ? "pp" : "amount"
        case .duration: return "duration"
        case .money: return "money:" + (claim.unit ?? "?")
        case .measure: return "measure"
        }
    }
}

/// How hedged figures become intervals (rule parameters `about`, `nearly`, `round`, `fraction`).
struct Tolerance: Sendable {
    /// "about x" allows x ± this share of x.
    var about = 0.1
    /// "nearly x" is [x − this share of x, x).
    var nearly = 0.1
    /// An exact round figure allows rounding at its last significant digit, at most this share of x.
    var round = 0.1
    /// A fraction in words ("two thirds") allows ± this much of the whole.
    var fraction = 0.05

    init(_ p: RuleParameters) {
        about = p.number("about", default: about)
        nearly = p.number("nearly", default: nearly)
        round = p.number("round", default: round)
        fraction = p.number("fraction", default: fraction)
    }

    init() {}
}

extension Figure {
    /// The interval the figure allows, in its own space: counts for counts and ordinals, shares
    /// (0…1) for percents and fractions, the stated unit otherwise.
    func interval(_ t: Tolerance) -> Interval {
        let v = claim.value
        let percent = kind == .percent && family == "amount"
        let scale = percent ? 0.01 : 1
        let floor: Double = kind == .measure ? -.infinity : 0
        let ceiling: Double = isShare ? 1 : .infinity
        let isCount = kind == .count || kind == .ordinal
        func rounding(_ x: Double) -> Double {
            if kind == .fraction { return t.fraction / scale }
            let (half, roundFigure) = Figure.halfUnit(x)
            if isCount && !roundFigure { return 0 }
            return min(half, t.round * abs(x))
        }
        var iv: Interval
        if let x = v.number ?? (v.low != nil && v.low == v.high ? v.low : nil) {
            let r = rounding(x)
            switch claim.qualifier {
            case .exact:
                iv = r > 0 ? Interval(low: x - r, high: x + r, lowInclusive: true, highInclusive: false) : .point(x)
            case .about:
                let w = max(r, t.about * abs(x))
                iv = Interval(low: x - w, high: x + w)
            case .nearly:
                iv = Interval(low: x - max(t.nearly * abs(x), r), high: x, lowInclusive: true, highInclusive: false)
            case .moreThan: iv = Interval(low: x, high: ceiling / scale, lowInclusive: false, highInclusive: true)
            case .atLeast: iv = Interval(low: x, high: ceiling / scale)
            case .lessThan: iv = Interval(low: floor, high: x, lowInclusive: true, highInclusive: false)
            case .atMost: iv = Interval(low: floor, high: x)
            }
        } else {
            let lo = v.low ?? floor, hi = v.high ?? ceiling / scale
            switch claim.qualifier {
            case .exact: iv = Interval(low: lo, high: hi)
            case .about: iv = Interval(low: lo - t.about * abs(lo), high: hi + t.about * abs(hi))
            case .nearly: iv = Interval(low: lo - t.nearly * abs(lo), high: hi, lowInclusive: true, highInclusive: false)
            case .moreThan: iv = Interval(low: lo, high: ceiling / scale, lowInclusive: false, highInclusive: true)
            case .atLeast: iv = Interval(low: lo, high: ceiling / scale)
            case .lessThan: iv = Interval(low: floor, high: hi, lowInclusive: true, highInclusive: false)
            case .atMost: iv = Interval(low: floor, high: hi)
            }
        }
        if scale != 1 { iv = iv.scaled(by: scale) }
        return iv
    }

    /// Half a unit of the last significant digit of `x`, and whether `x` is a round figure
    /// (an integer ending in zeros, or a number with decimals).
    static func halfUnit(_ x: Double) -> (Double, Bool) {
        let a = abs(x)
        if a == 0 { return (0.5, false) }
        if a == a.rounded(), a < 1e15 {
            var n = Int64(a), unit = 1.0
            while n % 10 == 0 { n /= 10; unit *= 10 }
            return (unit / 2, unit > 1)
        }
        var unit = 1.0
        var y = a
        var steps = 0
        while y != y.rounded(), steps < 8 { y *= 10; unit /= 10; steps += 1 }
        return (unit / 2, true)
    }
}

extension Interval {
    func scaled(by k: Double) -> Interval {
        k >= 0 ? Interval(low: low * k, high: high * k, lowInclusive: lowInclusive, highInclusive: highInclusive)
               : Interval(low: high * k, high: low * k, lowInclusive: highInclusive, highInclusive: lowInclusive)
    }

    /// True when every value of `self` lies above every value of `other`.
    func isAbove(_ other: Interval) -> Bool {
        low > other.high || (low == other.high && !(lowInclusive && other.highInclusive))
    }
}
