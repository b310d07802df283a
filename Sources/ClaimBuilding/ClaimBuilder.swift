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
    public func claims(for article: Article) -> [Claim] {
        let reader = readers[article.language] ?? fallback
        let wire = wireAgency(of: article, reader: reader)
        var out: [Claim] = []
        let slots = Self.slots(of: article)
        let scratch = ReadingScratch()   // the article's sentences are read into the same arrays
        for k in slots.indices {
            let quantities = recognizer.recognize(slots[k].text, language: article.language)
            // only a figure that is not a date becomes a claim (the reader's own first test, made
            // here so most sentences are not handed over at all)
            guard quantities.contains(where: { $0.kind != .date }) else { continue }
            // the sentence's claims are read into `out` and completed there (no claim copied)
            let from = out.count
            reader.appendClaims(in: slots[k], quantities: quantities, published: article.published, to: &out, scratch: scratch)
            for i in from..<out.count {
                if out[i].agency == nil { out[i].agency = wire }
                out[i].article = article.id
                var id = article.id   // "<article id>#<n>", without the interpolation machinery
                id += "#"
                id += String(i + 1)
                out[i].id = id
            }
        }
        Self.restate(&out)
        return out
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
        // body figures by value, first one wins (text order)
        var body: [Double: Int] = [:]
        body.reserveCapacity(out.count)
        for i in out.indices where out[i].inTitle != true {
            if let k = key(out[i]), body[k] == nil || (out[body[k]!].concept == nil && out[i].concept != nil) {
                body[k] = i
            }
        }
        for t in titles {
            guard let k = key(out[t]), let b = body[k] else { continue }
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
    func wireAgency(of article: Article, reader: SentenceReader) -> String? {
        let lexicons = [reader.lexicon, readers["en"]?.lexicon].compactMap { $0 }
        for text in [article.outlet, article.byline].compactMap({ $0 }) {
            let toks = ClaimTokenizer.tokenize(text)
            for lexicon in lexicons {
                if let m = lexicon.agencies.matches(in: lexicon.ids(of: toks)).first { return m.value }
            }
        }
        // a dateline agency stands between "(" and ")" or "/" and "/": without either byte there is none
        guard let first = article.sentences.first?.text,
              first.utf8.contains(where: { $0 == 0x28 || $0 == 0x2F }) else { return nil }
        let toks = ClaimTokenizer.tokenize(first)
        for lexicon in lexicons {
            for m in lexicon.agencies.matches(in: lexicon.ids(of: toks)) where m.start > 0 && m.end < toks.count {
                let open = toks[m.start - 1].text, close = toks[m.end].text
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
        // paragraphs are in text order: the last one starting at or before the sentence (binary search)
        let paragraphs = article.paragraphs
        let paragraphOf: [Int] = article.sentences.map { s in
            var lo = 0, hi = paragraphs.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if paragraphs[mid].start <= s.start { lo = mid + 1 } else { hi = mid }
            }
            var i = lo - 1
            // an empty paragraph at the same start: step back to one that holds the sentence
            while i >= 0, !(paragraphs[i].start <= s.start && s.start < max(paragraphs[i].end, paragraphs[i].start + 1)) {
                if paragraphs[i].start < s.start, paragraphs[i].end <= s.start { i = -1; break }
                i -= 1
            }
            return i
        }
        for (i, s) in article.sentences.enumerated() {
            let p = paragraphOf[i]
            let previous = i > 0 && paragraphOf[i - 1] == p ? article.sentences[i - 1].text : nil
            let next = i + 1 < article.sentences.count && paragraphOf[i + 1] == p ? article.sentences[i + 1].text : nil
            slots.append(SentenceSlot(text: s.text, offset: s.start, inTitle: false, previous: previous, next: next))
        }
        return slots
    }
}

