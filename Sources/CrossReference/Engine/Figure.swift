import CrosscheckModel

/// A claim as the engine compares it: its fact (concept, place, day), its comparison family and,
/// for shares without a base, the base borrowed from another claim about the same concept.
///
/// A class: the pair loop hands figures around without copying their claims. Figures live only
/// inside one run of the engine; their `var`s are set while the figures are prepared, before the
/// facts are compared (on several threads), and only read after that, so their accesses are not
/// checked for exclusivity at run time (`@exclusivity(unchecked)`: the pair loop reads them
/// millions of times).
///
/// The claim is not copied into the figure: the figure keeps the batch's articles (one shared
/// ``ClaimStore``) and the claim's place in them, and ``claim`` lends the claim in place (a
/// `_read` accessor), so that making and freeing a figure neither copies nor destroys a claim.
final class Figure: @unchecked Sendable {
    /// The batch's articles, in the engine's order.
    let store: ClaimStore
    /// The claim's article in ``store`` and its position in that article's claims.
    let articleIndex: Int32
    let claimIndex: Int32
    /// The claim, lent in place (not copied).
    var claim: Claim {
        _read { yield store.articles[Int(articleIndex)].claims[Int(claimIndex)] }
    }
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
    @exclusivity(unchecked) var unit: String?
    /// A percent or a fraction of a whole.
    let isShare: Bool
    /// "more than", "at least", "less than", "at most": the figure is a bound, not an estimate.
    let isOpenEnded: Bool
    /// The figure's main number (the number, or the middle of a range; percents as shares) for sorting.
    let sortValue: Double
    /// Position in natural claim-id order ("a#2" before "a#10") among all figures.
    @exclusivity(unchecked) var rank = 0
    /// The concept and its broader concepts, nearest first.
    @exclusivity(unchecked) var lineage: [String] = []
    /// Per rule (by index): whether the concept matches the rule's concept patterns.
    @exclusivity(unchecked) var ruleConcepts: [Bool] = []
    /// For a running count: the span it is counted over, in days, when its sentence states one
    /// ("183 killed in one month").
    @exclusivity(unchecked) var window: Interval? { didSet { hasWindow = window != nil } }
    /// `window != nil`, read by the pair loop without loading the interval.
    @exclusivity(unchecked) private(set) var hasWindow = false
    /// The base a share borrows from another claim of its concept, and that claim's index.
    @exclusivity(unchecked) var borrowedBase: Double?
    @exclusivity(unchecked) var borrowedFrom: Int?

    // Interned keys, so that the pair loop compares integers rather than strings.

    /// The claim's article (`claim.article`), interned: equal ids for equal strings.
    @exclusivity(unchecked) var articleID = 0
    /// The concept, interned.
    @exclusivity(unchecked) var conceptID = 0
    /// The lineage, interned (``lineage``).
    @exclusivity(unchecked) var lineageIDs: [Int] = []
    /// The family, interned.
    @exclusivity(unchecked) var familyID = 0
    /// Per rule (bit i for rule i, with at most 64 rules): whether its kinds and concept patterns
    /// take the figure.
    @exclusivity(unchecked) var ruleMask: UInt64 = 0
    /// ``interval(_:)`` with the default tolerance, worked out once.
    @exclusivity(unchecked) var defaultInterval = Interval.point(0)
    /// The outlet, interned.
    @exclusivity(unchecked) var outletID = 0
    /// Equal for figures with the same claim id (the id's position among distinct ids in natural order).
    @exclusivity(unchecked) var idClass = 0
    /// The family as a code for `commonSpace`.
    let familyCode: FamilyCode
    /// Copies of the claim's flags the pair loop reads (without touching the claim).
    let inTitle: Bool
    let cumulative: Bool
    /// ``unit`` (nil as ""), interned: equal ids for equal units.
    @exclusivity(unchecked) var unitID = 0
    /// Bit `kind` of the kinds a rule applies to (``CompiledRule/kindMask``).
    let kindBit: UInt32
    /// `family == "rank"`, read by the pair loop without comparing strings.
    let isRank: Bool
    /// The place (nil as ""), interned.
    @exclusivity(unchecked) var placeID = 0
    /// The day (nil as ""), interned.
    @exclusivity(unchecked) var dayID = 0
    /// ``signatureNeedsText``, worked out once per concept, place and unit.
    @exclusivity(unchecked) var needsText = false

    init(store: ClaimStore, article: Int, claim c: Int, index: Int, outlet: String, language: String, day: String?,
         dayNumber: Int?, concept: String, place: String?, family: String) {
        self.store = store
        articleIndex = Int32(article)
        claimIndex = Int32(c)
        // Field by field from the array (the array retained once): the claim is not copied.
        let claims = store.articles[article].claims
        self.index = index
        self.outlet = outlet
        self.language = language
        self.day = day
        self.dayNumber = dayNumber
        self.concept = concept
        self.place = place
        self.family = family
        kind = claims[c].kind
        unit = claims[c].unit
        isShare = family == "amount" && (claims[c].kind == .percent || claims[c].kind == .fraction)
        switch claims[c].qualifier {
        case .moreThan, .atLeast, .lessThan, .atMost: isOpenEnded = true
        case .exact, .about, .nearly: isOpenEnded = false
        }
        let v = claims[c].value
        let x = v.number ?? ((v.low ?? v.high ?? 0) + (v.high ?? v.low ?? 0)) / 2
        sortValue = claims[c].kind == .percent && family == "amount" ? x / 100 : x
        familyCode = FamilyCode(family)
        inTitle = claims[c].inTitle
        cumulative = claims[c].cumulative
        kindBit = Figure.bit(claims[c].kind)
        isRank = family == "rank"
    }

    static func bit(_ kind: QuantityKind) -> UInt32 {
        switch kind {
        case .count: 1
        case .ordinal: 2
        case .percent: 4
        case .fraction: 8
        case .duration: 16
        case .money: 32
        case .measure: 64
        case .date: 128
        }
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

    /// The signature as a value (interned concept, place, day, family and unit, the rest as is);
    /// equal signatures make equal keys, as long as no concept, place or unit holds the separator
    /// "|" (``signatureNeedsText``).
    var signatureKey: SignatureKey {
        let v = claim.value
        return SignatureKey(concept: conceptID, place: placeID, day: dayID, family: familyID,
                            kind: kind == .ordinal && familyCode == .amount ? .count : kind, qualifier: claim.qualifier,
                            unit: unitID, number: SignatureKey.bits(v.number), low: SignatureKey.bits(v.low),
                            high: SignatureKey.bits(v.high), base: SignatureKey.bits(v.base), cumulative: claim.cumulative)
    }

    /// True when the text signature could join fields in a way the value key does not (a field
    /// holding the separator).
    var signatureNeedsText: Bool {
        concept.utf8.contains(0x7C) || (place?.utf8.contains(0x7C) ?? false) || (unit?.utf8.contains(0x7C) ?? false)
    }

    static func family(of claim: Claim) -> String? {
        guard let concept = claim.concept else { return nil }
        return family(kind: claim.kind, concept: concept, unit: claim.unit)
    }

    /// ``family(of:)`` from the fields it reads.
    static func family(kind: QuantityKind, concept: String, unit: String?) -> String? {
        switch kind {
        case .date: return nil
        case .ordinal, .count:
            return concept.hasSuffix("/rank") ? "rank" : "amount"
        case .fraction: return "amount"
        case .percent: return unit == "percentage-point" ? "pp" : "amount"
        case .duration: return "duration"
        case .money: return "money:" + (unit ?? "?")
        case .measure: return "measure"
        }
    }
}

/// The articles of one batch, shared by its figures (``Figure/claim``).
final class ClaimStore: @unchecked Sendable {
    let articles: [ReportedArticle]

    init(_ articles: [ReportedArticle]) { self.articles = articles }
}

/// What ``Figure/signature`` says, as a hashable value: hashing it is far cheaper than building
/// the text.
struct SignatureKey: Hashable {
    var concept: Int
    var place: Int
    var day: Int
    var family: Int
    var kind: QuantityKind
    var qualifier: Qualifier
    var unit: Int
    var number: UInt64
    var low: UInt64
    var high: UInt64
    var base: UInt64
    var cumulative: Bool

    /// Equal for numbers whose text (`"\(x)"`) is equal: the bit pattern, every NaN of one
    /// sign and kind as one, and a distinct value for nil.
    static func bits(_ x: Double?) -> UInt64 {
        // NaN bit patterns are free for these codes: every NaN is mapped to one of them.
        guard let x else { return 0xFFFF_FFFF_FFFF_FFFF }
        if x.isNaN { return 0x7FF0_0000_0000_0001 + (x.sign == .minus ? 0 : 2) + (x.isSignalingNaN ? 0 : 1) }
        return x.bitPattern
    }
}

/// A figure's family as a code (the text family is kept for explanations and signatures).
enum FamilyCode: Sendable, Equatable {
    case amount, duration, measure, money, other

    init(_ family: String) {
        switch family {
        case "amount": self = .amount
        case "duration": self = .duration
        case "measure": self = .measure
        default: self = family.hasPrefix("money:") ? .money : .other
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

    /// True when every parameter has its default value.
    var isDefault: Bool { about == 0.1 && nearly == 0.1 && round == 0.1 && fraction == 0.05 }
}

extension Figure {
    /// ``interval(_:)``, from the cache for the default tolerance.
    func cachedInterval(_ t: Tolerance) -> Interval { t.isDefault ? defaultInterval : interval(t) }

    /// The interval the figure allows, in its own space: counts for counts and ordinals, shares
    /// (0…1) for percents and fractions, the stated unit otherwise.
    func interval(_ t: Tolerance) -> Interval {
        let v = claim.value
        let percent = kind == .percent && familyCode == .amount
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
