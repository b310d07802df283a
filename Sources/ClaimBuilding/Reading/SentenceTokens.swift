import CrosscheckModel
import Foundation

/// A yes/no per token read from one of the sentence's per-token index arrays: a token inside a
/// quantity has a quantity index (`>= 0`), a clause break is its own next break.
struct TokenFlags: Sendable {
    let values: [Int]
    /// True: token `i` is set when `values[i] == i`; false: when `values[i] >= 0`.
    let selfIndexed: Bool

    @inline(__always)
    subscript(_ i: Int) -> Bool { selfIndexed ? values[i] == i : values[i] >= 0 }
}

/// A tokenized sentence with every table matched once: concepts, events, cues, attribution
/// phrases, agencies, places, weekdays and relative days, and the token spans of its quantities.
final class SentenceTokens: Sendable {
    let text: String
    /// The tokens, without their strings (``text(of:)`` and ``key(of:)`` make those).
    let tokens: [TokenSpan]
    let lexicon: ClaimLexicon
    /// The word number of each token in the lexicon's vocabulary (-1: no table knows it).
    let ids: [Int32]
    /// The cue phrases starting at each token, shortest first: entries `cueFrom[i]..<cueFrom[i + 1]`
    /// of `cueLength` and `cueRoles`.
    private let cueFrom: [Int32]
    private let cueLength: [Int32]
    private let cueRoles: [CueRoles]
    let quantities: [Quantity]
    /// Token span of each quantity (same order as `quantities`).
    let spans: [Range<Int>]
    /// True for tokens inside some quantity (read from `quantityAt`: no array of its own).
    let inQuantity: TokenFlags
    /// The index (in `quantities`) of the first quantity covering each token, or -1.
    let quantityAt: [Int]
    /// True for a clause-break token (comma, semicolon, colon, full stop, quotes, dashes).
    let isBreak: TokenFlags
    /// For each token, the index of the first clause break at or after it (`tokens.count` if none).
    let nextBreak: [Int]
    /// Number of word tokens in the sentence.
    let wordCount: Int
    /// Place matches by their first token.
    var placeStartingAt: MatchLookup<String> { MatchLookup(placeMatches) }
    /// Weekday and relative-day matches by their first token (value: their end) and by their end
    /// (value: their start): looked up in the two match lists (no dictionary made per sentence).
    var dayStartingAt: DayLookup { DayLookup(weekdayMatches, relativeDayMatches, byEnd: false) }
    var dayEndingAt: DayLookup { DayLookup(weekdayMatches, relativeDayMatches, byEnd: true) }
    /// The longest concept phrase starting at each token (not inside a quantity).
    let conceptAt: ConceptIndex
    let eventMatches: [PhraseMatch<String>]
    /// True when one of the sentence's cue phrases (each longest match, left to right) has the
    /// `revised` role.
    let isRevised: Bool
    let attributionMatches: [PhraseMatch<AttributionPosition>]
    let agencyMatches: [PhraseMatch<String>]
    let placeMatches: [PhraseMatch<String>]
    let weekdayMatches: [PhraseMatch<Int>]
    /// The month names (matched when asked: only a stated date needs them).
    var monthMatches: [PhraseMatch<Int>] { attributionOnly ? [] : lexicon.months.matches(in: ids) }
    /// Read only for who it cites (see `init`).
    let attributionOnly: Bool
    let relativeDayMatches: [PhraseMatch<Int>]

    /// `attributionOnly`: a neighbouring sentence read only for who it cites (its attributions
    /// and the names around them): concepts, events, agencies, places and months are not matched
    /// (left empty).
    /// `ids`: the tokens' word numbers when the tokenizer already looked them up.
    /// `scratch`: arrays kept between the sentences of an article; the per-token indexes are built
    /// in them (and the scratch keeps a reference, so the next sentence refills the same memory
    /// once this one is gone).
    convenience init(text: String, tokens: [ClaimToken], ids: [Int32]? = nil, lexicon: ClaimLexicon, quantities: [Quantity],
                     attributionOnly: Bool = false, scratch: ReadingScratch? = nil) {
        self.init(text: text, spans: tokens.map(TokenSpan.init), ids: ids ?? lexicon.vocabulary.ids(of: tokens), lexicon: lexicon,
                  quantities: quantities, attributionOnly: attributionOnly, scratch: scratch)
    }

    /// ``init(text:tokens:ids:lexicon:quantities:attributionOnly:scratch:)`` from the tokenizer's
    /// spans and their word numbers (``ClaimTokenizer/tokenizeSpans(_:vocabulary:into:ids:)``).
    init(text: String, spans tokens: [TokenSpan], ids: [Int32], lexicon: ClaimLexicon, quantities: [Quantity],
         attributionOnly: Bool = false, scratch: ReadingScratch? = nil) {
        let scratch = scratch ?? ReadingScratch()
        self.text = text
        self.tokens = tokens
        self.lexicon = lexicon
        self.quantities = quantities
        let vocabulary = lexicon.vocabulary
        self.ids = ids
        let n = tokens.count
        // the tables each word may start a phrase in, and those of the whole sentence: a table no
        // word starts is not walked, a word that starts none of a table's phrases is not looked up
        let masks = lexicon.startMask
        @inline(__always) func mask(_ i: Int) -> UInt8 {
            let id = ids[i]
            return id >= 0 && Int(id) < masks.count ? masks[Int(id)].bits : 0
        }
        var any: UInt8 = 0
        var words = 0   // (counted in the same pass)
        for i in 0..<n {
            any |= mask(i)
            if tokens[i].isWord { words += 1 }
        }
        let sentenceMask = StartMask(bits: any)
        var cueFrom = ReadingScratch.reuse(&scratch.cueFrom, 0, n + 1)
        var cueLength = ReadingScratch.take(&scratch.cueLength)
        var cueRoles = ReadingScratch.take(&scratch.cueRoles)
        cueLength.reserveCapacity(n)
        cueRoles.reserveCapacity(n)
        let cues = lexicon.cues
        cueFrom.withUnsafeMutableBufferPointer { from in
            for i in 0..<n {
                from[i] = Int32(cueLength.count)
                if mask(i) & StartMask.cues.bits != 0 {
                    cues.appendAll(at: i, in: ids, lengths: &cueLength, values: &cueRoles)
                }
            }
            from[n] = Int32(cueLength.count)
        }
        self.cueFrom = cueFrom
        self.cueLength = cueLength
        self.cueRoles = cueRoles
        scratch.cueFrom = cueFrom
        scratch.cueLength = cueLength
        scratch.cueRoles = cueRoles
        var spans = ReadingScratch.take(&scratch.spans)
        var quantityAt = ReadingScratch.reuse(&scratch.quantityAt, -1, n)
        spans.reserveCapacity(quantities.count)
        quantityAt.withUnsafeMutableBufferPointer { quantityAt in
        quantities.withUnsafeBufferPointer { quantities in
        // (by index, the offsets read where they lie: no quantity copied out and destroyed)
        for qi in quantities.indices {
            let qStart = quantities[qi].start, qEnd = quantities[qi].end
            // tokens are in text order: binary search the first token ending after the quantity's start
            var lo = 0, hi = tokens.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if tokens[mid].end > qStart { hi = mid } else { lo = mid + 1 }
            }
            var last = lo
            while last < tokens.count, tokens[last].start < qEnd { last += 1 }
            let r = last > lo ? lo..<last : tokens.count..<tokens.count
            spans.append(r)
            for i in r where quantityAt[i] < 0 { quantityAt[i] = qi }
        }
        }
        }
        self.quantityAt = quantityAt
        self.spans = spans
        scratch.quantityAt = quantityAt
        scratch.spans = spans
        let inQuantity = TokenFlags(values: quantityAt, selfIndexed: false)
        self.inQuantity = inQuantity
        var conceptRefs = ReadingScratch.reuse(&scratch.conceptRefs, -1, n)
        var conceptEntries = ReadingScratch.take(&scratch.conceptEntries)
        let concepts = lexicon.concepts   // one copy of the table, not one per word
        let compounds = lexicon.compounds
        for i in tokens.indices where !attributionOnly && tokens[i].isWord && !inQuantity[i] {
            if mask(i) & StartMask.concepts.bits != 0, let m = concepts.longest(at: i, in: ids),
               !(i..<(i + m.length)).contains(where: { inQuantity[$0] }) {
                conceptRefs[i] = Int32(conceptEntries.count)
                conceptEntries.append((m.length, m.value))
            } else if compounds, !tokens[i].hasDigit, let h = Self.head(of: tokens[i], text: text, in: concepts) {
                conceptRefs[i] = Int32(conceptEntries.count)
                conceptEntries.append((1, h))
            }
        }
        self.conceptAt = ConceptIndex(refs: conceptRefs, entries: conceptEntries)
        scratch.conceptRefs = conceptRefs
        scratch.conceptEntries = conceptEntries
        if attributionOnly || !sentenceMask.contains(.events) {
            eventMatches = []
        } else {
            var events = ReadingScratch.take(&scratch.events)
            lexicon.events.appendMatches(in: ids, to: &events)
            events.keepOnly { m in !(m.start..<m.end).contains { inQuantity[$0] } }   // in place
            eventMatches = events
            scratch.events = events
        }
        // the cue phrases as `matches(in:)` walks them, from the per-token index: longest first
        var revised = false
        var c = 0
        while c < tokens.count {
            let last = Int(cueFrom[c + 1]) - 1
            if last >= Int(cueFrom[c]) {
                if cueRoles[last].contains(.revised) { revised = true; break }
                c += Int(cueLength[last])
            } else {
                c += 1
            }
        }
        isRevised = revised
        // a verb inside a name ("United States") is no attribution: capitalized only sentence-initially
        let firstWord = tokens.firstIndex(where: \.isWord) ?? tokens.count
        if sentenceMask.contains(.attribution) {
            var attribution = ReadingScratch.take(&scratch.attribution)
            lexicon.attribution.appendMatches(in: ids, to: &attribution)
            attribution.keepOnly { m in !(tokens[m.start].isCapitalized && m.start > firstWord) }
            attributionMatches = attribution
            scratch.attribution = attribution
        } else {
            attributionMatches = []
        }
        agencyMatches = attributionOnly || !sentenceMask.contains(.agencies) ? [] : lexicon.agencies.matches(in: ids)
        if attributionOnly {
            placeMatches = []
        } else {
            var places = ReadingScratch.take(&scratch.places)
            Self.places(in: tokens, text: text, ids: ids, lexicon: lexicon, vocabulary: vocabulary,
                        anyStart: sentenceMask.contains(.places), into: &places)
            placeMatches = places
            scratch.places = places
        }
        weekdayMatches = sentenceMask.contains(.weekdays) ? lexicon.weekdays.matches(in: ids) : []
        self.attributionOnly = attributionOnly
        relativeDayMatches = sentenceMask.contains(.relativeDays) ? lexicon.relativeDays.matches(in: ids) : []
        var next = ReadingScratch.reuse(&scratch.nextBreak, n, n + 1)
        next.withUnsafeMutableBufferPointer { next in
            var k = n - 1
            while k >= 0 {
                next[k] = !tokens[k].isWord && Self.isBreakScalar(tokens[k].scalar) ? k : next[k + 1]
                k -= 1
            }
        }
        nextBreak = next
        scratch.nextBreak = next
        isBreak = TokenFlags(values: next, selfIndexed: true)
        wordCount = words
    }

    /// `count` copies of `value` (`Array(repeating:count:)` is specialized where it is used;
    /// `init(unsafeUninitializedCapacity:)` allocated through the unspecialized library path).
    @inline(__always)
    static func filled<T>(_ value: T, _ count: Int) -> [T] {
        Array(repeating: value, count: count)
    }

    static let breakTexts: Set<String> = [",", ";", ":", ".", "!", "?", "\u{201C}", "\u{201D}", "\"", "\u{AB}", "\u{BB}",
                                          "\u{2014}", "\u{2013}", "\u{201E}", "|"]

    /// True when nothing but a day (*on Wednesday*, *yesterday*, *am Freitag*) stands between token
    /// `k` and a clause break or the sentence's end: a reporting verb there reports nothing after it.
    func closesClause(after k: Int) -> Bool {
        var j = k
        while j < tokens.count {
            if isBreak[j] { return true }
            if let end = dayStartingAt[j] { j = end; continue }
            if j + 1 < tokens.count, hasCue(.dateOn, at: j) != nil || hasCue(.stop, at: j) != nil, let end = dayStartingAt[j + 1] {
                j = end
                continue
            }
            return false
        }
        return true
    }

    /// Index in `eventMatches` of the first event starting at or after token `k`.
    func firstEvent(startingAtOrAfter k: Int) -> Int {
        var lo = 0, hi = eventMatches.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if eventMatches[mid].start >= k { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// The quantity covering token `k`, if any.
    func quantityIndex(at k: Int) -> Int? {
        k >= 0 && k < tokens.count && quantityAt[k] >= 0 ? quantityAt[k] : nil
    }

    /// Places named in the sentence; a capitalized word may also be a genitive (*Afghanistans*).
    /// `anyStart` false: no token starts a listed place (only genitives are looked for).
    private static func places(in tokens: [TokenSpan], text: String, ids: [Int32], lexicon: ClaimLexicon,
                               vocabulary: Vocabulary, anyStart: Bool = true, into out: inout [PhraseMatch<String>]) {
        let places = lexicon.places
        // a token whose word starts no place (its start mask says so) is not walked in the table
        let masks = lexicon.startMask
        @inline(__always) func mayStart(_ i: Int) -> Bool {
            let id = ids[i]
            return id >= 0 && Int(id) < masks.count && masks[Int(id)].contains(.places)
        }
        // (the sentence's bytes read once for every token: no copy of the text retained per
        // capitalized word)
        var bytesOf = text
        bytesOf.withUTF8 { b in
            var i = 0
            while i < tokens.count {
                if anyStart, mayStart(i), let m = places.longest(at: i, in: ids) {
                    out.append(PhraseMatch(start: i, end: i + m.length, value: m.value))
                    i += m.length
                    continue
                }
                // only a capitalized word ending in "s" may be a genitive: test that before copying the token
                let t = tokens[i]
                if t.isWord, t.isCapitalized, keyMayEndInS(t, bytes: b),
                   let g = t.isASCII ? asciiGenitivePlace(t, bytes: b, places: places, vocabulary: vocabulary)
                                     : genitivePlace(ClaimTokenizer.fullToken(t, in: b), places: places, vocabulary: vocabulary) {
                    out.append(PhraseMatch(start: i, end: i + 1, value: g))
                }
                i += 1
            }
        }
    }

    /// ``genitivePlace(_:lexicon:)`` of token `i`.
    func genitivePlace(at i: Int) -> String? {
        let t = tokens[i]
        guard t.isWord, t.isCapitalized, Self.keyMayEndInS(t, text: text) else { return nil }
        return Self.genitivePlace(t, text: text, places: lexicon.places, vocabulary: lexicon.vocabulary)
    }

    /// ``genitivePlace(_:places:vocabulary:)`` of a span of `text`: a plain-ASCII word is looked
    /// up by its key's bytes without the final "s" (lowercased as they are read: no token and no
    /// string made); any other word through its full token.
    static func genitivePlace(_ t: TokenSpan, text: String, places: PhraseTable<String>, vocabulary: Vocabulary) -> String? {
        guard t.isASCII else { return genitivePlace(fullToken(t, text: text), places: places, vocabulary: vocabulary) }
        var text = text
        return text.withUTF8 { asciiGenitivePlace(t, bytes: $0, places: places, vocabulary: vocabulary) }
    }

    /// ``genitivePlace(_:text:places:vocabulary:)`` of a plain-ASCII span of the sentence's bytes.
    @inline(__always)
    static func asciiGenitivePlace(_ t: TokenSpan, bytes b: UnsafeBufferPointer<UInt8>, places: PhraseTable<String>,
                                   vocabulary: Vocabulary) -> String? {
        guard t.isWord, t.isCapitalized else { return nil }
        // the key: the bytes lowercased, without a possessive "'s" / "'" (as the tokenizer cut it)
        let n = t.end - t.start
        let keep = t.isPossessive ? (b[t.end - 1] == 0x27 ? n - 1 : n - 2) : n
        // more than three characters ending in "s" (an ASCII word's characters are its bytes)
        guard keep > 3, b[t.start + keep - 1] | 0x20 == 0x73 else { return nil }
        let id = vocabulary.asciiID(lowering: UnsafeBufferPointer(rebasing: b[t.start..<(t.start + keep - 1)]))
        return places.value(ofWord: id)
    }

    /// False when the token's key surely does not end in "s": a plain-ASCII word's key is its
    /// bytes lowercased without a possessive `'s` / `'`; another word's key without a possessive
    /// ends in the lowercase of its last scalar, which is "s" only for `s` and `S` among ASCII and
    /// never for a plain Greek or Cyrillic letter (``GreekCyrillicTable``: it lowers to another
    /// such); any other word is asked of its key.
    @inline(__always)
    static func keyMayEndInS(_ t: TokenSpan, text: String) -> Bool {
        var text = text
        return text.withUTF8 { keyMayEndInS(t, bytes: $0) }
    }

    /// ``keyMayEndInS(_:text:)`` of a span of the sentence's bytes.
    @inline(__always)
    static func keyMayEndInS(_ t: TokenSpan, bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard t.isASCII else {
            guard !t.isPossessive else { return true }
            let end = t.end
            let last = b[end - 1]
            if last < 0x80 { return last | 0x20 == 0x73 }
            // a two-byte scalar (a lead byte and one continuation byte decode so wherever they stand)
            guard end - t.start >= 2, last & 0xC0 == 0x80, b[end - 2] >= 0xC2, b[end - 2] <= 0xDF else { return true }
            let raw = (UInt32(b[end - 2] & 0x1F) << 6) | UInt32(last & 0x3F)
            guard raw >= GreekCyrillicTable.first, raw < GreekCyrillicTable.end else { return true }
            return GreekCyrillicTable.entries[Int(raw - GreekCyrillicTable.first)] & GreekCyrillicTable.slow != 0
        }
        do {
            let end = t.end
            let last: UInt8
            if t.isPossessive {
                // "…'s" keeps the bytes before the apostrophe; "…s'" the bytes before the apostrophe too
                last = b[end - 1] == 0x27 ? b[end - 2] : b[end - 3]
            } else {
                last = b[end - 1]
            }
            return last | 0x20 == 0x73
        }
    }

    /// The full token (text and key) of a span of `text`.
    static func fullToken(_ t: TokenSpan, text: String) -> ClaimToken {
        var text = text
        return text.withUTF8 { ClaimTokenizer.fullToken(t, in: $0) }
    }

    /// The token `i` as written.
    func text(of i: Int) -> String { Self.fullToken(tokens[i], text: text).text }

    /// The key of token `i` (lowercased, `’` → `'`, without a possessive).
    func key(of i: Int) -> String { Self.fullToken(tokens[i], text: text).key }

    /// ``PhraseTable/head(of:)`` of a span: a plain-ASCII word is looked up by its key's bytes
    /// (lowercased on the stack, no string made unless a suffix may be a head).
    static func head<V>(of t: TokenSpan, text: String, in table: PhraseTable<V>) -> V? {
        guard t.isASCII else { return table.head(of: fullToken(t, text: text)) }
        // an ASCII key is at most the token's bytes: a word too short for any head is not lowered
        guard table.mayHaveHead(keyBytes: t.end - t.start) else { return nil }
        var text = text
        return text.withUTF8 { b in
            let n = t.end - t.start
            let keep = t.isPossessive ? (b[t.end - 1] == 0x27 ? n - 1 : n - 2) : n
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(keep, 1)) { out in
                for k in 0..<keep {
                    let c = b[t.start + k]
                    out[k] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
                }
                return table.head(ofASCIIKey: UnsafeBufferPointer(rebasing: out[0..<keep]))
            }
        }
    }

    /// The place a capitalized genitive names: *Afghanistans* → Afghanistan, *Deutschlands*.
    static func genitivePlace(_ t: ClaimToken, lexicon: ClaimLexicon) -> String? {
        genitivePlace(t, places: lexicon.places, vocabulary: lexicon.vocabulary)
    }

    static func genitivePlace(_ t: ClaimToken, places: PhraseTable<String>, vocabulary: Vocabulary) -> String? {
        guard t.isWord, t.isCapitalized, t.key.utf8.last == 0x73, t.key.utf8.count > 3, t.key.count > 3,
              t.key.hasSuffix("s") else { return nil }
        var bare = t.key
        bare.removeLast()
        return places.value(ofWord: vocabulary.id(of: bare))
    }

    /// The non-date quantities as candidates, in text order.
    func candidates() -> [ClaimCandidate] {
        var out: [ClaimCandidate] = []
        appendCandidates(to: &out)
        return out
    }

    /// ``candidates()`` appended to `out` (an array a reader keeps between sentences).
    func appendCandidates(to out: inout [ClaimCandidate]) {
        out.reserveCapacity(out.count + quantities.count)
        // by index, field by field: no quantity (its text, unit and trace) copied and destroyed
        quantities.withUnsafeBufferPointer { qs in
            for i in 0..<min(qs.count, spans.count) where qs[i].kind != .date && !spans[i].isEmpty {
                let r = spans[i]
                let q = CandidateQuantity(start: qs[i].start, end: qs[i].end, kind: qs[i].kind,
                                          value: qs[i].value, unit: qs[i].unit, qualifier: qs[i].qualifier)
                out.append(ClaimCandidate(quantity: q, first: r.lowerBound, end: r.upperBound, quoteEnd: q.end, base: nil))
            }
        }
    }

    /// Index of a quantity (any kind, dates too) whose span starts at token `i`.
    func quantity(startingAt i: Int) -> Int? {
        guard let qi = quantityIndex(at: i), spans[qi].lowerBound == i else { return nil }
        return qi
    }

    func isClauseBreak(_ t: TokenSpan) -> Bool {
        !t.isWord && Self.isBreakScalar(t.scalar)
    }

    /// ``isBreakText(_:)`` of a punctuation token by its one scalar: U+037E GREEK QUESTION MARK
    /// is canonically a semicolon.
    @inline(__always)
    static func isBreakScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0x2C, 0x3B, 0x3A, 0x2E, 0x21, 0x3F, 0x201C, 0x201D, 0x22, 0xAB, 0xBB, 0x2014, 0x2013, 0x201E, 0x7C, 0x037E:
            return true
        default:
            return false
        }
    }

    /// True for a punctuation token in ``breakTexts``, by its one scalar (no string hashed):
    /// U+037E GREEK QUESTION MARK is canonically a semicolon and so equals ";" as a `String`.
    @inline(__always)
    static func isBreakToken(_ t: ClaimToken) -> Bool {
        !t.isWord && isBreakText(t.text)
    }

    /// ``isBreakToken(_:)`` for the text of a punctuation token: one ASCII byte is looked at
    /// directly, another scalar by its value.
    @inline(__always)
    static func isBreakText(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let b = utf8.first else { return false }
        if b < 0x80 {
            switch b {
            case 0x2C, 0x3B, 0x3A, 0x2E, 0x21, 0x3F, 0x22, 0x7C: return utf8.count == 1 || breakTexts.contains(text)
            default: return false
            }
        }
        guard let u = text.unicodeScalars.first else { return false }
        switch u.value {
        case 0x2C, 0x3B, 0x3A, 0x2E, 0x21, 0x3F, 0x201C, 0x201D, 0x22, 0xAB, 0xBB, 0x2014, 0x2013, 0x201E, 0x7C, 0x037E:
            return text.unicodeScalars.count == 1 || breakTexts.contains(text)
        default:
            return false
        }
    }

    /// The length of the longest cue phrase with `role` starting at token `i`.
    func hasCue(_ role: CueRole, at i: Int) -> Int? {
        guard i >= 0, i < tokens.count else { return nil }
        let bit = role.bit
        var e = Int(cueFrom[i + 1]) - 1
        let first = Int(cueFrom[i])
        while e >= first {
            if cueRoles[e].bits & bit != 0 { return Int(cueLength[e]) }
            e -= 1
        }
        return nil
    }

    /// The length of the longest cue phrase of any role starting at token `i`.
    func anyCue(at i: Int) -> Int? {
        guard i >= 0, i < tokens.count, cueFrom[i + 1] > cueFrom[i] else { return nil }
        return Int(cueLength[Int(cueFrom[i + 1]) - 1])
    }

    /// The length of a cue phrase with `role` ending exactly at token index `end` (exclusive),
    /// of at most `maxLength` tokens, the longest first.
    func cue(_ role: CueRole, endingAt end: Int, maxLength: Int = 4) -> Int? {
        guard end > 0 else { return nil }
        let bit = role.bit
        for len in stride(from: min(maxLength, end), through: 1, by: -1) {
            let i = end - len
            guard i < tokens.count else { continue }
            for e in Int(cueFrom[i])..<Int(cueFrom[i + 1]) where cueLength[e] == len && cueRoles[e].bits & bit != 0 {
                return len
            }
        }
        return nil
    }
}

/// The concept phrase starting at each token, as `conceptAt[i]` read it from an array of
/// optional pairs: a number per token (-1: none) into the few phrases found, so the per-token
/// array holds no string (filling it releases nothing).
struct ConceptIndex {
    let refs: [Int32]
    let entries: [(length: Int, key: String)]

    @inline(__always)
    subscript(_ i: Int) -> (length: Int, key: String)? {
        let r = refs[i]
        return r < 0 ? nil : entries[Int(r)]
    }
}

/// A list of phrase matches in text order (starts and ends ascending, no two overlapping, as
/// ``PhraseTable/appendMatches(in:to:)`` and the place walk make them) looked up by first token:
/// the first match starting at `k`, by binary search; what a dictionary filled first-wins from the
/// list answered.
struct MatchLookup<Value: Sendable> {
    let matches: [PhraseMatch<Value>]

    init(_ matches: [PhraseMatch<Value>]) { self.matches = matches }

    subscript(_ k: Int) -> Value? {
        let i = Self.first(in: matches, atOrAfter: k, byEnd: false)
        return i < matches.count && matches[i].start == k ? matches[i].value : nil
    }

    /// Index of the first match whose start (or end, `byEnd`) is at or after `k`.
    @inline(__always)
    static func first(in ms: [PhraseMatch<Value>], atOrAfter k: Int, byEnd: Bool) -> Int {
        var lo = 0, hi = ms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if (byEnd ? ms[mid].end : ms[mid].start) >= k { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

/// The weekday and relative-day matches of a sentence looked up by first token (the value is the
/// match's end) or by end (`byEnd`: the value is its start); weekdays win a tie, as they did when
/// both lists filled one dictionary, weekdays first.
struct DayLookup {
    let weekdays: [PhraseMatch<Int>]
    let relative: [PhraseMatch<Int>]
    let byEnd: Bool

    init(_ weekdays: [PhraseMatch<Int>], _ relative: [PhraseMatch<Int>], byEnd: Bool) {
        self.weekdays = weekdays
        self.relative = relative
        self.byEnd = byEnd
    }

    subscript(_ k: Int) -> Int? {
        if let v = Self.find(weekdays, k, byEnd) { return v }
        return Self.find(relative, k, byEnd)
    }

    @inline(__always)
    private static func find(_ ms: [PhraseMatch<Int>], _ k: Int, _ byEnd: Bool) -> Int? {
        guard !ms.isEmpty else { return nil }
        let i = MatchLookup<Int>.first(in: ms, atOrAfter: k, byEnd: byEnd)
        guard i < ms.count else { return nil }
        return byEnd ? (ms[i].end == k ? ms[i].start : nil) : (ms[i].start == k ? ms[i].end : nil)
    }
}

/// Arrays the reader keeps between the sentences of one article: the tokens and their word
/// numbers, and the per-token indexes of ``SentenceTokens``. A sentence takes each array out
/// (emptied, its memory kept), fills it and leaves a reference behind; when the sentence is gone
/// the scratch holds the only reference again and the next sentence refills the same memory
/// instead of allocating a dozen arrays. Were a reference still alive elsewhere, the array would
/// be copied on write as any Swift array: sharing changes only the cost, never the contents.
/// One scratch belongs to one reading thread (it is not `Sendable`).
final class ReadingScratch {
    @exclusivity(unchecked) var tokens: [TokenSpan] = []
    @exclusivity(unchecked) var ids: [Int32] = []
    @exclusivity(unchecked) var cueFrom: [Int32] = []
    @exclusivity(unchecked) var cueLength: [Int32] = []
    @exclusivity(unchecked) var cueRoles: [CueRoles] = []
    @exclusivity(unchecked) var spans: [Range<Int>] = []
    @exclusivity(unchecked) var quantityAt: [Int] = []
    @exclusivity(unchecked) var conceptRefs: [Int32] = []
    @exclusivity(unchecked) var conceptEntries: [(length: Int, key: String)] = []
    @exclusivity(unchecked) var nextBreak: [Int] = []
    @exclusivity(unchecked) var events: [PhraseMatch<String>] = []
    @exclusivity(unchecked) var attribution: [PhraseMatch<AttributionPosition>] = []
    @exclusivity(unchecked) var places: [PhraseMatch<String>] = []
    @exclusivity(unchecked) var candidates: [ClaimCandidate] = []
    /// The sources already asked about for an agency name (``SentenceReader/cachedAgencyName(_:in:)``):
    /// an article names the same few again and again.
    @exclusivity(unchecked) var agencyNames: [(source: String, agency: String?)] = []
    /// The sentence's attributions with their side, and those parted into the ones covering any
    /// figure and the ones covering only what follows (``SentenceReader/appendClaims``).
    @exclusivity(unchecked) var sided: [(match: PhraseMatch<String>, nameBefore: Bool)] = []
    @exclusivity(unchecked) var always: [PhraseMatch<String>] = []
    @exclusivity(unchecked) var beforeOnly: [PhraseMatch<String>] = []
    /// ``SentenceReader/conceptSummary(of:in:)``'s answers.
    @exclusivity(unchecked) var conceptSummaries: [ConceptSummary?] = []
    /// The article's publication date as last read (see ``publication(_:)``).
    @exclusivity(unchecked) private var publishedText: String?
    @exclusivity(unchecked) private var publishedRead = false
    @exclusivity(unchecked) private var publishedDate: CivilDate?
    @exclusivity(unchecked) private var publishedISO: String?

    /// The publication date (nil when it is no full ISO date) and its ISO form, read once for the
    /// article's `published` and again only when another text is asked about (a text equal as a
    /// `String` reads the same: a date is ASCII, any other text reads as none).
    func publication(_ published: String?) -> (date: CivilDate?, iso: String?) {
        if publishedRead, published == publishedText { return (publishedDate, publishedISO) }
        let date = published.flatMap { CivilDate(iso: $0) }
        publishedText = published
        publishedDate = date
        publishedISO = date?.iso
        publishedRead = true
        return (publishedDate, publishedISO)
    }

    /// The tokenizer's memory (see ``TokenizerArena``).
    let arena = TokenizerArena()

    init() {}

    /// True while an article is read with this thread's scratch (see ``acquire()``).
    private var busy = false

    /// This thread's scratch, reset for a new article (a fresh one when the thread's own is busy:
    /// an article read while another is read on the same thread). Give it back with
    /// ``relinquish()``. The arrays keep their memory from article to article; what is remembered
    /// per article (the publication date, the sources' agency names, the concept summaries) is
    /// forgotten here, so the claims never depend on which articles were read before.
    static func acquire() -> ReadingScratch {
        let key = threadKey
        if let p = pthread_getspecific(key) {
            let s = Unmanaged<ReadingScratch>.fromOpaque(p).takeUnretainedValue()
            if s.busy { return ReadingScratch() }
            s.resetForArticle()
            s.busy = true
            return s
        }
        let s = ReadingScratch()
        s.busy = true
        pthread_setspecific(key, Unmanaged.passRetained(s).toOpaque())
        return s
    }

    /// Ends an article read with ``acquire()``'s scratch (the thread may use it for the next).
    func relinquish() { busy = false }

    /// Forgets what was remembered for the article before (the arrays' memory is kept).
    func resetForArticle() {
        var names = Self.take(&agencyNames)
        swap(&names, &agencyNames)
        conceptSummaries.withUnsafeMutableBufferPointer { b in
            for i in b.indices where b[i] != nil { b[i] = nil }
        }
        publishedText = nil
        publishedRead = false
        publishedDate = nil
        publishedISO = nil
    }

    /// The key under which each thread keeps its scratch (released when the thread ends).
    static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        #if canImport(Darwin)
        pthread_key_create(&key) { Unmanaged<ReadingScratch>.fromOpaque($0).release() }
        #else
        pthread_key_create(&key) { p in if let p { Unmanaged<ReadingScratch>.fromOpaque(p).release() } }
        #endif
        return key
    }()

    /// Appends `count` copies of `value` (one append each: `append(contentsOf: repeatElement)`
    /// went through the generic replace path).
    @inline(__always)
    static func fill<T>(_ array: inout [T], _ value: T, _ count: Int) {
        array.reserveCapacity(array.count + count)
        for _ in 0..<count { array.append(value) }
    }

    /// The array moved out of `slot` (which is left empty) with its first `count` elements set to
    /// `value`: it is at least `count` long and may be longer (what a longer sentence before left
    /// there). A sentence reads only its tokens' entries, so nothing is removed and nothing is
    /// appended once the array is long enough: the entries are set through one buffer pointer
    /// (one uniqueness check, not one per element).
    @inline(__always)
    static func reuse<T>(_ slot: inout [T], _ value: T, _ count: Int) -> [T] {
        var out: [T] = []
        swap(&out, &slot)
        if out.count < count {
            out.reserveCapacity(count)
            while out.count < count { out.append(value) }
        }
        out.withUnsafeMutableBufferPointer { b in
            for i in 0..<count { b[i] = value }
        }
        return out
    }

    /// The array moved out of `slot` (which is left empty), as it is.
    @inline(__always)
    static func move<T>(_ slot: inout [T]) -> [T] {
        var out: [T] = []
        swap(&out, &slot)
        return out
    }

    /// The array moved out of `slot` (which is left empty), emptied with its memory kept
    /// (from the end, one element at a time: `removeAll(keepingCapacity:)` went through the
    /// generic range replacement, about a thousand instructions for an array of strings).
    @inline(__always)
    static func take<T>(_ slot: inout [T]) -> [T] {
        var out: [T] = []
        swap(&out, &slot)
        while !out.isEmpty { out.removeLast() }
        return out
    }
}

extension Array {
    /// ``keepOnly(_:)`` with each element handed to `keep` `inout`, where it lies: an element
    /// read through the buffer's pointer and passed on is copied (its strings retained and
    /// released) unless the callee takes it `inout`; from there it is passed on borrowed. `keep`
    /// must not change the element.
    @inline(__always)
    mutating func keepOnlyInPlace(_ keep: (inout Element) -> Bool) {
        let w = withUnsafeMutableBufferPointer { b in
            var w = 0
            for r in b.indices where keep(&b[r]) {
                if w != r { b.swapAt(w, r) }
                w += 1
            }
            return w
        }
        if w < count { removeSubrange(w...) }
    }

    /// Keeps the elements `keep` is true for, in order, in place: `removeAll(where:)` with the
    /// predicate asked once per element in order, and nothing else done when every element stays
    /// (`removeAll(where:)` always went through the generic range replacement).
    @inline(__always)
    mutating func keepOnly(_ keep: (Element) -> Bool) {
        // each element is handed to `keep` where it lies (through the buffer: not copied out)
        let w = withUnsafeMutableBufferPointer { b in
            guard let base = b.baseAddress else { return 0 }
            var w = 0
            for r in b.indices where keep((base + r).pointee) {
                if w != r { b.swapAt(w, r) }
                w += 1
            }
            return w
        }
        if w < count { removeSubrange(w...) }
    }
}
