import CrosscheckModel
import Foundation

/// A rule's verdict on one ordered pair of figures. Plain values only (the rule by its index), so
/// that the pair loop copies it without reference counting.
struct Decision: Sendable {
    /// The rule's index in ``Engine/rules``.
    let ruleIndex: Int32
    /// Figure indices (``a``, ``b``) and the note's borrowed base's figure (-1: none), kept as
    /// 32-bit integers: the decision is 32 bytes, copied as such through the pair loop.
    private let a32: Int32
    private let b32: Int32
    private let from32: Int32
    /// The note's base (read only when ``bits`` says there is one).
    private let baseValue: Double
    let verdict: Verdict
    /// 1: a base; 2: converted units; 4: a revision.
    private let bits: UInt8

    /// Figure indices, earlier first.
    var a: Int { Int(a32) }
    var b: Int { Int(b32) }

    /// What the explanation needs of the comparison (the intervals are not kept).
    var note: Note {
        var n = Note(nil)
        if bits & 1 != 0 { n.base = baseValue }
        if from32 >= 0 { n.baseBorrowedFrom = Int(from32) }
        n.convertedUnits = bits & 2 != 0
        n.revision = bits & 4 != 0
        return n
    }

    init(ruleIndex: Int32, verdict: Verdict, note: Note, a: Int, b: Int) {
        self.ruleIndex = ruleIndex
        self.verdict = verdict
        a32 = Int32(a)
        b32 = Int32(b)
        from32 = note.baseBorrowedFrom.map { Int32($0) } ?? -1
        baseValue = note.base ?? 0
        bits = (note.base != nil ? 1 : 0) | (note.convertedUnits ? 2 : 0) | (note.revision ? 4 : 0)
    }

    /// The decision from the plain fields of a comparison (`from` -1: no borrowed base).
    init(ruleIndex: Int32, verdict: Verdict, a: Int32, b: Int32, base: Double?, from: Int32, converted: Bool, revision: Bool) {
        self.ruleIndex = ruleIndex
        self.verdict = verdict
        a32 = a
        b32 = b
        from32 = from
        baseValue = base ?? 0
        bits = (base != nil ? 1 : 0) | (converted ? 2 : 0) | (revision ? 4 : 0)
    }

    struct Note: Sendable {
        /// A base that turned a share into a count, and the claim it was borrowed from.
        var base: Double?
        var baseBorrowedFrom: Int?
        /// True when units were converted: the intervals are in `b`'s unit.
        var convertedUnits = false
        /// A running count that shrank, excused as a revision.
        var revision = false

        init(_ c: Comparison?) {
            base = c?.base
            baseBorrowedFrom = c?.baseBorrowedFrom
            convertedUnits = c?.convertedUnits == true
            revision = c?.revision == true
        }
    }
}

/// Blocks claims by fact, groups equal figures, compares groups under the rules and turns the
/// verdicts into findings.
struct Engine: Sendable {
    let rules: [CompiledRule]
    let units: UnitTable
    let sources: SourceTable
    let concepts: ConceptHierarchy
    let limits: CrossReferencer.Limits
    /// With at most 64 rules: one bit per rule, for the pair rules and the whole-of-share rules
    /// (``Figure/ruleMask``).
    let ruleMasks: (pairs: UInt64, wholes: UInt64)?
    /// ``rules`` as unmanaged references, for the pair loop: reading a rule through one does not
    /// retain and release it at every pair (``rules`` keeps them alive).
    let ruleRefs: [Unmanaged<CompiledRule>]
    /// With ``ruleMasks``: the rules that cannot match a pair, by what the pair is (``RuleFilters``).
    let ruleFilters: RuleFilters

    /// Per kind of pair, bit i set when rule i's `applies` rules that pair out: the pair loop skips
    /// those rules without asking ``matchesPair(_:_:_:_:)`` (which still decides the rest).
    struct RuleFilters: Sendable {
        /// Rules out pairs within one article (scope cross-article).
        var sameArticle: UInt64 = 0
        /// Rules out pairs across articles (scopes within one article).
        var crossArticle: UInt64 = 0
        /// Rules out pairs not of one day (time same-day).
        var notSameDay: UInt64 = 0
        /// Rules out pairs not of different days (time different-day).
        var notDifferentDay: UInt64 = 0
        /// Rules out pairs where neither is a running count (cumulative: true) …
        var noneCumulative: UInt64 = 0
        /// … and pairs where one is (cumulative: false).
        var someCumulative: UInt64 = 0

        /// The rules a pair in this context rules out.
        @inline(__always)
        func excluded(_ ctx: PairContext, anyCumulative: Bool) -> UInt64 {
            (ctx.sameArticle ? sameArticle : crossArticle) | (ctx.sameDay ? 0 : notSameDay)
                | (ctx.differentDay ? 0 : notDifferentDay) | (anyCumulative ? someCumulative : noneCumulative)
        }
    }

    init(rules: [Rule], units: UnitTable, sources: SourceTable = SourceTable(), concepts: ConceptHierarchy,
         limits: CrossReferencer.Limits) {
        self.rules = rules.enumerated().map { CompiledRule($1, index: $0) }
        ruleRefs = self.rules.map { Unmanaged.passUnretained($0) }
        var masks: (pairs: UInt64, wholes: UInt64)?
        if rules.count <= 64 {
            masks = (0, 0)
            for (i, r) in self.rules.enumerated() {
                if r.op == .wholeOfShare { masks!.wholes |= 1 << UInt64(i) } else { masks!.pairs |= 1 << UInt64(i) }
            }
        }
        ruleMasks = masks
        if masks != nil {
            var f = RuleFilters()
            for (i, r) in self.rules.enumerated() {
                let bit: UInt64 = 1 << UInt64(i)
                switch r.scope {
                case .any: break
                case .crossArticle: f.sameArticle |= bit
                case .sameArticle, .sameSentence, .parenthesis, .headlineBody: f.crossArticle |= bit
                }
                switch r.time {
                case .any, .sameDayForRunningCounts: break
                case .sameDay: f.notSameDay |= bit
                case .differentDay: f.notDifferentDay |= bit
                }
                if let c = r.cumulative { if c { f.noneCumulative |= bit } else { f.someCumulative |= bit } }
            }
            ruleFilters = f
        } else {
            ruleFilters = RuleFilters()
        }
        self.units = units
        self.sources = sources
        self.concepts = concepts
        self.limits = limits
    }

    // MARK: Figures

    /// Strings of one run given dense integer ids, so that hot loops compare integers.
    struct Interner {
        var ids: [String: Int] = [:]
        var strings: [String] = []

        mutating func id(_ s: String) -> Int {
            if let i = ids[s] { return i }
            ids[s] = strings.count
            strings.append(s)
            return strings.count - 1
        }

        /// The last few strings looked up and their ids, tried (by equality, no hashing) before
        /// the dictionary: consecutive figures alternate between a few concepts and families.
        var recent: [String] = []
        var recentIDs: [Int] = []
        var nextRecent = 0

        /// ``id(_:)``, asking the few strings looked up last first.
        mutating func recentID(_ s: String) -> Int {
            for n in recent.indices where recent[n] == s { return recentIDs[n] }
            let i = id(s)
            if recent.count < 8 {
                recent.append(s)
                recentIDs.append(i)
            } else {
                recent[nextRecent] = s
                recentIDs[nextRecent] = i
                nextRecent = (nextRecent + 1) & 7
            }
            return i
        }

        /// Each id's position when the strings are sorted.
        func ranks() -> [Int] {
            var out = Array(repeating: 0, count: strings.count)
            for (r, i) in strings.indices.sorted(by: { strings[$0] < strings[$1] }).enumerated() { out[i] = r }
            return out
        }
    }

    /// The figures of a batch and the interned strings they refer to.
    struct Prepared {
        var figures: [Figure]
        var articles = Interner()
        var concepts = Interner()
        var families = Interner()
        /// Per interned concept: its lineage, as interned concepts.
        var lineageIDs: [[Int]] = []
    }

    func figures(_ articles: [ReportedArticle]) -> [Figure] { prepare(articles).figures }

    /// A claim's family and concept when it makes a figure (a comparable kind, a concept, a
    /// finite value), else nil.
    static func figureFamily(_ claim: Claim) -> (family: String, concept: String)? {
        guard let family = Figure.family(of: claim), let concept = claim.concept, !concept.isEmpty else { return nil }
        let v = claim.value
        guard v.number != nil || v.low != nil || v.high != nil else { return nil }
        if let x = v.number, !x.isFinite { return nil }
        return (family, concept)
    }

    /// ``figureFamily(_:)`` != nil, without making the family's text.
    /// Read field by field: a claim read whole out of its array would be copied.
    static func makesFigure(_ kind: QuantityKind, _ concept: String?, _ v: QuantityValue) -> Bool {
        guard kind != .date, let concept, !concept.isEmpty else { return false }
        guard v.number != nil || v.low != nil || v.high != nil else { return false }
        if let x = v.number, !x.isFinite { return false }
        return true
    }

    /// `String(s.prefix(10))` for a string whose first ten characters are a day "yyyy-mm-dd"
    /// (``dayNumber(_:)`` read them): the string itself when it is exactly those ten bytes.
    static func firstTen(_ s: String) -> String {
        s.utf8.count == 10 ? s : String(s.prefix(10))
    }

    func prepare(_ articles: [ReportedArticle]) -> Prepared {
        var p = Prepared(figures: [])
        var outlets = Interner()
        let sorted = articles.sorted(by: { ($0.id, $0.path ?? "") < ($1.id, $1.path ?? "") })
        // Outlets interned article by article, in order.
        let outletOf = sorted.map { outlets.id($0.outlet ?? $0.id) }
        // The figures are made on several threads, in chunks of articles: counted first, so that
        // each chunk knows the index of its first figure, then made (indices as one loop gives).
        let chunks = Parallel.chunkCount(sorted.count, minimum: 128)
        let counts = Parallel.map(chunks: chunks, count: sorted.count) { _, r in
            var n = 0
            for a in r {
                let claims = sorted[a].claims
                for i in claims.indices where Engine.makesFigure(claims[i].kind, claims[i].concept, claims[i].value) { n += 1 }
            }
            return n
        }
        var offsets: [Int] = []
        var total = 0
        for n in counts { offsets.append(total); total += n }
        let firsts = offsets
        // The figures lend their claims from one store of the sorted articles (no claim is copied).
        let store = ClaimStore(sorted)
        let made = Parallel.map(chunks: chunks, count: sorted.count) { c, r in
            var list: [Figure] = []
            list.reserveCapacity(counts[c])
            var index = firsts[c]
            var lowered: [String: String] = [:]
            for a in r {
                let publishedNumber = sorted[a].published.flatMap(dayNumber)
                let published = publishedNumber != nil ? sorted[a].published.map(Engine.firstTen) : nil
                let outlet = sorted[a].outlet ?? sorted[a].id
                let language = sorted[a].language
                let claims = sorted[a].claims
                for i in claims.indices {
                    // Asked field by field: a claim is never copied.
                    guard Engine.makesFigure(claims[i].kind, claims[i].concept, claims[i].value),
                          let concept = claims[i].concept,
                          let family = Figure.family(kind: claims[i].kind, concept: concept, unit: claims[i].unit) else { continue }
                    // A claim's own month-precision asOf ("2021-08") does not borrow the publication day.
                    var day: String?, number: Int?
                    if let asOf = claims[i].asOf {
                        if let n = dayNumber(asOf) { day = Engine.firstTen(asOf); number = n }
                    } else {
                        day = published
                        number = publishedNumber
                    }
                    var place: String?
                    if let raw = claims[i].place {
                        if let l = lowered[raw] { place = l } else {
                            let l = raw.lowercased()
                            lowered[raw] = l
                            place = l
                        }
                        if place?.isEmpty == true { place = nil }
                    }
                    let f = Figure(store: store, article: a, claim: i, index: index, outlet: outlet, language: language,
                                   day: day, dayNumber: number, concept: concept, place: place, family: family)
                    f.outletID = outletOf[a]
                    index += 1
                    list.append(f)
                }
            }
            return list
        }
        var out: [Figure] = []
        out.reserveCapacity(total)
        for list in made { out += list }
        // Interned in figure order (ids in order of first use). Consecutive claims mostly name one
        // article: its id is looked up only when it changes; so are concepts and families often
        // the same as the claim before's.
        var lastArticle = "", lastArticleID = -1
        var lastConcept = "", lastConceptID = -1, lastFamily = "", lastFamilyID = -1
        for f in out {
            let article = f.claim.article
            if article != lastArticle || lastArticleID < 0 {
                lastArticle = article
                lastArticleID = p.articles.id(article)
            }
            f.articleID = lastArticleID
            if lastConceptID < 0 || f.concept != lastConcept {
                lastConcept = f.concept
                lastConceptID = p.concepts.recentID(f.concept)
            }
            if lastFamilyID < 0 || f.family != lastFamily {
                lastFamily = f.family
                lastFamilyID = p.families.recentID(f.family)
            }
            f.conceptID = lastConceptID
            f.familyID = lastFamilyID
        }
        // Per concept, once: its lineage and which rules cover it.
        var lineages: [[String]?] = []
        var coverage: [[Bool]] = []
        var masks: [[UInt64?]] = []
        for i in out.indices {
            let c = out[i].conceptID
            while lineages.count <= c { lineages.append(nil); coverage.append([]) }
            if lineages[c] == nil {
                lineages[c] = concepts.lineage(of: out[i].concept)
                coverage[c] = rules.map { $0.covers(concept: out[i].concept) }
            }
            out[i].lineage = lineages[c]!
            out[i].ruleConcepts = coverage[c]
            if ruleMasks != nil {
                // Per concept and kind, once.
                let k = Int(out[i].kindBit.trailingZeroBitCount)
                while masks.count <= c { masks.append(Array(repeating: nil, count: 32)) }
                if let m = masks[c][k] { out[i].ruleMask = m } else {
                    var m: UInt64 = 0
                    for (r, rule) in rules.enumerated() where coverage[c][r] && rule.kindMask & out[i].kindBit != 0 { m |= 1 << UInt64(r) }
                    masks[c][k] = m
                    out[i].ruleMask = m
                }
            }
            if out[i].familyCode == .measure, let u = out[i].unit, !units.contexts.isEmpty {
                let sentence = out[i].claim.sentence
                let after = sentence.range(of: out[i].claim.quote).map { sentence[$0.upperBound...] } ?? sentence[...]
                out[i].unit = units.unit(u, followedBy: after.prefix(60))
            }
        }
        var unitIDs = Interner()
        let noUnit = unitIDs.id("")
        // Places and days interned (nil as ""), the last one remembered: consecutive figures
        // mostly share them. Whether a concept, place or unit holds "|" is asked once per text.
        var placeIDs = Interner(), dayIDs = Interner()
        var lastPlace: String? = nil, lastPlaceID = -1, lastDay: String? = nil, lastDayID = -1
        var lastUnit = "", lastUnitID = -1
        var barInPlace: [Bool] = [], barInUnit: [Bool] = [], barInConcept: [Bool] = []
        func hasBar(_ s: String) -> Bool { s.utf8.contains(0x7C) }
        for f in out {
            f.defaultInterval = f.interval(Tolerance())
            if let u = f.unit {
                // Consecutive figures mostly share their unit: looked up only when it changes.
                if lastUnitID < 0 || u != lastUnit {
                    lastUnit = u
                    lastUnitID = unitIDs.id(u)
                }
                f.unitID = lastUnitID
            } else {
                f.unitID = noUnit
            }
            if lastPlaceID < 0 || f.place != lastPlace {
                lastPlace = f.place
                lastPlaceID = placeIDs.id(f.place ?? "")
            }
            f.placeID = lastPlaceID
            if lastDayID < 0 || f.day != lastDay {
                lastDay = f.day
                lastDayID = dayIDs.id(f.day ?? "")
            }
            f.dayID = lastDayID
            while barInPlace.count < placeIDs.strings.count { barInPlace.append(hasBar(placeIDs.strings[barInPlace.count])) }
            while barInUnit.count < unitIDs.strings.count { barInUnit.append(hasBar(unitIDs.strings[barInUnit.count])) }
            while barInConcept.count <= f.conceptID { barInConcept.append(hasBar(p.concepts.strings[barInConcept.count])) }
            f.needsText = barInConcept[f.conceptID] || barInPlace[f.placeID] || barInUnit[f.unitID]
        }
        // Lineages as interned concepts (a broader concept may have no figure of its own).
        var lineageIDs: [[Int]] = []
        for c in lineages.indices {
            lineageIDs.append((lineages[c] ?? []).map { p.concepts.id($0) })
        }
        for f in out { f.lineageIDs = lineageIDs[f.conceptID] }
        p.lineageIDs = lineageIDs
        // Windows: a running count's duration in the same sentence and concept.
        // Kept per article and concept (ids), each with its sentences: the last window stated for
        // a sentence is the one read; no text is joined or hashed.
        let conceptCount = p.concepts.strings.count
        var windows: [Int: [(sentence: String, window: Interval)]] = [:]
        var windowConcepts = Set<Int>()
        var toDays: [Int: Double?] = [:]
        for f in out where f.familyCode == .duration && f.claim.cumulative {
            guard let unit = f.unit else { continue }
            let factor: Double?
            if let known = toDays[f.unitID] { factor = known } else {
                factor = units.factor(from: unit, to: "day")
                toDays[f.unitID] = .some(factor)
            }
            guard let k = factor else { continue }
            windows[f.articleID * conceptCount + f.conceptID, default: []].append((f.claim.sentence, f.defaultInterval.scaled(by: k)))
            windowConcepts.insert(f.conceptID)
        }
        if !windows.isEmpty {
            for f in out where f.familyCode == .amount && windowConcepts.contains(f.conceptID) {
                guard let list = windows[f.articleID * conceptCount + f.conceptID] else { f.window = nil; continue }
                let sentence = f.claim.sentence
                f.window = list.last(where: { $0.sentence == sentence })?.window
            }
        }
        rankByID(out)
        lendBases(&out)
        p.figures = out
        return p
    }

    /// Natural id order (``idLess``): each figure's rank, and one class per distinct id. The
    /// part before "#" is ranked once per distinct text, so that sorting compares integers.
    func rankByID(_ figures: [Figure]) {
        var prefixes = Interner()
        let ids = figures.map { $0.claim.id }
        // Split on several threads, each id marked when its prefix is the id before's (`prefix`
        // -1); the prefixes are then interned in id order, only where they change.
        var keys = Parallel.map(ids.count, minimum: 4096) { r -> [IDKey] in
            var out: [IDKey] = []
            out.reserveCapacity(r.count)
            var last: Substring = r.lowerBound > 0 ? IDKey.split(ids[r.lowerBound - 1]).0 : ""
            for n in r {
                let (prefix, number) = IDKey.split(ids[n])
                let same = n > 0 && prefix == last
                if !same { last = prefix }
                out.append(IDKey(prefix: same ? -1 : 0, number: number ?? 0, hasNumber: number != nil))
            }
            return out
        }.flatMap { $0 }
        var lastPrefixID = -1
        for n in keys.indices {
            if keys[n].prefix < 0 { keys[n].prefix = lastPrefixID; continue }
            lastPrefixID = prefixes.id(String(IDKey.split(ids[n]).0))
            keys[n].prefix = lastPrefixID
        }
        let ranks = prefixes.ranks()
        for i in keys.indices { keys[i].prefix = ranks[keys[i].prefix] }
        // Integers decide; the ids are compared only when their prefixes and numbers are equal,
        // and the positions when the ids are equal too (the order a stable sort gives), so that
        // the order is total and is sorted in chunks on several threads.
        let frozen = keys
        let order: [Int]
        if let packed = IDKey.packed(keys) {
            // Every id has a number and the integers fit one word: sorted as plain integer pairs
            // (key, position), then each run of equal keys by its ids (the same total order).
            var sortedPairs = Parallel.sorted(packed.indices.map { (packed[$0], Int32($0)) }, minimum: 8192) { x, y in
                x.0 != y.0 ? x.0 < y.0 : x.1 < y.1
            }
            var start = 0
            while start < sortedPairs.count {
                var end = start + 1
                while end < sortedPairs.count, sortedPairs[end].0 == sortedPairs[start].0 { end += 1 }
                if end - start > 1 {
                    sortedPairs[start..<end].sort { x, y in
                        let i = Int(x.1), j = Int(y.1)
                        return ids[i] != ids[j] ? ids[i] < ids[j] : i < j
                    }
                }
                start = end
            }
            order = sortedPairs.map { Int($0.1) }
        } else {
            order = Parallel.sorted(Array(figures.indices), minimum: 8192) { x, y in
                switch frozen[x].compare(frozen[y]) {
                case .less: return true
                case .greater: return false
                case .undecided: return ids[x] != ids[y] ? ids[x] < ids[y] : x < y
                }
            }
        }
        var idClass = -1
        for (r, i) in order.enumerated() {
            figures[i].rank = r
            // Equal ids have equal keys: the texts are compared only when the keys are equal.
            if r == 0 { idClass += 1 } else {
                let j = order[r - 1]
                if keys[i].prefix != keys[j].prefix || keys[i].hasNumber != keys[j].hasNumber || keys[i].number != keys[j].number
                    || ids[i] != ids[j] { idClass += 1 }
            }
            figures[i].idClass = idClass
        }
    }

    /// A share without a base borrows the base that claims about the same concept state, when
    /// most of them state one base.
    func lendBases(_ figures: inout [Figure]) {
        var stated: [String: [(Double, Int)]] = [:]
        for f in figures where f.familyCode == .amount {
            if let b = f.statedBase, b > 0 { stated[f.concept + "|" + (f.place ?? ""), default: []].append((b, f.index)) }
        }
        guard !stated.isEmpty else { return }
        // The loan depends only on the concept and place: worked out once for each.
        var loans: [String: (base: Double, from: Int?)?] = [:]
        for i in figures.indices where figures[i].isShare && figures[i].statedBase == nil {
            let f = figures[i]
            let key = f.concept + "|" + (f.place ?? "")
            if loans[key] == nil {
                var list = stated[key] ?? []
                if f.place != nil { list += stated[f.concept + "|"] ?? [] }
                if list.isEmpty, f.place == nil {
                    list = stated.filter { $0.key.hasPrefix(f.concept + "|") }.flatMap(\.value)
                }
                var loan: (base: Double, from: Int?)?
                if !list.isEmpty {
                    var counts: [Double: Int] = [:]
                    for (b, _) in list { counts[b, default: 0] += 1 }
                    if let best = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), best.value * 2 > list.count {
                        loan = (best.key, list.filter { $0.0 == best.key }.map(\.1).min())
                    }
                }
                loans[key] = .some(loan)
            }
            guard let loan = loans[key]! else { continue }
            figures[i].borrowedBase = loan.base
            figures[i].borrowedFrom = loan.from
        }
    }

    // MARK: Pairs

    /// Earlier day first; otherwise headline first, then claim id order.
    func ordered(_ x: Figure, _ y: Figure) -> (Figure, Figure) {
        isOrdered(x, y) ? (x, y) : (y, x)
    }

    /// True when `x` comes first in ``ordered(_:_:)``.
    func isOrdered(_ x: Figure, _ y: Figure) -> Bool {
        if let dx = x.dayNumber, let dy = y.dayNumber, dx != dy { return dx < dy }
        if x.inTitle != y.inTitle { return x.inTitle }
        return x.rank < y.rank
    }

    /// Same family and one fact (equal concepts, or one broader). Different stated places are
    /// compared too, but only an agreement is reported between them (a place may name where the
    /// fact holds or the party it is about, so a difference is no proof of two facts).
    func comparable(_ x: Figure, _ y: Figure) -> Bool {
        x.familyID == y.familyID
            && (x.conceptID == y.conceptID || x.lineageIDs.contains(y.conceptID) || y.lineageIDs.contains(x.conceptID))
    }

    func matches(_ rule: CompiledRule, _ a: Figure, _ b: Figure, _ ctx: PairContext) -> Bool {
        if rule.kindMask & a.kindBit == 0 || rule.kindMask & b.kindBit == 0 { return false }
        guard a.ruleConcepts[rule.index], b.ruleConcepts[rule.index] else { return false }
        return matchesPair(rule, a, b, ctx)
    }

    /// The part of ``matches(_:_:_:_:)`` about where and when the two figures stand.
    func matchesPair(_ rule: CompiledRule, _ a: Figure, _ b: Figure, _ ctx: PairContext) -> Bool {
        switch rule.scope {
        case .any: break
        case .crossArticle: if ctx.sameArticle { return false }
        case .sameArticle: if !ctx.sameArticle { return false }
        case .sameSentence: if !ctx.sameSentence { return false }
        case .parenthesis: if !ctx.parenthesis(a, b) { return false }
        case .headlineBody: if !ctx.headlineBody { return false }
        }
        switch rule.time {
        case .any: break
        case .sameDay: if !ctx.sameDay { return false }
        case .differentDay: if !ctx.differentDay { return false }
        case .sameDayForRunningCounts:
            if a.cumulative || b.cumulative, !ctx.sameDay { return false }
        }
        if let c = rule.cumulative, (a.cumulative || b.cumulative) != c { return false }
        return true
    }

    /// The first rule that decides the pair, or nil when none reports anything.
    func decide(_ x: Figure, _ y: Figure, bodyAlternatives: Int = 1) -> Decision? {
        guard comparable(x, y) else { return nil }
        return isOrdered(x, y) ? decide(ordered: x, y, bodyAlternatives: bodyAlternatives, wholes: false)
                               : decide(ordered: y, x, bodyAlternatives: bodyAlternatives, wholes: false)
    }

    /// A count of a whole (`a`: "34 provinces") against a claim with a base (`b`: "12 of the 34
    /// provincial capitals"): only the rules with the `whole-of-share` operator speak.
    func decideWhole(_ a: Figure, _ b: Figure) -> Decision? {
        decide(ordered: a, b, bodyAlternatives: 1, wholes: true)
    }

    func decide(ordered a: Figure, _ b: Figure, bodyAlternatives: Int, wholes: Bool) -> Decision? {
        let ctx = PairContext(a, b, bodyAlternatives: bodyAlternatives)
        // Two counts over spans that cannot be the same ("this week", "this month") on one day
        // are different counts.
        if !ctx.differentDay, a.hasWindow, b.hasWindow, let wa = a.window, let wb = b.window, !wa.overlaps(wb) { return nil }
        if let masks = ruleMasks {
            // Only the rules whose kinds and concepts take both figures, in rule order.
            var m = a.ruleMask & b.ruleMask & (wholes ? masks.wholes : masks.pairs)
                & ~ruleFilters.excluded(ctx, anyCumulative: a.cumulative || b.cumulative)
            while m != 0 {
                let ref = ruleRefs[m.trailingZeroBitCount]
                m &= m - 1
                let outcome: Decision?? = ref._withUnsafeGuaranteedRef { compiled in
                    guard matchesPair(compiled, a, b, ctx) else { return nil }
                    return apply(compiled, a, b, ctx)
                }
                if let outcome { return outcome }
            }
            return nil
        }
        for compiled in rules where (compiled.op == .wholeOfShare) == wholes && matches(compiled, a, b, ctx) {
            if let outcome = apply(compiled, a, b, ctx) { return outcome }
        }
        return nil
    }

    /// One rule on a pair that it applies to: nil when the next rule is to be asked, .some(nil)
    /// when nothing is to be reported, else the decision.
    private func apply(_ compiled: CompiledRule, _ a: Figure, _ b: Figure, _ ctx: PairContext) -> Decision?? {
        switch compiled.op.apply(a, b, rule: compiled, engine: self) {
        case .pass: return nil
        case .silent: return .some(nil)
        case .verdict(let v, let c):
            guard compiled.allows(v) else { return nil }
            if v == .conflict, ctx.headlineBody, !ctx.soleBodyClaim, compiled.conflictOnlyIfSole { return .some(nil) }
            if v == .conflict, let n = compiled.conflictWithinDays, let apart = ctx.daysApart, Double(apart) > n { return .some(nil) }
            if let pa = a.place, let pb = b.place, pa != pb {
                // Different places: only a close agreement between two estimates is worth saying.
                if v != .agree || a.isOpenEnded || b.isOpenEnded { return .some(nil) }
            }
            if let n = compiled.maxRatio, let c {
                // Figures this far apart are more likely different parts of a story than two
                // reports of one figure: no conflict (nor a revision) between them, and no
                // agreement that rests only on an open bound ("at least 45" and "120,000").
                if (v == .conflict || c.revision), Engine.gapRatio(c.a, c.b) > n { return .some(nil) }
                if v == .agree, a.isOpenEnded || b.isOpenEnded, Engine.anchorRatio(c.a, c.b) > n { return .some(nil) }
            }
            if v == .conflict, a.conceptID != b.conceptID, a.kind != .ordinal, b.kind != .ordinal {
                // A count of a narrower thing conflicts with a broader one only by exceeding it.
                guard let c else { return .some(nil) }
                let narrowAbove = a.lineageIDs.dropFirst().contains(b.conceptID) ? c.a.isAbove(c.b) : c.b.isAbove(c.a)
                if !narrowAbove { return .some(nil) }
            }
            return .some(Decision(ruleIndex: Int32(compiled.index), verdict: v, note: Decision.Note(c), a: a.index, b: b.index))
        }
    }

    /// How far apart two disjoint intervals are, as the ratio of the upper one's low end to the
    /// lower one's high end (∞ when the lower one reaches no further than zero).
    static func gapRatio(_ x: Interval, _ y: Interval) -> Double {
        let (upper, lower) = x.isAbove(y) ? (x, y) : (y, x)
        guard lower.high > 0, upper.low.isFinite else { return .infinity }
        return upper.low / lower.high
    }

    /// The ratio between the figures two intervals are anchored on (a finite end, or the middle).
    static func anchorRatio(_ x: Interval, _ y: Interval) -> Double {
        func anchor(_ i: Interval) -> Double {
            if i.high.isInfinite { return i.low }
            if i.low <= 0 || i.low.isInfinite { return i.high }
            return (i.low + i.high) / 2
        }
        let p = abs(anchor(x)), q = abs(anchor(y))
        guard min(p, q) > 0 else { return max(p, q) > 0 ? .infinity : 1 }
        return max(p, q) / min(p, q)
    }
}

/// A claim id split once for sorting in natural order (the order of ``idLess``), its part before
/// "#" ranked among all such parts so that most comparisons compare integers.
struct IDKey {
    var prefix: Int
    /// The number after the last "#" (0 when `hasNumber` is false).
    let number: Int
    let hasNumber: Bool

    enum Order { case less, greater, undecided }

    /// Each key as one integer (prefix rank in the high bits, number in the low 43) whose order
    /// is ``compare(_:)``'s where it decides, when every key has a number and all fit; else nil.
    static func packed(_ keys: [IDKey]) -> [UInt64]? {
        var out: [UInt64] = []
        out.reserveCapacity(keys.count)
        for key in keys {
            guard key.hasNumber, key.prefix >= 0, key.prefix < 1 << 20, key.number >= 0, key.number < 1 << 43 else { return nil }
            out.append(UInt64(key.prefix) << 43 | UInt64(key.number))
        }
        return out
    }

    /// The order the integers decide; `undecided` when the ids themselves are to be compared
    /// (equal prefixes, and not two different numbers).
    func compare(_ y: IDKey) -> Order {
        if prefix != y.prefix { return prefix < y.prefix ? .less : .greater }
        if hasNumber, y.hasNumber, number != y.number { return number < y.number ? .less : .greater }
        return .undecided
    }

    /// The part before the last "#" and the number after it, when what follows the "#" is an
    /// integer (`Int(_:)`); else the whole id and nil. ASCII ids are split on their bytes.
    static func split(_ id: String) -> (Substring, Int?) {
        if let fast = id.utf8.withContiguousStorageIfAvailable({ splitASCII($0) }), let result = fast {
            guard let cut = result.0, let number = result.1 else { return (id[...], nil) }
            return (id[..<id.utf8.index(id.utf8.startIndex, offsetBy: cut)], number)
        }
        guard let hash = id.lastIndex(of: "#"), let n = Int(id[id.index(after: hash)...]) else { return (id[...], nil) }
        return (id[..<hash], n)
    }

    /// For an all-ASCII id: the byte offset of its last "#" and the number after it (both nil
    /// when there is no such number); nil when the id is not all ASCII or the number is not
    /// plain digits (left to the general path).
    static func splitASCII(_ b: UnsafeBufferPointer<UInt8>) -> (Int?, Int?)? {
        // All ASCII: eight bytes at a time, then the rest; then the last "#" from the end.
        guard let base = b.baseAddress, b.count > 0 else { return (nil, nil) }
        var i = 0
        while i + 8 <= b.count {
            if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return nil }
            i += 8
        }
        while i < b.count {
            if b[i] >= 0x80 { return nil }
            i += 1
        }
        var hash = b.count - 1
        while hash >= 0, b[hash] != 0x23 { hash -= 1 }
        guard hash >= 0 else { return (nil, nil) }
        let digits = b.count - hash - 1
        guard digits >= 1, digits <= 18 else { return digits == 0 ? (nil, nil) : nil }
        var n = 0
        for i in (hash + 1)..<b.count {
            let c = b[i]
            guard c >= 0x30, c <= 0x39 else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        return (hash, n)
    }
}

/// Claim ids in natural order: "a#2" before "a#10".
func idLess(_ x: String, _ y: String) -> Bool {
    func split(_ s: String) -> (String, Int?) {
        guard let hash = s.lastIndex(of: "#"), let n = Int(s[s.index(after: hash)...]) else { return (s, nil) }
        return (String(s[..<hash]), n)
    }
    let (ax, nx) = split(x), (ay, ny) = split(y)
    if ax != ay { return ax < ay }
    if let nx, let ny, nx != ny { return nx < ny }
    return x < y
}
