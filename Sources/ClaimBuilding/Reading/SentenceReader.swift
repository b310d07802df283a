import CrosscheckModel

/// A sentence (or the headline) to read claims from, with what surrounds it.
struct SentenceSlot: Sendable {
    /// The sentence as it stands.
    var text: String
    /// UTF-8 offset of the sentence in the article text (0 for the title).
    var offset: Int
    var inTitle: Bool
    /// The sentence before, in the same paragraph.
    var previous: String?
    /// The sentence after, in the same paragraph.
    var next: String?

    init(text: String, offset: Int = 0, inTitle: Bool = false, previous: String? = nil, next: String? = nil) {
        self.text = text
        self.offset = offset
        self.inTitle = inTitle
        self.previous = previous
        self.next = next
    }
}

/// A quantity being read as a claim: its token span (the part of a whole joined in) and what the
/// reader found out about it.
struct ClaimCandidate: Sendable {
    /// The fields of the quantity a claim is read from (its text and trace are not copied: a
    /// candidate is copied and destroyed several times while it is read).
    var quantity: CandidateQuantity
    /// Token indexes of the quote, `first..<end`.
    var first: Int
    var end: Int
    /// UTF-8 end of the quote in the sentence (past the base when one was joined in).
    var quoteEnd: Int
    var base: Double?
    /// Where the part's own noun starts when a whole was joined after it (*onze capitales
    /// provinciales sur 34*): the thing is looked for there.
    var thingFrom: Int?
    var concept: String?
    /// True when the concept was borrowed from a running count this duration is the window of.
    var isWindow = false
    /// True for an ordinal that ranks something (*the second largest*), even with no known thing.
    var isRank = false
}

/// What a claim says about its concept, remembered per article (``SentenceReader/conceptSummary(of:in:)``):
/// `form` 0 for a plain figure, 1 for a duration, 2 for a duration that is a count's window.
struct ConceptSummary {
    var concept: String
    /// ``hash(_:form:)`` of the concept's bytes and the form.
    var hash: UInt64
    var form: UInt8
    var subject: String?
    var cumulative: Bool

    /// Entries in a reader's table (a power of two).
    static let slots = 64

    /// FNV-1a over `bytes`, then the form.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, form: UInt8) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return (h ^ UInt64(form)) &* 0x0000_0100_0000_01B3
    }
}

/// The parts of a ``Quantity`` a claim is read from: no string but the unit, no array.
struct CandidateQuantity: Sendable {
    var start: Int
    var end: Int
    var kind: QuantityKind
    var value: QuantityValue
    var unit: String?
    var qualifier: Qualifier

    init(start: Int, end: Int, kind: QuantityKind, value: QuantityValue, unit: String?, qualifier: Qualifier) {
        self.start = start
        self.end = end
        self.kind = kind
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
    }

    init(_ q: Quantity) {
        start = q.start
        end = q.end
        kind = q.kind
        value = q.value
        unit = q.unit
        qualifier = q.qualifier
    }
}

/// Reads the claims of one sentence from its quantities: one language's tables, no language branches.
///
/// The steps, in order: drop dates and what is not a claim (*one of*, labels, numbers in names,
/// ages); join a part to its whole (*12 of the 34*); find the concept (thing, event, rank, window);
/// then who is cited, as of when, where, and whether the figure was revised.
struct SentenceReader: Sendable {
    let lexicon: ClaimLexicon
    let catalog: ConceptCatalog

    /// The claims of `slot`, in text order, with empty `id` and `article` (the builder fills them).
    func claims(in slot: SentenceSlot, quantities: [Quantity], published: String?) -> [Claim] {
        var out: [Claim] = []
        appendClaims(in: slot, quantities: quantities, published: published, to: &out)
        return out
    }

    /// ``claims(in:quantities:published:)`` appended to `out`: the builder's list of the article's
    /// claims is filled in place (no array per sentence, no claim copied out of one).
    /// `scratch`: arrays reused from sentence to sentence (see ``ReadingScratch``).
    func appendClaims(in slot: SentenceSlot, quantities: [Quantity], published: String?, to out: inout [Claim],
                      scratch: ReadingScratch = ReadingScratch()) {
        // Only a figure that is not a date becomes a claim: most sentences of an article hold none,
        // and they are not tokenized at all.
        guard Self.holdsClaimFigure(quantities) else { return }
        // (moved out as they are: the tokenizer replaces their contents in one call each)
        var tokens = ReadingScratch.move(&scratch.tokens)
        var ids = ReadingScratch.move(&scratch.ids)
        ClaimTokenizer.tokenizeSpans(slot.text, vocabulary: lexicon.vocabulary, into: &tokens, ids: &ids, arena: scratch.arena)
        scratch.tokens = tokens
        scratch.ids = ids
        guard !tokens.isEmpty else { return }
        let sentence = SentenceTokens(text: slot.text, spans: tokens, ids: ids, lexicon: lexicon, quantities: quantities,
                                      scratch: scratch)
        var candidates = ReadingScratch.take(&scratch.candidates)
        sentence.appendCandidates(to: &candidates)
        defer { scratch.candidates = candidates }   // the array's memory serves the next sentence
        joinWholes(&candidates, in: sentence)
        inheritHedges(&candidates, in: sentence)
        // (each candidate handed on `inout`, where it lies: read through a pointer it was copied)
        candidates.keepOnlyInPlace { isClaim($0, in: sentence) }   // in place, order kept
        resolveConcepts(&candidates, in: sentence)
        candidates.keepOnlyInPlace { keepAfterConcept($0) && isFinite($0) }

        var sided = ReadingScratch.take(&scratch.sided)
        sentence.appendAttributionsWithSide(to: &sided)
        let carried = carriedSource(slot: slot, sentence: sentence, arena: scratch.arena)
        let agency = sentence.agencyMatches.first?.value
        let revised = sentence.isRevised
        var text = slot.text
        text.withUTF8 { bytes in
        // an attribution whose name stands before its verb reports what follows it; it covers an
        // earlier figure only when no figure follows it
        var lastFirst = -1
        for i in candidates.indices where candidates[i].first > lastFirst { lastFirst = candidates[i].first }
        // "…, regional officials said on Wednesday, as …" and "…, the grid operator says, down from
        // …": a verb with nothing after it but a day closes its clause and covers what precedes too
        // (the two lists part the attributions, in order, into arrays kept between sentences)
        var always = ReadingScratch.take(&scratch.always)
        var beforeOnly = ReadingScratch.take(&scratch.beforeOnly)
        for (a, nameBefore) in sided {
            if !nameBefore || lastFirst < a.end || sentence.closesClause(after: a.end) {
                always.append(a)
            } else {
                beforeOnly.append(a)
            }
        }
        defer {
            scratch.sided = sided
            scratch.always = always
            scratch.beforeOnly = beforeOnly
        }
        // the publication date is read once per article (the scratch lives for the article)
        let (publishedDate, publishedISO) = scratch.publication(published)
        let anchors = asOfAnchors(in: sentence, publishedDate: publishedDate)
        // the few sources of an article are each checked for an agency name once (the scratch
        // lives for the article)

        // each candidate is read where it lies (handed on `inout`: a candidate read through the
        // buffer's pointer was copied and destroyed; from an `inout` it is passed on borrowed)
        func emit(_ c: inout ClaimCandidate) -> Claim {
            var value = c.quantity.value
            if value.base == nil, let b = c.base { value.base = b }
            let lo = max(0, min(c.quantity.start, bytes.count)), hi = max(lo, min(c.quoteEnd, bytes.count))
            let quote = String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
            // a reporting verb after the figure covers it only when nothing it reports follows:
            // "300 died, police said" yes; "Herat fell, as the US announced the dispatch of 3,000" no
            // (only when the source stands before its verb: "…, a annoncé mercredi le gouvernement,
            // selon qui une douzaine…" covers what precedes it)
            var source = nearestCovering(always: always, beforeOnly: beforeOnly, to: c)?.value ?? carried
            var via = agency
            if let s = source, let a = cachedAgencyName(s, in: &scratch.agencyNames, arena: scratch.arena) {
                source = a
                via = a
            }
            let about = conceptSummary(of: c, in: &scratch.conceptSummaries)
            // (no closure over the candidate: it would capture a copy)
            let asOfDate: String?
            if let publishedDate {
                asOfDate = asOf(for: c, in: sentence, anchors: anchors, publishedDate: publishedDate, publishedISO: publishedISO!)
            } else {
                asOfDate = asOf(for: c, in: sentence, anchors: anchors, published: published)
            }
            return Claim(id: "", quote: quote, sentence: Self.sentenceWindow(slot.text, bytes: bytes, lo: lo, hi: hi),
                         kind: c.quantity.kind, value: value, unit: c.quantity.unit,
                         qualifier: c.quantity.qualifier, subject: about.subject, cited: source,
                         asOf: asOfDate, article: "",
                         concept: c.concept, place: place(for: c, in: sentence),
                         cumulative: about.cumulative,
                         agency: via, inTitle: slot.inTitle, revised: revised,
                         start: slot.offset + lo, end: slot.offset + hi)
        }
        candidates.withUnsafeMutableBufferPointer { cs in
            // (the claim is returned and appended here: appended inside `emit` it was copied into
            // the array and the temporary destroyed)
            for i in cs.indices { out.append(emit(&cs[i])) }
        }
        }
    }

    /// True when one of the quantities is not a date (`contains(where:)` copied each quantity
    /// out to the predicate and destroyed it; the kinds are read where they lie).
    @inline(__always)
    static func holdsClaimFigure(_ quantities: [Quantity]) -> Bool {
        quantities.withUnsafeBufferPointer { b in
            for i in b.indices where b[i].kind != .date { return true }
            return false
        }
    }

    /// Sentences longer than this (in UTF-8 bytes) are not sentences but run-on text (a list of
    /// 300,000 numbers, a page without punctuation): each claim then carries a window around its
    /// quote instead of the whole text, so a report's size stays linear in the input.
    static let longestSentence = 1_500

    /// The claim's `sentence`: the whole sentence, or for run-on text the words within about
    /// 600 bytes of the quote, cut at spaces and marked with "…".
    static func sentenceWindow<Bytes: RandomAccessCollection>(_ text: String, bytes: Bytes, lo: Int, hi: Int) -> String
    where Bytes.Element == UInt8, Bytes.Index == Int {
        guard bytes.count > longestSentence else { return text }
        var from = max(0, lo - 600), to = min(bytes.count, hi + 600)
        while from > 0, from < lo, bytes[from - 1] != 0x20 { from += 1 }          // start at a word
        while to < bytes.count, to > hi, bytes[to] != 0x20 { to -= 1 }            // end at a word
        while from < lo, bytes[from] & 0xC0 == 0x80 { from += 1 }                 // never inside a UTF-8 sequence
        while to < bytes.count, to > hi, bytes[to] & 0xC0 == 0x80 { to -= 1 }
        let body = String(decoding: bytes[from..<to], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return (from > 0 ? "… " : "") + body + (to < bytes.count ? " …" : "")
    }

    func isRank(_ concept: String) -> Bool {
        catalog.isRank(concept)
    }

    /// The readable subject: the concept's label, "length of …" for a duration, "period of …" for a window.
    func subject(of c: ClaimCandidate) -> String? {
        guard let concept = c.concept, let s = catalog.subject(of: concept) else { return nil }
        if c.quantity.kind == .duration {
            return c.isWindow ? "period of \(s)" : "length of \(s)"
        }
        return s
    }

    /// The nearest attribution covering the candidate: any of `always`, or one of `beforeOnly` that
    /// starts before the candidate ends. Both lists are in text order and do not overlap, so only
    /// the few around the candidate are looked at.
    func nearestCovering<V>(always: [PhraseMatch<V>], beforeOnly: [PhraseMatch<V>], to c: ClaimCandidate) -> PhraseMatch<V>? {
        func lowerBound(_ ms: [PhraseMatch<V>], _ before: (PhraseMatch<V>) -> Bool) -> Int {
            var lo = 0, hi = ms.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if before(ms[mid]) { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let a = lowerBound(always) { $0.end <= c.first }
        let b = lowerBound(beforeOnly) { $0.start < c.end }
        // the nearest of those few (no two attributions start at the same token): the smallest
        // distance, the earlier start on a tie — as `nearest` over them sorted by start
        var best: PhraseMatch<V>?
        var bestDistance = Int.max
        func consider(_ m: PhraseMatch<V>) {
            let d = m.end <= c.first ? c.first - m.end : (m.start >= c.end ? m.start - c.end + 1 : 0)
            if d < bestDistance || (d == bestDistance && m.start < best!.start) {
                best = m
                bestDistance = d
            }
        }
        for i in (a - 1)...(a + 1) where i >= 0 && i < always.count { consider(always[i]) }
        for i in (b - 2)...(b - 1) where i >= 0 && i < beforeOnly.count { consider(beforeOnly[i]) }
        return best
    }

    /// False for a figure with a value that is not a finite number (it is dropped).
    func isFinite(_ c: ClaimCandidate) -> Bool {
        let v = c.quantity.value
        // (each field asked in turn: no array of the five made per candidate)
        @inline(__always) func ok(_ x: Double?) -> Bool { x?.isFinite ?? true }
        return ok(v.number) && ok(v.low) && ok(v.high) && ok(v.base) && ok(c.base)
    }

    /// The match nearest to the candidate's span (before wins a tie).
    func nearest<V>(_ matches: [PhraseMatch<V>], to c: ClaimCandidate) -> PhraseMatch<V>? {
        var best: (Int, PhraseMatch<V>)?
        for m in matches {
            let d = m.end <= c.first ? c.first - m.end : (m.start >= c.end ? m.start - c.end + 1 : 0)
            if best == nil || d < best!.0 { best = (d, m) }
        }
        return best?.1
    }

    /// The claim's `subject` and `cumulative` for the candidate's concept: ``subject(of:)`` and
    /// the catalog's cumulative-and-not-rank, remembered in `cache` per concept and subject form
    /// (an article names the same few concepts again and again; no `String` hashed, no label
    /// re-joined): a direct-mapped table of ``ConceptSummary/slots`` entries by an FNV-1a hash of
    /// the key's bytes and the form, the bytes compared on a hit, an entry replaced on a miss.
    func conceptSummary(of c: ClaimCandidate, in cache: inout [ConceptSummary?]) -> (subject: String?, cumulative: Bool) {
        guard let concept = c.concept else { return (nil, false) }
        let form: UInt8 = c.quantity.kind == .duration ? (c.isWindow ? 2 : 1) : 0
        var key = concept
        let hash = key.withUTF8 { ConceptSummary.hash($0, form: form) }
        let slot = Int(truncatingIfNeeded: hash) & (ConceptSummary.slots - 1)
        if cache.count < ConceptSummary.slots {
            cache = Array(repeating: nil, count: ConceptSummary.slots)
        }
        // the entry is looked at where it lies (handed `inout`: `cache[slot]` copied it, its
        // strings retained and released)
        @inline(__always) func hit(_ e: inout ConceptSummary?) -> (subject: String?, cumulative: Bool)? {
            guard e != nil, e!.hash == hash, e!.form == form, Self.sameBytes(e!.concept, concept) else { return nil }
            return (e!.subject, e!.cumulative)
        }
        if let found = hit(&cache[slot]) { return found }
        let (base, cumulative) = catalog.summary(of: concept)
        let subject = base.map { s in
            c.quantity.kind == .duration ? (c.isWindow ? "period of \(s)" : "length of \(s)") : s
        }
        cache[slot] = ConceptSummary(concept: concept, hash: hash, form: form, subject: subject, cumulative: cumulative)
        return (subject, cumulative)
    }

    /// ``agencyName(_:)``, remembered in `cache` for the sources already asked about.
    func cachedAgencyName(_ source: String, in cache: inout [(source: String, agency: String?)],
                          arena: TokenizerArena? = nil) -> String? {
        // the entries are compared where they lie (handed `inout`: a `for` over the array copied
        // each, its two strings retained and released)
        @inline(__always) func same(_ e: inout (source: String, agency: String?)) -> Bool { Self.sameBytes(e.source, source) }
        let known: (found: Bool, agency: String?) = cache.withUnsafeMutableBufferPointer { b in
            for i in b.indices where same(&b[i]) { return (true, b[i].agency) }
            return (false, nil)
        }
        if known.found { return known.agency }
        let a = agencyName(source, arena: arena)
        if cache.count < 64 { cache.append((source, a)) }
        return a
    }

    /// True when the two strings are the same UTF-8 bytes (the lengths first: most differ there).
    /// (The bytes are compared through their base addresses: `elementsEqual` went through the
    /// generic iterators, a few hundred instructions for a short key.)
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        let n = a.utf8.count
        guard n == b.utf8.count else { return false }
        // (read where they lie: `withUTF8` needed a mutable copy of each, a retain and a release)
        let answer: Bool?? = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb in
                guard n > 0, let x = pa.baseAddress, let y = pb.baseAddress else { return true }
                if x == y { return true }
                var i = 0
                while i < n {
                    if x[i] != y[i] { return false }
                    i += 1
                }
                return true
            }
        }
        if let answer, let same = answer { return same }
        return a.utf8.elementsEqual(b.utf8)
    }

    /// The canonical agency name when the whole source is a wire agency ("AFP", "Reuters").
    /// `arena`: the tokenizer's memory when the reader keeps one.
    func agencyName(_ source: String, arena: TokenizerArena? = nil) -> String? {
        // the whole source must be one agency phrase: its first word must open one (asked first
        // of the first token's word number, without a string: most sources are turned away there)
        let word = arena.map { ClaimTokenizer.leadingWord(source, chunks: 1, vocabulary: lexicon.vocabulary, arena: $0) }
            ?? ClaimTokenizer.leadingWord(source, chunks: 1, vocabulary: lexicon.vocabulary)
        if word.count > 0, word.word == 0, !lexicon.agencies.mayStart(word.id) { return nil }
        let (lead, whole) = ClaimTokenizer.leadingTokens(source, chunks: 1)
        if let first = lead.first, !lexicon.agencies.mayStart(lexicon.vocabulary.id(of: first.key)) { return nil }
        let toks = whole ? lead : ClaimTokenizer.tokenize(source)
        guard let m = lexicon.agencies.longest(at: 0, in: lexicon.ids(of: toks)), m.length == toks.count else { return nil }
        return m.value
    }
}
