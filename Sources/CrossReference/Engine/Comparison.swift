import CrosscheckModel

/// Two figures brought into one space, and how.
struct Comparison: Sendable {
    var a: Interval
    var b: Interval
    /// A base that turned a share into a count (its value, whether it was borrowed, the claim it came from).
    var base: Double?
    var baseBorrowedFrom: Int?
    /// True when a unit conversion was needed: the intervals are in `b`'s unit.
    var convertedUnits = false
    /// A running count that shrank, excused because the later claim says it was revised.
    var revision = false
}

/// What an operator says about a pair.
enum Outcome: Sendable {
    /// The rule decides this verdict.
    case verdict(Verdict, Comparison?)
    /// The rule decides there is nothing to report; later rules are not asked.
    case silent
    /// The rule does not speak to this pair; the next rule is asked.
    case pass
}

/// Brings two figures into one space: counts with counts, shares with shares, a share with a count
/// through a base (`allowBase`), different units through the table (`units`, when `allowUnits`).
/// The table is passed as it is, never wrapped in an optional: wrapping it would copy it (and
/// retain its storage) at every pair.
func commonSpace(_ a: Figure, _ b: Figure, _ t: Tolerance, allowBase: Bool, units: UnitTable, allowUnits: Bool) -> Comparison? {
    guard a.familyID == b.familyID else { return nil }
    var ia = a.cachedInterval(t), ib = b.cachedInterval(t)
    switch a.familyCode {
    case .amount:
        if a.isShare == b.isShare { return Comparison(a: ia, b: ib) }
        guard allowBase else { return nil }
        let share = a.isShare ? a : b, count = a.isShare ? b : a
        var base: Double?
        var from: Int?
        if let s = share.statedBase { base = s } else if let c = count.statedBase { base = c } else if let borrowed = share.borrowedBase {
            base = borrowed
            from = share.borrowedFrom
        }
        guard let base, base > 0 else { return nil }
        if a.isShare { ia = ia.scaled(by: base) } else { ib = ib.scaled(by: base) }
        return Comparison(a: ia, b: ib, base: base, baseBorrowedFrom: from)
    case .duration, .measure:
        if a.unitID == b.unitID { return Comparison(a: ia, b: ib) }
        let ua = a.unit ?? "", ub = b.unit ?? ""
        guard allowUnits, let fa = units.factor(from: ua, to: ub) else { return nil }
        ia = ia.scaled(by: fa)
        return Comparison(a: ia, b: ib, convertedUnits: true)
    default:
        if a.familyCode == .money, a.claim.unit == nil || b.claim.unit == nil { return nil }
        return Comparison(a: ia, b: ib)
    }
}

extension RuleOperator {
    /// Runs the operator on a pair ordered earlier-first.
    func apply(_ a: Figure, _ b: Figure, rule: CompiledRule, engine: Engine) -> Outcome {
        let t = rule.tolerance
        switch self {
        case .intervalOverlap:
            guard let c = commonSpace(a, b, t, allowBase: rule.allowBases, units: engine.units, allowUnits: rule.allowUnits) else { return .pass }
            return .verdict(c.a.overlaps(c.b) ? .agree : .conflict, c)
        case .shareOfWhole:
            guard a.isShare != b.isShare,
                  let c = commonSpace(a, b, t, allowBase: true, units: engine.units, allowUnits: false), c.base != nil else { return .pass }
            return .verdict(c.a.overlaps(c.b) ? .agree : .conflict, c)
        case .unitConversion:
            guard a.unitID != b.unitID,
                  let c = commonSpace(a, b, t, allowBase: false, units: engine.units, allowUnits: true), c.convertedUnits else { return .pass }
            return .verdict(c.a.overlaps(c.b) ? .agree : .conflict, c)
        case .runningCount:
            guard let c = commonSpace(a, b, t, allowBase: true, units: engine.units, allowUnits: true) else { return .pass }
            if c.a == c.b { return .verdict(.agree, c) }
            if c.a.overlaps(c.b) { return .verdict(.consistent, c) }
            if c.b.isAbove(c.a) { return .verdict(.consistent, c) }
            if b.claim.revised && rule.revisedExcuses {
                var r = c
                r.revision = true
                return .verdict(.consistent, r)
            }
            return .verdict(.conflict, c)
        case .changingFigure:
            guard let c = commonSpace(a, b, t, allowBase: rule.allowBases, units: engine.units, allowUnits: rule.allowUnits) else { return .pass }
            if c.a.overlaps(c.b) { return .verdict(.agree, c) }
            // Figures this far apart are different parts of the story, not one figure that moved.
            if let n = rule.maxRatio, Engine.gapRatio(c.a, c.b) > n { return .silent }
            // Months apart, two different figures say nothing about each other.
            if let n = rule.consistentWithinDays, let x = a.dayNumber, let y = b.dayNumber, Double(abs(y - x)) > n { return .silent }
            return .verdict(.consistent, c)
        case .scaleSlip:
            guard a.familyID == b.familyID, !a.isRank, a.unitID == b.unitID,
                  a.kind != .percent, a.kind != .fraction, b.kind != .percent, b.kind != .fraction,
                  let x = a.claim.value.number, let y = b.claim.value.number, x > 0, y > 0 else { return .pass }
            func hedged(_ q: Qualifier) -> Bool { q == .exact || q == .about }
            guard hedged(a.claim.qualifier), hedged(b.claim.qualifier) else { return .pass }
            let ratio = max(x, y) / min(x, y)
            let factors = rule.factors
            guard factors.contains(where: { abs(ratio - $0) <= 1e-9 * $0 }) else { return .pass }
            return .verdict(.conflict, Comparison(a: .point(x), b: .point(y)))
        case .restatement:
            guard let c = commonSpace(a, b, t, allowBase: true, units: engine.units, allowUnits: true) else { return .pass }
            return c.a.overlaps(c.b) ? .verdict(.agree, c) : .silent
        case .wholeOfShare:
            // `a` counts the whole, `b` states a base of the same size.
            guard a.kind == .count, a.statedBase == nil, !a.concept.contains("/"), let base = b.statedBase,
                  engine.concepts.wholes(of: b.concept).contains(a.concept) else { return .pass }
            let ia = a.cachedInterval(t)
            return ia.overlaps(.point(base)) ? .verdict(.agree, Comparison(a: ia, b: .point(base), base: base)) : .silent
        }
    }
}
