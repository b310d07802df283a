import ClaimBuilding
import CrosscheckModel
import Testing

/// The builder with the real recognizer, on whole articles.
@Suite struct EndToEndTests {
    static func article(title: String?, paragraphs: [[String]], language: String = "en", outlet: String? = nil,
                        published: String? = "2021-08-13") -> Article {
        var text = ""
        var ps: [Paragraph] = []
        var ss: [Sentence] = []
        for p in paragraphs {
            if !text.isEmpty { text += "\n\n" }
            let pStart = text.utf8.count
            for (i, s) in p.enumerated() {
                if i > 0 { text += " " }
                let start = text.utf8.count
                text += s
                ss.append(Sentence(text: s, start: start, end: text.utf8.count))
            }
            ps.append(Paragraph(text: String(text.utf8.dropFirst(pStart))!, start: pStart, end: text.utf8.count))
        }
        return Article(id: "t", path: "t.txt", title: title, outlet: outlet, published: published, language: language,
                       text: text, paragraphs: ps, sentences: ss)
    }

    @Test func headlineFirstThenTextOrderWithOffsetsIntoTheText() throws {
        let a = Self.article(title: "Taliban take 12 provincial capitals",
                             paragraphs: [["In just a week, the Taliban took control of 12 of the 34 Afghan provincial capitals."],
                                          ["The Pentagon has indicated that 3,000 soldiers will be deployed to Kabul."]])
        let claims = Support.builder.claims(for: a)
        #expect(claims.map(\.id) == (1...claims.count).map { "t#\($0)" })
        let first = try #require(claims.first)
        #expect(first.inTitle)
        #expect(first.value.number == 12)
        let body = claims.filter { !$0.inTitle }
        #expect(body.contains { $0.value.number == 12 && $0.value.base == 34 && $0.concept == "provincial-capital/captured" })
        #expect(body.contains { $0.value.number == 3000 && $0.cited == "Pentagon" && $0.place == "United States" })
        let bytes = Array(a.text.utf8)
        for c in body {
            let start = try #require(c.start), end = try #require(c.end)
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == c.quote)
        }
    }

    @Test func theOutletsWireAgencyReachesEveryClaim() throws {
        let a = Self.article(title: nil, paragraphs: [["At least 183 civilians have been killed in a month."]], outlet: "Euronews with AFP")
        let claims = Support.builder.claims(for: a)
        #expect(!claims.isEmpty)
        #expect(claims.allSatisfy { $0.agency == "AFP" })
    }

    @Test func aDatelineNamesTheWireAgency() throws {
        let a = Self.article(title: nil, paragraphs: [["KABUL (Reuters) - At least 183 civilians have been killed in a month."]])
        let claims = Support.builder.claims(for: a)
        #expect(!claims.isEmpty)
        #expect(claims.allSatisfy { $0.agency == "Reuters" })
    }

    @Test func aBackReferenceInTheSameParagraphCarriesTheSource() throws {
        let a = Self.article(title: nil, paragraphs: [[
            "Onsdag har bevægelsen indtaget den ottende provinshovedstad i landet på seks dage.",
            "Det oplyser Jawad Mujadidi, som er medlem af provinsrådet.",
        ]], language: "da", published: "2021-08-11")
        let claims = Support.builder.claims(for: a)
        let eighth = try #require(claims.first { $0.kind == .ordinal })
        #expect(eighth.cited == "Jawad Mujadidi")
        #expect(eighth.asOf == "2021-08-11")
        #expect(eighth.concept == "provincial-capital/captured")
    }

    @Test func theSameSentenceInAnotherParagraphDoesNotCarryTheSource() throws {
        let a = Self.article(title: nil, paragraphs: [
            ["Onsdag har bevægelsen indtaget den ottende provinshovedstad i landet på seks dage."],
            ["Det oplyser Jawad Mujadidi, som er medlem af provinsrådet."],
        ], language: "da", published: "2021-08-11")
        let eighth = try #require(Support.builder.claims(for: a).first { $0.kind == .ordinal })
        #expect(eighth.cited == nil)
    }
}
