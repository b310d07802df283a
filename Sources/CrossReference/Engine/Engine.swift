import CrosscheckModel
import Foundation

/// A rule's verdict on one ordered pair of figures.
struct Decision: Sendable {
    let compiled: CompiledRule
    var rule: Rule { compiled.rule }
    let verdict: Verdict
    let comparison: Comparison?
    /// Figure indices, earlier first.
    let a: Int
    let b: Int
}

/// Blocks claims by fact, groups equal figures, compares groups under the rules and turns the
/// verdicts into findings.
struct Engine: Sendable {
    let rules: [CompiledRule]
    let units: UnitTable
    let sources: SourceTable
    let concepts: ConceptHierarchy
    let limits: CrossReferencer.Limits

    init(rules: [Rule], units: UnitTable, sources: SourceTable = SourceTable(), concepts: ConceptHierarchy,
         limits: CrossReferencer.Limits) {
        self.rules = rules.enumerated().map { CompiledRule($1, index: $0) }
        self.units = units
        self.sources = sources
        self.concepts = concepts
        self.limits = limits
    }

    // MARK: Figures

    func figures(_ articles: [ReportedArticle]) -> [Figure] {
        var out: [Figure] = []
        for article in articles.sorted(by: { ($0.id, $0.path ?? "") < ($1.id, $1.path ?? "") }) {
            let published = article.published.flatMap { dayNumber($0) != nil ? String($0.prefix(10)) : nil }
            for claim in article.claims {
                guard let family = Figure.family(of: claim), let concept = claim.concept, !concept.isEmpty else { continue }
                let v = claim.value
                guard v.number != nil || v.low != nil || v.high != nil else { continue }
                if let x = v.number, !x.isFinite { continue }
                let asOf = claim.asOf.flatMap { dayNumber($0) != nil ? String($0.prefix(10)) : nil }
                // A claim's own month-precision asOf ("2021-08") does not borrow the publication day.
                let day = asOf ?? (claim.asOf == nil ? published : nil)
                let place = claim.place.map { $0.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
                out.append(Figure(claim: claim, index: out.count, outlet: article.outlet ?? article.id,
                                  language: article.language, day: day, dayNumber: day.flatMap(dayNumber),
                                  concept: concept, place: place, family: family))
            }
        }
        var lineages: [String: [String]] = [:]
        var coverage: [String: [Bool]] = [:]
        for i in out.indices {
            let c = out[i].concept
            if lineages[c] == nil {
                lineages[c] = concepts.lineage(of: c)
                coverage[c] = rules.map { $0.covers(concept: c) }
            }
            out[i].lineage = lineages[c]!
            out[i].ruleConcepts = coverage[c]!
            if out[i].family == "measure", let u = out[i].unit, !units.contexts.isEmpty {
                let sentence = out[i].claim.sentence
                let after = sentence.range(of: out[i].claim.quote).map { sentence[$0.upperBound...] } ?? sentence[...]
                out[i].unit = units.unit(u, followedBy: after.prefix(60))
            }
        }
        // Windows: a running count's duration in the same sentence and concept.
        var windows: [String: Interval] = [:]
        for f in out where f.family == "duration" && f.claim.cumulative {
            guard let unit = f.unit, let k = units.factor(from: unit, to: "day") else { continue }
            windows[f.claim.article + "\u{1}" + f.claim.sentence + "\u{1}" + f.concept] = f.interval(Tolerance()).scaled(by: k)
        }
        if !windows.isEmpty {
            for f in out where f.family == "amount" {
                f.window = windows[f.claim.article + "\u{1}" + f.claim.sentence + "\u{1}" + f.concept]
            }
        }
        // Natural id order, with each id split once (sorting a million ids must not split them
        // at every comparison).
        let keys = out.map { IDKey($0.claim.id) }
        for (r, i) in out.indices.sorted(by: { keys[$0] < keys[$1] }).enumerated() { out[i].rank = r }
        lendBases(&out)
        return out
    }

    /// A share without a base borrows the base that claims about the same concept state, when
    /// most of them state one base.
    func lendBases(_ figures: inout [Figure]) {
        var stated: [String: [(Double, Int)]] = [:]
        for f in figures where f.family == "amount" {
            if let b = f.statedBase, b > 0 { stated[f.concept + "|" + (f.place ?? ""), default: []].append((b, f.index)) }
        }
        guard !stated.isEmpty else { return }
        for i in figures.indices where figures[i].isShare && figures[i].statedBase == nil {
            let f = figures[i]
            var list = stated[f.concept + "|" + (f.place ?? "")] ?? []
            if f.place != nil { list += stated[f.concept + "|"] ?? [] }
            if list.isEmpty, f.place == nil {
                list = stated.filter { $0.key.hasPrefix(f.concept + "|") }.flatMap(\.value)
            }
            guard !list.isEmpty else { continue }
            var counts: [Double: Int] = [:]
            for (b, _) in list { counts[b, default: 0] += 1 }
            guard let best = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), best.value * 2 > list.count else { continue }
            figures[i].borrowedBase = best.key
            figures[i].borrowedFrom = list.filter { $0.0 == best.key }.map(\.1).min()
        }
    }

    // MARK: Pairs

    /// Earlier day first; otherwise headline first, then claim id order.
    func ordered(_ x: Figure, _ y: Figure) -> (Figure, Figure) {
        if let dx = x.dayNumber, let dy = y.dayNumber, dx != dy { return dx < dy ? (x, y) : (y, x) }
        if x.claim.inTitle != y.claim.inTitle { return x.claim.inTitle ? (x, y) : (y, x) }
        return x.rank < y.rank ? (x, y) : (y, x)
    }

    /// Same family and one fact (equal concepts, or one broader). Different stated places are
    /// compared too, but only an agreement is reported between them (a place may name where the
    /// fact holds or the party it is about, so a difference is no proof of two facts).
    func comparable(_ x: Figure, _ y: Figure) -> Bool {
        x.family == y.family && (x.concept == y.concept || x.lineage.contains(y.concept) || y.lineage.contains(x.concept))
    }

    func matches(_ rule: CompiledRule, _ a: Figure, _ b: Figure, _ ctx: PairContext) -> Bool {
        let ap = rule.applies
        if let kinds = ap.kinds, !(kinds.contains(a.kind) && kinds.contains(b.kind)) { return false }
        guard a.ruleConcepts[rule.index], b.ruleConcepts[rule.index] else { return false }
        switch ap.scope {
        case .any: break
        case .crossArticle: if ctx.sameArticle { return false }
        case .sameArticle: if !ctx.sameArticle { return false }
        case .sameSentence: if !ctx.sameSentence { return false }
        case .parenthesis: if !ctx.parenthesis { return false }
        case .headlineBody: if !ctx.headlineBody { return false }
        }
        switch ap.time {
        case .any: break
        case .sameDay: if !ctx.sameDay { return false }
        case .differentDay: if !ctx.differentDay { return false }
        case .sameDayForRunningCounts:
            if a.claim.cumulative || b.claim.cumulative, !ctx.sameDay { return false }
        }
        if let c = ap.cumulative, (a.claim.cumulative || b.claim.cumulative) != c { return false }
        return true
    }

    /// The first rule that decides the pair, or nil when none reports anything.
    func decide(_ x: Figure, _ y: Figure, bodyAlternatives: Int = 1) -> Decision? {
        guard comparable(x, y) else { return nil }
        let (a, b) = ordered(x, y)
        return decide(ordered: a, b, bodyAlternatives: bodyAlternatives, wholes: false)
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
        if !ctx.differentDay, let wa = a.window, let wb = b.window, !wa.overlaps(wb) { return nil }
        for compiled in rules where (compiled.op == .wholeOfShare) == wholes && matches(compiled, a, b, ctx) {
            switch compiled.op.apply(a, b, rule: compiled, units: units, concepts: concepts) {
            case .pass: continue
            case .silent: return nil
            case .verdict(let v, let c):
                guard compiled.verdicts.contains(v) else { continue }
                if v == .conflict, ctx.headlineBody, !ctx.soleBodyClaim, compiled.conflictOnlyIfSole { return nil }
                if v == .conflict, let n = compiled.conflictWithinDays, let apart = ctx.daysApart, Double(apart) > n { return nil }
                if let pa = a.place, let pb = b.place, pa != pb {
                    // Different places: only a close agreement between two estimates is worth saying.
                    if v != .agree || a.isOpenEnded || b.isOpenEnded { return nil }
                }
                if let n = compiled.maxRatio, let c {
                    // Figures this far apart are more likely different parts of a story than two
                    // reports of one figure: no conflict (nor a revision) between them, and no
                    // agreement that rests only on an open bound ("at least 45" and "120,000").
                    if (v == .conflict || c.revision), Engine.gapRatio(c.a, c.b) > n { return nil }
                    if v == .agree, a.isOpenEnded || b.isOpenEnded, Engine.anchorRatio(c.a, c.b) > n { return nil }
                }
                if v == .conflict, a.concept != b.concept, a.kind != .ordinal, b.kind != .ordinal {
                    // A count of a narrower thing conflicts with a broader one only by exceeding it.
                    guard let c else { return nil }
                    let narrowAbove = a.lineage.dropFirst().contains(b.concept) ? c.a.isAbove(c.b) : c.b.isAbove(c.a)
                    if !narrowAbove { return nil }
                }
                return Decision(compiled: compiled, verdict: v, comparison: c, a: a.index, b: b.index)
            }
        }
        return nil
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

    // MARK: Findings

    func findings(_ articles: [ReportedArticle]) -> [Finding] {
        let figs = figures(articles)
        var bodyNumbers: [String: Set<Double>] = [:]
        for a in articles {
            for c in a.claims where !c.inTitle { if let n = c.value.number { bodyNumbers[c.article, default: []].insert(n) } }
        }
        var blocks: [String: [Int]] = [:]
        for f in figs { blocks[(f.lineage.last ?? f.concept) + "\u{1}" + f.family, default: []].append(f.index) }
        var out: [Finding] = []
        for key in blocks.keys.sorted() {
            let members = blocks[key]!
            var clusterOf: [Int: Int] = [:]
            out += crossArticle(members, figs, clusterOf: &clusterOf)
            out += sameArticle(members, figs, clusterOf: clusterOf, bodyNumbers: bodyNumbers)
        }
        if rules.contains(where: { $0.op == .wholeOfShare }) { out += wholes(figs) }
        return Engine.sortAndNumber(out, concepts: Dictionary(figs.map { ($0.claim.id, $0.concept) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Counts of a whole ("34 provinces") against the bases of shares ("12 of the 34 provincial
    /// capitals"): one finding per whole figure and base, naming the agreeing counts and one
    /// claim per distinct share figure (capped).
    func wholes(_ figs: [Figure]) -> [Finding] {
        var wholeCounts: [String: [Int]] = [:]
        for f in figs where f.family == "amount" && f.kind == .count && f.statedBase == nil && !f.concept.contains("/") {
            wholeCounts[f.concept, default: []].append(f.index)
        }
        guard !wholeCounts.isEmpty else { return [] }
        // Claims with a base, one per distinct figure.
        var seen = Set<String>()
        var shares: [Int] = []
        for f in figs where f.family == "amount" && f.statedBase != nil && f.concept.contains("/") {
            if seen.insert(f.signature).inserted { shares.append(f.index) }
        }
        var out: [Finding] = []
        var perWhole: [String: Int] = [:]
        for y in shares {
            for w in concepts.wholes(of: figs[y].concept) {
                guard let candidates = wholeCounts[w] else { continue }
                var agreeing: [Int] = []
                var decision: Decision?
                for x in candidates.prefix(limits.maxPairFindingsPerBlock * 4) {
                    guard let d = decideWhole(figs[x], figs[y]), d.verdict == .agree else { continue }
                    if decision == nil { decision = d }
                    agreeing.append(x)
                }
                guard let decision, perWhole[w, default: 0] < limits.maxPairFindingsPerBlock else { continue }
                perWhole[w, default: 0] += 1
                out.append(finding(decision, figs, claims: agreeing.prefix(limits.maxPairFindingsPerBlock) + [y]))
            }
        }
        return out
    }

    /// Pairs inside one article: headline and body, a figure and its parenthesis, restatements.
    func sameArticle(_ members: [Int], _ figs: [Figure], clusterOf: [Int: Int],
                     bodyNumbers: [String: Set<Double>]) -> [Finding] {
        var byArticle: [String: [Int]] = [:]
        for i in members { byArticle[figs[i].claim.article, default: []].append(i) }
        var out: [Finding] = []
        for article in byArticle.keys.sorted() {
            let list = byArticle[article]!
            guard list.count >= 2 else { continue }
            let crowded = list.count > limits.maxClaimsPerArticleBlock
            for p in 0..<list.count {
                for q in (p + 1)..<list.count {
                    let x = figs[list[p]], y = figs[list[q]]
                    if crowded, x.claim.sentence != y.claim.sentence, x.claim.inTitle == y.claim.inTitle { continue }
                    var alternatives = 1
                    if x.claim.inTitle != y.claim.inTitle {
                        let head = x.claim.inTitle ? x : y
                        alternatives = list.filter { !figs[$0].claim.inTitle && comparable(figs[$0], head) }.count
                        // The body restates the headline's figure (under whatever concept): the
                        // headline is about that one, not about this body figure.
                        if let n = head.claim.value.number, bodyNumbers[article]?.contains(n) == true { alternatives += 1 }
                    }
                    guard let d = decide(x, y, bodyAlternatives: alternatives) else { continue }
                    if d.verdict == .agree, let cx = clusterOf[x.index], cx == clusterOf[y.index] { continue }
                    out.append(finding(d, figs, claims: [d.a, d.b]))
                }
            }
        }
        return out
    }

    /// Pairs across articles: equal figures grouped, groups compared through representatives,
    /// agreeing groups merged into one finding.
    func crossArticle(_ members: [Int], _ figs: [Figure], clusterOf: inout [Int: Int]) -> [Finding] {
        let sorted = members.sorted { i, j in
            let x = figs[i], y = figs[j]
            let dx = x.dayNumber ?? Int.max, dy = y.dayNumber ?? Int.max
            if dx != dy { return dx < dy }
            if x.sortValue != y.sortValue { return x.sortValue < y.sortValue }
            // A group's representative is a body claim when it has one: the body states the
            // figure in full, a headline only sums it up.
            if x.claim.inTitle != y.claim.inTitle { return !x.claim.inTitle }
            return x.rank < y.rank
        }
        var groupIndex: [String: Int] = [:]
        var groups: [[Int]] = []
        for i in sorted {
            let s = figs[i].signature
            if let g = groupIndex[s] { groups[g].append(i) } else { groupIndex[s] = groups.count; groups.append([i]) }
        }
        // A group's own members agree when its representative agrees with a member from another article.
        var internalDecision: [Decision?] = Array(repeating: nil, count: groups.count)
        for g in groups.indices where groups[g].count > 1 {
            let rep = figs[groups[g][0]]
            guard let other = groups[g].first(where: { figs[$0].claim.article != rep.claim.article }) else { continue }
            if let d = decide(rep, figs[other]), d.verdict == .agree { internalDecision[g] = d } else {
                groups[g] = groups[g].filter { figs[$0].claim.article == rep.claim.article }
            }
        }
        let k = groups.count
        var decisions: [Int: Decision] = [:]   // key i * k + j, i < j
        /// One member of each group, from different articles when possible.
        func representatives(_ i: Int, _ j: Int) -> (Figure, Figure) {
            for x in groups[i].prefix(4) {
                if let y = groups[j].first(where: { figs[$0].claim.article != figs[x].claim.article }) {
                    return (figs[x], figs[y])
                }
            }
            return (figs[groups[i][0]], figs[groups[j][0]])
        }
        /// Decides one pair of groups and keeps the decision.
        func compare(_ i: Int, _ j: Int) {
            let key = i * k + j
            guard decisions[key] == nil else { return }
            let (x, y) = representatives(i, j)
            let sameArticle = x.claim.article == y.claim.article
            var alternatives = 1
            if sameArticle, x.claim.inTitle != y.claim.inTitle {
                alternatives = 2  // only agreements are taken from one article here
            }
            guard let d = decide(x, y, bodyAlternatives: alternatives) else { return }
            // Within one article only an agreement helps grouping; the rest is sameArticle's.
            if sameArticle && d.verdict != .agree { return }
            decisions[key] = d
        }
        if k <= limits.fullPairwiseGroups {
            for i in 0..<k { for j in (i + 1)..<k { compare(i, j) } }
        } else {
            // Groups are in (day, value) order. Each is compared with its next neighbours (close
            // figures of its day, where agreements and same-day conflicts are), and with the
            // figures nearest in value on the next day it has (where a running count grows or a
            // standing figure moves): a bounded number of comparisons per group.
            let window = max(1, limits.neighbourGroups)
            for i in 0..<k { for j in (i + 1)..<min(k, i + 1 + window) { compare(i, j) } }
            var dayStarts: [Int] = []
            for g in 0..<k where g == 0 || figs[groups[g][0]].dayNumber != figs[groups[g - 1][0]].dayNumber { dayStarts.append(g) }
            dayStarts.append(k)
            if dayStarts.count > 2 {
                for d in 0..<(dayStarts.count - 2) {
                    let next = dayStarts[d + 1]..<dayStarts[d + 2]
                    for i in dayStarts[d]..<dayStarts[d + 1] {
                        let v = figs[groups[i][0]].sortValue
                        // First group of the next day whose value is not below v.
                        var lo = next.lowerBound, hi = next.upperBound
                        while lo < hi {
                            let mid = (lo + hi) / 2
                            if figs[groups[mid][0]].sortValue < v { lo = mid + 1 } else { hi = mid }
                        }
                        for j in max(next.lowerBound, lo - limits.neighbourDayGroups)..<min(next.upperBound, lo + limits.neighbourDayGroups) {
                            compare(i, j)
                        }
                    }
                }
            }
        }
        func agrees(_ i: Int, _ j: Int) -> Bool {
            let key = i < j ? i * k + j : j * k + i
            return decisions[key]?.verdict == .agree
        }
        var agreeing: [Int: [Int]] = [:]
        for (key, d) in decisions where d.verdict == .agree {
            agreeing[key / k, default: []].append(key % k)
            agreeing[key % k, default: []].append(key / k)
        }
        // Merge groups that all agree pairwise (greedy, largest groups first). A group can only
        // join a cluster holding a group it agrees with, so only those clusters are tried.
        let order = (0..<k).sorted { (groups[$0].count, -$0) > (groups[$1].count, -$1) }
        var clusters: [[Int]] = []
        var clusterOfGroup = Array(repeating: -1, count: k)
        for g in order {
            var placed = false
            let candidates = Set((agreeing[g] ?? []).map { clusterOfGroup[$0] }.filter { $0 >= 0 }).sorted()
            for c in candidates.prefix(limits.clusterTries) where clusters[c].allSatisfy({ agrees($0, g) }) {
                clusters[c].append(g)
                clusterOfGroup[g] = c
                placed = true
                break
            }
            if !placed { clusterOfGroup[g] = clusters.count; clusters.append([g]) }
        }
        var out: [Finding] = []
        for (c, cluster) in clusters.enumerated() {
            let groupsInOrder = cluster.sorted()
            let claims = groupsInOrder.flatMap { groups[$0] }
            guard claims.count >= 2 else { continue }
            var decision: Decision?
            if groupsInOrder.count >= 2 {
                let (i, j) = (groupsInOrder[0], groupsInOrder[1])
                decision = decisions[min(i, j) * k + max(i, j)]
            } else {
                decision = internalDecision[groupsInOrder[0]]
            }
            guard let decision else { continue }
            for i in claims { clusterOf[i] = c }
            out.append(finding(decision, figs, claims: claims))
        }
        // Pairs of groups in different clusters, one finding per pair, capped per verdict.
        // Sorted as plain integers (support, key): decisions are looked up only for those kept.
        var candidates: [Verdict: [(support: Int, key: Int)]] = [:]
        for (key, d) in decisions {
            let i = key / k, j = key % k
            if clusterOfGroup[i] == clusterOfGroup[j] { continue }
            if figs[d.a].claim.article == figs[d.b].claim.article { continue }  // sameArticle reports it
            candidates[d.verdict, default: []].append((groups[i].count + groups[j].count, key))
        }
        for v in Verdict.allCases {
            let list = (candidates[v] ?? []).sorted { ($0.support, -$0.key) > ($1.support, -$1.key) }
            for item in list.prefix(limits.maxPairFindingsPerBlock) {
                let i = item.key / k, j = item.key % k
                guard let decision = decisions[item.key] else { continue }
                out.append(finding(decision, figs, claims: [decision.a, decision.b],
                                   groupSizes: (groupFor(decision.a, i, j, groups), groupFor(decision.b, i, j, groups)),
                                   groups: groups))
            }
        }
        return out
    }

    private func groupFor(_ figure: Int, _ i: Int, _ j: Int, _ groups: [[Int]]) -> Int {
        groups[i].contains(figure) ? i : j
    }

    // MARK: Explanations

    func values(_ d: Decision, _ figs: [Figure]) -> [String: String] {
        let a = figs[d.a], b = figs[d.b]
        var v: [String: String] = [:]
        for (p, f) in [("a", a), ("b", b)] {
            let c = f.claim
            v["\(p).outlet"] = f.outlet
            v["\(p).quote"] = c.quote
            v["\(p).figure"] = FigureText.figure(c)
            v["\(p).asOf"] = f.day ?? "an unknown date"
            v["\(p).cited"] = c.cited ?? "no one"
            v["\(p).agency"] = c.agency ?? "no agency"
            v["\(p).source"] = c.cited ?? c.agency ?? f.outlet
            v["\(p).language"] = f.language
            v["\(p).article"] = c.article
            v["\(p).subject"] = c.subject ?? readable(f.concept)
            v["\(p).concept"] = f.concept
            v["\(p).place"] = c.place ?? "unspecified place"
            v["\(p).sentence"] = c.sentence
        }
        v["a.when"] = a.day.map { "on \($0)" } ?? "(undated)"
        if let da = a.day, da == b.day { v["b.when"] = "on the same day" } else { v["b.when"] = b.day.map { "on \($0)" } ?? "(undated)" }
        v["base"] = d.comparison?.base.map(FigureText.number) ?? ""
        let x = a.claim.value.number ?? 0, y = b.claim.value.number ?? 0
        let ratio = x > 0 && y > 0 ? max(x, y) / min(x, y) : 0
        v["factor"] = abs(ratio - 1000) < 1e-6 ? "a thousand" : abs(ratio - 1_000_000) < 1e-3 ? "a million" : FigureText.number(ratio)
        if let da = a.dayNumber, let db = b.dayNumber {
            let n = abs(db - da)
            v["days"] = n == 1 ? "1 day" : "\(n) days"
        } else { v["days"] = "some days" }
        let broad = a.lineage.contains(b.concept) ? b.concept : a.concept
        v["concept"] = broad
        v["subject"] = a.claim.subject ?? b.claim.subject ?? readable(broad)
        v["unit"] = d.comparison?.unit ?? b.claim.unit ?? ""
        return v
    }

    func readable(_ concept: String) -> String {
        concept.replacingOccurrences(of: "/", with: " ").replacingOccurrences(of: "-", with: " ")
    }

    func finding(_ d: Decision, _ figs: [Figure], claims: [Int], groupSizes: (Int, Int)? = nil,
                 groups: [[Int]] = []) -> Finding {
        let a = figs[d.a], b = figs[d.b]
        let isRevision = d.comparison?.revision == true
        var template = d.rule.messages[d.verdict] ?? d.rule.summary
        if isRevision, let revised = d.rule.revisedMessage { template = revised }
        var text = MessageTemplate.render(template, values: values(d, figs))
        if isRevision, d.rule.revisedMessage == nil {
            text += " \(b.outlet) says the later figure is a revision."
        }
        if let from = d.comparison?.baseBorrowedFrom, let base = d.comparison?.base {
            let src = figs[from]
            text += " The base \(FigureText.number(base)) is borrowed from \(src.outlet)'s '\(src.claim.quote)' about the same fact."
        }
        let members = claims.map { figs[$0] }
        if claims.count > 2 {
            let outlets = Set(members.map(\.outlet)).count
            text += " In all \(claims.count) claims from \(outlets) outlet\(outlets == 1 ? "" : "s") give a compatible figure."
        }
        if let (gi, gj) = groupSizes, groups[gi].count > 1 || groups[gj].count > 1 {
            func share(_ g: Int) -> String {
                let outlets = Set(groups[g].map { figs[$0].outlet }).count
                return "\(groups[g].count) claim\(groups[g].count == 1 ? "" : "s") from \(outlets) outlet\(outlets == 1 ? "" : "s")"
            }
            text += " '\(FigureText.figure(a.claim))' is given by \(share(gi)); '\(FigureText.figure(b.claim))' by \(share(gj))."
        }
        text += sharedSourceNote(members)
        return Finding(rule: d.rule.id, verdict: d.verdict, claims: claims.map { figs[$0].claim.id }, explanation: text)
    }

    /// "Both come from AFP: one source, not two." when claims share an agency or a cited source
    /// (under any of its names in `sources.tsv`: "UN", "ONU" and "Vereinte Nationen" are one).
    func sharedSourceNote(_ members: [Figure]) -> String {
        var bySource: [String: (name: String, spellings: Set<String>, count: Int)] = [:]
        for f in members {
            var keys = Set<String>()
            for s in [f.claim.agency, f.claim.cited].compactMap({ $0 }) where !s.isEmpty {
                let key = sources.key(s)
                let shown = sources.displayName(s) ?? s
                bySource[key, default: (shown, [], 0)].spellings.insert(s)
                if keys.insert(key).inserted { bySource[key]!.count += 1 }
            }
        }
        guard let top = bySource.values.filter({ $0.count >= 2 }).max(by: { ($0.count, $1.name) < ($1.count, $0.name) }) else { return "" }
        var name = top.name
        var shownKeys: Set<String> = [SourceTable.normalise(top.name)]
        let others = top.spellings.sorted().filter { shownKeys.insert(SourceTable.normalise($0)).inserted }
        if !others.isEmpty { name += " (\(others.joined(separator: ", ")))" }
        if members.count == 2 { return " Both come from \(name): one source, not two." }
        return " \(top.count) of them come from \(name): one source, not \(top.count) independent ones."
    }

    static func sortAndNumber(_ findings: [Finding], concepts: [String: String]) -> [Finding] {
        func rank(_ v: Verdict) -> Int { v == .conflict ? 0 : v == .consistent ? 1 : 2 }
        // Keys computed once per finding (ids split once), then the indices sorted.
        let verdicts = findings.map { rank($0.verdict) }
        let conceptKeys = findings.map { concepts[$0.claims.first ?? ""] ?? "" }
        let ids = findings.map { $0.claims.map(IDKey.init) }
        let order = findings.indices.sorted { i, j in
            if verdicts[i] != verdicts[j] { return verdicts[i] < verdicts[j] }
            if conceptKeys[i] != conceptKeys[j] { return conceptKeys[i] < conceptKeys[j] }
            for (p, q) in zip(ids[i], ids[j]) where p.id != q.id { return p < q }
            if ids[i].count != ids[j].count { return ids[i].count < ids[j].count }
            return findings[i].rule < findings[j].rule
        }
        return order.enumerated().map { n, i in
            var f = findings[i]
            f.id = "F\(n + 1)"
            return f
        }
    }
}

/// A claim id split once for sorting in natural order (the order of ``idLess``).
struct IDKey: Comparable {
    let prefix: Substring
    let number: Int?
    let id: String

    init(_ id: String) {
        self.id = id
        if let hash = id.lastIndex(of: "#"), let n = Int(id[id.index(after: hash)...]) {
            prefix = id[..<hash]
            number = n
        } else {
            prefix = id[...]
            number = nil
        }
    }

    static func < (x: IDKey, y: IDKey) -> Bool {
        if x.prefix != y.prefix { return x.prefix < y.prefix }
        if let nx = x.number, let ny = y.number, nx != ny { return nx < ny }
        return x.id < y.id
    }

    static func == (x: IDKey, y: IDKey) -> Bool { x.id == y.id }
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
