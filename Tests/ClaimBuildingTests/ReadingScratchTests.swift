@testable import ClaimBuilding
import CrosscheckModel
import Foundation
import Testing
import TestSupport

/// The per-article memory of the reader (tokenizer arena, match lookups, publication date,
/// concept summaries, claim ids) against what it replaced: the same answers.
@Suite struct ReadingScratchTests {
    /// Texts of every length class: empty, short, longer than the arena's first size, and a long
    /// one after a short one (the arena grows, the spans of the short one are not left behind).
    static func texts() throws -> [String] {
        let long = String(repeating: "The UN said 12 of the 34 provincial capitals fell on Friday, ", count: 40)
        return try TokenSpanTests.texts() + ["", "a", long, "12", long + "done.", "x y z"]
    }

    @Test func arenaSpansAreTheTemporarySpans() throws {
        for code in ["en", "da", "de", "fr"] {
            let lexicon = try #require(Support.builder.readers[code]).lexicon
            let arena = TokenizerArena()
            var spans: [TokenSpan] = [TokenSpan(start: 1, end: 2, scalar: 0, flags: 0)], ids: [Int32] = [7]
            var plainSpans: [TokenSpan] = [], plainIDs: [Int32] = []
            for text in try Self.texts() {
                ClaimTokenizer.tokenizeSpans(text, vocabulary: lexicon.vocabulary, into: &spans, ids: &ids, arena: arena)
                ClaimTokenizer.tokenizeSpans(text, vocabulary: lexicon.vocabulary, into: &plainSpans, ids: &plainIDs)
                #expect(spans == plainSpans, "\(code): \(text.prefix(60))")
                #expect(ids == plainIDs, "\(code): \(text.prefix(60))")
                #expect(arena.capacity >= text.utf8.count)
                for chunks in [1, 3] {
                    let a = ClaimTokenizer.leadingWord(text, chunks: chunks, vocabulary: lexicon.vocabulary, arena: arena)
                    let b = ClaimTokenizer.leadingWord(text, chunks: chunks, vocabulary: lexicon.vocabulary)
                    #expect(a.count == b.count && a.whole == b.whole && a.word == b.word && a.id == b.id, "\(text.prefix(60))")
                }
            }
        }
    }

    /// A dictionary filled first-wins from the lists, as the sentence used to build per sentence.
    static func dictionary<V, R>(_ lists: [[PhraseMatch<V>]], byEnd: Bool, value: (PhraseMatch<V>) -> R) -> [Int: R] {
        var d: [Int: R] = [:]
        for list in lists {
            for m in list where d[byEnd ? m.end : m.start] == nil { d[byEnd ? m.end : m.start] = value(m) }
        }
        return d
    }

    @Test func lookupsAnswerAsTheDictionariesDid() {
        var rng = SeededGenerator(seed: 0x5EED)
        for _ in 0..<300 {
            // two lists of matches in text order, not overlapping within a list (they may overlap
            // each other, as weekdays and relative days may)
            func list() -> [PhraseMatch<Int>] {
                var out: [PhraseMatch<Int>] = []
                var k = Int.random(in: 0...3, using: &rng)
                while k < 40 {
                    let len = Int.random(in: 1...3, using: &rng)
                    if Bool.random(using: &rng) { out.append(PhraseMatch(start: k, end: k + len, value: Int.random(in: 0...99, using: &rng))) }
                    k += len + Int.random(in: 0...2, using: &rng)
                }
                return out
            }
            let a = list(), b = list()
            let starts = Self.dictionary([a, b], byEnd: false) { $0.end }
            let ends = Self.dictionary([a, b], byEnd: true) { $0.start }
            let places = Self.dictionary([a], byEnd: false) { "p\($0.value)" }
            let byStart = DayLookup(a, b, byEnd: false), byEnd = DayLookup(a, b, byEnd: true)
            let placeLookup = MatchLookup(a.map { PhraseMatch(start: $0.start, end: $0.end, value: "p\($0.value)") })
            for k in -1...45 {
                #expect(byStart[k] == starts[k])
                #expect(byEnd[k] == ends[k])
                #expect(placeLookup[k] == places[k])
            }
        }
        #expect(DayLookup([], [], byEnd: false)[0] == nil)
        #expect(MatchLookup<String>([])[3] == nil)
    }

    @Test func sentenceLookupsFollowItsMatches() throws {
        let lexicon = try #require(Support.builder.readers["en"]).lexicon
        let text = "On Monday the UN said 12 died in Kabul yesterday, and Herat fell on Friday in Afghanistan."
        let tokens = ClaimTokenizer.tokenize(text)
        let s = SentenceTokens(text: text, tokens: tokens, lexicon: lexicon, quantities: [])
        #expect(!s.weekdayMatches.isEmpty && !s.relativeDayMatches.isEmpty && !s.placeMatches.isEmpty)
        let starts = Self.dictionary([s.weekdayMatches, s.relativeDayMatches], byEnd: false) { $0.end }
        let ends = Self.dictionary([s.weekdayMatches, s.relativeDayMatches], byEnd: true) { $0.start }
        let places = Self.dictionary([s.placeMatches], byEnd: false) { $0.value }
        for k in 0...tokens.count {
            #expect(s.dayStartingAt[k] == starts[k])
            #expect(s.dayEndingAt[k] == ends[k])
            #expect(s.placeStartingAt[k] == places[k])
        }
    }

    @Test(arguments: ["2021-08-11", "2021-08", "2021", "not a date", "", "2024-02-29T10:00:00Z"])
    func publicationIsReadOnceAndAgainForAnotherText(_ published: String) {
        let scratch = ReadingScratch()
        for p in [published, "2020-01-31", published, nil, published] as [String?] {
            let (date, iso) = scratch.publication(p)
            let expected = p.flatMap { CivilDate(iso: $0) }
            #expect(date == expected)
            #expect(iso == expected?.iso)
        }
    }

    @Test func conceptSummaryIsSubjectAndCumulative() throws {
        let reader = try #require(Support.builder.readers["en"])
        var cache: [ConceptSummary?] = []
        let q = Quantity(text: "3 days", start: 0, end: 6, kind: .duration, value: .exactly(3), unit: "day")
        let keys = Array(reader.catalog.entries.keys.sorted().prefix(40)) + ["person/killed", "province/captured", "no-such-key", "a/b"]
        for pass in 0..<2 {
            for key in keys {
                for kind in [QuantityKind.count, .duration] {
                    for window in [false, true] {
                        var quantity = q
                        quantity.kind = kind
                        let c = ClaimCandidate(quantity: CandidateQuantity(quantity), first: 0, end: 1, quoteEnd: 6, base: nil,
                                               concept: key, isWindow: window)
                        let got = reader.conceptSummary(of: c, in: &cache)
                        #expect(got.subject == reader.subject(of: c), "\(key) pass \(pass)")
                        #expect(got.cumulative == (reader.catalog.isCumulative(key) && !reader.isRank(key)), "\(key)")
                    }
                }
            }
        }
        #expect(cache.count == ConceptSummary.slots)   // bounded
        #expect(cache.contains { $0 != nil })
        let none = ClaimCandidate(quantity: CandidateQuantity(q), first: 0, end: 1, quoteEnd: 6, base: nil)
        #expect(reader.conceptSummary(of: none, in: &cache) == (nil, false))
    }

    /// Words of scalars below U+0250 take the byte path (`ClaimTokenizer.wideWord`): their
    /// numbers and flags are those the string path gives, for every vocabulary word written as
    /// the tables write it, capitalized, uppercased, possessive, decomposed, and for words no
    /// table lists.
    @Test func latinWordsAreNumberedAsTheirKeys() throws {
        for code in ["da", "de", "fr", "es", "en", "it", "pt", "nl", "sv", "pl", "tr"] {
            guard let lexicon = Support.builder.readers[code]?.lexicon else { continue }
            var words = lexicon.vocabulary.words.filter { !$0.utf8.allSatisfy { $0 < 0x80 } }.sorted()
            #expect(code == "en" || !words.isEmpty, "\(code)")
            words += ["på", "Øst", "ÆBLE", "größte", "Größten", "sécurité", "Élysée's", "naïve", "İstanbul", "Ⱥx", "ǅemal",
                      "ŁÓDŹ", "ÿ", "Ÿves", "straße", "STRASSE", "e\u{301}té", "Ängel's", "Ånds'", "ós", "ó's", "1ère", "2º", "µg",
                      "Zürich's", "café’s", "l’État", "ﬁn", "ǈ", "ǲ"]
            var spans: [TokenSpan] = [], ids: [Int32] = []
            for word in words {
                for text in [word, word.capitalized, word.uppercased(), word + "'s", word + "s'", "x " + word + " y",
                             word.decomposedStringWithCanonicalMapping] {
                    let (full, fullIDs) = ClaimTokenizer.tokenize(text, vocabulary: lexicon.vocabulary)
                    ClaimTokenizer.tokenizeSpans(text, vocabulary: lexicon.vocabulary, into: &spans, ids: &ids)
                    #expect(ids == fullIDs, "\(code): \(text)")
                    #expect(spans == full.map(TokenSpan.init), "\(code): \(text)")
                }
            }
        }
    }

    @Test func catalogSummaryIsSubjectAndCumulativeNotRank() throws {
        let catalog = try #require(Support.builder.readers["en"]).catalog
        for key in catalog.entries.keys.sorted() + ["person/killed", "city/rank", "no-such-key", "a/b", "", "/"] {
            let s = catalog.summary(of: key)
            #expect(s.subject == catalog.subject(of: key), "\(key)")
            #expect(s.cumulativeCount == (catalog.isCumulative(key) && !catalog.isRank(key)), "\(key)")
        }
    }

    /// The restatement pass as it was, with a dictionary of every body figure by value.
    static func referenceRestate(_ out: inout [Claim]) {
        let titles = out.indices.filter { out[$0].inTitle == true }
        guard !titles.isEmpty else { return }
        func key(_ c: Claim) -> Double? {
            guard let n = c.value.number ?? c.value.high, n.isFinite, n >= 3 else { return nil }
            return n
        }
        var body: [Double: Int] = [:]
        for i in out.indices where out[i].inTitle != true {
            if let k = key(out[i]), body[k] == nil || (out[body[k]!].concept == nil && out[i].concept != nil) { body[k] = i }
        }
        for t in titles {
            guard let k = key(out[t]), let b = body[k] else { continue }
            var title = out[t], other = out[b]
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

    @Test func restatementsAreThoseOfTheDictionaryPass() {
        var rng = SeededGenerator(seed: 0xC1A1)
        let values: [Double] = [2, 3, 41, 41, 1_000_000, 3_900_000_000, .infinity]
        let concepts: [String?] = [nil, nil, "person/killed", "money/cost", "person"]
        for _ in 0..<2_000 {
            var claims: [Claim] = []
            for i in 0..<Int.random(in: 0...9, using: &rng) {
                let kind: QuantityKind = [.count, .money, .percent].randomElement(using: &rng)!
                let concept = concepts.randomElement(using: &rng)!
                claims.append(Claim(id: "a#\(i)", quote: "q", sentence: "s", kind: kind,
                                    value: .exactly(values.randomElement(using: &rng)!),
                                    unit: kind == .money ? ["USD", "EUR"].randomElement(using: &rng) : nil,
                                    subject: concept.map { "subject of \($0)" }, article: "a", concept: concept,
                                    cumulative: Bool.random(using: &rng), inTitle: Int.random(in: 0...3, using: &rng) == 0))
            }
            var expected = claims
            Self.referenceRestate(&expected)
            #expect(ClaimBuilder.restatements(claims) == expected)
        }
    }

    @Test func joinIsTheInterpolatedKey() {
        for a in ["", "person", "provincial-capital", "Ünï", String(repeating: "t", count: 30)] {
            for b in ["", "killed", "rank", "é/ü"] {
                #expect(ConceptCatalog.join(a, b) == "\(a)/\(b)")
                #expect(Array(ConceptCatalog.join(a, b).utf8) == Array("\(a)/\(b)".utf8))
            }
        }
    }

    @Test func inPlaceFactsAreTheFacts() throws {
        let catalog = try #require(Support.builder.readers["en"]).catalog
        for key in catalog.knownFacts.keys.sorted().prefix(300) + ["no-such-key", "person/no-such-event", "", "a//b"] {
            #expect(catalog.thingClass(of: key) == catalog.facts(of: key).thingClass, "\(key)")
            #expect(catalog.hasEvent(key) == (catalog.facts(of: key).event != nil), "\(key)")
        }
    }

    @Test func sameBytesIsByteEquality() {
        let words = ["", "a", "b", "ab", "ba", "person/killed", "person/killes", "é", "e\u{301}", String(repeating: "z", count: 40)]
        for a in words {
            for b in words {
                #expect(SentenceReader.sameBytes(a, b) == Array(a.utf8).elementsEqual(Array(b.utf8)), "\(a) \(b)")
            }
        }
    }

    @Test(arguments: ["a", "", "article-42", "Ünïcode ✓ id", String(repeating: "x", count: 40)])
    func claimIDIsTheInterpolatedOne(_ article: String) {
        for n in [0, 1, 9, 10, 11, 99, 100, 12_345, 1_000_000, Int.max] {
            #expect(ClaimBuilder.claimID(article, n) == "\(article)#\(n)")
        }
    }
}
