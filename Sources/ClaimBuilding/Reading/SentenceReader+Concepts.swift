import CrosscheckModel

extension SentenceReader {
    /// Fills each candidate's concept: first the counts, shares, sums and ordinals, then the
    /// durations (a window borrows the concept of a running count in the same sentence).
    func resolveConcepts(_ candidates: inout [ClaimCandidate], in s: SentenceTokens) {
        // (through the buffer: each candidate is handed on where it lies, not copied out and destroyed)
        // (each handed `inout` to the step that reads it: read through the pointer and passed on,
        // a candidate was copied and destroyed; from an `inout` it is passed on borrowed)
        candidates.withUnsafeMutableBufferPointer { b in
        guard let c = b.baseAddress else { return }
        for i in b.indices where c[i].quantity.kind != .duration {
            resolveFigure(&c[i], previous: i > 0 ? c + (i - 1) : nil, in: s)
        }
        }
        // running counts and measures by position, once (a window looks up its neighbours); only
        // a duration asks for them (most sentences hold none: no list is made for them)
        var anyDuration = false
        for i in candidates.indices where candidates[i].quantity.kind == .duration { anyDuration = true; break }
        guard anyDuration else { return }
        let counted = runningCounts(candidates)
        let measured = candidates.indices.filter { candidates[$0].quantity.kind == .measure && candidates[$0].concept != nil }
        for i in candidates.indices where candidates[i].quantity.kind == .duration {
            let c = candidates[i]
            if isWindow(c, in: s),
               let concept = windowMeasure(c, candidates: candidates, measured: measured, in: s)
                ?? nearestRunningCount(to: c, among: candidates, counted: counted, in: s) {
                candidates[i].concept = concept
                candidates[i].isWindow = true
            } else {
                candidates[i].concept = durationConcept(c, in: s)
            }
        }
    }

    /// The concept of a count, share, sum or ordinal (``resolveConcepts(_:in:)``'s first pass);
    /// `previous`: the candidate before it (read only).
    @inline(__always)
    private func resolveFigure(_ c: inout ClaimCandidate, previous: UnsafeMutablePointer<ClaimCandidate>?, in s: SentenceTokens) {
        if c.quantity.kind == .ordinal {
            let concept = ordinalConcept(c, in: s)
            c.concept = concept
            c.isRank = isRankOrdinal(c, thing: thingAfter(c.end, in: s, maxWords: 3), in: s) || concept.map(isRank) == true
        } else {
            c.concept = countConcept(c, in: s)
        }
        if c.concept == nil, let previous, let shared = sharedConcept(c, previous: previous.pointee, in: s) {
            c.concept = shared
        }
    }

    /// A figure coordinated with the one before (*rose 0.4% from January and 3.2% from a year
    /// earlier*) shares its concept when it names none of its own: same kind and unit (not *27.5
    /// percent, down 2.3 points*), close by, no clause break but a comma between, and no noun of its
    /// own after it (not *250 soldiers and 1,000 firefighters*).
    func sharedConcept(_ c: ClaimCandidate, previous p: ClaimCandidate, in s: SentenceTokens) -> String? {
        let after = c.end
        let bare = after >= s.tokens.count || !s.tokens[after].isWord || s.inQuantity[after]
            || s.anyCue(at: after) != nil
        guard bare, c.quantity.kind != .ordinal, p.quantity.kind == c.quantity.kind, p.quantity.unit == c.quantity.unit,
              let concept = p.concept, !isRank(concept), c.first - p.end <= 6, p.end <= c.first,
              !(p.end..<c.first).contains(where: { s.isClauseBreak(s.tokens[$0]) && !s.tokens[$0].isPunctuation(0x2C) })
        else { return nil }
        return concept
    }

    // MARK: - Things

    /// The thing a count, share or sum is about, and what happened to it.
    func countConcept(_ c: ClaimCandidate, in s: SentenceTokens) -> String? {
        if c.quantity.kind == .money {
            // a sum is about a money thing (aid, damage, cost), before or after it, nearest first
            // (local functions, not closure values: nothing is allocated or copied to pass them)
            func money(_ key: String) -> Bool {
                let cls = catalog.thingClass(of: key)
                return cls == "money" || cls == "sum"
            }
            let after = thingAfter(c.end, in: s, maxWords: 5, accept: money)
            let before = thingBefore(c.first, in: s, maxWords: 5, accept: money)
            switch (after, before) {
            case let (a?, b?):
                // distance to the phrase's near end: "stiger med 4,2 mia. kr. til i alt" is a rise
                let bEnd = b.at + (s.conceptAt[b.at]?.length ?? 1)
                return (a.at - c.end) <= (c.first - bEnd) ? a.key : b.key
            case let (a?, nil): return a.key
            case let (nil, b?): return b.key
            default: return nil
            }
        }
        // a measure (litres, km, degrees) is of rain, area, temperature — never of people
        // a change or a total of a sum ("dyrere", "til i alt") is for sums only
        // (a bare count in the millions may be a sum whose currency was left out: "bliver 3,9
        // milliarder dyrere")
        let large = (c.quantity.value.number ?? c.quantity.value.high ?? 0) >= 1_000_000 && c.quantity.kind == .count
        let kind = c.quantity.kind
        func measurable(_ key: String) -> Bool {
            let cls = catalog.thingClass(of: key)
            if cls == "sum" { return large }
            return kind != .measure || cls == "abstract" || cls == "place"
        }
        // a label noun right before the figure names what it measures: "magnitude 7.8",
        // "Stärke 7,8" — no event and no thing across it
        if c.first > 0, let label = labelBefore(c, in: s) { return label }
        let thing = thingAfter(c.thingFrom ?? c.end, in: s, maxWords: 5, accept: measurable)
            ?? thingBefore(c.first, in: s, maxWords: 5, accept: measurable)
        if c.quantity.kind == .measure { return thing?.key }
        return withEvent(thing?.key, for: c, in: s)
    }

    /// An abstract or share concept ending right before the figure (*magnitude 7.8*, *inflation
    /// 3.2%*, *Stärke 7,8*): the figure is its value.
    func labelBefore(_ c: ClaimCandidate, in s: SentenceTokens) -> String? {
        for len in 1...3 where c.first - len >= 0 {
            if let m = s.conceptAt[c.first - len], m.length == len, !s.tokens[c.first - 1].isPossessive,
               usable(m.key, durations: false) {
                let cls = catalog.thingClass(of: m.key)
                return cls == "abstract" || cls == "share" ? m.key : nil
            }
        }
        return nil
    }

    /// Adds the nearest event that applies to the thing; an event alone brings its default thing.
    func withEvent(_ key: String?, for c: ClaimCandidate, in s: SentenceTokens) -> String? {
        if let key, catalog.hasEvent(key) { return key }
        if let thing = key {
            if let e = nearestEvent(to: c, in: s, where: { catalog.event($0, appliesTo: thing) }) {
                return ConceptCatalog.join(thing, e)
            }
            return thing
        }
        if let e = nearestEvent(to: c, in: s, where: { catalog.entry($0)?.defaultThing != nil }),
           let d = catalog.entry(e)?.defaultThing {
            return ConceptCatalog.join(d, e)
        }
        return nil
    }

    /// The first concept phrase after token `from` in the same clause, skipping a parenthesis
    /// (*to tredjedele (65 procent) af territoriet*) and stopping at another quantity.
    /// Two concept phrases in a row make one (*civilian deaths* → civilian/killed).
    func thingAfter(_ from: Int, in s: SentenceTokens, maxWords: Int, durations: Bool = false,
                    accept: (String) -> Bool = { _ in true }) -> (key: String, at: Int)? {
        var k = from
        var words = 0
        let t = s.tokens
        while k < t.count, words < maxWords {
            let tok = t[k]
            if !tok.isWord {
                if tok.scalar == 0x28 || tok.scalar == 0x5B {
                    let close: UInt32 = tok.scalar == 0x28 ? 0x29 : 0x5D
                    if let j = (k + 1..<min(t.count, k + 10)).first(where: { t[$0].isPunctuation(close) }) {
                        k = j + 1
                        continue
                    }
                }
                // a closing parenthesis after a restated figure: "(65 procent) af territoriet"
                switch tok.scalar {
                case 0x2D, 0x27, 0x2019, 0x29, 0x5D:
                    k += 1
                    continue
                default:
                    break
                }
                return nil
            }
            if let qi = s.quantityIndex(at: k), s.quantities[qi].kind != .date {
                return nil
            }
            // "killed at least 30 and wounded dozens": a conjunction starts another phrase
            if s.hasCue(.conjunction, at: k) != nil { return nil }
            // a possessive names whose thing it is, not the thing: "the country's provincial capitals"
            if let c = s.conceptAt[k], t[k + c.length - 1].isPossessive {
                words += c.length
                k += c.length
                continue
            }
            if let c = s.conceptAt[k], usable(c.key, durations: durations), accept(c.key) {
                var key = c.key
                let next = k + c.length
                // a head noun right after ("civilian deaths"), not a phrase opening with a
                // preposition or an article ("ville du pays")
                if next < t.count, let c2 = s.conceptAt[next], usable(c2.key, durations: durations),
                   s.anyCue(at: next) == nil {
                    key = combine(key, c2.key)
                }
                return (key, k)
            }
            words += 1
            k += 1
        }
        return nil
    }

    /// The nearest concept phrase ending before token `from` in the same clause.
    func thingBefore(_ from: Int, in s: SentenceTokens, maxWords: Int, durations: Bool = false,
                     accept: (String) -> Bool = { _ in true }) -> (key: String, at: Int)? {
        var k = from - 1
        var words = 0
        let t = s.tokens
        while k >= 0, words < maxWords {
            let tok = t[k]
            if !tok.isWord {
                if tok.scalar == 0x29 { if let j = (max(0, k - 10)..<k).last(where: { t[$0].isPunctuation(0x28) }) { k = j - 1; continue } }
                return nil
            }
            if let qi = s.quantityIndex(at: k) {
                if s.quantities[qi].kind != .date { return nil }
                k -= 1  // a date in between ("sank im Februar auf 5,9 Prozent") is not counted
                continue
            }
            // "250 soldiers and 1,000 lifeguards": the noun before the conjunction is the other figure's
            if s.hasCue(.conjunction, at: k) != nil { return nil }
            // a phrase that starts here and ends before `from`
            if var c = s.conceptAt[k], k + c.length <= from, usable(c.key, durations: durations), accept(c.key) {
                // a longer phrase ending at the same word wins: "samlede pris" over "pris"
                for back in 1...2 where k - back >= 0 {
                    if let longer = s.conceptAt[k - back], longer.length == c.length + back,
                       usable(longer.key, durations: durations), accept(longer.key) {
                        c = longer
                        k -= back
                        break
                    }
                }
                var key = c.key
                if k > 0, let c0 = s.conceptAt[k - 1], c0.length == 1, usable(c0.key, durations: durations) {
                    key = combine(c0.key, key)
                }
                return (key, k)
            }
            words += 1
            k -= 1
        }
        return nil
    }

    /// Counts skip duration concepts (a presence, a war); durations take only them.
    func usable(_ key: String, durations: Bool) -> Bool {
        durations == catalog.isDuration(key)
    }

    /// A modifier and a head: the more specific thing, the head's event (*civilian deaths*).
    func combine(_ modifier: String, _ head: String) -> String {
        let (m, me) = ConceptCatalog.split(modifier)
        let (h, he) = ConceptCatalog.split(head)
        guard let m, let h else { return head }
        let thing = catalog.lineage(m).contains(h) ? m : h
        if let e = he ?? me { return ConceptCatalog.join(thing, e) }
        return thing
    }

    /// The nearest event phrase in the sentence (within 12 tokens) that passes `accept`. A clause
    /// break or a conjunction in between counts as four more tokens: in *183 Zivilisten getötet und
    /// rund 360.000 Menschen sind geflohen* the 360,000 fled. With none that near, an event later in
    /// the figure's own clause (no clause break, no conjunction and no other figure in between) is
    /// its verb: *Entre 200 y 250 militares de la Unidad Militar de Emergencias (UME) se han
    /// desplegado*.
    func nearestEvent(to c: ClaimCandidate, in s: SentenceTokens, where accept: (String) -> Bool) -> String? {
        let ms = s.eventMatches
        // matches are in text order and do not overlap: the first one ending at most 12 tokens before
        var lo = 0, hi = ms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ms[mid].end >= c.first - 12 { hi = mid } else { lo = mid + 1 }
        }
        var best: (Int, String)?
        var i = lo
        while i < ms.count, ms[i].start <= c.end + 12 {
            let m = ms[i]
            i += 1
            guard accept(m.value) else { continue }
            let gap = m.end <= c.first ? m.end..<c.first : (m.start >= c.end ? c.end..<m.start : c.first..<c.first)
            let d = gap.count + (m.start >= c.end ? 1 : 0)
            guard d <= 12 else { continue }
            // (counted in a loop: `filter(_:).count` made an array per event looked at)
            var breaks = 0
            for k in gap where s.isBreak[k] || s.hasCue(.conjunction, at: k) != nil { breaks += 1 }
            let score = d + 4 * breaks
            if best == nil || score < best!.0 { best = (score, m.value) }
        }
        if let best { return best.1 }
        // the verb of the figure's clause, further on: up to the clause's end, another figure or a conjunction
        var stop = c.end < s.tokens.count ? s.nextBreak[c.end] : s.tokens.count
        var k = c.end
        while k < stop {
            if let qi = s.quantityIndex(at: k), s.quantities[qi].kind != .date { stop = k; break }
            if s.hasCue(.conjunction, at: k) != nil { stop = k; break }
            k += 1
        }
        var j = s.firstEvent(startingAtOrAfter: c.end)
        while j < ms.count, ms[j].start < stop {
            let m = ms[j]
            j += 1
            if m.start >= c.end, accept(m.value) { return m.value }
        }
        // or earlier in the same clause: "Se han desplegado en la zona entre 200 y 250 militares"
        var back = c.first
        while back > 0 {
            let k = back - 1
            if s.isBreak[k] || s.hasCue(.conjunction, at: k) != nil { break }
            if let qi = s.quantityIndex(at: k), s.quantities[qi].kind != .date { break }
            back = k
        }
        var b = s.firstEvent(startingAtOrAfter: c.first) - 1
        while b >= 0, ms[b].start >= back {
            if ms[b].end <= c.first, accept(ms[b].value) { return ms[b].value }
            b -= 1
        }
        return nil
    }

    // MARK: - Ordinals and ranks

    /// *the ninth city to be invaded* → city/captured; *Afghanistan's third city*, *the second
    /// largest city* → city/rank. A rank never reads as a running count.
    func ordinalConcept(_ c: ClaimCandidate, in s: SentenceTokens) -> String? {
        let thingHit = thingAfter(c.end, in: s, maxWords: 3)
        let thing = thingHit.map { catalog.facts(of: $0.key).thing ?? $0.key }
        if isRankOrdinal(c, thing: thingHit, in: s) {
            return thing.map { "\($0)/rank" }  // a rank of nothing known has no concept
        }
        guard let thing, let hit = thingHit else { return nil }
        let thingEnd = hit.at + (s.conceptAt[hit.at]?.length ?? 1)
        // "Kandahar, la segunda ciudad del país": an apposition to a name describes it (a rank)
        // unless an event follows in its clause ("Kandahar, the second city to fall").
        if isApposition(c, in: s), eventInClause(after: thingEnd, in: s, appliesTo: thing) == nil {
            return "\(thing)/rank"
        }
        if let e = nearestEvent(to: c, in: s, where: { catalog.event($0, appliesTo: thing) }) {
            return ConceptCatalog.join(thing, e)
        }
        // no event: "the third city of the country", "la segunda ciudad de Afganistán" is a rank
        if isOfCountry(thingEnd, in: s) { return "\(thing)/rank" }
        return thing
    }

    /// The ordinal opens an apposition to a capitalized name: "Herat, the third city".
    func isApposition(_ c: ClaimCandidate, in s: SentenceTokens) -> Bool {
        var k = c.first - 1
        while k >= 0, s.hasCue(.determiner, at: k) != nil { k -= 1 }
        return k >= 1 && s.tokens[k].isPunctuation(0x2C) && s.tokens[k - 1].isWord && s.tokens[k - 1].isCapitalized
    }

    /// "of the country", "in Afghanistan", "del país", "de Afganistán", "i landet" at token `k`.
    func isOfCountry(_ k: Int, in s: SentenceTokens) -> Bool {
        if s.hasCue(.country, at: k) != nil { return true }
        guard let len = s.hasCue(.partOf, at: k) ?? s.hasCue(.partitive, at: k) ?? s.hasCue(.window, at: k) else { return false }
        var j = k + len
        while s.hasCue(.determiner, at: j) != nil { j += 1 }
        return s.placeMatches.contains(where: { $0.start == j }) || s.hasCue(.country, at: j) != nil
    }

    /// An event phrase after token `k` before the clause ends.
    func eventInClause(after k: Int, in s: SentenceTokens, appliesTo thing: String) -> String? {
        let end = k < s.tokens.count ? s.nextBreak[k] : s.tokens.count
        for m in s.eventMatches[s.firstEvent(startingAtOrAfter: k)...] {
            if m.start >= end { break }
            if catalog.event(m.value, appliesTo: thing) { return m.value }
        }
        return nil
    }

    func isRankOrdinal(_ c: ClaimCandidate, thing: (key: String, at: Int)?, in s: SentenceTokens) -> Bool {
        let t = s.tokens
        // a superlative inside the ordinal's word ("zweitgrößte", "tredjestørste")
        if !lexicon.superlativeSuffixes.isEmpty {
            for k in c.first..<c.end {
                let key = s.key(of: k)
                let n = key.count
                for (suffix, length) in zip(lexicon.superlativeSuffixes, lexicon.superlativeLengths)
                where n > length && key.hasSuffix(suffix) {
                    return true
                }
            }
        }
        // a superlative right after the ordinal or right after its noun
        for k in c.end..<min(t.count, c.end + 3) where s.hasCue(.superlative, at: k) != nil { return true }
        if let thing {
            let after = thing.at + (s.conceptAt[thing.at]?.length ?? 1)
            for k in after..<min(t.count, after + 2) where s.hasCue(.superlative, at: k) != nil { return true }
        }
        // a possessive or a genitive place right before it: "Afghanistan's third", "Afghanistans tredje"
        if c.first > 0 {
            let prev = t[c.first - 1]
            if prev.isPossessive { return true }
            if s.genitivePlace(at: c.first - 1) != nil { return true }
        }
        return false
    }

    // MARK: - Durations

    /// *in six days*, *på seks dage*, *en apenas una semana*, *in the next 24 to 48 hours*:
    /// a window word at most two words before the duration.
    func isWindow(_ c: ClaimCandidate, in s: SentenceTokens) -> Bool {
        let t = s.tokens
        var end = c.first
        for _ in 0...2 {
            if end <= 0 { return false }
            if s.cue(.window, endingAt: end) != nil { return true }
            let prev = t[end - 1]
            if !prev.isWord || s.inQuantity[end - 1] { return false }
            end -= 1
        }
        return false
    }

    /// Indexes of the counts and ordinals with an event (running counts), in text order.
    func runningCounts(_ all: [ClaimCandidate]) -> [Int] {
        all.indices.filter { i in
            // the fields are read in place (no candidate copied)
            guard all[i].quantity.kind != .duration, let concept = all[i].concept else { return false }
            return catalog.isRunningCount(concept)
        }
    }

    /// A window next to a measure of something (*310 mm of rain fell in 24 hours*, *binnen 24
    /// Stunden bis zu 310 Liter Regen*) is the period of that measure: the nearest measure with a
    /// concept within six tokens on either side, with no clause break between.
    func windowMeasure(_ c: ClaimCandidate, candidates: [ClaimCandidate], measured: [Int], in s: SentenceTokens) -> String? {
        var best: (Int, String)?
        let pos = Self.lowerBound(measured) { candidates[$0].first < c.first }
        for j in [pos - 1, pos] where j >= 0 && j < measured.count {
            let m = candidates[measured[j]]
            let gap = m.end <= c.first ? m.end..<c.first : (m.first >= c.end ? c.end..<m.first : c.first..<c.first)
            guard gap.count <= 6, !gap.contains(where: { s.isBreak[$0] }), let concept = m.concept else { continue }
            if best == nil || gap.count < best!.0 { best = (gap.count, concept) }
        }
        return best?.1
    }

    /// The first index of `xs` for which `before` is false (`xs` ordered so `before` holds for a prefix).
    static func lowerBound(_ xs: [Int], _ before: (Int) -> Bool) -> Int {
        var lo = 0, hi = xs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if before(xs[mid]) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The concept of the count or ordinal this window belongs to: the one whose event is the event
    /// nearest the window (*183 muertos en un mes y 360.000 han huido*), else the nearest with an event.
    func nearestRunningCount(to c: ClaimCandidate, among all: [ClaimCandidate], counted: [Int], in s: SentenceTokens) -> String? {
        // the event the window modifies is the nearest event word; it must be a count's event
        // ("310 mm of rain fell in 24 hours" is no window of "1,200 residents evacuated")
        guard !counted.isEmpty else { return nil }
        let distance: (ClaimCandidate) -> Int = { o in o.end <= c.first ? c.first - o.end : o.first - c.end }
        guard let event = nearestEvent(to: c, in: s, where: { _ in true }) else {
            // no event word: the count whose noun carries the event ("17 deaths in the past 24 hours")
            let pos = Self.lowerBound(counted) { all[$0].first < c.first }
            let near = [pos - 1, pos].filter { $0 >= 0 && $0 < counted.count }.map { all[counted[$0]] }
            return near.filter { distance($0) <= 8 }.min { distance($0) < distance($1) }?.concept
        }
        // the nearest count (by start) with that event; scanning out from the window's position
        let pos = Self.lowerBound(counted) { all[$0].first < c.first }
        var best: (Int, String)?
        var lo = pos - 1, hi = pos
        var steps = 0
        while lo >= 0 || hi < counted.count, steps < 64 {
            steps += 1
            if let b = best, (lo < 0 || c.first - all[counted[lo]].first > b.0), (hi >= counted.count || all[counted[hi]].first - c.first > b.0) {
                break
            }
            for j in [lo, hi] where j >= 0 && j < counted.count {
                let o = all[counted[j]]
                guard let concept = o.concept, catalog.facts(of: concept).event == event else { continue }
                let d = abs(o.first - c.first)
                if best == nil || d < best!.0 { best = (d, concept) }
            }
            lo -= 1
            hi += 1
        }
        return best?.1
    }

    /// What lasted: the nearest duration concept within six words (*20 års tilstedeværelse*,
    /// *present … for nearly twenty years*, *two decades of war*); after wins a tie.
    func durationConcept(_ c: ClaimCandidate, in s: SentenceTokens) -> String? {
        let after = thingAfter(c.end, in: s, maxWords: 6, durations: true)
        let before = thingBefore(c.first, in: s, maxWords: 6, durations: true)
        switch (after, before) {
        case let (a?, b?): return (a.at - c.end) <= (c.first - b.at) ? a.key : b.key
        case let (a?, nil): return a.key
        case let (nil, b?): return b.key
        default: return nil
        }
    }
}
