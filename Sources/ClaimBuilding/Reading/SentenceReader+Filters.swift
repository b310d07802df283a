import CrosscheckModel

extension SentenceReader {
    /// Joins a part to its whole: *12 of the 34*, *12 af de 34*, *nueve de las 34*, *12 sur 34*.
    /// The whole becomes the part's `base` and is not a claim of its own.
    func joinWholes(_ candidates: [ClaimCandidate], in s: SentenceTokens) -> [ClaimCandidate] {
        var out = candidates
        joinWholes(&out, in: s)
        return out
    }

    /// ``joinWholes(_:in:)`` in place: a part takes its whole where it stands and the whole is
    /// removed (no candidate copied into a new list). Candidate `i` is read before any later one
    /// is changed, so each step sees the candidates as they came.
    func joinWholes(_ candidates: inout [ClaimCandidate], in s: SentenceTokens) {
        var joined: [Int] = []   // the wholes taken in (each right after its part)
        var skipNext = false
        for i in candidates.indices {
            if skipNext { skipNext = false; continue }
            // (fields read and written where they stand)
            // a ratio read as a fraction ("12 van de 34" = 0.35) is a part and its whole
            if candidates[i].quantity.kind == .fraction, let (part, whole) = partOfWhole(candidates[i], in: s) {
                candidates[i].quantity.kind = .count
                candidates[i].quantity.value = QuantityValue(number: part, base: whole)
                candidates[i].quantity.unit = nil
                continue
            }
            // a share of a stated whole too: "a third of the 34 provinces", "65 % des 34"
            let kind = candidates[i].quantity.kind
            if candidates[i].quantity.value.base == nil, kind == .count || kind == .percent || kind == .fraction,
               let part = candidates[i].quantity.value.number ?? candidates[i].quantity.value.high, i + 1 < candidates.count {
                if candidates[i + 1].quantity.kind == .count, candidates[i + 1].quantity.qualifier == .exact,
                   let whole = candidates[i + 1].quantity.value.number,
                   whole > part || (kind != .count && whole > 1),
                   let (cueAt, len) = partOfCue(after: candidates[i], whole: candidates[i + 1], in: s) {
                    let wFirst = candidates[i + 1].first
                    var k = cueAt + len
                    var dets = 0
                    while dets < 2, k < wFirst, s.hasCue(.determiner, at: k) != nil { k += 1; dets += 1 }
                    if k == wFirst {
                        if cueAt > candidates[i].end { candidates[i].thingFrom = candidates[i].end }
                        candidates[i].base = whole
                        candidates[i].end = candidates[i + 1].end
                        candidates[i].quoteEnd = candidates[i + 1].quantity.end
                        skipNext = true
                        joined.append(i + 1)
                    }
                }
            }
        }
        for k in joined.reversed() { candidates.remove(at: k) }
    }

    /// The part-of cue after a part: right after it (*12 of the 34*), or after the part's own noun
    /// when the whole is bare (*onze capitales provinciales sur 34*, *12 provincial capitals out
    /// of 34*, *nueve capitales de las 34*): the noun is one concept phrase and no noun follows
    /// the whole.
    func partOfCue(after c: ClaimCandidate, whole w: ClaimCandidate, in s: SentenceTokens) -> (Int, Int)? {
        if let len = s.hasCue(.partOf, at: c.end) { return (c.end, len) }
        guard c.end < s.tokens.count, let noun = s.conceptAt[c.end], !s.tokens[c.end + noun.length - 1].isPossessive else { return nil }
        let at = c.end + noun.length
        guard let len = s.hasCue(.partOf, at: at) else { return nil }
        if w.end < s.tokens.count, s.tokens[w.end].isWord, s.conceptAt[w.end] != nil { return nil }
        return (at, len)
    }

    /// A figure in parentheses right after a hedged figure restates it and shares its hedge:
    /// *cirka to tredjedele (65 procent)*, *about two thirds (65%)*.
    func inheritHedges(_ candidates: [ClaimCandidate], in s: SentenceTokens) -> [ClaimCandidate] {
        var out = candidates
        inheritHedges(&out, in: s)
        return out
    }

    /// ``inheritHedges(_:in:)`` in place, reading the fields where they are (no candidate copied).
    func inheritHedges(_ out: inout [ClaimCandidate], in s: SentenceTokens) {
        for i in out.indices.dropFirst() {
            guard out[i - 1].quantity.qualifier != .exact, out[i].quantity.qualifier == .exact,
                  out[i].first == out[i - 1].end + 1, s.tokens[out[i - 1].end].isPunctuation(0x28),
                  out[i].end < s.tokens.count, s.tokens[out[i].end].isPunctuation(0x29) else { continue }
            out[i].quantity.qualifier = out[i - 1].quantity.qualifier
        }
    }

    /// "12 of the 34" inside one quantity: two whole numbers joined by a part-of cue.
    func partOfWhole(_ c: ClaimCandidate, in s: SentenceTokens) -> (Double, Double)? {
        guard c.end - c.first >= 3, let part = wholeNumber(c.first, in: s) else { return nil }
        guard let len = s.hasCue(.partOf, at: c.first + 1) else { return nil }
        var k = c.first + 1 + len
        while k < c.end - 1, s.hasCue(.determiner, at: k) != nil { k += 1 }
        guard k == c.end - 1, let whole = wholeNumber(k, in: s), whole > part else { return nil }
        return (part, whole)
    }

    private func wholeNumber(_ k: Int, in s: SentenceTokens) -> Double? {
        guard s.tokens[k].isWord, s.tokens[k].hasDigit else { return nil }
        let key = s.key(of: k)
        guard key.unicodeScalars.allSatisfy({ ClaimTokenizer.isDigit($0) }) else { return nil }
        return Double(key)
    }

    /// False for what reads as a number but states no figure: *one of*, *page 5*, *Boeing 737*,
    /// an age between commas, a bare unit word (*for years*), a count inside a name.
    func isClaim(_ c: ClaimCandidate, in s: SentenceTokens) -> Bool {
        let q = c.quantity
        let t = s.tokens
        // "one of its negotiators", "en af", "uno de", "l'un des", "einer der"
        if q.kind == .count, q.value.number == 1, q.value.base == nil, c.base == nil,
           s.hasCue(.partitive, at: c.end) != nil {
            return false
        }
        // "page 5", "flight 17", "Artikel 5"
        if s.cue(.label, endingAt: c.first) != nil { return false }
        // "5 min read", "12 comments" in a short line: page furniture ingest let through
        if s.hasCue(.furniture, at: c.end) != nil, s.wordCount <= 8 { return false }
        let quoteTokens = t[c.first..<c.end]
        // A scale word alone: "de ekstra milliarder", "the extra billions".
        if quoteTokens.count == 1, !quoteTokens.first!.hasDigit, q.value.low == nil,
           let m = lexicon.scales.longest(at: c.first, in: s.ids), m.length == 1 {
            return false
        }
        // A duration that is only a unit word: "for years", "hours before", "days of fighting".
        if q.kind == .duration, !quoteTokens.contains(where: \.hasDigit), quoteTokens.count == 1,
           q.value.number == nil {
            return false
        }
        // A bare number right after a capitalized word inside the sentence: part of a name
        // ("Boeing 737", "Apollo 11"), unless that word is a place or a genitive, or a concept follows.
        if q.kind == .count, quoteTokens.count == 1, quoteTokens.first!.hasDigit, c.first > 0 {
            let prev = t[c.first - 1]
            let nextIsConcept = c.end < t.count && s.conceptAt[c.end] != nil
            // "In Herat 30 were killed": a place after a preposition, a number before a verb
            let afterPreposition = c.first >= 2 && (s.hasCue(.stop, at: c.first - 2) != nil || s.hasCue(.window, at: c.first - 2) != nil)
            let beforeVerb = c.end < t.count && (s.hasCue(.auxiliary, at: c.end) != nil || s.hasCue(.passive, at: c.end) != nil)
            if !lexicon.capitalizedNouns, !afterPreposition, !beforeVerb, prev.isWord, prev.isCapitalized, !prev.isPossessive,
               !prev.hasDigit, c.first - 1 > 0,
               !s.placeMatches.contains(where: { ($0.start..<$0.end).contains(c.first - 1) }),
               s.anyCue(at: c.first - 1) == nil,
               lexicon.weekdays.longest(at: c.first - 1, in: s.ids) == nil,
               !nextIsConcept {
                return false
            }
            // "Ashraf Ghani, 72, said": an age between commas after a name.
            if c.first >= 2, prev.isPunctuation(0x2C), t[c.first - 2].isCapitalized, c.end < t.count, t[c.end].isPunctuation(0x2C),
               let n = q.value.number, n >= 1, n <= 120, n == n.rounded(), !nextIsConcept {
                return false
            }
        }
        return true
    }

    /// After the concept is known: an ordinal is a claim only when it orders something we know
    /// (*the ninth city*, *Afghanistan's third city*) or ranks (*the second largest party*), not in
    /// *the first time*.
    func keepAfterConcept(_ c: ClaimCandidate) -> Bool {
        if c.quantity.kind == .ordinal { return c.concept != nil || c.isRank }
        return true
    }
}
