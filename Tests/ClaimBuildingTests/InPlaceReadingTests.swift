@testable import ClaimBuilding
import CrosscheckModel
import Foundation
import Testing
import TestSupport

/// The reader's in-place steps against what they replaced: elements handed on `inout` are kept
/// as a filter keeps them, and a genitive place read from a span's bytes is the one its full
/// token names.
@Suite struct InPlaceReadingTests {
    /// `keepOnlyInPlace` keeps what `filter` keeps, in order, and changes nothing it keeps.
    @Test func keepOnlyInPlaceIsFilter() {
        var rng = SeededGenerator(seed: 21)
        for _ in 0..<500 {
            let all = (0..<rng.below(30)).map { _ in "w\(rng.below(50))" + String(repeating: "x", count: rng.below(20)) }
            let keep: (String) -> Bool = { $0.utf8.count % 3 != 0 }
            var inPlace = all
            var asked = 0
            inPlace.keepOnlyInPlace { s in asked += 1; return keep(s) }
            #expect(inPlace == all.filter(keep))
            #expect(asked == all.count)
            var old = all
            old.keepOnly(keep)
            #expect(old == inPlace)
        }
    }

    /// Capitalized words ending in "s" (genitives of listed places, possessives, lowercase and
    /// non-ASCII ones, short ones): the place read from the span's bytes is the one read from the
    /// full token, in languages with and without genitive places.
    @Test func genitivePlaceOfASpanIsThatOfItsToken() throws {
        var words = ["Afghanistans", "Deutschlands", "Frankreichs", "Spaniens", "Chinas", "Irans", "Iraks", "Kabuls",
                     "Berlins", "Danmarks", "Norges", "Sveriges", "Syriens", "Europas", "Afrikas", "Amerikas", "Russlands",
                     "AFGHANISTANS", "Afghanistan's", "Mars'", "Paris", "Texas", "Athens", "Wales", "Les", "Bus", "Is",
                     "Ukraines", "Österreichs", "Zürichs", "Malis", "Nepals", "Perus", "Afghanistan", "afghanistans",
                     "Kenyas", "Ugandas", "Indiens", "Japans", "Koreas", "Haitis", "Tysklands", "Frankrigs"]
        for code in ["en", "da", "de", "sv", "nb"] {
            let lexicon = try #require(Support.builder.readers[code]).lexicon
            let text = words.joined(separator: " ")
            var spans: [TokenSpan] = [], ids: [Int32] = []
            ClaimTokenizer.tokenizeSpans(text, vocabulary: lexicon.vocabulary, into: &spans, ids: &ids)
            var found = 0
            for span in spans where span.isWord && span.isCapitalized {
                let fromToken = SentenceTokens.genitivePlace(SentenceTokens.fullToken(span, text: text), lexicon: lexicon)
                let fromSpan = SentenceTokens.genitivePlace(span, text: text, places: lexicon.places, vocabulary: lexicon.vocabulary)
                #expect(fromSpan == fromToken, "\(code): \(SentenceTokens.fullToken(span, text: text).text)")
                if fromToken != nil { found += 1 }
            }
            if code == "de" { #expect(found > 3) }
        }
        words.removeAll()
    }

    /// `sameBytes` is equality of the UTF-8 bytes (not of the characters): small and large
    /// strings, ASCII and not, canonically equivalent spellings told apart, a string and itself.
    @Test func sameBytesIsEqualityOfTheBytes() {
        let pieces = ["a", "b", "killed", "civilian/killed", "\u{E9}", "e\u{301}", "\u{F8}", "/", "x", "soldier/deployed"]
        var rng = SeededGenerator(seed: 41)
        var strings: [String] = [""]
        for _ in 0..<300 { strings.append((0..<rng.below(8)).map { _ in pieces[rng.below(pieces.count)] }.joined()) }
        for _ in 0..<3000 {
            let a = strings[rng.below(strings.count)]
            let b = rng.below(4) == 0 ? a : strings[rng.below(strings.count)]
            #expect(SentenceReader.sameBytes(a, b) == (Array(a.utf8) == Array(b.utf8)), "\(a.debugDescription) \(b.debugDescription)")
        }
        let bridged = NSString(string: "civilian/killed") as String
        #expect(SentenceReader.sameBytes(bridged, "civilian/killed"))
        #expect(!SentenceReader.sameBytes("e\u{301}", "\u{E9}"))
    }

    /// A word turned away by `mayHaveHead(keyBytes:)` before its key is made has no head: words
    /// of every length around the shortest head, in languages with and without compound heads.
    @Test func aWordTooShortForAHeadHasNone() throws {
        var checked = 0
        for code in ["en", "da", "de", "sv", "nb", "nl"] {
            let lexicon = try #require(Support.builder.readers[code]).lexicon
            let table = lexicon.concepts
            for stem in ["x", "regerings", "hoch", "ab", "kommune", "stads"] {
                for head in ["", "s", "er", "soldater", "soldaten", "opfer", "tote", "doden", "d\u{F8}de", "huse", "skoler"] {
                    let word = stem + head
                    let text = "Die " + word + "s und " + word + "."
                    var spans: [TokenSpan] = [], ids: [Int32] = []
                    ClaimTokenizer.tokenizeSpans(text, vocabulary: lexicon.vocabulary, into: &spans, ids: &ids)
                    for span in spans where span.isWord {
                        let token = SentenceTokens.fullToken(span, text: text)
                        if !table.mayHaveHead(keyBytes: token.key.utf8.count) {
                            #expect(table.head(of: token) == nil, "\(code): \(token.key)")
                            checked += 1
                        }
                        #expect(SentenceTokens.head(of: span, text: text, in: table) == table.head(of: token), "\(code): \(token.key)")
                    }
                }
            }
        }
        #expect(checked > 20)
    }

    /// Names rendered byte by byte are those rendered string by string: runs of tokens with
    /// elided articles (ASCII and typographic apostrophes), possessives at the end and inside,
    /// non-ASCII words and marks, punctuation.
    @Test func renderedNamesAreThoseJoinedByStrings() throws {
        let pieces = ["l'", "d\u{2019}", "qu\u{2BC}", "l'", "Int\u{E9}rieur", "farmers'", "UN's", "UN\u{2019}s", "Mars'",
                      "Ministry", "of", "Defense", "minist\u{E8}re", "de", "la", "D\u{E9}fense", "Ahmad", "Khan", "x'",
                      "S\u{E3}o", "Jos\u{E9}\u{2019}s", "e\u{301}'s", "Kirby", ",", "(", "\u{201C}", "AFP", "abc'",
                      "\u{2019}", "'", "ab\u{2019}", "l\u{2019}ONU", "Dell'", "Mu\u{308}ller's", "\u{3A3}\u{3C3}'s"]
        let lexicon = try #require(Support.builder.readers["fr"]).lexicon
        var rng = SeededGenerator(seed: 31)
        for _ in 0..<400 {
            let text = (0..<(2 + rng.below(14))).map { _ in pieces[rng.below(pieces.count)] }.joined(separator: " ")
            var spans: [TokenSpan] = [], ids: [Int32] = []
            ClaimTokenizer.tokenizeSpans(text, vocabulary: lexicon.vocabulary, into: &spans, ids: &ids)
            let s = SentenceTokens(text: text, spans: spans, ids: ids, lexicon: lexicon, quantities: [], attributionOnly: true)
            for _ in 0..<6 where !spans.isEmpty {
                let from = rng.below(spans.count)
                let to = min(spans.count, from + 1 + rng.below(6))
                let run = Array(from..<to)
                #expect(s.rendered(run) == s.renderedByStrings(run), "\(text.debugDescription) \(run)")
            }
        }
    }
}
