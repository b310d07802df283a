import CrosscheckModel
import Foundation

/// A finding decided but not yet written: its explanation is rendered only once the findings are
/// sorted, for those that are kept, on several threads.
struct PendingFinding: Sendable {
    let decision: Decision
    /// Figure indices.
    let claims: [Int]
    /// For a pair of groups of equal figures: each group's size and number of outlets, when
    /// either group holds more than one claim.
    var shares: (first: GroupShare, second: GroupShare)?
}

/// A finding's place in the order of ``Engine/sortAndRender(_:_:)``, its leading fields packed:
/// `high` holds the verdict's rank (top bits) and the rank of the first claim's concept, `low`
/// the first claim's id class (high half) and the second's plus one (0 for none).
struct FindingOrderKey: Sendable {
    let high: UInt64
    let low: UInt64
    /// Position in the pending list.
    let position: Int32
}

/// How many claims from how many outlets give one figure.
struct GroupShare: Sendable {
    let claims: Int
    let outlets: Int
}

/// How much pair work a run did: grows with the number of claims when nothing is quadratic.
struct EngineStatistics: Sendable, Equatable {
    /// Pairs of figures or groups a rule was asked about (``Engine/decide(_:_:bodyAlternatives:)``).
    var decisions = 0
    /// Pairs of figures looked at in any way (asked about, skipped, or counted as an alternative).
    var pairs = 0

    static func += (x: inout EngineStatistics, y: EngineStatistics) {
        x.decisions += y.decisions
        x.pairs += y.pairs
    }
}


extension Engine {
    // MARK: Findings

    func findings(_ articles: [ReportedArticle]) -> [Finding] { run(articles).findings }

    /// The findings of a batch and how much pair work they took.
    func run(_ articles: [ReportedArticle]) -> (findings: [Finding], statistics: EngineStatistics) {
        let prepared = prepare(articles)
        let figs = prepared.figures
        // Facts: figures blocked by their broadest concept and family, in the order of the key text.
        var blockOfKey = IntMap(capacity: 64)
        var blocks: [[Int]] = []
        var blockKeys: [String] = []
        let families = prepared.families.strings.count
        for f in figs {
            let root = f.lineageIDs.last ?? f.conceptID
            let key = root * families + f.familyID
            if let b = blockOfKey.get(key) { blocks[Int(b)].append(f.index) } else {
                blockOfKey.set(key, Int32(blocks.count))
                blocks.append([f.index])
                blockKeys.append(prepared.concepts.strings[root] + "\u{1}" + f.family)
            }
        }
        let blockOrder = blocks.indices.sorted { blockKeys[$0] < blockKeys[$1] }
        let facts = blockOrder.map { blocks[$0] }
        blocks = []
        let bodyNumbers = self.bodyNumbers(articles, prepared)
        let articleRanks = prepared.articles.ranks()
        let kernel = PairKernel(figs, engine: self)
        // Facts are independent: compared on all cores, largest first, results kept in key order.
        let schedule = facts.indices.sorted { (facts[$0].count, -$0) > (facts[$1].count, -$1) }
        let results = IndexedSlots<([PendingFinding], EngineStatistics)>(count: facts.count)
        DispatchQueue.concurrentPerform(iterations: schedule.count) { n in
            let position = schedule[n]
            let members = facts[position]
            var stats = EngineStatistics()
            var clusterOf = [Int32](repeating: -1, count: members.count)
            var out = crossArticle(members, figs, clusterOf: &clusterOf, statistics: &stats, kernel: kernel)
            out += sameArticle(members, figs, clusterOf: clusterOf, bodyNumbers: bodyNumbers, articleRanks: articleRanks,
                               statistics: &stats, kernel: kernel)
            results.set(position, (out, stats))
        }
        var pending: [PendingFinding] = []
        var statistics = EngineStatistics()
        for (list, stats) in results.values() {
            pending += list
            statistics += stats
        }
        if rules.contains(where: { $0.op == .wholeOfShare }) { pending += wholes(figs, &statistics) }
        return (sortAndRender(pending, prepared), statistics)
    }

    /// Per article with a headline figure: the numbers its body claims state (any concept).
    /// Kept as lists (asked once per headline figure, with `contains`: the same answer as a set's).
    func bodyNumbers(_ articles: [ReportedArticle], _ prepared: Prepared) -> [Int: [Double]] {
        var headed = [Bool](repeating: false, count: prepared.articles.strings.count)
        var anyHeaded = false
        for f in prepared.figures where f.inTitle {
            headed[f.articleID] = true
            anyHeaded = true
        }
        guard anyHeaded else { return [:] }
        var out: [Int: [Double]] = [:]
        // The numbers of one article id in a row, handed over when the id changes.
        var run: [Double] = []
        var last = "", lastID: Int? = nil, looked = false
        func flush() {
            if let id = lastID, !run.isEmpty { out[id, default: []] += run }
            run.removeAll(keepingCapacity: true)
        }
        for a in articles {
            let claims = a.claims
            for i in claims.indices where !claims[i].inTitle {
                guard let n = claims[i].value.number else { continue }
                if !looked || claims[i].article != last {
                    flush()
                    last = claims[i].article
                    lastID = prepared.articles.ids[last]
                    if let id = lastID, !headed[id] { lastID = nil }
                    looked = true
                }
                if lastID != nil { run.append(n) }
            }
        }
        flush()
        return out
    }

    /// Counts of a whole ("34 provinces") against the bases of shares ("12 of the 34 provincial
    /// capitals"): one finding per whole figure and base, naming the agreeing counts and one
    /// claim per distinct share figure (capped).
    func wholes(_ figs: [Figure], _ stats: inout EngineStatistics) -> [PendingFinding] {
        // Whether a concept is a <thing>/<event> key, once per concept.
        var eventKeys: [Int: Bool] = [:]
        func isEvent(_ f: Figure) -> Bool {
            if let b = eventKeys[f.conceptID] { return b }
            let b = f.concept.contains("/")
            eventKeys[f.conceptID] = b
            return b
        }
        var wholeCounts: [String: [Int]] = [:]
        for f in figs where f.familyCode == .amount && f.kind == .count && f.statedBase == nil && !isEvent(f) {
            wholeCounts[f.concept, default: []].append(f.index)
        }
        guard !wholeCounts.isEmpty else { return [] }
        // Claims with a base, one per distinct figure.
        let withBase = figs.filter { $0.familyCode == .amount && $0.statedBase != nil && isEvent($0) }
        var shares: [Int] = []
        if withBase.contains(where: { $0.needsText }) {
            var seen = Set<String>()
            for f in withBase where seen.insert(f.signature).inserted { shares.append(f.index) }
        } else {
            var seen = Set<SignatureKey>()
            for f in withBase where seen.insert(f.signatureKey).inserted { shares.append(f.index) }
        }
        var out: [PendingFinding] = []
        var perWhole: [String: Int] = [:]
        var wholesOf: [Int: [String]] = [:]
        for y in shares {
            let concept = figs[y].conceptID
            if wholesOf[concept] == nil { wholesOf[concept] = concepts.wholes(of: figs[y].concept) }
            for w in wholesOf[concept]! {
                // A whole that has its findings asks no more.
                guard let candidates = wholeCounts[w], perWhole[w, default: 0] < limits.maxPairFindingsPerBlock else { continue }
                var agreeing: [Int] = []
                var decision: Decision?
                for x in candidates.prefix(limits.maxPairFindingsPerBlock * 4) {
                    stats.decisions += 1
                    stats.pairs += 1
                    guard let d = decideWhole(figs[x], figs[y]), d.verdict == .agree else { continue }
                    if decision == nil { decision = d }
                    agreeing.append(x)
                }
                guard let decision else { continue }
                perWhole[w, default: 0] += 1
                out.append(PendingFinding(decision: decision, claims: agreeing.prefix(limits.maxPairFindingsPerBlock) + [y]))
            }
        }
        return out
    }

    /// Pairs inside one article: headline and body, a figure and its parenthesis, restatements.
    /// `clusterOf` is by position in `members`.
    func sameArticle(_ members: [Int], _ figs: [Figure], clusterOf: [Int32], bodyNumbers: [Int: [Double]],
                     articleRanks: [Int], statistics stats: inout EngineStatistics,
                     kernel: PairKernel? = nil) -> [PendingFinding] {
        // Positions by article (in article id order), each article's in member order.
        let count = members.count
        var byArticle = [Int](repeating: 0, count: count)
        for p in 0..<count { byArticle[p] = articleRanks[figs[members[p]].articleID] * count + p }
        // Article rank and position in one integer: sorted as plain integers.
        byArticle.sort()
        var articleOf = [Int](repeating: 0, count: count)
        for n in 0..<count {
            let p = byArticle[n] % count
            byArticle[n] = p
            articleOf[n] = figs[members[p]].articleID
        }
        var out: [PendingFinding] = []
        // One article's figures (indices), whether each is in the headline, and per headline
        // figure how many body figures it could be about (-1: not worked out yet): scratch lists
        // reused from article to article.
        var fi: [Int] = [], title: [Bool] = [], alternatives: [Int] = []
        var start = 0
        while start < count {
            let article = articleOf[start]
            var end = start + 1
            while end < count, articleOf[end] == article { end += 1 }
            defer { start = end }
            guard end - start >= 2 else { continue }
            fi.removeAll(keepingCapacity: true)
            title.removeAll(keepingCapacity: true)
            alternatives.removeAll(keepingCapacity: true)
            for n in start..<end {
                let x = members[byArticle[n]]
                fi.append(x)
                title.append(kernel?.inTitle(x) ?? figs[x].inTitle)
                alternatives.append(-1)
            }
            let size = fi.count
            // Per headline figure, once: how many body figures it could be about.
            func alternativesFor(_ head: Int) -> Int {
                if alternatives[head] >= 0 { return alternatives[head] }
                stats.pairs += size
                let h = figs[fi[head]]
                var n = 0
                for q in 0..<size where !title[q] && comparable(figs[fi[q]], h) { n += 1 }
                // The body restates the headline's figure (under whatever concept): the
                // headline is about that one, not about this body figure.
                if let x = h.claim.value.number, bodyNumbers[article]?.contains(x) == true { n += 1 }
                alternatives[head] = n
                return n
            }
            func visit(_ p: Int, _ q: Int) {
                stats.pairs += 1
                var alternatives = 1
                if title[p] != title[q] { alternatives = alternativesFor(title[p] ? p : q) }
                stats.decisions += 1
                let decided: Decision?
                if let kernel { decided = kernel.decide(fi[p], fi[q], bodyAlternatives: alternatives) } else {
                    decided = decide(figs[fi[p]], figs[fi[q]], bodyAlternatives: alternatives)
                }
                guard let d = decided else { return }
                if d.verdict == .agree {
                    let cp = clusterOf[byArticle[start + p]]
                    if cp >= 0, cp == clusterOf[byArticle[start + q]] { return }
                }
                out.append(PendingFinding(decision: d, claims: [d.a, d.b]))
            }
            if size <= limits.maxClaimsPerArticleBlock {
                for p in 0..<size { for q in (p + 1)..<size { visit(p, q) } }
                continue
            }
            // A crowded article: only pairs in one sentence, and headline against body. Each
            // figure meets the later figures of its sentence and of the other side, in order.
            var bySentence: [String: [Int]] = [:]
            for p in 0..<size { bySentence[figs[fi[p]].claim.sentence, default: []].append(p) }
            let heads = (0..<size).filter { title[$0] }, bodies = (0..<size).filter { !title[$0] }
            for p in 0..<size {
                let same = bySentence[figs[fi[p]].claim.sentence]!
                let other = title[p] ? bodies : heads
                var i = firstAbove(p, same), j = firstAbove(p, other)
                while i < same.count || j < other.count {
                    let q: Int
                    if j >= other.count || (i < same.count && same[i] < other[j]) {
                        q = same[i]; i += 1
                    } else if i >= same.count || other[j] < same[i] {
                        q = other[j]; j += 1
                    } else {
                        q = same[i]; i += 1; j += 1
                    }
                    visit(p, q)
                }
            }
        }
        return out
    }

    /// The first position in an ascending list whose value is above `p`.
    private func firstAbove(_ p: Int, _ list: [Int]) -> Int {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid] <= p { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Pairs across articles: equal figures grouped, groups compared through representatives,
    /// agreeing groups merged into one finding. `clusterOf` is by position in `members`.
    func crossArticle(_ members: [Int], _ figs: [Figure], clusterOf: inout [Int32],
                      statistics stats: inout EngineStatistics, kernel: PairKernel? = nil) -> [PendingFinding] {
        let mf = members.map { figs[$0] }
        let value = mf.map { $0.sortValue }
        let article = mf.map { $0.articleID }
        /// What the members are sorted by, as plain values.
        struct Key {
            let day: Int
            let value: Double
            let title: Bool
            let rank: Int
            let position: Int
        }
        var keys = mf.indices.map { p in
            Key(day: mf[p].dayNumber ?? Int.max, value: value[p], title: mf[p].inTitle, rank: mf[p].rank, position: p)
        }
        keys.sort { x, y in
            if x.day != y.day { return x.day < y.day }
            if x.value != y.value { return x.value < y.value }
            // A group's representative is a body claim when it has one: the body states the
            // figure in full, a headline only sums it up.
            if x.title != y.title { return !x.title }
            return x.rank < y.rank
        }
        let sorted = keys.map { $0.position }
        keys = []
        // Equal figures grouped (positions, in sorted order).
        var groups: [[Int]] = []
        if mf.contains(where: { $0.needsText }) {
            var groupIndex: [String: Int] = [:]
            for p in sorted {
                let s = mf[p].signature
                if let g = groupIndex[s] { groups[g].append(p) } else { groupIndex[s] = groups.count; groups.append([p]) }
            }
        } else if value.contains(where: { $0.isNaN }) {
            let signature = mf.map(\.signatureKey)
            var groupIndex: [SignatureKey: Int] = [:]
            groupIndex.reserveCapacity(sorted.count)
            for p in sorted {
                let s = signature[p]
                if let g = groupIndex[s] { groups[g].append(p) } else { groupIndex[s] = groups.count; groups.append([p]) }
            }
        } else {
            // Equal signatures have equal days and values: they lie in one run of equal (day,
            // value) in the sorted order, where they are found by comparing keys (a dictionary
            // takes over in a run with many different figures). Groups come in order of first
            // member, as with one dictionary over all.
            // The keys are made in member order (the figures' and their claims' order in memory),
            // not in sorted order, which read the claims at random.
            let signature = mf.map(\.signatureKey)
            var start = 0
            var local: [(SignatureKey, Int)] = []
            var runIndex: [SignatureKey: Int] = [:]
            while start < sorted.count {
                let p0 = sorted[start]
                let day = mf[p0].dayNumber, v = value[p0]
                var end = start + 1
                while end < sorted.count, mf[sorted[end]].dayNumber == day, value[sorted[end]] == v { end += 1 }
                local.removeAll(keepingCapacity: true)
                runIndex.removeAll(keepingCapacity: true)
                for n in start..<end {
                    let p = sorted[n]
                    let s = signature[p]
                    var found = -1
                    if local.count <= 16 {
                        for (key, g) in local where key == s { found = g; break }
                    } else if let g = runIndex[s] { found = g }
                    if found >= 0 { groups[found].append(p); continue }
                    local.append((s, groups.count))
                    if local.count == 17 { for (key, g) in local { runIndex[key] = g } } else if local.count > 17 { runIndex[s] = groups.count }
                    groups.append([p])
                }
                start = end
            }
        }
        // A group's own members agree when its representative agrees with a member from another article.
        var internalDecision: [Decision?] = Array(repeating: nil, count: groups.count)
        for g in groups.indices where groups[g].count > 1 {
            let rep = groups[g][0]
            guard let other = groups[g].first(where: { article[$0] != article[rep] }) else { continue }
            stats.decisions += 1
            stats.pairs += 1
            let d: Decision?
            if let kernel { d = kernel.decide(mf[rep].index, mf[other].index) } else { d = decide(mf[rep], mf[other]) }
            if let d, d.verdict == .agree { internalDecision[g] = d } else {
                groups[g] = groups[g].filter { article[$0] == article[rep] }
            }
        }
        let k = groups.count
        var table = GroupPairs(engine: self, members: mf, groups: groups, article: article,
                               full: k <= limits.fullPairwiseGroups, kernel: kernel)
        // The pairs of groups to compare, in the order they are asked about: decided together (on
        // several threads when they are many), kept in that order.
        if table.full {
            // Every pair once, in order (i, j), i < j: no key is asked twice.
            table.compareAllPairs()
        } else {
            // Groups are in (day, value) order. Each is compared with its next neighbours (close
            // figures of its day, where agreements and same-day conflicts are), and with the
            // figures nearest in value on the next day it has (where a running count grows or a
            // standing figure moves): a bounded number of comparisons per group (``PairPlan``).
            var dayStarts: [Int] = []
            for g in 0..<k where g == 0 || mf[groups[g][0]].dayNumber != mf[groups[g - 1][0]].dayNumber { dayStarts.append(g) }
            dayStarts.append(k)
            let plan = PairPlan(k: k, window: limits.neighbourGroups, dayStarts: dayStarts,
                                dayGroups: limits.neighbourDayGroups) { value[groups[$0][0]] }
            table.compare(plan)
        }
        stats += table.stats
        let decided = table.decided, records = table.records
        // Read through a plain copy of the look-up (not the table: a method of the table, called
        // from a local function, copied the whole table at each call).
        let lookup = table.lookup
        func agrees(_ i: Int, _ j: Int) -> Bool {
            guard let n = i < j ? lookup.index(i, j) : lookup.index(j, i) else { return false }
            return records[n].verdict == .agree
        }
        // The groups each group agrees with, flat (CSR): group g's are
        // `agreeing[agreeStart[g] ..< agreeStart[g + 1]]`, in the order of the records.
        var agreeStart = [Int](repeating: 0, count: k + 1)
        for n in records.indices where records[n].verdict == .agree {
            let key = records[n].key
            let i = Int(records[n].first)
            agreeStart[i + 1] += 1
            agreeStart[key - i * k + 1] += 1
        }
        for g in 0..<k { agreeStart[g + 1] += agreeStart[g] }
        var agreeing = [Int](repeating: 0, count: agreeStart[k])
        do {
            var fill = agreeStart
            for n in records.indices where records[n].verdict == .agree {
                let key = records[n].key
                let i = Int(records[n].first), j = key - i * k
                agreeing[fill[i]] = j; fill[i] += 1
                agreeing[fill[j]] = i; fill[j] += 1
            }
        }
        // Merge groups that all agree pairwise (greedy, largest groups first). A group can only
        // join a cluster holding a group it agrees with, so only those clusters are tried.
        // A cluster's groups are a linked list in the order they joined (`clusterFirst`,
        // `nextInCluster`, `clusterLast`).
        let groupSize = groups.map { $0.count }
        let order = (0..<k).sorted { x, y in groupSize[x] != groupSize[y] ? groupSize[x] > groupSize[y] : x < y }
        var clusterFirst: [Int] = [], clusterLast: [Int] = [], clusterCount: [Int] = []
        var nextInCluster = Array(repeating: -1, count: k)
        var clusterOfGroup = Array(repeating: -1, count: k)
        var candidates: [Int] = []
        for g in order {
            var placed = false
            candidates.removeAll(keepingCapacity: true)
            for n in agreeStart[g]..<agreeStart[g + 1] {
                let c = clusterOfGroup[agreeing[n]]
                if c >= 0 { candidates.append(c) }
            }
            candidates.sort()
            var tried = 0
            for (n, c) in candidates.enumerated() where n == 0 || c != candidates[n - 1] {
                guard tried < limits.clusterTries else { break }
                tried += 1
                stats.pairs += clusterCount[c]
                var all = true
                var m = clusterFirst[c]
                while m >= 0 {
                    if !agrees(m, g) { all = false; break }
                    m = nextInCluster[m]
                }
                if all {
                    nextInCluster[clusterLast[c]] = g
                    clusterLast[c] = g
                    clusterCount[c] += 1
                    clusterOfGroup[g] = c
                    placed = true
                    break
                }
            }
            if !placed {
                clusterOfGroup[g] = clusterFirst.count
                clusterFirst.append(g); clusterLast.append(g); clusterCount.append(1)
            }
        }
        // Each cluster's groups in increasing order (CSR, filled in group order).
        let clusterTotal = clusterFirst.count
        var clusterStart = [Int](repeating: 0, count: clusterTotal + 1)
        for c in 0..<clusterTotal { clusterStart[c + 1] = clusterStart[c] + clusterCount[c] }
        var clusterGroups = [Int](repeating: 0, count: k)
        do {
            var fill = clusterStart
            for g in 0..<k { let c = clusterOfGroup[g]; clusterGroups[fill[c]] = g; fill[c] += 1 }
        }
        var out: [PendingFinding] = []
        for c in 0..<clusterTotal {
            let lo = clusterStart[c], hi = clusterStart[c + 1]
            var size = 0
            for n in lo..<hi { size += groupSize[clusterGroups[n]] }
            guard size >= 2 else { continue }
            var decision: Decision?
            if hi - lo >= 2 {
                let (i, j) = (clusterGroups[lo], clusterGroups[lo + 1])
                decision = lookup.index(min(i, j), max(i, j)).map { decided[$0] }
            } else {
                decision = internalDecision[clusterGroups[lo]]
            }
            guard let decision else { continue }
            var claims: [Int] = []
            claims.reserveCapacity(size)
            for n in lo..<hi {
                for p in groups[clusterGroups[n]] { clusterOf[p] = Int32(c); claims.append(members[p]) }
            }
            out.append(PendingFinding(decision: decision, claims: claims))
        }
        // Pairs of groups in different clusters, one finding per pair, capped per verdict.
        // Sorted as plain integers (support, key): decisions are looked up only for those kept.
        // Each verdict's position in Verdict.allCases, the order the caps are filled in: one flat
        // list per verdict (a list of lists was made unique and checked at every append).
        let verdicts = Verdict.allCases
        precondition(verdicts.count == 3, "three verdicts")
        var first: [(support: Int, key: Int)] = [], second: [(support: Int, key: Int)] = [], third: [(support: Int, key: Int)] = []
        for n in records.indices {
            if records[n].sameArticle { continue }  // sameArticle reports it
            let key = records[n].key
            let i = Int(records[n].first), j = key - i * k
            if clusterOfGroup[i] == clusterOfGroup[j] { continue }
            let v = records[n].verdict, item = (support: groupSize[i] + groupSize[j], key: key)
            if v == verdicts[0] { first.append(item) } else if v == verdicts[1] { second.append(item) } else { third.append(item) }
        }
        let pairCandidates = [first, second, third]
        var outletsOfGroup: [Int: Int] = [:]
        func share(_ g: Int) -> GroupShare {
            if let n = outletsOfGroup[g] { return GroupShare(claims: groups[g].count, outlets: n) }
            let n = Engine.distinctCount(groups[g].map { mf[$0].outletID })
            outletsOfGroup[g] = n
            return GroupShare(claims: groups[g].count, outlets: n)
        }
        for code in verdicts.indices {
            // Only the first few are kept: selected, not sorted (keys are unique: a total order).
            let list = Selection.first(limits.maxPairFindingsPerBlock, of: pairCandidates[code]) {
                ($0.support, -$0.key) > ($1.support, -$1.key)
            }
            for item in list {
                let i = item.key / k, j = item.key % k
                guard let n = lookup.index(i, j) else { continue }
                let decision = decided[n]
                let (ga, gb) = records[n].aFromFirst ? (i, j) : (j, i)
                var p = PendingFinding(decision: decision, claims: [decision.a, decision.b])
                if groups[ga].count > 1 || groups[gb].count > 1 { p.shares = (share(ga), share(gb)) }
                out.append(p)
            }
        }
        return out
    }

    // MARK: Order and explanations


    /// Findings in a deterministic order: conflicts, then consistent, then agree; within a verdict
    /// by the concept of the first claim, then claim ids (natural order), then rule id. Ids are
    /// "F1", "F2" …; explanations are rendered here, on several threads.
    /// ``FigureText/figure(_:)`` of a figure's claim, its fields read in place.
    static func figureText(_ f: Figure) -> String {
        FigureText.figure(kind: f.claim.kind, value: f.claim.value, unit: f.claim.unit, qualifier: f.claim.qualifier)
    }

    func sortAndRender(_ pending: [PendingFinding], _ prepared: Prepared) -> [Finding] {
        let figs = prepared.figures
        // A claim id's concept is that of the first figure with the id (ids are unique in a report).
        let classConcept: [Int] = {
            var out: [Int] = []
            for f in figs {
                while out.count <= f.idClass { out.append(-1) }
                if out[f.idClass] < 0 { out[f.idClass] = f.conceptID }
            }
            return out
        }()
        let conceptRank = prepared.concepts.ranks()
        let idClass = figs.map { $0.idClass }
        let ruleRank: [Int] = {
            var out = Array(repeating: 0, count: rules.count)
            for (r, i) in rules.indices.sorted(by: { rules[$0].rule.id < rules[$1].rule.id }).enumerated() { out[i] = r }
            // Equal ids rank equal.
            let byRank = rules.indices.sorted { out[$0] < out[$1] }
            for n in byRank.indices.dropFirst() where rules[byRank[n]].rule.id == rules[byRank[n - 1]].rule.id {
                out[byRank[n]] = out[byRank[n - 1]]
            }
            return out
        }()
        // The order's leading fields packed into two integers per finding (FindingOrderKey); the
        // rest is compared only when those are equal, and the position last, so that the order is
        // total (the stable order of the fields) and may be sorted in chunks on several threads.
        let keys = Parallel.map(pending.count, minimum: 16_384) { r in
            r.map { n in
                let p = pending[n]
                let c = p.claims
                let first = c.isEmpty ? 0 : idClass[c[0]]
                let second = c.count > 1 ? idClass[c[1]] + 1 : 0
                let concept = c.isEmpty ? 0 : conceptRank[classConcept[first]]
                let v = p.decision.verdict
                let verdict: UInt64 = v == .conflict ? 0 : v == .consistent ? 1 : 2
                return FindingOrderKey(high: verdict << 61 | UInt64(concept),
                                       low: UInt64(first) << 32 | UInt64(second), position: Int32(n))
            }
        }.flatMap { $0 }
        let order = Parallel.sorted(keys) { x, y in
            if x.high != y.high { return x.high < y.high }
            if x.low != y.low { return x.low < y.low }
            let i = Int(x.position), j = Int(y.position)
            let ci = pending[i].claims, cj = pending[j].claims
            var n = 2
            while n < ci.count && n < cj.count {
                if idClass[ci[n]] != idClass[cj[n]] { return idClass[ci[n]] < idClass[cj[n]] }
                n += 1
            }
            if ci.count != cj.count { return ci.count < cj.count }
            let ri = ruleRank[Int(pending[i].decision.ruleIndex)], rj = ruleRank[Int(pending[j].decision.ruleIndex)]
            if ri != rj { return ri < rj }
            return i < j
        }.map { Int($0.position) }
        let sources = SourceNames(figs, pending, table: self.sources)
        // Each named figure's text ("about 20 years"), made once here rather than at every
        // finding and placeholder that names it.
        // The named figures found first, their texts made on several threads.
        var named = [Bool](repeating: false, count: figs.count)
        for p in pending {
            named[p.decision.a] = true
            named[p.decision.b] = true
        }
        let namedList = named.indices.filter { named[$0] }
        let made = Parallel.map(namedList.count, minimum: 1024) { r in r.map { Self.figureText(figs[namedList[$0]]) } }
        var texts = [String?](repeating: nil, count: figs.count)
        var at = 0
        for chunk in made {
            for text in chunk {
                texts[namedList[at]] = text
                at += 1
            }
        }
        let figureTexts = texts
        // Rendered in chunks on all cores, then joined in order.
        let chunk = 2048
        let chunks = (order.count + chunk - 1) / chunk
        let rendered = IndexedSlots<[Finding]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var list: [Finding] = []
            list.reserveCapacity(chunk)
            var notes = SourceNames.Memo()
            for n in (c * chunk)..<min(order.count, (c + 1) * chunk) {
                var f = finding(pending[order[n]], figs, sources: sources, notes: &notes, figureTexts: figureTexts)
                f.id = "F\(n + 1)"
                list.append(f)
            }
            rendered.set(c, list)
        }
        var out: [Finding] = []
        out.reserveCapacity(order.count)
        for list in rendered.values() { out += list }
        return out
    }

    func readable(_ concept: String) -> String {
        // An ASCII concept (the usual kebab-case key) is rewritten byte by byte.
        let fast: String?? = concept.utf8.withContiguousStorageIfAvailable { b in
            guard !b.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: b.count) { out in
                for i in b.indices { out[i] = b[i] == 0x2F || b[i] == 0x2D ? 0x20 : b[i] }
                return b.count
            }
        }
        if let fast, let text = fast { return text }
        return concept.replacingOccurrences(of: "/", with: " ").replacingOccurrences(of: "-", with: " ")
    }

    /// The finding for one decision (ids unset), its explanation rendered.
    func finding(_ d: Decision, _ figs: [Figure], claims: [Int]) -> Finding {
        let p = PendingFinding(decision: d, claims: claims)
        return finding(p, figs, sources: SourceNames(figs, [p], table: sources))
    }

    func finding(_ p: PendingFinding, _ figs: [Figure], sources: SourceNames) -> Finding {
        var notes = SourceNames.Memo()
        return finding(p, figs, sources: sources, notes: &notes)
    }

    /// ``finding(_:_:sources:)``, the source notes of pairs remembered in `notes`.
    func finding(_ p: PendingFinding, _ figs: [Figure], sources: SourceNames, notes: inout SourceNames.Memo,
                 figureTexts: [String?] = []) -> Finding {
        /// A figure's text, from `figureTexts` when it is there.
        func text(_ f: Figure) -> String {
            if f.index < figureTexts.count, let t = figureTexts[f.index] { return t }
            return Self.figureText(f)
        }
        let d = p.decision
        let compiled = rules[Int(d.ruleIndex)]
        let a = figs[d.a], b = figs[d.b]
        let isRevision = d.note.revision
        var template = compiled.template(d.verdict)
        if isRevision, let revised = compiled.revisedTemplate { template = revised }
        // The pieces are joined once, into a string of the right size.
        var parts: [String] = []
        parts.reserveCapacity(template.pieces.count + 4)
        MessageTemplate.render(template, into: &parts) { field in
            if case .claim(let side, .figure) = field { return text(side == .a ? a : b) }
            return value(field, d, a, b)
        }
        if isRevision, compiled.rule.revisedMessage == nil {
            parts.append(" \(b.outlet) says the later figure is a revision.")
        }
        if let from = d.note.baseBorrowedFrom, let base = d.note.base {
            let src = figs[from]
            parts.append(" The base \(FigureText.number(base)) is borrowed from \(src.outlet)'s '\(src.claim.quote)' about the same fact.")
        }
        // The sentences below are appended piece by piece (joined once at the end).
        if p.claims.count > 2 {
            let outlets = Engine.distinctCount(p.claims.map { figs[$0].outletID })
            parts.append(" In all ")
            parts.append(String(p.claims.count))
            parts.append(" claims from ")
            parts.append(String(outlets))
            parts.append(outlets == 1 ? " outlet give a compatible figure." : " outlets give a compatible figure.")
        }
        if let (first, second) = p.shares {
            func share(_ g: GroupShare) {
                parts.append(String(g.claims))
                parts.append(g.claims == 1 ? " claim from " : " claims from ")
                parts.append(String(g.outlets))
                parts.append(g.outlets == 1 ? " outlet" : " outlets")
            }
            parts.append(" '")
            parts.append(text(a))
            parts.append("' is given by ")
            share(first)
            parts.append("; '")
            parts.append(text(b))
            parts.append("' by ")
            share(second)
            parts.append(".")
        }
        let note = sources.note(p.claims, memo: &notes)
        if !note.isEmpty { parts.append(note) }
        let text = Engine.joined(parts)
        return Finding(rule: compiled.rule.id, verdict: d.verdict, claims: p.claims.map { figs[$0].claim.id },
                       explanation: text)
    }

    /// How many different values a list holds (`Set(values).count`): sorted and counted, which
    /// for a list of integers costs less than hashing each.
    static func distinctCount(_ values: [Int]) -> Int {
        guard values.count > 1 else { return values.count }
        var v = values
        v.sort()
        var n = 1
        for i in 1..<v.count where v[i] != v[i - 1] { n += 1 }
        return n
    }

    /// The parts as one string, copied once into a string of the right size (appending to a
    /// String checks more than copying bytes does).
    static func joined(_ parts: [String]) -> String {
        var total = 0
        for part in parts { total += part.utf8.count }
        if total == 0 { return "" }
        return String(unsafeUninitializedCapacity: total) { out in
            var at = 0
            for part in parts {
                // `withUTF8` lends small strings too (copied to the stack), which
                // `withContiguousStorageIfAvailable` does not: those were copied byte by byte.
                var part = part
                part.withUTF8 { b in
                    if let from = b.baseAddress, b.count > 0 { (out.baseAddress! + at).update(from: from, count: b.count) }
                    at += b.count
                }
            }
            return at
        }
    }

    /// What a placeholder of a rule's message says about a decided pair.
    func value(_ field: MessageTemplate.Field, _ d: Decision, _ a: Figure, _ b: Figure) -> String {
        switch field {
        case .claim(let side, let name):
            let f = side == .a ? a : b
            // Each field read from the figure's claim: a local copy of the claim would copy
            // (and retain) all of it at every placeholder.
            switch name {
            case .outlet: return f.outlet
            case .quote: return f.claim.quote
            case .figure: return Self.figureText(f)
            case .asOf: return f.day ?? "an unknown date"
            case .when:
                if side == .a { return a.day.map { "on \($0)" } ?? "(undated)" }
                if let da = a.day, da == b.day { return "on the same day" }
                return b.day.map { "on \($0)" } ?? "(undated)"
            case .cited: return f.claim.cited ?? "no one"
            case .agency: return f.claim.agency ?? "no agency"
            case .source: return f.claim.cited ?? f.claim.agency ?? f.outlet
            case .language: return f.language
            case .article: return f.claim.article
            case .subject: return f.claim.subject ?? readable(f.concept)
            case .concept: return f.concept
            case .place: return f.claim.place ?? "unspecified place"
            case .sentence: return f.claim.sentence
            }
        case .base:
            return d.note.base.map(FigureText.number) ?? ""
        case .factor:
            let x = a.claim.value.number ?? 0, y = b.claim.value.number ?? 0
            let ratio = x > 0 && y > 0 ? max(x, y) / min(x, y) : 0
            return abs(ratio - 1000) < 1e-6 ? "a thousand" : abs(ratio - 1_000_000) < 1e-3 ? "a million" : FigureText.number(ratio)
        case .days:
            guard let da = a.dayNumber, let db = b.dayNumber else { return "some days" }
            let n = abs(db - da)
            return n == 1 ? "1 day" : "\(n) days"
        case .concept:
            return a.lineage.contains(b.concept) ? b.concept : a.concept
        case .subject:
            return a.claim.subject ?? b.claim.subject ?? readable(a.lineage.contains(b.concept) ? b.concept : a.concept)
        case .unit:
            return d.note.convertedUnits ? (b.unit ?? "") : b.claim.unit ?? ""
        }
    }
}

/// The sources (agency and cited) of the figures that findings name, each name read once
/// through the source table, for "Both come from AFP: one source, not two."
struct SourceNames: Sendable {
    struct Name: Sendable {
        /// Equal for names of one source (``SourceTable/key(_:)``).
        let key: Int
        let spelling: String
        let shown: String
        let normalisedSpelling: String
        let normalisedShown: String
    }

    var names: [Name] = []
    /// Per figure index: its agency's and its cited source's name (indices into `names`; -1 for
    /// none, -2 for a figure no finding names).
    var agencyOf: [Int32]
    var citedOf: [Int32]

    init(_ figs: [Figure], _ pending: [PendingFinding], table: SourceTable) {
        agencyOf = Array(repeating: -2, count: figs.count)
        citedOf = Array(repeating: -2, count: figs.count)
        var index: [String: Int32] = [:]
        var keys: [String: Int] = [:]
        func name(_ s: String?) -> Int32 {
            guard let s, !s.isEmpty else { return -1 }
            if let i = index[s] { return i }
            let key = table.key(s)
            let keyID: Int
            if let k = keys[key] { keyID = k } else { keyID = keys.count; keys[key] = keyID }
            let shown = table.displayName(s) ?? s
            names.append(Name(key: keyID, spelling: s, shown: shown, normalisedSpelling: SourceTable.normalise(s),
                              normalisedShown: SourceTable.normalise(shown)))
            index[s] = Int32(names.count - 1)
            return Int32(names.count - 1)
        }
        // The named figures are marked first, then read in figure order: figures and their claims
        // lie in memory in that order, so the claims are read front to back rather than in the
        // findings' order (the names' indices only key look-ups: no text depends on them).
        var named = [Bool](repeating: false, count: figs.count)
        for p in pending {
            for i in p.claims { named[i] = true }
        }
        // Consecutive figures mostly come from one article and name the same sources.
        var lastAgency: String?, lastAgencyName: Int32 = -2
        var lastCited: String?, lastCitedName: Int32 = -2
        for i in figs.indices where named[i] {
            // Field by field: the claim is not copied.
            let agency = figs[i].claim.agency
            if agency != lastAgency || lastAgencyName == -2 {
                lastAgency = agency
                lastAgencyName = name(agency)
            }
            let cited = figs[i].claim.cited
            if cited != lastCited || lastCitedName == -2 {
                lastCited = cited
                lastCitedName = name(cited)
            }
            agencyOf[i] = lastAgencyName
            citedOf[i] = lastCitedName
        }
    }

    /// Notes already written for pairs of claims, by the names the two claims give.
    struct Memo {
        var slots = IntMap(capacity: 64)
        var texts: [String] = []
    }

    /// ``note(_:)``, remembered in `memo` for a pair: the note of a pair depends only on the
    /// names (agency, cited) of its two claims, in order.
    func note(_ members: [Int], memo: inout Memo) -> String {
        guard members.count == 2, names.count < 0x7FFF else { return note(members) }
        let a0 = Int(agencyOf[members[0]]) + 1, c0 = Int(citedOf[members[0]]) + 1
        let a1 = Int(agencyOf[members[1]]) + 1, c1 = Int(citedOf[members[1]]) + 1
        guard a0 >= 0, c0 >= 0, a1 >= 0, c1 >= 0 else { return note(members) }
        let key = a0 << 45 | c0 << 30 | a1 << 15 | c1
        if let n = memo.slots.get(key) { return memo.texts[Int(n)] }
        let text = note(members)
        memo.slots.set(key, Int32(memo.texts.count))
        memo.texts.append(text)
        return text
    }

    /// " Both come from AFP: one source, not two." when claims share an agency or a cited source
    /// (under any of its names in `sources.tsv`: "UN", "ONU" and "Vereinte Nationen" are one).
    func note(_ members: [Int]) -> String {
        // Per source (by key): the name it was first met under, its spellings, how many claims.
        // Few sources are searched in a list; a dictionary takes over when there are many.
        var keys: [Int] = [], position: [Int: Int] = [:]
        var firstName: [Int] = [], spellings: [[Int]] = [], counts: [Int] = []
        for f in members {
            let agency = Int(agencyOf[f]), cited = Int(citedOf[f])
            if agency < 0 && cited < 0 { continue }
            var counted = -1
            for side in 0..<2 {
                let n = side == 0 ? agency : cited
                guard n >= 0 else { continue }
                let key = names[n].key
                var found: Int?
                if keys.count <= 16 { found = keys.firstIndex(of: key) } else { found = position[key] }
                let s: Int
                if let found { s = found } else {
                    s = firstName.count
                    keys.append(key)
                    if keys.count == 17 {
                        for (i, k) in keys.enumerated() { position[k] = i }
                    } else if keys.count > 17 {
                        position[key] = s
                    }
                    firstName.append(n)
                    spellings.append([])
                    counts.append(0)
                }
                if !spellings[s].contains(n) { spellings[s].append(n) }
                if counted != key {
                    counts[s] += 1
                    counted = key
                }
            }
        }
        guard let top = counts.indices.filter({ counts[$0] >= 2 })
            .max(by: { (counts[$0], names[firstName[$1]].shown) < (counts[$1], names[firstName[$0]].shown) }) else { return "" }
        let count = counts[top]
        var name = names[firstName[top]].shown
        var shownKeys: Set<String> = [names[firstName[top]].normalisedShown]
        let others = spellings[top].map { names[$0] }.sorted { $0.spelling < $1.spelling }
            .filter { shownKeys.insert($0.normalisedSpelling).inserted }.map(\.spelling)
        if !others.isEmpty { name += " (\(others.joined(separator: ", ")))" }
        if members.count == 2 { return " Both come from \(name): one source, not two." }
        return " \(count) of them come from \(name): one source, not \(count) independent ones."
    }
}

/// The pairs of groups of one fact that were compared, and their decisions: by key i * k + j
/// (i < j) in a table when every pair is compared, else by the slot ``PairPlan`` gives the pair.
struct GroupPairs {
    let engine: Engine
    let members: [Figure]
    /// ``members`` as unmanaged references: the pair loop reads figures without retaining them
    /// (``members`` keeps them alive).
    let memberRefs: [Unmanaged<Figure>]
    let groups: [[Int]]
    let article: [Int]
    let full: Bool
    /// Per group: its first member's article, and where its first member from another article is.
    let firstArticle: [Int]
    let firstOther: [Int]
    /// Per pair, the position of its kept decision in `decided` (-1: none): by key i * k + j
    /// when every pair is compared, else by the plan's slot.
    private var table: [Int32]
    private var plan: PairPlan?
    private(set) var decided: [Decision] = []
    /// Beside each decision: its key, verdict, whether its `a` is group i's member and whether
    /// both members are of one article.
    private(set) var records: [Record] = []

    struct Record {
        let key: Int
        /// `key / k`, the first group (kept so that the record loops need no division; the
        /// record stays 16 bytes).
        let first: Int32
        let verdict: Verdict
        let aFromFirst: Bool
        let sameArticle: Bool
    }
    var stats = EngineStatistics()

    /// The flat pair decision, when the engine has one (else ``Engine/decide(_:_:bodyAlternatives:)``).
    let kernel: PairKernel?
    /// ``kernel``, read without retaining it at every pair.
    let kernelRef: Unmanaged<PairKernel>?

    init(engine: Engine, members: [Figure], groups: [[Int]], article: [Int], full: Bool, kernel: PairKernel? = nil) {
        self.engine = engine
        self.kernel = kernel
        kernelRef = kernel.map { Unmanaged.passUnretained($0) }
        self.members = members
        memberRefs = members.map { Unmanaged.passUnretained($0) }
        self.groups = groups
        self.article = article
        self.full = full
        let firstArticle = groups.map { article[$0[0]] }
        self.firstArticle = firstArticle
        firstOther = groups.indices.map { g in groups[g].firstIndex { article[$0] != firstArticle[g] } ?? -1 }
        table = full ? Array(repeating: -1, count: groups.count * groups.count) : []
    }

    /// Where the decision of a pair of groups is, as a plain value.
    struct Lookup {
        let k: Int
        let full: Bool
        let table: [Int32]
        let plan: PairPlan?

        /// The position in `decided` of the decision for pair (i, j), i < j.
        @inline(__always)
        func index(_ i: Int, _ j: Int) -> Int? {
            let n: Int32
            if full { n = table[i * k + j] } else {
                guard let s = plan?.slot(i, j) else { return nil }
                n = table[s]
            }
            return n >= 0 ? Int(n) : nil
        }
    }

    var lookup: Lookup { Lookup(k: groups.count, full: full, table: table, plan: plan) }

    /// The position in `decided` of the decision for a key.
    func index(_ key: Int) -> Int? {
        let k = groups.count
        return lookup.index(key / k, key % k)
    }

    /// A member of group `j` from another article than `a`.
    private func member(of j: Int, notFrom a: Int) -> Int? {
        if firstArticle[j] != a { return groups[j][0] }
        return firstOther[j] >= 0 ? groups[j][firstOther[j]] : nil
    }

    /// One member of each group, from different articles when possible.
    private func representatives(_ i: Int, _ j: Int) -> (Int, Int) {
        for x in groups[i].prefix(4) {
            if let y = member(of: j, notFrom: article[x]) { return (x, y) }
        }
        return (groups[i][0], groups[j][0])
    }

    /// Decides the pairs of a plan, in slot order (the order they are first asked), and keeps
    /// their decisions in that order: the same as asking them one by one, where a pair whose
    /// decision was kept is not decided again and one without a kept decision is (and counted
    /// each time it was asked). Worked out in chunks on several threads when there are many.
    mutating func compare(_ plan: PairPlan) {
        precondition(!full && plan.k == groups.count, "a plan for the groups, when not every pair is compared")
        var askedTotal = 0
        for n in plan.asked { askedTotal += Int(n) }
        stats.pairs += askedTotal
        self.plan = plan
        table = [Int32](repeating: -1, count: plan.count)
        let list = plan.keys
        decideAndKeep(list.count, key: { list[$0] }, asked: plan.asked)
    }

    /// ``compare(_:)`` of every pair of groups (i, j), i < j, in that order (a full table).
    mutating func compareAllPairs() {
        let k = groups.count
        let count = k * (k - 1) / 2
        stats.pairs += count
        // Pair n's key: rows of decreasing length (row i holds k - 1 - i pairs).
        var rowStart: [Int] = []
        rowStart.reserveCapacity(k)
        var at = 0
        for i in 0..<k { rowStart.append(at); at += k - 1 - i }
        let starts = rowStart
        decideAndKeep(count, key: { n in
            // The row whose start is the last one not above n.
            var lo = 0, hi = k - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if starts[mid] <= n { lo = mid } else { hi = mid - 1 }
            }
            return lo * k + lo + 1 + (n - starts[lo])
        }, asked: nil)
    }

    /// Decides the pairs `key(0) ..< key(count)` (each once; `asked[n]` times asked, 1 when nil)
    /// and keeps their decisions in that order, counting a kept one once and a missing one each
    /// time it was asked. Worked out in chunks on several threads when there are many.
    private mutating func decideAndKeep(_ count: Int, key: @Sendable (Int) -> Int, asked: [Int32]?) {
        let pairs = self
        // Each chunk: its kept decisions, with their positions.
        let results = Parallel.map(count, minimum: 4096) { r -> [(Int, Decision, Record)] in
            var kept: [(Int, Decision, Record)] = []
            kept.reserveCapacity(min(r.count, 4096))
            var i = r.lowerBound
            if asked == nil, pairs.full, !r.isEmpty {
                // Walk the pairs in order: the row of the first, then on.
                let k = pairs.groups.count
                var (gi, gj) = { let key = key(r.lowerBound); return (key / k, key % k) }()
                while i < r.upperBound {
                    if let (d, record) = pairs.evaluate(gi * k + gj) { kept.append((i, d, record)) }
                    i += 1
                    gj += 1
                    if gj == k { gi += 1; gj = gi + 1 }
                }
                return kept
            }
            while i < r.upperBound {
                if let (d, record) = pairs.evaluate(key(i)) { kept.append((i, d, record)) }
                i += 1
            }
            return kept
        }
        var decisions = 0
        if let asked { for n in asked { decisions += Int(n) } } else { decisions = count }
        var kept = 0
        for chunk in results { kept += chunk.count }
        decided.reserveCapacity(decided.count + kept)
        records.reserveCapacity(records.count + kept)
        for chunk in results {
            for (n, d, record) in chunk {
                // Counted once, not each time it was asked.
                if let asked { decisions -= Int(asked[n]) - 1 }
                table[full ? record.key : n] = Int32(decided.count)
                decided.append(d)
                records.append(record)
            }
        }
        stats.decisions += decisions
    }

    /// The decision for one pair of groups (key i * k + j) and its record, nil when none is kept.
    func evaluate(_ key: Int) -> (Decision, Record)? {
        let i = key / groups.count, j = key - i * groups.count
        let (px, py) = representatives(i, j)
        return memberRefs[px]._withUnsafeGuaranteedRef { x in
            memberRefs[py]._withUnsafeGuaranteedRef { y in
                let same = x.articleID == y.articleID
                var alternatives = 1
                if same, x.inTitle != y.inTitle {
                    alternatives = 2  // only agreements are taken from one article here
                }
                let decided: Decision?
                if let kernelRef {
                    decided = kernelRef._withUnsafeGuaranteedRef { $0.decide(x.index, y.index, bodyAlternatives: alternatives) }
                } else {
                    decided = engine.decide(x, y, bodyAlternatives: alternatives)
                }
                guard let d = decided else { return nil }
                // Within one article only an agreement helps grouping; the rest is sameArticle's.
                if same && d.verdict != .agree { return nil }
                return (d, Record(key: key, first: Int32(i), verdict: d.verdict, aFromFirst: d.a == x.index, sameArticle: same))
            }
        }
    }
}
