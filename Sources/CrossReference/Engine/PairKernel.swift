import CrosscheckModel

/// The pair decision of ``Engine/decide(_:_:bodyAlternatives:)`` over flat, plain copies of the
/// fields the rules read: one ``Core`` per figure (integer ids, flags, the default interval as
/// Doubles) and one ``RuleCore`` per rule, in buffers the pair loop reads without reference
/// counting, optionals of enums or intermediate outcome values. Gives the same decisions as the
/// figure-based path (tested pair by pair against it); the rare parts that need text (one
/// sentence, a parenthesis, a non-default tolerance, the narrower-concept check) read the
/// figures themselves.
final class PairKernel: @unchecked Sendable {
    /// What the rules read of one figure.
    struct Core {
        var interval: Interval
        var window: Interval
        var number: Double
        var statedBase: Double
        var borrowedBase: Double
        /// The unit's factor and dimension in the unit table (dimension -1: not in it).
        var unitFactor: Double
        var ruleMask: UInt64
        var day: Int
        var index: Int32
        var rank: Int32
        var articleID: Int32
        var conceptID: Int32
        var familyID: Int32
        var unitID: Int32
        var placeID: Int32
        var borrowedFrom: Int32
        var unitDimension: Int32
        /// The figure's lineage (``Figure/lineageIDs``): where it starts in ``PairKernel/lineages``, and its length.
        var lineageStart: Int32
        var lineageCount: Int32
        var kind: QuantityKind
        var familyCode: FamilyCode
        var qualifier: Qualifier
        var flags: UInt16

        static let inTitle: UInt16 = 1, cumulative: UInt16 = 2, isShare: UInt16 = 4, openEnded: UInt16 = 8
        static let isRank: UInt16 = 16, hasWindow: UInt16 = 32, revised: UInt16 = 64, hasPlace: UInt16 = 128
        static let hasDay: UInt16 = 256, hasNumber: UInt16 = 512, hasStatedBase: UInt16 = 1024
        static let hasBorrowedBase: UInt16 = 2048, hasBorrowedFrom: UInt16 = 4096, hasClaimUnit: UInt16 = 8192

        @inline(__always) func has(_ f: UInt16) -> Bool { flags & f != 0 }
    }

    /// What the pair loop reads of one rule.
    struct RuleCore {
        var conflictWithinDays: Double
        var maxRatio: Double
        var consistentWithinDays: Double
        var index: Int32
        var factorStart: Int32
        var factorCount: Int32
        var op: RuleOperator
        var scope: Applicability.Scope
        var time: Applicability.TimeScope
        /// -1: either way; 0: neither is a running count; 1: at least one is.
        var cumulative: Int8
        var verdictBits: UInt8
        var allowBases: Bool
        var allowUnits: Bool
        var revisedExcuses: Bool
        var conflictOnlyIfSole: Bool
        var hasConflictWithinDays: Bool
        var hasMaxRatio: Bool
        var hasConsistentWithinDays: Bool
        var defaultTolerance: Bool
    }

    let figures: [Figure]
    let engine: Engine
    private let cores: UnsafeMutableBufferPointer<Core>
    private let ruleCores: UnsafeMutableBufferPointer<RuleCore>
    private let factors: UnsafeMutableBufferPointer<Double>
    private let refs: UnsafeMutableBufferPointer<Unmanaged<Figure>>
    /// The lineages of the figures' concepts, one after the other (each concept's once).
    private let lineages: UnsafeMutableBufferPointer<Int32>
    private let pairMask: UInt64
    private let filters: Engine.RuleFilters

    /// Nil when the engine has more than 64 rules (no rule masks): the figure-based path decides.
    init?(_ figures: [Figure], engine: Engine) {
        guard let masks = engine.ruleMasks else { return nil }
        self.figures = figures
        self.engine = engine
        pairMask = masks.pairs
        filters = engine.ruleFilters
        // Each unit text's entry in the unit table, once per interned unit.
        var unitEntry: [Int: (Double, Int32)] = [:]
        var dimensions: [String: Int32] = [:]
        func entry(_ f: Figure) -> (Double, Int32) {
            if let e = unitEntry[f.unitID] { return e }
            var e: (Double, Int32) = (0, -1)
            if let u = engine.units[f.unit ?? ""] {
                let d: Int32
                if let known = dimensions[u.dimension] { d = known } else {
                    d = Int32(dimensions.count)
                    dimensions[u.dimension] = d
                }
                e = (u.factor, d)
            }
            unitEntry[f.unitID] = e
            return e
        }
        // Per concept id (dense): its lineage's start and length, (-1, 0) before it is met.
        var lineageOf: [(Int32, Int32)] = []
        var flatLineages: [Int32] = []
        cores = .allocate(capacity: figures.count)
        refs = .allocate(capacity: figures.count)
        for (i, f) in figures.enumerated() {
            precondition(f.index == i, "figures are in index order")
            refs[i] = Unmanaged.passUnretained(f)
            let v = f.claim.value
            var flags: UInt16 = 0
            if f.inTitle { flags |= Core.inTitle }
            if f.cumulative { flags |= Core.cumulative }
            if f.isShare { flags |= Core.isShare }
            if f.isOpenEnded { flags |= Core.openEnded }
            if f.isRank { flags |= Core.isRank }
            if f.hasWindow { flags |= Core.hasWindow }
            if f.claim.revised { flags |= Core.revised }
            if f.place != nil { flags |= Core.hasPlace }
            if f.dayNumber != nil { flags |= Core.hasDay }
            if v.number != nil { flags |= Core.hasNumber }
            if v.base != nil { flags |= Core.hasStatedBase }
            if f.borrowedBase != nil { flags |= Core.hasBorrowedBase }
            if f.borrowedFrom != nil { flags |= Core.hasBorrowedFrom }
            if f.claim.unit != nil { flags |= Core.hasClaimUnit }
            let (factor, dimension) = (f.familyCode == .duration || f.familyCode == .measure) ? entry(f) : (0, -1)
            let lineage: (Int32, Int32)
            while lineageOf.count <= f.conceptID { lineageOf.append((-1, 0)) }
            if lineageOf[f.conceptID].0 >= 0 { lineage = lineageOf[f.conceptID] } else {
                lineage = (Int32(flatLineages.count), Int32(f.lineageIDs.count))
                flatLineages += f.lineageIDs.map { Int32($0) }
                lineageOf[f.conceptID] = lineage
            }
            (cores.baseAddress! + i).initialize(to: Core(
                interval: f.defaultInterval, window: f.window ?? .point(0), number: v.number ?? 0,
                statedBase: v.base ?? 0, borrowedBase: f.borrowedBase ?? 0, unitFactor: factor, ruleMask: f.ruleMask,
                day: f.dayNumber ?? 0, index: Int32(f.index), rank: Int32(f.rank), articleID: Int32(f.articleID),
                conceptID: Int32(f.conceptID), familyID: Int32(f.familyID), unitID: Int32(f.unitID),
                placeID: Int32(f.placeID), borrowedFrom: Int32(f.borrowedFrom ?? -1), unitDimension: dimension,
                lineageStart: lineage.0, lineageCount: lineage.1,
                kind: f.kind, familyCode: f.familyCode, qualifier: f.claim.qualifier, flags: flags))
        }
        lineages = .allocate(capacity: max(1, flatLineages.count))
        _ = lineages.initialize(from: flatLineages)
        var allFactors: [Double] = []
        var rc: [RuleCore] = []
        for r in engine.rules {
            let start = allFactors.count
            allFactors += r.factors
            var verdictBits: UInt8 = 0
            for v in Verdict.allCases where r.allows(v) { verdictBits |= CompiledRule.bit(v) }
            rc.append(RuleCore(
                conflictWithinDays: r.conflictWithinDays ?? 0, maxRatio: r.maxRatio ?? 0,
                consistentWithinDays: r.consistentWithinDays ?? 0, index: Int32(r.index), factorStart: Int32(start),
                factorCount: Int32(r.factors.count), op: r.op, scope: r.scope, time: r.time,
                cumulative: r.cumulative.map { $0 ? 1 : 0 } ?? -1, verdictBits: verdictBits, allowBases: r.allowBases,
                allowUnits: r.allowUnits, revisedExcuses: r.revisedExcuses, conflictOnlyIfSole: r.conflictOnlyIfSole,
                hasConflictWithinDays: r.conflictWithinDays != nil, hasMaxRatio: r.maxRatio != nil,
                hasConsistentWithinDays: r.consistentWithinDays != nil, defaultTolerance: r.tolerance.isDefault))
        }
        ruleCores = .allocate(capacity: max(1, rc.count))
        _ = ruleCores.initialize(from: rc)
        factors = .allocate(capacity: max(1, allFactors.count))
        _ = factors.initialize(from: allFactors)
    }

    deinit {
        cores.deallocate()
        refs.deallocate()
        lineages.deallocate()
        ruleCores.deallocate()
        factors.deallocate()
    }

    /// Figure `i`'s article id and whether it is in the headline.
    @inline(__always) func articleID(_ i: Int) -> Int { Int(cores[i].articleID) }
    @inline(__always) func inTitle(_ i: Int) -> Bool { cores[i].has(Core.inTitle) }

    /// ``Engine/decide(_:_:bodyAlternatives:)`` for figures `x` and `y` (indices).
    func decide(_ x: Int, _ y: Int, bodyAlternatives: Int = 1) -> Decision? {
        let cx = cores.baseAddress! + x, cy = cores.baseAddress! + y
        guard cx.pointee.familyID == cy.pointee.familyID else { return nil }
        if cx.pointee.conceptID != cy.pointee.conceptID {
            guard inLineage(cy.pointee.conceptID, of: cx, from: 0) || inLineage(cx.pointee.conceptID, of: cy, from: 0) else { return nil }
        }
        return isOrdered(cx, cy) ? decide(ordered: cx, cy, bodyAlternatives: bodyAlternatives)
                                 : decide(ordered: cy, cx, bodyAlternatives: bodyAlternatives)
    }

    /// True when `concept` is in the figure's lineage from position `from` on.
    @inline(__always)
    private func inLineage(_ concept: Int32, of f: UnsafeMutablePointer<Core>, from: Int32) -> Bool {
        var n = f.pointee.lineageStart + from
        let end = f.pointee.lineageStart + f.pointee.lineageCount
        while n < end {
            if lineages[Int(n)] == concept { return true }
            n += 1
        }
        return false
    }

    @inline(__always)
    private func isOrdered(_ x: UnsafeMutablePointer<Core>, _ y: UnsafeMutablePointer<Core>) -> Bool {
        if x.pointee.has(Core.hasDay), y.pointee.has(Core.hasDay), x.pointee.day != y.pointee.day {
            return x.pointee.day < y.pointee.day
        }
        let tx = x.pointee.has(Core.inTitle), ty = y.pointee.has(Core.inTitle)
        if tx != ty { return tx }
        return x.pointee.rank < y.pointee.rank
    }

    /// The two figures in one space (``commonSpace(_:_:_:allowBase:units:allowUnits:)``).
    private struct Space {
        var a: Interval
        var b: Interval
        var base: Double = 0
        var hasBase = false
        var from: Int32 = -1
        var converted = false
        var revision = false
    }

    /// Where two figures stand (``PairContext``), sentence questions left to the figures.
    private struct Context {
        var sameArticle: Bool
        var headlineBody: Bool
        var soleBodyClaim: Bool
        var sameDay: Bool
        var differentDay: Bool
        var hasDays: Bool
        var daysApart: Int
    }

    private enum Verdict3: UInt8 { case agree, consistent, conflict
        var verdict: Verdict {
            switch self {
            case .agree: .agree
            case .consistent: .consistent
            case .conflict: .conflict
            }
        }
        var bit: UInt8 { 1 << rawValue }
    }

    /// What an operator said: pass (next rule), silent (nothing, no later rule) or a verdict.
    private enum Said { case pass, silent, verdict(Verdict3) }

    private func decide(ordered pa: UnsafeMutablePointer<Core>, _ pb: UnsafeMutablePointer<Core>, bodyAlternatives: Int) -> Decision? {
        let sameArticle = pa.pointee.articleID == pb.pointee.articleID
        let headlineBody = sameArticle && pa.pointee.has(Core.inTitle) != pb.pointee.has(Core.inTitle)
        let hasDays = pa.pointee.has(Core.hasDay) && pb.pointee.has(Core.hasDay)
        let ctx = Context(sameArticle: sameArticle, headlineBody: headlineBody,
                          soleBodyClaim: headlineBody && bodyAlternatives <= 1,
                          sameDay: hasDays && pa.pointee.day == pb.pointee.day, differentDay: hasDays && pa.pointee.day != pb.pointee.day,
                          hasDays: hasDays, daysApart: hasDays ? abs(pa.pointee.day - pb.pointee.day) : 0)
        if !ctx.differentDay, pa.pointee.has(Core.hasWindow), pb.pointee.has(Core.hasWindow), !Self.overlaps(pa.pointee.window, pb.pointee.window) { return nil }
        let anyCumulative = pa.pointee.has(Core.cumulative) || pb.pointee.has(Core.cumulative)
        let excluded = (sameArticle ? filters.sameArticle : filters.crossArticle) | (ctx.sameDay ? 0 : filters.notSameDay)
            | (ctx.differentDay ? 0 : filters.notDifferentDay) | (anyCumulative ? filters.someCumulative : filters.noneCumulative)
        var m = pa.pointee.ruleMask & pb.pointee.ruleMask & pairMask & ~excluded
        var sentence: Bool?
        while m != 0 {
            let r = ruleCores.baseAddress! + m.trailingZeroBitCount
            m &= m - 1
            // Where and when (``Engine/matchesPair``).
            switch r.pointee.scope {
            case .any: break
            case .crossArticle: if sameArticle { continue }
            case .sameArticle: if !sameArticle { continue }
            case .sameSentence, .parenthesis:
                if sentence == nil {
                    sentence = sameArticle && pa.pointee.has(Core.inTitle) == pb.pointee.has(Core.inTitle) && sameSentence(pa.pointee.index, pb.pointee.index)
                }
                if !sentence! { continue }
                if r.pointee.scope == .parenthesis, !inParentheses(pa.pointee.index, pb.pointee.index) { continue }
            case .headlineBody: if !headlineBody { continue }
            }
            switch r.pointee.time {
            case .any: break
            case .sameDay: if !ctx.sameDay { continue }
            case .differentDay: if !ctx.differentDay { continue }
            case .sameDayForRunningCounts: if anyCumulative, !ctx.sameDay { continue }
            }
            if r.pointee.cumulative >= 0, anyCumulative != (r.pointee.cumulative == 1) { continue }
            var space = Space(a: pa.pointee.interval, b: pb.pointee.interval)
            let said = apply(r, pa, pb, &space)
            switch said {
            case .pass: continue
            case .silent: return nil
            case .verdict(let v):
                guard r.pointee.verdictBits & v.bit != 0 else { continue }
                return check(v, r, pa, pb, ctx, space)
            }
        }
        return nil
    }

    /// The checks ``Engine/apply`` makes of a verdict (nil: nothing to report).
    private func check(_ v: Verdict3, _ r: UnsafeMutablePointer<RuleCore>, _ pa: UnsafeMutablePointer<Core>,
                       _ pb: UnsafeMutablePointer<Core>, _ ctx: Context, _ c: Space) -> Decision? {
        if v == .conflict, ctx.headlineBody, !ctx.soleBodyClaim, r.pointee.conflictOnlyIfSole { return nil }
        if v == .conflict, r.pointee.hasConflictWithinDays, ctx.hasDays, Double(ctx.daysApart) > r.pointee.conflictWithinDays { return nil }
        let open = pa.pointee.has(Core.openEnded) || pb.pointee.has(Core.openEnded)
        if pa.pointee.has(Core.hasPlace), pb.pointee.has(Core.hasPlace), pa.pointee.placeID != pb.pointee.placeID {
            if v != .agree || open { return nil }
        }
        if r.pointee.hasMaxRatio {
            if v == .conflict || c.revision, Engine.gapRatio(c.a, c.b) > r.pointee.maxRatio { return nil }
            if v == .agree, open, Engine.anchorRatio(c.a, c.b) > r.pointee.maxRatio { return nil }
        }
        if v == .conflict, pa.pointee.conceptID != pb.pointee.conceptID, pa.pointee.kind != .ordinal, pb.pointee.kind != .ordinal {
            let narrower = inLineage(pb.pointee.conceptID, of: pa, from: 1)
            let narrowAbove = narrower ? c.a.isAbove(c.b) : c.b.isAbove(c.a)
            if !narrowAbove { return nil }
        }
        return Decision(ruleIndex: r.pointee.index, verdict: v.verdict, a: pa.pointee.index, b: pb.pointee.index,
                        base: c.hasBase ? c.base : nil, from: c.from, converted: c.converted, revision: c.revision)
    }

    /// ``RuleOperator/apply(_:_:rule:engine:)`` (not `whole-of-share`), the comparison in `space`.
    @inline(__always)
    private func apply(_ r: UnsafeMutablePointer<RuleCore>, _ pa: UnsafeMutablePointer<Core>, _ pb: UnsafeMutablePointer<Core>,
                       _ space: inout Space) -> Said {
        switch r.pointee.op {
        case .intervalOverlap:
            guard common(r, pa, pb, allowBase: r.pointee.allowBases, allowUnits: r.pointee.allowUnits, &space) else { return .pass }
            return .verdict(Self.overlaps(space.a, space.b) ? .agree : .conflict)
        case .shareOfWhole:
            guard pa.pointee.has(Core.isShare) != pb.pointee.has(Core.isShare),
                  common(r, pa, pb, allowBase: true, allowUnits: false, &space), space.hasBase else { return .pass }
            return .verdict(Self.overlaps(space.a, space.b) ? .agree : .conflict)
        case .unitConversion:
            guard pa.pointee.unitID != pb.pointee.unitID,
                  common(r, pa, pb, allowBase: false, allowUnits: true, &space), space.converted else { return .pass }
            return .verdict(Self.overlaps(space.a, space.b) ? .agree : .conflict)
        case .runningCount:
            guard common(r, pa, pb, allowBase: true, allowUnits: true, &space) else { return .pass }
            if Self.equal(space.a, space.b) { return .verdict(.agree) }
            if Self.overlaps(space.a, space.b) { return .verdict(.consistent) }
            if space.b.isAbove(space.a) { return .verdict(.consistent) }
            if pb.pointee.has(Core.revised) && r.pointee.revisedExcuses {
                space.revision = true
                return .verdict(.consistent)
            }
            return .verdict(.conflict)
        case .changingFigure:
            guard common(r, pa, pb, allowBase: r.pointee.allowBases, allowUnits: r.pointee.allowUnits, &space) else { return .pass }
            if Self.overlaps(space.a, space.b) { return .verdict(.agree) }
            if r.pointee.hasMaxRatio, Engine.gapRatio(space.a, space.b) > r.pointee.maxRatio { return .silent }
            if r.pointee.hasConsistentWithinDays, pa.pointee.has(Core.hasDay), pb.pointee.has(Core.hasDay),
               Double(abs(pb.pointee.day - pa.pointee.day)) > r.pointee.consistentWithinDays { return .silent }
            return .verdict(.consistent)
        case .scaleSlip:
            guard pa.pointee.familyID == pb.pointee.familyID, !pa.pointee.has(Core.isRank), pa.pointee.unitID == pb.pointee.unitID,
                  pa.pointee.kind != .percent, pa.pointee.kind != .fraction, pb.pointee.kind != .percent, pb.pointee.kind != .fraction,
                  pa.pointee.has(Core.hasNumber), pb.pointee.has(Core.hasNumber) else { return .pass }
            let x = pa.pointee.number, y = pb.pointee.number
            guard x > 0, y > 0 else { return .pass }
            guard pa.pointee.qualifier == .exact || pa.pointee.qualifier == .about, pb.pointee.qualifier == .exact || pb.pointee.qualifier == .about else { return .pass }
            let ratio = max(x, y) / min(x, y)
            var found = false
            for n in 0..<Int(r.pointee.factorCount) {
                let f = factors[Int(r.pointee.factorStart) + n]
                if abs(ratio - f) <= 1e-9 * f { found = true; break }
            }
            guard found else { return .pass }
            space = Space(a: .point(x), b: .point(y))
            return .verdict(.conflict)
        case .restatement:
            guard common(r, pa, pb, allowBase: true, allowUnits: true, &space) else { return .pass }
            return Self.overlaps(space.a, space.b) ? .verdict(.agree) : .silent
        case .wholeOfShare:
            return .pass  // never a pair rule (``Engine/ruleMasks``)
        }
    }

    /// ``commonSpace(_:_:_:allowBase:units:allowUnits:)``: false for nil; `space` starts with the
    /// default intervals.
    @inline(__always)
    private func common(_ r: UnsafeMutablePointer<RuleCore>, _ pa: UnsafeMutablePointer<Core>, _ pb: UnsafeMutablePointer<Core>,
                        allowBase: Bool, allowUnits: Bool, _ space: inout Space) -> Bool {
        guard pa.pointee.familyID == pb.pointee.familyID else { return false }
        if !r.pointee.defaultTolerance {
            let t = engine.rules[Int(r.pointee.index)].tolerance
            space.a = refs[Int(pa.pointee.index)]._withUnsafeGuaranteedRef { $0.cachedInterval(t) }
            space.b = refs[Int(pb.pointee.index)]._withUnsafeGuaranteedRef { $0.cachedInterval(t) }
        }
        switch pa.pointee.familyCode {
        case .amount:
            let sa = pa.pointee.has(Core.isShare)
            if sa == pb.pointee.has(Core.isShare) { return true }
            guard allowBase else { return false }
            let share = sa ? pa : pb, count = sa ? pb : pa
            if share.pointee.has(Core.hasStatedBase) {
                space.base = share.pointee.statedBase
            } else if count.pointee.has(Core.hasStatedBase) {
                space.base = count.pointee.statedBase
            } else if share.pointee.has(Core.hasBorrowedBase) {
                space.base = share.pointee.borrowedBase
                space.from = share.pointee.has(Core.hasBorrowedFrom) ? share.pointee.borrowedFrom : -1
            } else {
                return false
            }
            guard space.base > 0 else { space.from = -1; return false }
            space.hasBase = true
            if sa { space.a = space.a.scaled(by: space.base) } else { space.b = space.b.scaled(by: space.base) }
            return true
        case .duration, .measure:
            if pa.pointee.unitID == pb.pointee.unitID { return true }
            guard allowUnits, pa.pointee.unitDimension >= 0, pa.pointee.unitDimension == pb.pointee.unitDimension else { return false }
            space.a = space.a.scaled(by: pa.pointee.unitFactor / pb.pointee.unitFactor)
            space.converted = true
            return true
        default:
            if pa.pointee.familyCode == .money, !pa.pointee.has(Core.hasClaimUnit) || !pb.pointee.has(Core.hasClaimUnit) { return false }
            return true
        }
    }

    /// `x.overlaps(y)` (``Interval/overlaps(_:)``: the intersection is not empty), worked out
    /// here with the same comparisons, without a call into the model module.
    @inline(__always)
    static func overlaps(_ x: Interval, _ y: Interval) -> Bool {
        let (lo, loInc): (Double, Bool) =
            x.low > y.low ? (x.low, x.lowInclusive) :
            y.low > x.low ? (y.low, y.lowInclusive) : (x.low, x.lowInclusive && y.lowInclusive)
        let (hi, hiInc): (Double, Bool) =
            x.high < y.high ? (x.high, x.highInclusive) :
            y.high < x.high ? (y.high, y.highInclusive) : (x.high, x.highInclusive && y.highInclusive)
        return !(lo > hi || (lo == hi && !(loInc && hiInc)))
    }

    /// `x == y` for intervals, field by field (as the synthesized equality compares them).
    @inline(__always)
    static func equal(_ x: Interval, _ y: Interval) -> Bool {
        x.low == y.low && x.high == y.high && x.lowInclusive == y.lowInclusive && x.highInclusive == y.highInclusive
    }

    private func sameSentence(_ x: Int32, _ y: Int32) -> Bool {
        refs[Int(x)]._withUnsafeGuaranteedRef { a in refs[Int(y)]._withUnsafeGuaranteedRef { b in a.claim.sentence == b.claim.sentence } }
    }

    private func inParentheses(_ x: Int32, _ y: Int32) -> Bool {
        refs[Int(x)]._withUnsafeGuaranteedRef { a in refs[Int(y)]._withUnsafeGuaranteedRef { b in
            PairContext.inParentheses(sentence: a.claim.sentence, a.claim.quote, b.claim.quote) } }
    }
}
