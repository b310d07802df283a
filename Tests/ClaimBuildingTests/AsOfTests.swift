import ClaimBuilding
import CrosscheckModel
import Testing

/// The date a figure holds for, from the publication date and the words of the sentence.
@Suite struct AsOfTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var language: String
        var sentence: String
        var published: String?
        var asOf: String?
        var testDescription: String { "\(language) \(published ?? "-"): \(sentence) → \(asOf ?? "nil")" }
    }

    // 2021-08-11 was a Wednesday; 2021-08-13 a Friday; 2021-08-16 a Monday.
    static let cases: [Case] = [
        Case(language: "en", sentence: "On Wednesday the Taliban took ⟦12⟧ cities.", published: "2021-08-11", asOf: "2021-08-11"),
        Case(language: "en", sentence: "Herat fell on Thursday, the ⟦third⟧ city to fall.", published: "2021-08-13", asOf: "2021-08-12"),
        // across a week boundary: Friday, read on the following Monday
        Case(language: "en", sentence: "On Friday ⟦12⟧ cities had fallen.", published: "2021-08-16", asOf: "2021-08-13"),
        Case(language: "da", sentence: "Fredag var ⟦12⟧ byer faldet.", published: "2021-08-16", asOf: "2021-08-13"),
        Case(language: "es", sentence: "El viernes habían caído ⟦12⟧ ciudades.", published: "2021-08-16", asOf: "2021-08-13"),
        Case(language: "fr", sentence: "Vendredi, ⟦12⟧ villes étaient tombées.", published: "2021-08-16", asOf: "2021-08-13"),
        Case(language: "de", sentence: "Am Freitag waren ⟦12⟧ Städte gefallen.", published: "2021-08-16", asOf: "2021-08-13"),
        // the same weekday as publication is that day
        Case(language: "en", sentence: "On Monday ⟦12⟧ cities had fallen.", published: "2021-08-16", asOf: "2021-08-16"),
        Case(language: "en", sentence: "Yesterday ⟦30⟧ people were killed.", published: "2021-08-01", asOf: "2021-07-31"),
        Case(language: "da", sentence: "I går blev ⟦30⟧ mennesker dræbt.", published: "2021-08-11", asOf: "2021-08-10"),
        Case(language: "es", sentence: "Ayer murieron ⟦30⟧ personas.", published: "2021-08-11", asOf: "2021-08-10"),
        Case(language: "fr", sentence: "Hier, ⟦30⟧ personnes ont été tuées.", published: "2021-08-11", asOf: "2021-08-10"),
        Case(language: "de", sentence: "Gestern wurden ⟦30⟧ Menschen getötet.", published: "2021-08-11", asOf: "2021-08-10"),
        // "since Friday" starts a span: the figure holds at publication
        Case(language: "en", sentence: "It is the ⟦ninth⟧ city to be invaded since Friday.", published: "2021-08-11", asOf: "2021-08-11"),
        Case(language: "en", sentence: "The Taliban took ⟦12⟧ cities overnight.", published: "2021-08-11", asOf: "2021-08-11"),
        Case(language: "en", sentence: "On 3 August the ministry reported ⟦500⟧ cases.", published: "2021-08-11", asOf: "2021-08-03"),
        Case(language: "en", sentence: "The Taliban took ⟦12⟧ cities.", published: "2021-08-11", asOf: "2021-08-11"),
        Case(language: "da", sentence: "Onsdag har Taliban indtaget den ⟦ottende⟧ provinshovedstad.", published: "2021-08", asOf: "2021-08"),
        Case(language: "en", sentence: "The Taliban took ⟦12⟧ cities.", published: nil, asOf: nil),
        Case(language: "en", sentence: "The Taliban took ⟦12⟧ cities.", published: "last Tuesday", asOf: nil),
    ]

    @Test(arguments: cases)
    func asOf(_ c: Case) throws {
        let spec: Support.Q = c.sentence.contains("⟦third⟧") ? .ordinal(3)
            : c.sentence.contains("⟦ninth⟧") ? .ordinal(9) : c.sentence.contains("⟦ottende⟧") ? .ordinal(8) : .count(1)
        var marked = c.sentence
        var specs = [spec]
        // a stated date is a quantity of its own (kind date) for the recognizer
        if let r = marked.range(of: "3 August") {
            marked.replaceSubrange(r, with: "⟦3 August⟧")
            specs.insert(.date, at: 0)
        }
        let claims = Support.claims(marked, specs, language: c.language, published: c.published)
        let claim = try #require(claims.first)
        #expect(claim.asOf == c.asOf)
    }

    @Test func aRevisedFigureIsMarked() throws {
        let revised = try #require(Support.claim("Officials revised the death toll to ⟦45⟧.", .count(45), language: "en"))
        let plain = try #require(Support.claim("Officials put the death toll at ⟦45⟧.", .count(45), language: "en"))
        let da = try #require(Support.claim("Dødstallet er opjusteret til ⟦45⟧.", .count(45), language: "da"))
        #expect(revised.revised)
        #expect(!plain.revised)
        #expect(da.revised)
    }

    @Test func aHeadlineClaimIsMarkedAndItsSentenceIsTheTitle() throws {
        let title = "Taliban take ⟦12⟧ provincial capitals"
        let claims = Support.claims(title, [.count(12)], language: "en", inTitle: true)
        let claim = try #require(claims.first)
        #expect(claim.inTitle)
        #expect(claim.sentence == "Taliban take 12 provincial capitals")
    }
}
