import CrosscheckModel

extension SentenceTokens {
    /// Every attribution phrase of the sentence that names a source, with the source's name.
    func attributions() -> [PhraseMatch<String>] {
        attributionsWithSide().map(\.match)
    }

    /// The attributions, each with whether its name stood before the phrase (*X said*) — the
    /// phrase then reports what follows it — or after it (*…, said X*, *according to X*).
    func attributionsWithSide() -> [(match: PhraseMatch<String>, nameBefore: Bool)] {
        var out: [(match: PhraseMatch<String>, nameBefore: Bool)] = []
        appendAttributionsWithSide(to: &out)
        return out
    }

    /// ``attributionsWithSide()`` appended to `out` (an array a reader keeps between sentences).
    func appendAttributionsWithSide(to out: inout [(match: PhraseMatch<String>, nameBefore: Bool)]) {
        for m in attributionMatches {
            // "45 people are confirmed dead": a reporting verb in the passive names no source
            if m.value != .before, m.value != .back, m.start > 0, hasCue(.passive, at: m.start - 1) != nil { continue }
            var name: String?
            var before = false
            switch m.value {
            case .before, .back: name = nameAfter(m.end)
            case .after:
                name = nameBefore(m.start)
                before = true
            case .either:
                // after a comma the verb may open an inverted clause ("…, teilten die Behörden mit");
                // a capitalized name right after it wins over an apposition before it
                if m.start > 0, tokens[m.start - 1].isPunctuation(0x2C), let after = capitalizedNameAfter(m.end) {
                    name = after
                } else if let b = nameBefore(m.start) {
                    name = b
                    before = true
                } else {
                    name = nameAfter(m.end)
                }
            }
            if let name { out.append((PhraseMatch(start: m.start, end: m.end, value: name), before)) }
        }
    }

    /// The source named right before token `i`: *The Pentagon* (has indicated), *a local lawmaker*
    /// (told), *Mohammed Tayab, a Pakistani official,* (said). Auxiliaries in between are skipped.
    func nameBefore(_ i: Int) -> String? {
        var k = i
        while k > 0 {
            if let len = cue(.auxiliary, endingAt: k) { k -= len; continue }
            // "wie die Regionalregierung am Mittwoch mitteilte": the day is not the source
            if let start = dayEndingAt[k] {
                k = start
                if k > 0, cue(.stop, endingAt: k) != nil || cue(.dateOn, endingAt: k) != nil { k -= 1 }
                continue
            }
            break
        }
        guard k > 0 else { return nil }
        if tokens[k - 1].isPunctuation(0x2C) {
            // an apposition: "X, a Pakistani paramilitary official, said" or "the prime minister,
            // Pedro Sánchez, said": the part that is a proper name wins, else the one before
            let close = k - 1
            if let open = (max(0, close - 10)..<close).last(where: { tokens[$0].isPunctuation(0x2C) }) {
                let inner = (open + 1)..<close
                if !inner.isEmpty, inner.allSatisfy({ tokens[$0].isWord && tokens[$0].isCapitalized }) {
                    return render(inner)
                }
                if let name = phraseBackward(from: open, capitalizedOnly: true) { return name }
                return phraseForward(from: open + 1, limit: close)
            }
            return nil
        }
        return phraseBackward(from: k, capitalizedOnly: false)
    }

    /// True when a reporting verb in the sentence has a personal pronoun for its source
    /// ("“…,” he said", "he told reporters"): the speaker was named before.
    var hasPronounSource: Bool {
        attributionMatches.contains { m in
            guard m.value != .before, m.value != .back else { return false }
            var k = m.start
            while k > 0, let len = cue(.auxiliary, endingAt: k) { k -= len }
            if k > 0, hasCue(.pronoun, at: k - 1) != nil, k - 1 == 0 || !tokens[k - 2].isWord { return true }
            // inverted: "…, said he" / "sagde han"
            return m.end < tokens.count && hasCue(.pronoun, at: m.end) != nil && (m.end + 1 == tokens.count || !tokens[m.end + 1].isWord)
        }
    }

    /// A name right after token `i` that starts with a capital (after determiners): *die Behörden*.
    func capitalizedNameAfter(_ i: Int) -> String? {
        var k = i
        while k < tokens.count, let len = hasCue(.determiner, at: k) { k += len }
        guard k < tokens.count, tokens[k].isWord, tokens[k].isCapitalized, hasCue(.pronoun, at: k) == nil else { return nil }
        return nameAfter(i)
    }

    /// The source named right after token `i`: *according to the UN*, *oplyser Jawad Mujadidi*,
    /// *said the spokesman for US diplomacy*.
    func nameAfter(_ i: Int) -> String? {
        phraseForward(from: i, limit: tokens.count)
    }

    /// A name read backward from token `end` (exclusive): capitalized words and the joiners between
    /// them, or a short lowercase noun phrase back to its determiner.
    private func phraseBackward(from end: Int, capitalizedOnly: Bool) -> String? {
        var k = end - 1
        var taken: [Int] = []
        var sawCapital = false
        while k >= 0, taken.count < 6 {
            let t = tokens[k]
            if !t.isWord || inQuantity[k] { break }
            // a joiner inside a name: "Ministry of Defense", "ministère britannique de la Défense"
            if sawCapital, let len = cue(.nameJoiner, endingAt: k + 1), k - len >= 0, tokens[k - len].isWord,
               !inQuantity[k - len], hasCue(.determiner, at: k - len) == nil {
                taken.append(contentsOf: ((k - len + 1)...k).reversed())
                k -= len
                var lower = 0
                while k >= 0, taken.count < 8, tokens[k].isWord, !inQuantity[k], hasCue(.determiner, at: k) == nil,
                      hasCue(.stop, at: k) == nil, hasCue(.pronoun, at: k) == nil {
                    if !tokens[k].isCapitalized { lower += 1; if lower > 2 { break } }
                    taken.append(k)
                    k -= 1
                }
                break
            }
            if hasCue(.determiner, at: k) != nil || hasCue(.stop, at: k) != nil || hasCue(.pronoun, at: k) != nil {
                break
            }
            if t.isCapitalized {
                taken.append(k)
                sawCapital = true
            } else {
                if capitalizedOnly || sawCapital { break }
                if taken.count >= 3 || anyCue(at: k) != nil { break }
                taken.append(k)
            }
            k -= 1
        }
        guard !taken.isEmpty else { return nil }
        // a pronoun right before the verb names nobody
        if taken.count == 1, hasCue(.pronoun, at: taken[0]) != nil { return nil }
        return render(taken.reversed())
    }

    /// A name read forward from token `start` up to `limit`.
    private func phraseForward(from start: Int, limit: Int) -> String? {
        var k = start
        var determined = false
        // "informó el miércoles la ONU", "sagte am Dienstag der Sprecher": skip the day
        while k < limit {
            if let len = hasCue(.determiner, at: k) { k += len; determined = true; continue }
            if let end = dayStartingAt[k] { k = end; continue }
            if hasCue(.stop, at: k) != nil, k + 1 < limit, dayStartingAt[k + 1] != nil {
                k += 1
                continue
            }
            break
        }
        guard k < limit, tokens[k].isWord, !inQuantity[k], hasCue(.pronoun, at: k) == nil else { return nil }
        var taken: [Int] = []
        if tokens[k].isCapitalized {
            while k < limit, taken.count < 6 {
                let t = tokens[k]
                if !t.isWord || inQuantity[k] { break }
                if t.isCapitalized { taken.append(k); k += 1; continue }
                if let len = hasCue(.nameJoiner, at: k), k + len < limit {
                    // "Ministerio de la Defensa": an article may follow the joiner
                    let article = hasCue(.determiner, at: k + len) ?? 0
                    if k + len + article < limit, tokens[k + len + article].isCapitalized, tokens[k + len + article].isWord {
                        taken.append(contentsOf: k..<(k + len + article))
                        k += len + article
                        continue
                    }
                }
                break
            }
        } else {
            // without a determiner a lowercase source is one word ("ifølge notatet skyldes …")
            while k < limit, taken.count < (determined ? 3 : 1) {
                let t = tokens[k]
                if !t.isWord || inQuantity[k] || hasCue(.stop, at: k) != nil || hasCue(.determiner, at: k) != nil
                    || hasCue(.auxiliary, at: k) != nil || hasCue(.nameJoiner, at: k) != nil { break }
                taken.append(k)
                k += 1
            }
            // a title and then the name: "guvernør Ahmad Khan", "the spokesman John Kirby"
            if !taken.isEmpty, k < limit, tokens[k].isWord, tokens[k].isCapitalized, !inQuantity[k] {
                while k < limit, tokens[k].isWord, tokens[k].isCapitalized, taken.count < 7 { taken.append(k); k += 1 }
                return render(taken)
            }
            // "spokesman for US diplomacy": a joiner and a capitalized name complete it
            // (an article may follow the joiner: "ministère de l'Intérieur", "ministerio de la Defensa")
            let article = k + 1 < limit ? (hasCue(.determiner, at: k + 1) ?? 0) : 0
            if !taken.isEmpty, k + 1 + article < limit, hasCue(.nameJoiner, at: k) != nil || hasCue(.stop, at: k) != nil,
               tokens[k + 1 + article].isCapitalized, tokens[k + 1 + article].isWord {
                taken.append(contentsOf: k...(k + article))
                var j = k + 1 + article
                while j < limit, tokens[j].isWord, taken.count < 8 {
                    if tokens[j].isCapitalized { taken.append(j); j += 1; continue }
                    if let len = hasCue(.nameJoiner, at: j), j + len < limit, tokens[j + len].isCapitalized {
                        taken.append(contentsOf: j..<(j + len))
                        j += len
                        continue
                    }
                    break
                }
            }
        }
        guard !taken.isEmpty else { return nil }
        return render(taken)
    }

    /// The tokens as written, joined by single spaces, without a trailing possessive.
    /// (Written byte by byte into one string: the tokens' texts are their bytes in the sentence;
    /// no string is made per token and none re-joined.)
    private func render(_ idx: some Sequence<Int>) -> String {
        let all = Array(idx)
        guard let lastIndex = all.last else { return "" }
        var sentence = text
        return sentence.withUTF8 { b in
            var total = all.count
            for i in all { total += tokens[i].end - tokens[i].start }
            return String(unsafeUninitializedCapacity: total) { out in
                var p = 0
                for (n, i) in all.enumerated() {
                    let t = tokens[i]
                    // a possessive inside the name stays ("farmers’ groups"); a trailing one goes
                    let end = i == lastIndex && t.isPossessive ? possessiveCut(i, bytes: b) : t.end
                    // an elided article joins the next word: "l'Intérieur"
                    if n > 0, !Self.isElision(tokens[all[n - 1]], bytes: b) {
                        out[p] = 0x20
                        p += 1
                    }
                    var k = t.start
                    while k < end {
                        out[p] = b[k]
                        p += 1
                        k += 1
                    }
                }
                return p
            }
        }
    }

    /// Where the text of possessive token `i` is cut: before its last character that is an
    /// apostrophe (' or ’), or its end when it has none.
    private func possessiveCut(_ i: Int, bytes b: UnsafeBufferPointer<UInt8>) -> Int {
        let t = tokens[i]
        if t.isASCII {
            var k = t.end - 1
            while k >= t.start {
                if b[k] == 0x27 { return k }
                k -= 1
            }
            return t.end
        }
        // beyond ASCII the apostrophe is asked of the characters (a mark after it makes another)
        let whole = self.text(of: i)
        guard let cut = whole.lastIndex(where: { $0 == "'" || $0 == "\u{2019}" }) else { return t.end }
        return t.start + whole.utf8.distance(from: whole.utf8.startIndex, to: cut)
    }

    /// True when the token is an elided article: at most three scalars, the last an apostrophe
    /// (' ’ ʼ).
    @inline(__always)
    private static func isElision(_ t: TokenSpan, bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = t.start, end = t.end
        guard end > start else { return false }
        let apostrophe = b[end - 1] == 0x27
            || (end - 3 >= start && b[end - 3] == 0xE2 && b[end - 2] == 0x80 && b[end - 1] == 0x99)
            || (end - 2 >= start && b[end - 2] == 0xCA && b[end - 1] == 0xBC)
        guard apostrophe else { return false }
        var scalars = 0
        for k in start..<end where b[k] & 0xC0 != 0x80 { scalars += 1 }
        return scalars <= 3
    }

    /// ``render(_:)`` as it was first written, string by string (for tests comparing the two).
    func renderedByStrings(_ idx: some Sequence<Int>) -> String {
        let all = Array(idx)
        var out = ""
        for (n, i) in all.enumerated() {
            let t = tokens[i]
            let whole = self.text(of: i)
            var text = whole
            if i == all.last, t.isPossessive, let cut = whole.lastIndex(where: { $0 == "'" || $0 == "\u{2019}" }) {
                text = String(whole[..<cut])
            }
            if n > 0, let prevText = Optional(self.text(of: all[n - 1])), let prev = prevText.unicodeScalars.last,
               ClaimTokenizer.isApostrophe(prev), prevText.unicodeScalars.count <= 3 {
                out += text
            } else {
                out += (n > 0 ? " " : "") + text
            }
        }
        return out
    }

    /// ``render(_:)`` (for tests).
    func rendered(_ idx: [Int]) -> String { render(idx) }
}

extension SentenceReader {
    /// A source carried over from a neighbour in the same paragraph: the next sentence opens with a
    /// back-reference (*Det oplyser Jawad Mujadidi*, *That is according to the UN*), or this sentence
    /// is a direct quotation and the previous one names its speaker.
    /// `arena`: the tokenizer's memory when the reader keeps one (the next sentence's first words
    /// are cut there).
    func carriedSource(slot: SentenceSlot, sentence: SentenceTokens, arena: TokenizerArena? = nil) -> String? {
        let arena = arena ?? TokenizerArena()
        // "“…,” he said": the last source named in the previous sentence of the paragraph
        if sentence.hasPronounSource, let previous = slot.previous {
            let s = neighbour(previous)
            if let name = s.attributions().last?.value { return name }
        }
        if let next = slot.next {
            // only the next sentence's first words are read: the whole of it is tokenized only
            // when its first word may open an attribution phrase
            // (most sentences open with a word: the first run of non-space bytes settles it; the
            // first tokens of any leading part are the text's first tokens; spans and word numbers,
            // no string made for them)
            let vocabulary = lexicon.vocabulary
            var lead = ClaimTokenizer.leadingWord(next, chunks: 1, vocabulary: vocabulary, arena: arena)
            if lead.word >= lead.count { lead = ClaimTokenizer.leadingWord(next, chunks: 3, vocabulary: vocabulary, arena: arena) }
            var spans: [TokenSpan] = [], ids: [Int32] = []
            if !lead.whole && lead.count < 3 && lead.word >= lead.count {
                ClaimTokenizer.tokenizeSpans(next, vocabulary: vocabulary, into: &spans, ids: &ids, arena: arena)
                var i = 0
                while i < spans.count, !spans[i].isWord { i += 1 }
                lead = (spans.count, true, i, i < spans.count ? ids[i] : -1)
            }
            let i = lead.word
            if i < 3, i < lead.count, lexicon.attribution.mayStart(lead.id) {
                ClaimTokenizer.tokenizeSpans(next, vocabulary: vocabulary, into: &spans, ids: &ids, arena: arena)
                if let m = lexicon.attribution.longest(at: i, in: ids), m.value == .back {
                    let s = SentenceTokens(text: next, spans: spans, ids: ids, lexicon: lexicon, quantities: [], attributionOnly: true)
                    if let name = s.nameAfter(i + m.length) { return name }
                }
            }
        }
        if let previous = slot.previous, let first = sentence.tokens.first, !first.isWord,
           Self.opensQuotation(first.scalar), sentence.attributionMatches.isEmpty {
            return neighbour(previous).attributions().last?.value
        }
        return nil
    }

    /// True for the one-scalar punctuation a direct quotation opens with: “ " « „ - – — ' ‘.
    @inline(__always)
    static func opensQuotation(_ v: UInt32) -> Bool {
        switch v {
        case 0x201C, 0x22, 0xAB, 0x201E, 0x2D, 0x2013, 0x2014, 0x27, 0x2018: return true
        default: return false
        }
    }

    /// A neighbouring sentence read only for who it cites.
    private func neighbour(_ text: String) -> SentenceTokens {
        var spans: [TokenSpan] = [], ids: [Int32] = []
        ClaimTokenizer.tokenizeSpans(text, vocabulary: lexicon.vocabulary, into: &spans, ids: &ids)
        return SentenceTokens(text: text, spans: spans, ids: ids, lexicon: lexicon, quantities: [], attributionOnly: true)
    }
}
