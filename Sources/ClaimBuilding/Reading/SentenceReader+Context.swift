import CrosscheckModel

extension SentenceReader {
    /// The date the figure holds for: a weekday in the sentence (*on Wednesday*, *onsdag*,
    /// *el miércoles*) is the latest such day not after publication; a relative day (*yesterday*,
    /// *i går*) counts from publication; otherwise the publication date. A weekday after *since*,
    /// *until*, *siden*, *desde* … starts or ends a span and is not the as-of date.
    func asOf(for c: ClaimCandidate, in s: SentenceTokens, published: String?) -> String? {
        guard let published else { return nil }
        guard let pub = CivilDate(iso: published) else {
            // "2021-08" or "2021": as precise as the publication date is; anything else is unknown
            let u = Array(published.utf8)
            let digit: (Int) -> Bool = { u[$0] >= 0x30 && u[$0] <= 0x39 }
            if u.count == 4, (0..<4).allSatisfy(digit) { return published }
            if u.count == 7, (0..<4).allSatisfy(digit), u[4] == UInt8(ascii: "-"), digit(5), digit(6) { return published }
            return nil
        }
        var best: (distance: Int, date: String)?
        func consider(_ start: Int, _ end: Int, _ date: String) {
            if s.cue(.notAsOf, endingAt: start) != nil { return }
            if start >= 2, s.cue(.notAsOf, endingAt: start - 1) != nil, s.hasCue(.determiner, at: start - 1) != nil { return }
            let d = end <= c.first ? c.first - end : (start >= c.end ? start - c.end : 0)
            // a date across a dash or a semicolon belongs to the other clause
            let between = end <= c.first ? end..<c.first : (start >= c.end ? c.end..<start : c.first..<c.first)
            if between.contains(where: { [";", "\u{2013}", "\u{2014}", "(", ")"].contains(s.tokens[$0].text) }) { return }
            if best == nil || d < best!.distance { best = (d, date) }
        }
        for m in s.weekdayMatches { consider(m.start, m.end, pub.latest(weekday: m.value).iso) }
        for m in s.relativeDayMatches { consider(m.start, m.end, pub.adding(days: m.value).iso) }
        for (q, r) in zip(s.quantities, s.spans) where q.kind == .date && !r.isEmpty {
            if let date = statedDate(r, in: s, published: pub) { consider(r.lowerBound, r.upperBound, date) }
        }
        return best?.date ?? pub.iso
    }

    /// A date stated after *on*/*den*/*el*/*am* (*on 11 August*, *den 11. august 2021*) or a month
    /// after *in*/*i*/*en*/*im* (*in July*): the day (or the month) it names, not after publication.
    func statedDate(_ r: Range<Int>, in s: SentenceTokens, published pub: CivilDate) -> String? {
        guard r.lowerBound > 0, s.cue(.dateOn, endingAt: r.lowerBound) != nil,
              let month = s.monthMatches.first(where: { r.contains($0.start) })?.value else { return nil }
        var day: Int?
        var year: Int?
        for k in r {
            let t = s.tokens[k]
            guard t.isWord, t.hasDigit else { continue }
            let digits = t.key.unicodeScalars.prefix { ClaimTokenizer.isDigit($0) }
            guard let n = Int(String(String.UnicodeScalarView(digits))) else { continue }
            if digits.count == 4, (1900...2100).contains(n) { year = n } else if digits.count <= 2, (1...31).contains(n) { day = n }
        }
        let y = year ?? (month <= pub.month ? pub.year : pub.year - 1)
        if let day {
            guard day <= CivilDate.daysIn(month: month, year: y) else { return nil }
            let d = CivilDate(year: y, month: month, day: day)
            return d <= pub ? d.iso : nil
        }
        guard y < pub.year || (y == pub.year && month <= pub.month) else { return nil }
        return String(CivilDate(year: y, month: month, day: 1).iso.prefix(7))
    }

    /// The country (or place) the figure is about: the first place named before the figure in the
    /// sentence — the acting party (*The United States announced …*, *The UK Ministry of Defense …*) —
    /// else the first named after it (*… of the 34 Afghan provincial capitals*).
    func place(for c: ClaimCandidate, in s: SentenceTokens) -> String? {
        // a demonym on the counted thing wins: "300 Ukrainian soldiers", "3,000 US troops"
        var k = c.end
        while k < min(s.tokens.count, c.end + 3), s.tokens[k].isWord, s.hasCue(.stop, at: k) == nil {
            if let m = s.placeMatches.first(where: { $0.start == k }) { return m.value }
            if s.conceptAt[k] != nil { break }  // past the noun: "3,000 troops to Kabul" is no demonym
            k += 1
        }
        if let m = s.placeMatches.first(where: { $0.end <= c.first }) { return m.value }
        return s.placeMatches.first(where: { $0.start >= c.first })?.value
    }
}
