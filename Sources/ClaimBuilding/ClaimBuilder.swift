import CrosscheckModel
import LanguageData
import QuantityRecognition

/// Turns the quantities in an article's title and sentences into claims: what each figure counts
/// (subject, concept), who stands behind it (cited, agency), as of when, where, and whether it is
/// part of a whole, a running count or a rank.
///
/// Everything language-specific comes from the language folders (`concepts.tsv`, `events.tsv`,
/// `attribution.tsv`, `agencies.tsv`, `relative-days.tsv`, `places.tsv`, `claim-cues.tsv`,
/// `weekdays.tsv`) and the language-neutral `Concepts/catalog.tsv`; see docs/claims.md.
public struct ClaimBuilder: Sendable {
    public let languages: LanguageStore
    public let recognizer: QuantityRecognizer
    /// The concept catalog the language tables point into.
    public let catalog: ConceptCatalog
    let readers: [String: SentenceReader]
    let fallback: SentenceReader

    /// Loads the catalog and every language's claim tables; throws on a bad row, naming it.
    public init(languages: LanguageStore, recognizer: QuantityRecognizer) throws {
        try self.init(languages: languages, recognizer: recognizer, catalog: ConceptCatalog.builtIn())
    }

    init(languages: LanguageStore, recognizer: QuantityRecognizer, catalog: ConceptCatalog) throws {
        self.languages = languages
        self.recognizer = recognizer
        self.catalog = catalog
        // one language per task, on all cores (start-up time)
        readers = try languages.buildPerLanguage {
            SentenceReader(lexicon: try ClaimLexicon(pack: $0, catalog: catalog), catalog: catalog)
        }
        let empty = LanguagePack(code: "und", directory: languages.root, settings: [:], tables: [:])
        fallback = SentenceReader(lexicon: try ClaimLexicon(pack: empty, catalog: catalog), catalog: catalog)
    }

    /// The article's claims, ids "<article id>#<n>" numbered in text order (title first).
    /// How claim building asks for quantities: the defaults, without traces.
    static let recognition = QuantityRecognizer.Options(traces: false)

    public func claims(for article: Article) -> [Claim] {
        // the article's sentences are read into the same arrays, this thread's from article to article
        let scratch = ReadingScratch.acquire()
        defer { scratch.relinquish() }
        return claims(for: article, scratch: scratch)
    }

    /// ``claims(for:)`` read with `scratch` (reset for the article by its caller, or fresh).
    func claims(for article: Article, scratch: ReadingScratch) -> [Claim] {
        let reader = readers[article.language] ?? fallback
        let wire = wireAgency(of: article, reader: reader, arena: scratch.arena)
        var out: [Claim] = []
        // the title, then every sentence; a slot (with its neighbours) is made only for a sentence
        // that holds a figure other than a date (about a third of them)
        let title = article.title.flatMap { $0.isEmpty ? nil : $0 }
        let sentences = article.sentences
        let paragraphs = article.paragraphs
        let first = title == nil ? 0 : -1
        for k in first..<sentences.count {
            let text = k < 0 ? title! : sentences[k].text
            // (no traces: a claim never reads them, and each would be an array made and freed)
            let quantities = recognizer.recognize(text, language: article.language, options: Self.recognition)
            // only a figure that is not a date becomes a claim (the reader's own first test, made
            // here so most sentences are not handed over at all)
            guard SentenceReader.holdsClaimFigure(quantities) else { continue }
            let slot = k < 0 ? SentenceSlot(text: text, offset: 0, inTitle: true)
                             : Self.slot(k, of: sentences, paragraphs: paragraphs)
            // the sentence's claims are read into `out` and completed there (no claim copied)
            let from = out.count
            reader.appendClaims(in: slot, quantities: quantities, published: article.published, to: &out, scratch: scratch)
            for i in from..<out.count {
                if out[i].agency == nil { out[i].agency = wire }
                out[i].article = article.id
                out[i].id = Self.claimID(article.id, i + 1)
            }
        }
        Self.restate(&out)
        return out
    }

    /// "<article>#<number>" written in one string (no interpolation, no string for the number):
    /// what `"\(article)#\(number)"` makes for a number of zero or more.
    static func claimID(_ article: String, _ number: Int) -> String {
        precondition(number >= 0)
        var digits = 1
        var n = number
        while n >= 10 { n /= 10; digits += 1 }
        var article = article
        return article.withUTF8 { a in
            String(unsafeUninitializedCapacity: a.count + 1 + digits) { out in
                var p = 0
                for b in a { out[p] = b; p += 1 }
                out[p] = 0x23   // "#"
                var n = number
                var q = a.count + digits
                while q > a.count {
                    out[q] = 0x30 + UInt8(n % 10)
                    n /= 10
                    q -= 1
                }
                return a.count + 1 + digits
            }
        }
    }

    /// A headline figure and a body figure with the same value restate each other: the one without
    /// a concept takes the other's (*Sundtunnelen bliver 3,9 milliarder dyrere* / *…bliver 3,9
    /// milliarder kroner dyrere*; a body's bare *41* after a headline's *41 dead*), and a bare
    /// headline count in the millions restating a body sum takes its kind and currency. Only
    /// figures of three or more, of the same kind and unit (but for that sum), are joined.
    static func restatements(_ claims: [Claim]) -> [Claim] {
        var out = claims
        restate(&out)
        return out
    }

    /// ``restatements(_:)`` in place: the claims are not copied (every title and body figure is
    /// read before any is changed).
    static func restate(_ out: inout [Claim]) {
        let titles = out.indices.filter { out[$0].inTitle == true }
        guard !titles.isEmpty else { return }
        func key(_ c: Claim) -> Double? {
            guard let n = c.value.number ?? c.value.high, n.isFinite, n >= 3 else { return nil }
            return n
        }
        // body figures by value, first one wins (text order), a first one with a concept over one
        // without: found for every title before any claim is changed (a title or two: a scan of
        // the body each, no dictionary of every body figure)
        func body(_ k: Double) -> Int? {
            var found: Int?
            for i in out.indices where out[i].inTitle != true && key(out[i]) == k {
                if found == nil {
                    found = i
                    if out[i].concept != nil { break }
                } else if out[i].concept != nil {
                    found = i
                    break
                }
            }
            return found
        }
        let pairs = titles.map { t in (t, key(out[t]).flatMap { body($0) }) }
        for (t, found) in pairs {
            guard let k = key(out[t]), let b = found else { continue }
            var title = out[t], other = out[b]
            // two different concepts are two facts
            if let a = title.concept, let b = other.concept, a != b { continue }
            if title.kind == .count, title.unit == nil, other.kind == .money, k >= 1_000_000, title.value.low == nil {
                title.kind = .money
                title.unit = other.unit
            }
            guard title.kind == other.kind, title.unit == other.unit, title.value == other.value else { continue }
            if title.concept == nil, other.concept != nil {
                title.concept = other.concept
                title.subject = other.subject
                title.cumulative = other.cumulative
            } else if other.concept == nil, title.concept != nil {
                other.concept = title.concept
                other.subject = title.subject
                other.cumulative = title.cumulative
            }
            out[t] = title
            out[b] = other
        }
    }

    /// The claims of one sentence from quantities already found: the builder's logic without the
    /// recognizer, for tests and tools. `previous`/`next` are the neighbouring sentences of the same
    /// paragraph (a source may carry over from them).
    public func claims(sentence: String, quantities: [Quantity], language: String, published: String? = nil,
                       inTitle: Bool = false, previous: String? = nil, next: String? = nil,
                       articleID: String = "a") -> [Claim] {
        let reader = readers[language] ?? fallback
        let slot = SentenceSlot(text: sentence, inTitle: inTitle, previous: previous, next: next)
        return reader.claims(in: slot, quantities: quantities, published: published).enumerated().map { i, c in
            var c = c
            c.article = articleID
            c.id = "\(articleID)#\(i + 1)"
            return c
        }
    }

    /// The wire agency the whole article comes through: named in the outlet ("Euronews with AFP"),
    /// the byline ("By Daniel Bellamy with AFP") or a dateline ("KABUL (Reuters) -", "/ritzau/").
    /// `arena`: the tokenizer's memory when the caller keeps one for the article.
    func wireAgency(of article: Article, reader: SentenceReader, arena: TokenizerArena? = nil) -> String? {
        let arena = arena ?? TokenizerArena()
        // the article's language, then English (once: an English article's reader is English's);
        // each text is cut into spans with that lexicon's word numbers (no token strings made)
        let english = readers["en"]?.lexicon
        let second = english === reader.lexicon ? nil : english
        var spans: [TokenSpan] = [], ids: [Int32] = []
        for text in [article.outlet, article.byline] {
            guard let text else { continue }
            for lexicon in [reader.lexicon, second] {
                guard let lexicon else { continue }
                ClaimTokenizer.tokenizeSpans(text, vocabulary: lexicon.vocabulary, into: &spans, ids: &ids, arena: arena)
                if let m = lexicon.agencies.matches(in: ids).first { return m.value }
            }
        }
        // a dateline agency stands between "(" and ")" or "/" and "/": without either byte there is none
        guard let first = article.sentences.first?.text,
              first.utf8.contains(where: { $0 == 0x28 || $0 == 0x2F }) else { return nil }
        for lexicon in [reader.lexicon, second] {
            guard let lexicon else { continue }
            ClaimTokenizer.tokenizeSpans(first, vocabulary: lexicon.vocabulary, into: &spans, ids: &ids, arena: arena)
            for m in lexicon.agencies.matches(in: ids) where m.start > 0 && m.end < spans.count {
                let open = SentenceTokens.fullToken(spans[m.start - 1], text: first).text
                let close = SentenceTokens.fullToken(spans[m.end], text: first).text
                if (open == "(" && close == ")") || (open == "/" && close == "/") { return m.value }
            }
        }
        return nil
    }

    /// The title, then every sentence with its neighbours in the same paragraph.
    static func slots(of article: Article) -> [SentenceSlot] {
        var slots: [SentenceSlot] = []
        slots.reserveCapacity(article.sentences.count + 1)
        if let title = article.title, !title.isEmpty {
            slots.append(SentenceSlot(text: title, offset: 0, inTitle: true))
        }
        for i in article.sentences.indices {
            slots.append(slot(i, of: article.sentences, paragraphs: article.paragraphs))
        }
        return slots
    }

    /// Sentence `i` with its neighbours in the same paragraph (what ``slots(of:)`` holds for it).
    static func slot(_ i: Int, of sentences: [Sentence], paragraphs: [Paragraph]) -> SentenceSlot {
        // (the sentences' fields are read where they lie: no sentence copied out for its start)
        sentences.withUnsafeBufferPointer { ss in
            let s = ss.baseAddress!
            let start = s[i].start
            let p = paragraphIndex(ofStart: start, in: paragraphs)
            let previous = i > 0 && paragraphIndex(ofStart: s[i - 1].start, in: paragraphs) == p ? s[i - 1].text : nil
            let next = i + 1 < ss.count && paragraphIndex(ofStart: s[i + 1].start, in: paragraphs) == p
                ? s[i + 1].text : nil
            return SentenceSlot(text: s[i].text, offset: start, inTitle: false, previous: previous, next: next)
        }
    }

    /// The index of the paragraph holding a sentence that starts at UTF-8 offset `start`, or -1.
    /// Paragraphs are in text order: the last one starting at or before the sentence (binary search).
    static func paragraphIndex(ofStart start: Int, in paragraphs: [Paragraph]) -> Int {
        // (the offsets are read where they lie: no paragraph copied out for its start)
        paragraphs.withUnsafeBufferPointer { ps in
            guard let base = ps.baseAddress else { return -1 }
            return paragraphIndex(ofStart: start, in: base, count: ps.count)
        }
    }

    @inline(__always)
    static func paragraphIndex(ofStart start: Int, in paragraphs: UnsafePointer<Paragraph>, count: Int) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if paragraphs[mid].start <= start { lo = mid + 1 } else { hi = mid }
        }
        var i = lo - 1
        // an empty paragraph at the same start: step back to one that holds the sentence
        while i >= 0, !(paragraphs[i].start <= start && start < max(paragraphs[i].end, paragraphs[i].start + 1)) {
            if paragraphs[i].start < start, paragraphs[i].end <= start { i = -1; break }
            i -= 1
        }
        return i
    }
}

