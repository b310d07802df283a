import CrosscheckModel

extension SentenceReader {
    /// The date the figure holds for: a weekday in the sentence (*on Wednesday*, *onsdag*,
    /// *el miércoles*) is the latest such day not after publication; a relative day (*yesterday*,
    /// *i går*) counts from publication; otherwise the publication date. A weekday after *since*,
    /// *until*, *siden*, *desde* … starts or ends a span and is not the as-of date.
    func asOf(for c: ClaimCandidate, in s: SentenceTokens, published: String?) -> String? {
        guard let published else { return nil }
        guard let pub = CivilDate(iso: published) else {
            // "2021-08": as precise as the publication date is
            return published.isEmpty ? nil : String(published.prefix(10))
        }
        var best: (distance: Int, date: CivilDate)?
        func consider(_ start: Int, _ end: Int, _ date: CivilDate) {
            if let len = s.cue(.notAsOf, endingAt: start) { _ = len; return }
            if start >= 2, s.cue(.notAsOf, endingAt: start - 1) != nil, s.hasCue(.determiner, at: start - 1) != nil { return }
            let d = end <= c.first ? c.first - end : (start >= c.end ? start - c.end : 0)
            if best == nil || d < best!.distance { best = (d, date) }
        }
        for m in s.weekdayMatches { consider(m.start, m.end, pub.latest(weekday: m.value)) }
        for m in s.relativeDayMatches { consider(m.start, m.end, pub.adding(days: m.value)) }
        return (best?.date ?? pub).iso
    }

    /// The country (or place) the figure is about: the first place named before the figure in the
    /// sentence — the acting party (*The United States announced …*, *The UK Ministry of Defense …*) —
    /// else the first named after it (*… of the 34 Afghan provincial capitals*).
    func place(for c: ClaimCandidate, in s: SentenceTokens) -> String? {
        if let m = s.placeMatches.first(where: { $0.end <= c.first }) { return m.value }
        return s.placeMatches.first(where: { $0.start >= c.first })?.value
    }
}
