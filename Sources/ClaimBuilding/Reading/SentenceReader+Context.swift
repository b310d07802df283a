import CrosscheckModel

extension SentenceReader {
    /// The date the figure holds for: a weekday in the sentence (*on Wednesday*, *onsdag*,
    /// *el miércoles*) is the latest such day not after publication; a relative day (*yesterday*,
    /// *i går*) counts from publication; otherwise the publication date. A weekday after *since*,
    /// *until*, *siden*, *desde* … starts or ends a span and is not the as-of date.
    func asOf(for c: ClaimCandidate, in s: SentenceTokens, published: String?) -> String? {
        guard let published else { return nil }
        guard CivilDate(iso: published) != nil else {
            // "2021-08" or "2021": as precise as the publication date is; anything else is unknown
            let u = Array(published.utf8)
            let digit: (Int) -> Bool = { u[$0] >= 0x30 && u[$0] <= 0x39 }
            if u.count == 4, (0..<4).allSatisfy(digit) { return published }
            if u.count == 7, (0..<4).allSatisfy(digit), u[4] == UInt8(ascii: "-"), digit(5), digit(6) { return published }
            return nil
        }
        return asOf(for: c, in: s, anchors: asOfAnchors(in: s, published: published), published: published)
    }

    /// A day named in the sentence that a figure may hold for: its token span, the date, and
    /// whether it is weak (inside a *during the night of* phrase: when something happened, not
    /// when the figure was counted).
    struct DayAnchor: Sendable {
        var start: Int
        var end: Int
        var date: String
        var weak: Bool
    }

    /// The sentence's days, in text order, without those after a `not-asof` cue (a span's start or end).
    func asOfAnchors(in s: SentenceTokens, published: String?) -> [DayAnchor] {
        asOfAnchors(in: s, publishedDate: published.flatMap { CivilDate(iso: $0) })
    }

    /// ``asOfAnchors(in:published:)`` for a publication date already read (once per article).
    func asOfAnchors(in s: SentenceTokens, publishedDate: CivilDate?) -> [DayAnchor] {
        guard let pub = publishedDate else { return [] }
        var out: [DayAnchor] = []
        func add(_ start: Int, _ end: Int, _ date: String) {
            if s.cue(.notAsOf, endingAt: start) != nil { return }
            if start >= 2, s.cue(.notAsOf, endingAt: start - 1) != nil, s.hasCue(.determiner, at: start - 1) != nil { return }
            // "in der Nacht zum Dienstag", "dans la nuit de mardi": the night is part of the phrase too
            let weak = isDuring(start, in: s) || s.hasCue(.during, at: start) != nil
            out.append(DayAnchor(start: start, end: end, date: date, weak: weak))
        }
        for m in s.weekdayMatches { add(m.start, m.end, pub.latest(weekday: m.value).iso) }
        for m in s.relativeDayMatches { add(m.start, m.end, pub.adding(days: m.value).iso) }
        // (by index: no quantity copied)
        for k in s.quantities.indices where s.quantities[k].kind == .date && !s.spans[k].isEmpty {
            let r = s.spans[k]
            if let date = statedDate(r, in: s, published: pub) { add(r.lowerBound, r.upperBound, date) }
        }
        // stable: weekdays, then relative days, then dates at the same place (the first wins a tie)
        if out.count < 2 { return out }   // most sentences name no day, or one
        return out.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
    }

    /// True when a `during` cue stands at most four words before token `k` with no clause break
    /// between: *durante la noche del martes*, *during Tuesday night*, *in der Nacht zum Dienstag*.
    func isDuring(_ k: Int, in s: SentenceTokens) -> Bool {
        var j = k
        var words = 0
        while j > 0, words <= 4 {
            if s.cue(.during, endingAt: j) != nil { return true }
            if !s.tokens[j - 1].isWord { return false }
            j -= 1
            words += 1
        }
        return false
    }

    /// The as-of date of one figure from the sentence's anchors: the nearest day, not across a dash,
    /// a semicolon or a parenthesis; a weak day (*durante la noche del martes*) only when no other
    /// day qualifies: *Las lluvias … durante la noche del martes han dejado al menos 37 muertos,
    /// según el último balance … difundido este miércoles* is as of Wednesday.
    func asOf(for c: ClaimCandidate, in s: SentenceTokens, anchors: [DayAnchor], published: String?) -> String? {
        guard let published else { return nil }
        guard let pub = CivilDate(iso: published) else { return asOf(for: c, in: s, published: published) }
        return asOf(for: c, in: s, anchors: anchors, publishedDate: pub, publishedISO: pub.iso)
    }

    /// ``asOf(for:in:anchors:published:)`` for a publication date already read (and written as
    /// ISO): once per sentence, not once per figure.
    func asOf(for c: ClaimCandidate, in s: SentenceTokens, anchors: [DayAnchor], publishedDate pub: CivilDate,
              publishedISO: String) -> String {
        guard !anchors.isEmpty else { return publishedISO }
        var lo = 0, hi = anchors.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if anchors[mid].end <= c.first { lo = mid + 1 } else { hi = mid }
        }
        let tokens = s.tokens
        let barrier: (Int) -> Bool = { !tokens[$0].isWord && Self.isBarrierScalar(tokens[$0].scalar) }
        var best: (weak: Bool, distance: Int, date: String)?
        func consider(_ a: DayAnchor) -> Bool {
            let d = a.end <= c.first ? c.first - a.end : (a.start >= c.end ? a.start - c.end : 0)
            let between = a.end <= c.first ? a.end..<c.first : (a.start >= c.end ? c.end..<a.start : c.first..<c.first)
            if between.contains(where: barrier) { return false }
            if best == nil || (best!.weak && !a.weak) || (best!.weak == a.weak && d < best!.distance) {
                best = (a.weak, d, a.date)
            }
            return true
        }
        // backward from the figure, then forward; a barrier ends the walk that way
        var j = lo - 1
        var seen = 0
        while j >= 0, seen < 16 {
            if !consider(anchors[j]) { break }
            if !anchors[j].weak { break }
            j -= 1
            seen += 1
        }
        j = lo
        seen = 0
        while j < anchors.count, seen < 16 {
            if !consider(anchors[j]) { break }
            if !anchors[j].weak, anchors[j].start >= c.end { break }
            j += 1
            seen += 1
        }
        return best?.date ?? publishedISO
    }

    /// Marks an as-of date is not looked for across.
    static let barrierTexts: [String] = [";", "\u{2013}", "\u{2014}", "(", ")"]

    /// True when a one-scalar punctuation text is in ``barrierTexts`` (by its scalar: U+037E
    /// GREEK QUESTION MARK is canonically a semicolon and equals ";" as a `String`); a word
    /// never is.
    @inline(__always)
    static func isBarrier(_ text: String) -> Bool {
        guard let u = text.unicodeScalars.first else { return false }
        switch u.value {
        case 0x3B, 0x37E, 0x2013, 0x2014, 0x28, 0x29: return barrierTexts.contains(text)
        default: return false
        }
    }

    /// ``isBarrier(_:)`` of a punctuation token by its one scalar.
    @inline(__always)
    static func isBarrierScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0x3B, 0x37E, 0x2013, 0x2014, 0x28, 0x29: return true
        default: return false
        }
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
            let key = s.key(of: k)
            let digits = key.unicodeScalars.prefix { ClaimTokenizer.isDigit($0) }
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
            if let m = s.placeStartingAt[k] { return m }
            if s.conceptAt[k] != nil { break }  // past the noun: "3,000 troops to Kabul" is no demonym
            k += 1
        }
        if let m = s.placeMatches.first, m.end <= c.first { return m.value }
        var lo = 0, hi = s.placeMatches.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if s.placeMatches[mid].start >= c.first { hi = mid } else { lo = mid + 1 }
        }
        return lo < s.placeMatches.count ? s.placeMatches[lo].value : nil
    }
}
