@testable import ClaimBuilding
import CrosscheckModel
import LanguageData
import Testing

/// The per-word table mask (``ClaimLexicon/startMask``) and the table scans ``SentenceTokens``
/// skips with it: what it finds must be what a full scan of every table finds.
@Suite struct StartMaskTests {
    static let codes: [String] = Support.builder.readers.keys.sorted()

    @Test(arguments: codes)
    func maskSaysExactlyWhichTablesAWordStarts(_ code: String) throws {
        let lexicon = try #require(Support.builder.readers[code]).lexicon
        #expect(lexicon.startMask.count == lexicon.vocabulary.count)
        var seen = StartMask()
        for id in 0..<Int32(lexicon.startMask.count) {
            let m = lexicon.mask(of: id)
            #expect(m.contains(.cues) == lexicon.cues.mayStart(id))
            #expect(m.contains(.concepts) == lexicon.concepts.mayStart(id))
            #expect(m.contains(.events) == lexicon.events.mayStart(id))
            #expect(m.contains(.attribution) == lexicon.attribution.mayStart(id))
            #expect(m.contains(.agencies) == lexicon.agencies.mayStart(id))
            #expect(m.contains(.places) == lexicon.places.mayStart(id))
            #expect(m.contains(.weekdays) == lexicon.weekdays.mayStart(id))
            #expect(m.contains(.relativeDays) == lexicon.relativeDays.mayStart(id))
            seen.bits |= m.bits
        }
        #expect(lexicon.mask(of: -1) == StartMask())
        #expect(lexicon.mask(of: Int32(lexicon.startMask.count)) == StartMask())
        // every language lists cues, concepts and attribution phrases
        #expect(seen.contains(.cues) && seen.contains(.concepts) && seen.contains(.attribution))
    }

    static let sentences = [
        "According to the UN, at least 12 of the 34 provincial capitals were captured on Friday, Reuters reported from Kabul.",
        "The ministry said yesterday that 300 people died in Afghanistan and 41 soldiers were wounded.",
        "Nothing here names a table word: 17 zzz qqq.",
        "Ifølge Ritzau døde 12 personer i Danmark i går, oplyser politiet.",
        "Laut dpa wurden am Freitag in Deutschlands Hauptstadt 41 Menschen verletzt.",
        "",
    ]

    @Test(arguments: sentences)
    func sentenceMatchesAreThoseOfAFullScan(_ text: String) throws {
        for code in Self.codes {
            let lexicon = try #require(Support.builder.readers[code]).lexicon
            let tokens = ClaimTokenizer.tokenize(text)
            let ids = lexicon.ids(of: tokens)
            let s = SentenceTokens(text: text, tokens: tokens, lexicon: lexicon, quantities: [])
            func pairs<V>(_ m: [PhraseMatch<V>]) -> [[Int]] { m.map { [$0.start, $0.end] } }
            #expect(pairs(s.eventMatches) == pairs(lexicon.events.matches(in: ids)))
            #expect(s.eventMatches.map(\.value) == lexicon.events.matches(in: ids).map(\.value))
            #expect(pairs(s.agencyMatches) == pairs(lexicon.agencies.matches(in: ids)))
            #expect(s.agencyMatches.map(\.value) == lexicon.agencies.matches(in: ids).map(\.value))
            #expect(pairs(s.weekdayMatches) == pairs(lexicon.weekdays.matches(in: ids)))
            #expect(pairs(s.relativeDayMatches) == pairs(lexicon.relativeDays.matches(in: ids)))
            let firstWord = tokens.firstIndex(where: \.isWord) ?? tokens.count
            let attribution = lexicon.attribution.matches(in: ids).filter { !(tokens[$0.start].isCapitalized && $0.start > firstWord) }
            #expect(pairs(s.attributionMatches) == pairs(attribution))
            for i in tokens.indices where tokens[i].isWord {
                if let m = lexicon.concepts.longest(at: i, in: ids) {
                    #expect(s.conceptAt[i]?.length == m.length && s.conceptAt[i]?.key == m.value)
                }
                let place = lexicon.places.longest(at: i, in: ids)
                if let place, !s.placeMatches.contains(where: { $0.start < i && i < $0.end }) {
                    #expect(s.placeStartingAt[i] == place.value)
                }
                #expect(s.anyCue(at: i) == lexicon.cues.longest(at: i, in: ids)?.length)
            }
        }
    }
}
