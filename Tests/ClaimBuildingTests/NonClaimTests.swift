import ClaimBuilding
import CrosscheckModel
import Testing

/// Numbers that state no figure are not claims; everything else the recognizer found is.
@Suite struct NonClaimTests {
    typealias Q = Support.Q

    struct Case: CustomTestStringConvertible, Sendable {
        var language: String
        var sentence: String
        var spec: Support.Q
        var testDescription: String { "\(language): \(sentence)" }
    }

    static let notClaims: [Case] = [
        Case(language: "en", sentence: "The offer was made by ⟦one⟧ of its negotiators in Doha.", spec: .count(1)),
        Case(language: "da", sentence: "Han er ⟦en⟧ af Afghanistans mest kendte politikere.", spec: .count(1)),
        Case(language: "es", sentence: "Lo dijo ⟦uno⟧ de sus negociadores.", spec: .count(1)),
        Case(language: "fr", sentence: "L'⟦un⟧ des négociateurs a parlé.", spec: .count(1)),
        Case(language: "de", sentence: "Das sagte ⟦einer⟧ der Unterhändler.", spec: .count(1)),
        Case(language: "en", sentence: "The full list is on page ⟦12⟧ of the report.", spec: .count(12)),
        Case(language: "de", sentence: "Das regelt Artikel ⟦5⟧ des Vertrags.", spec: .count(5)),
        Case(language: "en", sentence: "Yesterday a Boeing ⟦737⟧ crashed near the airport.", spec: .count(737)),
        Case(language: "en", sentence: "President Ashraf Ghani, ⟦72⟧, flew to Mazar.", spec: .count(72)),
        Case(language: "en", sentence: "The deadline is ⟦August 31⟧.", spec: .date),
        Case(language: "en", sentence: "They have talked for ⟦months⟧ without result.",
             spec: Q(kind: .duration, value: .between(2, 11), unit: "month", qualifier: .about)),
        Case(language: "en", sentence: "For the ⟦first⟧ time, the talks stalled.", spec: .ordinal(1)),
        Case(language: "en", sentence: "⟦5 min⟧ read", spec: .duration(5, "minute")),
        Case(language: "de", sentence: "⟦12⟧ Kommentare", spec: .count(12)),
    ]

    @Test(arguments: notClaims)
    func isNotAClaim(_ c: Case) {
        let claims = Support.claims(c.sentence, [c.spec], language: c.language)
        #expect(claims.isEmpty, "got \(claims.map(\.quote))")
    }

    static let claims: [Case] = [
        Case(language: "en", sentence: "At least ⟦one⟧ person was killed.", spec: .count(1, .atLeast)),
        Case(language: "en", sentence: "In Kabul ⟦300⟧ families were evacuated.", spec: .count(300)),
        Case(language: "en", sentence: "Elsewhere in Herat ⟦30⟧ were killed.", spec: .count(30)),
        Case(language: "da", sentence: "Det oplyser Jawad Mujadidi, der er en af Afghanistans ⟦34⟧ provinser.", spec: .count(34)),
        Case(language: "en", sentence: "Guards freed ⟦hundreds⟧ of prisoners.",
             spec: Q(kind: .count, value: .between(200, 999), qualifier: .about)),
        Case(language: "en", sentence: "Their overthrow came ⟦20 years⟧ ago.", spec: .duration(20, "year")),
    ]

    @Test(arguments: claims)
    func isAClaim(_ c: Case) throws {
        let claims = Support.claims(c.sentence, [c.spec], language: c.language)
        let claim = try #require(claims.first)
        #expect(claims.count == 1)
        #expect(claim.kind == c.spec.kind)
        #expect(claim.qualifier == c.spec.qualifier)
        #expect(claim.value == c.spec.value)
    }

    @Test func theQuoteIsTheTextAndTheOffsetsPointAtIt() throws {
        let (text, qs) = Support.quantities("Officials said ⟦about 360,000⟧ people fled.", [.count(360_000, .about)])
        let claims = Support.builder.claims(sentence: text, quantities: qs, language: "en", articleID: "art")
        let claim = try #require(claims.first)
        #expect(claim.id == "art#1")
        #expect(claim.article == "art")
        #expect(claim.quote == "about 360,000")
        #expect(claim.sentence == text)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[claim.start!..<claim.end!], as: UTF8.self) == claim.quote)
    }
}
