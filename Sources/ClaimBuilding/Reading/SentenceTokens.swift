import CrosscheckModel

/// A tokenized sentence with every table matched once: concepts, events, cues, attribution
/// phrases, agencies, places, weekdays and relative days, and the token spans of its quantities.
struct SentenceTokens: Sendable {
    let text: String
    let tokens: [ClaimToken]
    let lexicon: ClaimLexicon
    let quantities: [Quantity]
    /// Token span of each quantity (same order as `quantities`).
    let spans: [Range<Int>]
    /// True for tokens inside some quantity.
    let inQuantity: [Bool]
    /// The longest concept phrase starting at each token (not inside a quantity).
    let conceptAt: [(length: Int, key: String)?]
    let eventMatches: [PhraseMatch<String>]
    let cueMatches: [PhraseMatch<Set<CueRole>>]
    let attributionMatches: [PhraseMatch<AttributionPosition>]
    let agencyMatches: [PhraseMatch<String>]
    let placeMatches: [PhraseMatch<String>]
    let weekdayMatches: [PhraseMatch<Int>]
    let monthMatches: [PhraseMatch<Int>]
    let relativeDayMatches: [PhraseMatch<Int>]

    init(text: String, tokens: [ClaimToken], lexicon: ClaimLexicon, quantities: [Quantity]) {
        self.text = text
        self.tokens = tokens
        self.lexicon = lexicon
        self.quantities = quantities
        var spans: [Range<Int>] = []
        var inQuantity = Array(repeating: false, count: tokens.count)
        for q in quantities {
            var first = tokens.count, last = -1
            for (i, t) in tokens.enumerated() where t.end > q.start && t.start < q.end {
                first = min(first, i)
                last = max(last, i)
            }
            let r = last >= first ? first..<(last + 1) : tokens.count..<tokens.count
            spans.append(r)
            for i in r { inQuantity[i] = true }
        }
        self.spans = spans
        self.inQuantity = inQuantity
        var conceptAt: [(length: Int, key: String)?] = Array(repeating: nil, count: tokens.count)
        for i in tokens.indices where tokens[i].isWord && !inQuantity[i] {
            if let m = lexicon.concepts.longest(at: i, in: tokens),
               !(i..<(i + m.length)).contains(where: { inQuantity[$0] }) {
                conceptAt[i] = (m.length, m.value)
            } else if lexicon.compounds, !tokens[i].hasDigit, let h = lexicon.concepts.head(of: tokens[i]) {
                conceptAt[i] = (1, h)
            }
        }
        self.conceptAt = conceptAt
        func outside<V>(_ ms: [PhraseMatch<V>]) -> [PhraseMatch<V>] {
            ms.filter { m in !(m.start..<m.end).contains { inQuantity[$0] } }
        }
        eventMatches = outside(lexicon.events.matches(in: tokens))
        cueMatches = lexicon.cues.matches(in: tokens)
        // a verb inside a name ("United States") is no attribution: capitalized only sentence-initially
        attributionMatches = lexicon.attribution.matches(in: tokens).filter { m in
            !tokens[m.start].isCapitalized || !tokens[..<m.start].contains(where: \.isWord)
        }
        agencyMatches = lexicon.agencies.matches(in: tokens)
        placeMatches = Self.places(in: tokens, lexicon: lexicon)
        weekdayMatches = lexicon.weekdays.matches(in: tokens)
        monthMatches = lexicon.months.matches(in: tokens)
        relativeDayMatches = lexicon.relativeDays.matches(in: tokens)
    }

    /// Places named in the sentence; a capitalized word may also be a genitive (*Afghanistans*).
    private static func places(in tokens: [ClaimToken], lexicon: ClaimLexicon) -> [PhraseMatch<String>] {
        var out: [PhraseMatch<String>] = []
        var i = 0
        while i < tokens.count {
            if let m = lexicon.places.longest(at: i, in: tokens) {
                out.append(PhraseMatch(start: i, end: i + m.length, value: m.value))
                i += m.length
                continue
            }
            if let g = genitivePlace(tokens[i], lexicon: lexicon) {
                out.append(PhraseMatch(start: i, end: i + 1, value: g))
            }
            i += 1
        }
        return out
    }

    /// The place a capitalized genitive names: *Afghanistans* → Afghanistan, *Deutschlands*.
    static func genitivePlace(_ t: ClaimToken, lexicon: ClaimLexicon) -> String? {
        guard t.isWord, t.isCapitalized, t.key.count > 3, t.key.hasSuffix("s") else { return nil }
        var bare = t
        bare.key.removeLast()
        return lexicon.places.longest(at: 0, in: [bare]).map(\.value)
    }

    /// The non-date quantities as candidates, in text order.
    func candidates() -> [ClaimCandidate] {
        var out: [ClaimCandidate] = []
        for (q, r) in zip(quantities, spans) where q.kind != .date && !r.isEmpty {
            out.append(ClaimCandidate(quantity: q, first: r.lowerBound, end: r.upperBound, quoteEnd: q.end, base: nil))
        }
        return out
    }

    /// Index of a quantity (any kind, dates too) whose span starts at token `i`.
    func quantity(startingAt i: Int) -> Int? {
        spans.firstIndex { $0.lowerBound == i && !$0.isEmpty }
    }

    func isClauseBreak(_ t: ClaimToken) -> Bool {
        !t.isWord && [",", ";", ":", ".", "!", "?", "\u{201C}", "\u{201D}", "\"", "\u{AB}", "\u{BB}", "\u{2014}", "\u{2013}",
                      "\u{201E}", "|"].contains(t.text)
    }

    func hasCue(_ role: CueRole, at i: Int) -> Int? {
        i < tokens.count ? lexicon.hasCue(role, at: i, in: tokens) : nil
    }

    func cue(_ role: CueRole, endingAt end: Int) -> Int? {
        end > 0 ? lexicon.cue(role, endingAt: end, in: tokens) : nil
    }
}
