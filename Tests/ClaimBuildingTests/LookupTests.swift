@testable import ClaimBuilding
import LanguageData
import Testing

/// The numbered look-ups the reader walks: the vocabulary, the phrase tables over word numbers,
/// the per-token cue index, the leading-token cut and the concept-key split.
@Suite struct LookupTests {
    func table(_ rows: [(String, String)]) -> (PhraseTable<String>, Vocabulary) {
        var vocabulary = Vocabulary()
        var t = PhraseTable<String>()
        for (phrase, value) in rows { t.insert(phrase, value, origin: "t", vocabulary: &vocabulary) }
        return (t, vocabulary)
    }

    @Test func vocabularyNumbersEachWordOnceAndKnowsNoOther() {
        var v = Vocabulary()
        let a = v.intern("killed")
        let b = v.intern("according")
        #expect(v.intern("killed") == a)
        #expect(a != b)
        #expect(v.count == 2)
        #expect(v.id(of: "killed") == a)
        #expect(v.id(of: "kille") == -1)
        #expect(v.id(of: "zebra") == -1)
        #expect(v.id(of: "") == -1)
    }

    @Test func vocabularyMatchesCanonicallyEquivalentForms() {
        var v = Vocabulary()
        let composed = v.intern("caf\u{E9}")             // café, é as one scalar
        let dotted = v.intern("a\u{1E03}c")               // aḃc: the second letter is not ASCII
        #expect(v.id(of: "cafe\u{301}") == composed)      // e + combining acute
        // a text word whose first two bytes are ASCII may still equal a listed word that has a
        // composed letter there: the filter must not turn it away
        #expect(v.id(of: "ab\u{307}c") == dotted)
        #expect(v.id(of: "abc") == -1)
    }

    @Test func phraseTablesFindTheLongestPhraseOverWordNumbers() {
        let (t, v) = table([("united", "u"), ("united states", "us"), ("united states army", "usa"), ("army", "a")])
        let ids = v.ids(of: ClaimTokenizer.tokenize("The United States army left"))
        #expect(t.longest(at: 1, in: ids)?.value == "usa")
        #expect(t.longest(at: 1, in: ids)?.length == 3)
        #expect(t.longest(at: 0, in: ids) == nil)
        #expect(t.longest(at: 5, in: ids) == nil)
        #expect(t.all(at: 1, in: ids).map(\.value) == ["u", "us", "usa"])
        #expect(t.all(at: 1, in: ids).map(\.length) == [1, 2, 3])
        let ms = t.matches(in: v.ids(of: ClaimTokenizer.tokenize("united army, United States; united states")))
        #expect(ms.map(\.value) == ["u", "a", "us", "us"])
        #expect(ms.map(\.start) == [0, 1, 3, 6])
        #expect(t.maxLength == 3)
        #expect(t.count == 4)
    }

    @Test func aPhraseCutShortMatchesOnlyWhatIsListed() {
        let (t, v) = table([("according to", "before"), ("said", "after")])
        let ids = v.ids(of: ClaimTokenizer.tokenize("according the said according"))
        #expect(t.longest(at: 0, in: ids) == nil)          // "according" alone is no phrase
        #expect(t.longest(at: 2, in: ids)?.value == "after")
        #expect(t.longest(at: 3, in: ids) == nil)          // the sentence ends inside the phrase
    }

    @Test func tablesOfOneVocabularyShareNumbers() {
        var v = Vocabulary()
        var a = PhraseTable<Int>(), b = PhraseTable<Int>()
        a.insert("fell", 1, origin: "a", vocabulary: &v)
        b.insert("rain fell", 2, origin: "b", vocabulary: &v)
        let ids = v.ids(of: ClaimTokenizer.tokenize("Rain fell"))
        #expect(a.longest(at: 1, in: ids)?.value == 1)
        #expect(b.longest(at: 0, in: ids)?.value == 2)
        #expect(b.longest(at: 1, in: ids) == nil)
        #expect(v.count == 2)
    }

    @Test func compoundHeadsOutsideASCII() {
        var v = Vocabulary()
        var t = PhraseTable<String>()
        t.insert("styrkerne", "force", origin: "t", vocabulary: &v)
        t.insert("børnene", "child", origin: "t", vocabulary: &v)
        func head(_ w: String) -> String? { t.head(of: ClaimTokenizer.tokenize(w)[0]) }
        #expect(head("Sikkerhedsstyrkerne") == "force")
        #expect(head("flygtningebørnene") == "child")
        #expect(head("flygtningebo\u{308}rnene") == nil)      // ø has no decomposition: no match
        #expect(head("skolebørnene") == "child")
        #expect(head("abbørnene") == nil)                      // two letters before the head
        #expect(head("æøåbørnene") == "child")
        #expect(head("rnene") == nil)
    }

    @Test func decomposedCompoundsFindComposedHeads() {
        var v = Vocabulary()
        var t = PhraseTable<String>()
        t.insert("soldaté", "soldier", origin: "t", vocabulary: &v)
        #expect(t.head(of: ClaimTokenizer.tokenize("regeringssoldate\u{301}")[0]) == "soldier")
        #expect(t.head(of: ClaimTokenizer.tokenize("regeringssoldaté")[0]) == "soldier")
    }

    @Test(arguments: [
        "Det oplyser Jawad Mujadidi, guvernør i provinsen.",
        "“That's according to the UN,” l'ONU a dit d'habitude 3,000 farmers’ groups' 9/11.",
        "  Two  spaces\tand\u{00A0}tabs 12\u{00A0}000 here and there again",
        "a",
        "",
        "Afghanistan’s third city",
    ])
    func leadingTokensAreTheFirstTokens(_ text: String) {
        let all = ClaimTokenizer.tokenize(text)
        for chunks in 1...8 {
            let (lead, whole) = ClaimTokenizer.leadingTokens(text, chunks: chunks)
            #expect(lead.count <= all.count)
            #expect(Array(all.prefix(lead.count)) == lead)
            if whole { #expect(lead == all) } else { #expect(lead.count >= 1 || text.isEmpty) }
        }
    }

    @Test(arguments: ["a/b", "/b", "a/", "a//b", "//", "/", "a", "", "a/b/c", "x/\u{301}y", "é/b",
                      "provincial-capital/captured", "person/killed"])
    func splittingAConceptKeyMatchesSplittingItsCharacters(_ key: String) {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        let expected: (String?, String?) = parts.count == 2 ? (parts[0].isEmpty ? nil : parts[0], parts[1]) : (key, nil)
        let got = ConceptCatalog.split(key)
        #expect(got.thing == expected.0)
        #expect(got.event == expected.1)
    }

    @Test func cueLookupsAgreeWithTheTable() throws {
        let reader = try #require(Support.builder.readers["en"])
        let lexicon = reader.lexicon
        let text = "In the past 24 hours, one of the officials, who had been in the country since Friday, said that at least 12 of the 34 were killed and wounded during the night."
        let tokens = ClaimTokenizer.tokenize(text)
        let s = SentenceTokens(text: text, tokens: tokens, lexicon: lexicon, quantities: [])
        let ids = lexicon.ids(of: tokens)
        var found = 0
        for role in CueRole.allCases {
            for i in 0...tokens.count {
                let all = i < tokens.count ? lexicon.cues.all(at: i, in: ids) : []
                let want = all.last { $0.value.contains(role) }?.length
                #expect(s.hasCue(role, at: i) == want)
                if want != nil { found += 1 }
                var ending: Int?
                for len in stride(from: min(4, i), through: 1, by: -1)
                where lexicon.cues.all(at: i - len, in: ids).contains(where: { $0.length == len && $0.value.contains(role) }) {
                    ending = len
                    break
                }
                #expect(s.cue(role, endingAt: i) == ending)
            }
        }
        for i in 0..<tokens.count { #expect(s.anyCue(at: i) == lexicon.cues.longest(at: i, in: ids)?.length) }
        #expect(found > 10)
    }

    @Test func asciiKeysFindWordsWhoseComposedFormIsASCII() {
        var v = Vocabulary()
        let kelvin = v.intern("\u{212A}m")                  // KELVIN SIGN composes to K
        let plain = v.intern("said")
        #expect(v.id(of: "Km") == kelvin)
        #expect(v.id(of: "said") == plain)
        #expect(v.id(of: "sai") == -1)
        #expect(v.id(of: "saidx") == -1)
        for n in 0..<300 { _ = v.intern("w\(n)") }            // grows the byte table
        #expect(v.id(of: "w0") != -1 && v.id(of: "w299") != -1 && v.id(of: "w300") == -1)
        #expect(v.id(of: "said") == plain)
        #expect(v.count == 302)
    }

    /// The key normalizer before it lowercased Latin-1 by code point: the reference.
    static func referenceKey(_ s: String) -> String {
        var out = ""
        for u in s.lowercased().unicodeScalars {
            switch u {
            case "\u{2019}", "\u{2018}", "\u{02BC}": out.unicodeScalars.append("'")
            case "\u{2010}", "\u{2011}": out.unicodeScalars.append("-")
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    @Test func keysAreLoweredAsStringLowercasedLowersThem() {
        var scalars: [Unicode.Scalar] = []
        for v in 0x20..<0x2100 { if let u = Unicode.Scalar(v) { scalars.append(u) } }
        for v in [0x1E9E, 0x0130, 0x03A3, 0x1F88, 0x2019, 0x2018, 0x02BC, 0x2010, 0x2011, 0x212A, 0x10400, 0x1E900] {
            scalars.append(Unicode.Scalar(v)!)
        }
        var mismatches = 0
        for chunk in stride(from: 0, to: scalars.count, by: 7) {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[chunk..<min(scalars.count, chunk + 7)])
            let word = String(s)
            if ClaimTokenizer.normalizedKey(word) != Self.referenceKey(word)
                || Array(ClaimTokenizer.normalizedKey(word).utf8) != Array(Self.referenceKey(word).utf8) { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(ClaimTokenizer.normalizedKey("ÆRØ’S İ") == Self.referenceKey("ÆRØ’S İ"))
    }

    @Test func isoDatesAreWrittenAsBefore() {
        for (y, m, d) in [(2021, 8, 15), (1, 1, 1), (999, 12, 31), (2100, 2, 28), (9999, 12, 31)] {
            let date = CivilDate(year: y, month: m, day: d)
            let pad: (Int, Int) -> String = { n, w in String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
            #expect(date.iso == "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))")
            #expect(CivilDate(iso: date.iso) == date)
        }
    }

    @Test func conceptFactsAreWhatTheCatalogSays() throws {
        let catalog = try ConceptCatalog.builtIn()
        var checked = 0
        let events = catalog.entries.values.filter { $0.kind == .event || $0.kind == .rank }.map(\.key)
        var keys = Array(catalog.entries.keys) + ["nothing-known", "person/unknown-event", "/killed", "a//b"]
        for k in catalog.entries.keys.sorted().prefix(20) { for e in events { keys.append("\(k)/\(e)") } }
        for key in keys {
            let f = catalog.facts(of: key)
            let (thing, event) = ConceptCatalog.split(key)
            #expect(f.thing == thing && f.event == event)
            #expect(f.thingClass == (catalog.entry(thing ?? key)?.classes.first ?? ""))
            #expect(f.isDuration == (catalog.entry(thing ?? key)?.kind == .duration))
            #expect(f.isRank == (event.flatMap { catalog.entry($0)?.kind } == .rank))
            let cumulative = event.flatMap { catalog.entry($0)?.cumulative } ?? thing.flatMap { catalog.entry($0)?.cumulative } ?? false
            #expect(f.isCumulative == cumulative)
            checked += 1
        }
        #expect(checked > 100)
        // the memo of which events apply to which things agrees with the classes
        for e in events {
            for thing in catalog.entries.keys.sorted().prefix(30) + ["not-a-key"] {
                let entry = try #require(catalog.entry(e))
                let classes = catalog.lineage(thing).compactMap { catalog.entry($0)?.classes.first }
                let want = entry.classes.isEmpty || entry.classes.contains("*") || classes.contains { entry.classes.contains($0) }
                #expect(catalog.event(e, appliesTo: thing) == want)
            }
        }
    }
}
