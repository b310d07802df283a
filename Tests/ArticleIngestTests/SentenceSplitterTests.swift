import CrosscheckModel
import Testing
@testable import ArticleIngest

/// Each case is a language and a text with every expected sentence between ⟦ and ⟧.
@Suite struct SentenceSplitterTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var language: String
        var marked: String
        var testDescription: String { "\(language): \(marked.prefix(50))" }
        init(_ language: String, _ marked: String) { self.language = language; self.marked = marked }

        /// The text without markers, and the expected sentences.
        var parts: (text: String, sentences: [String]) {
            var text = ""
            var sentences: [String] = []
            var current: String?
            for c in marked {
                if c == "⟦" { current = "" } else if c == "⟧" { sentences.append(current ?? ""); current = nil } else {
                    text.append(c)
                    current?.append(c)
                }
            }
            return (text, sentences)
        }
    }

    static let cases: [Case] = [
        // Danish: abbreviations, ordinal dots, numbers.
        Case("da", "⟦Deadline er sat til den 31. august.⟧ ⟦Så går tropperne hjem.⟧"),
        Case("da", "⟦Han blev nr. 8. plads var ikke nok.⟧"),
        Case("da", "⟦Holdet endte på en 8. plads i år.⟧"),
        Case("da", "⟦Der kom bl.a. 3.000 soldater og ca. 1,5 mio. kr. i nødhjælp.⟧ ⟦Det oplyser FN.⟧"),
        Case("da", "⟦Prisen er 300 kr.⟧ ⟦Det er for meget, f.eks. for børnefamilier.⟧"),
        Case("da", "⟦- Jeg fortryder ikke, sagde Biden.⟧ ⟦Han talte i 20 min.⟧"),
        // German.
        Case("de", "⟦Am 12. August begann der Abzug.⟧ ⟦Die Truppen z.B. aus Kundus sind weg.⟧"),
        Case("de", "⟦Es kamen ca. 3.000 Menschen, usw.⟧ ⟦Nr. 5 ist frei.⟧"),
        Case("de", "⟦Die Kosten liegen bei 20 Mio. Euro.⟧ ⟦Das sagte Dr. Weber.⟧"),
        // English.
        Case("en", "⟦The U.S. sent 3,000 troops on Aug. 12 to Kabul.⟧ ⟦Mr. Biden said so.⟧"),
        Case("en", "⟦Growth was 7.2 percent.⟧ ⟦J. R. Smith agreed.⟧ ⟦See www.example.org for more.⟧"),
        Case("en", "⟦“Why now?” he asked.⟧ ⟦Nobody answered!⟧ ⟦Wait…⟧ ⟦Then came the vote.⟧"),
        Case("en", "⟦He said: “We are leaving.”⟧ ⟦The talks ended (without a deal.)⟧ ⟦Next week, more.⟧"),
        Case("en", "⟦They took 12 of 34 capitals. and they surrounded the city.⟧ ⟦It fell.⟧"),
        Case("en", "⟦It took less than a week. .⟧ ⟦Ghani arrived.⟧"),
        Case("en", "⟦Send mail to info@example.com.⟧ ⟦We answer within a day.⟧"),
        Case("en", "⟦No. 10 said it would respond, etc.⟧ ⟦Later it did.⟧"),
        Case("en", "⟦The meeting ended at 5 p.m.⟧ ⟦Gen. Smith arrived from St. Louis at 10 a.m. on Monday.⟧"),
        Case("en", "⟦He works for Apple Inc.⟧ ⟦See Fig. 3 for details.⟧ ⟦Dr. J. Smith, Ph.D., spoke.⟧"),
        Case("en", "⟦“Are you sure?”⟧ ⟦“Yes.”⟧ ⟦[Note: not final.]⟧ ⟦The results (see above.) were clear.⟧"),
        Case("en", "⟦Visit https://example.com/a.b?c=d.⟧ ⟦Version 2.0.1 is out.⟧"),
        // French, Spanish, Swedish, Norwegian.
        Case("fr", "⟦M. Dupont et Mme Durand sont arrivés.⟧ ⟦Ils ont vu 1,5 million de personnes.⟧"),
        Case("es", "⟦El Sr. García llegó a las 10.⟧ ⟦¿Qué pasó después?⟧ ⟦Nadie lo sabe.⟧"),
        Case("es", "⟦Se trata del núm. 5 de la lista.⟧ ⟦La Sra. Pérez votó.⟧"),
        Case("sv", "⟦Det kom bl.a. 300 personer, t.ex. från Lund.⟧ ⟦Sedan blev det tyst.⟧"),
        Case("nb", "⟦Han kom på 8. plass, bl.a. foran Nilsen.⟧ ⟦Det var den 17. mai.⟧"),
        // A language without a folder: full-width stops need no space after them.
        Case("ja", "⟦男性が逮捕されました。⟧⟦「脱獄」とは何か？⟧⟦20代です。」⟧"),
    ]

    @Test(arguments: cases)
    func splits(_ c: Case) throws {
        let (text, expected) = c.parts
        let splitter = SentenceSplitter(languages: TextTestSupport.store, language: c.language)
        let got = splitter.split(text)
        #expect(got.map(\.text) == expected)
        let bytes = Array(text.utf8)
        for s in got {
            #expect(String(decoding: bytes[s.start..<s.end], as: UTF8.self) == s.text)
        }
    }

    @Test func dottedAcronymAtTheEndOfASentence() {
        let splitter = SentenceSplitter(languages: TextTestSupport.store, language: "en")
        // "U.S." is far more often followed by a capitalised noun ("U.S. Army") than by a new
        // sentence, so the splitter never ends one there.
        withKnownIssue("a dotted acronym never ends a sentence") {
            #expect(splitter.split("It was the U.S. Then came more.").count == 2)
        }
        #expect(splitter.split("The U.S. Army said 300 soldiers.").count == 1)
    }

    @Test func aNewParagraphAlwaysStartsANewSentence() {
        let splitter = SentenceSplitter(languages: TextTestSupport.store, language: "en")
        let got = splitter.split("A heading without a period\n\nsmall letters start this one")
        #expect(got.map(\.text) == ["A heading without a period", "small letters start this one"])
    }

    @Test func articleSentencesKeepExactOffsets() throws {
        let a = try TextTestSupport.ingest("""
        Title

        First paragraph. It has two sentences.

        Second one, with “quotes.” And U.S. troops.\u{A0}
        """)
        #expect(a.sentenceOffsetsHold)
        #expect(a.sentences.map(\.text) == ["First paragraph.", "It has two sentences.", "Second one, with “quotes.”", "And U.S. troops."])
    }

    @Test func unknownLanguageUsesEveryLanguagesAbbreviations() {
        let splitter = SentenceSplitter(languages: TextTestSupport.store, language: "und")
        #expect(splitter.split("Es kamen z.B. viele. Dann nicht.").map(\.text) == ["Es kamen z.B. viele.", "Dann nicht."])
    }
}
