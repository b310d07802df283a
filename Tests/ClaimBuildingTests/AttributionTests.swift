import ClaimBuilding
import CrosscheckModel
import Testing

/// Who the article attributes a figure to, and the wire agency it came through.
@Suite struct AttributionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var language: String
        var sentence: String
        var cited: String?
        var agency: String? = nil
        var testDescription: String { "\(language): \(sentence)" }
    }

    static let cases: [Case] = [
        Case(language: "en", sentence: "About ⟦360,000⟧ people have fled their homes since early 2021, according to the UN.", cited: "UN"),
        Case(language: "da", sentence: "Ifølge FN er mindst ⟦183⟧ civile blevet dræbt.", cited: "FN"),
        Case(language: "es", sentence: "Según la ONU, al menos ⟦183⟧ civiles han muerto.", cited: "ONU"),
        Case(language: "fr", sentence: "Selon l'ONU, au moins ⟦183⟧ civils ont été tués.", cited: "ONU"),
        Case(language: "de", sentence: "Laut UN wurden mindestens ⟦183⟧ Zivilisten getötet.", cited: "UN"),
        Case(language: "en", sentence: "The Pentagon has indicated that ⟦3,000⟧ soldiers will be deployed.", cited: "Pentagon"),
        Case(language: "en", sentence: "The UK Ministry of Defense has announced the deployment of ⟦600⟧ troops.", cited: "UK Ministry of Defense"),
        Case(language: "en", sentence: "Security forces withdrew after ⟦three⟧ days of fighting, a local lawmaker told AFP.",
             cited: "local lawmaker", agency: "AFP"),
        Case(language: "en", sentence: "Mohammed Tayab, a Pakistani official, said ⟦300⟧ people had crossed.", cited: "Mohammed Tayab"),
        Case(language: "en", sentence: "“We lost ⟦300⟧ men,” Zabihullah Attiq said.", cited: "Zabihullah Attiq"),
        Case(language: "en", sentence: "“We will cut ⟦500⟧ staff,” said the spokesman for US diplomacy, Ned Price.", cited: "spokesman for US"),
        Case(language: "da", sentence: "Dødstallet er steget til ⟦45⟧, skriver Ritzau.", cited: "Ritzau", agency: "Ritzau"),
        Case(language: "es", sentence: "Al menos ⟦183⟧ civiles han muerto, informó el miércoles la ONU.", cited: "ONU"),
        Case(language: "fr", sentence: "Le ministère britannique de la Défense a annoncé le déploiement de ⟦600⟧ soldats.",
             cited: "ministère britannique de la Défense"),
        Case(language: "de", sentence: "Die Zahl der Toten stieg auf ⟦45⟧, sagte ein Sprecher des Ministeriums.", cited: "Sprecher des Ministeriums"),
        Case(language: "en", sentence: "The Taliban have taken ⟦12⟧ provincial capitals.", cited: nil),
        Case(language: "en", sentence: "⟦Three⟧ people died, he told reporters.", cited: nil),
        Case(language: "en", sentence: "Foreign troops left the United States base after ⟦20 years⟧.", cited: nil),
        Case(language: "en", sentence: "⟦45⟧ people are confirmed dead.", cited: nil),
        Case(language: "de", sentence: "Mindestens ⟦41⟧ Menschen starben, wie die Regionalregierung am Mittwoch mitteilte.", cited: "Regionalregierung"),
        Case(language: "es", sentence: "El presidente del Gobierno, Pedro Sánchez, anunció ayudas por ⟦200 millones⟧ de euros.", cited: "Pedro Sánchez"),
    ]

    @Test(arguments: cases)
    func citedAndAgency(_ c: Case) {
        let claims = Support.claims(c.sentence, [.count(0)], language: c.language)
        #expect(claims.count == 1)
        #expect(claims.first?.cited == c.cited)
        #expect(claims.first?.agency == c.agency)
    }

    @Test func aReportingVerbCoversWhatItReportsNotWhatCameBefore() {
        let claims = Support.claims(
            "The Taliban seized Afghanistan's ⟦third⟧ city, as the United States announced the dispatch of ⟦three thousand⟧ soldiers.",
            [.ordinal(3), .count(3000)], language: "en")
        #expect(claims.map(\.cited) == [nil, "United States"])
        let inverted = Support.claims(
            "Au moins ⟦41⟧ personnes ont péri, a annoncé mercredi le gouvernement régional, selon qui ⟦une douzaine⟧ de personnes sont disparues.",
            [.count(41, .atLeast), .count(12, .about)], language: "fr")
        #expect(inverted.map(\.cited) == ["gouvernement régional", "gouvernement régional"])
        let tail = Support.claims("⟦Thirty⟧ people died and ⟦12⟧ were hurt, police said on Tuesday.", [.count(30), .count(12)], language: "en")
        #expect(tail.map(\.cited) == ["police", "police"])
    }

    @Test func aBackReferenceInTheNextSentenceCarriesOver() {
        let claims = Support.claims("Onsdag har bevægelsen indtaget den ⟦ottende⟧ provinshovedstad.", [.ordinal(8)], language: "da",
                                    next: "Det oplyser Jawad Mujadidi, som er medlem af provinsrådet.")
        #expect(claims.first?.cited == "Jawad Mujadidi")
    }

    @Test func aQuotationTakesTheSpeakerOfThePreviousSentence() {
        let claims = Support.claims("“We have lost ⟦300⟧ men.”", [.count(300)], language: "en",
                                    previous: "Zabihullah Attiq said the fighting was heavy.")
        #expect(claims.first?.cited == "Zabihullah Attiq")
    }

    @Test func aPronounSpeakerIsTheSourceNamedInThePreviousSentence() {
        let claims = Support.claims("“We have lost ⟦300⟧ men,” he said.", [.count(300)], language: "en",
                                    previous: "The governor, Ahmad Khan, said the city would not fall.")
        #expect(claims.first?.cited == "Ahmad Khan")
        let da = Support.claims("Vi har mistet ⟦300⟧ mand, sagde han.", [.count(300)], language: "da",
                                previous: "Det oplyser guvernør Ahmad Khan til Ritzau.")
        #expect(da.first?.cited == "guvernør Ahmad Khan")
    }

    @Test func aSentenceThatIsNoQuotationDoesNotInheritTheSource() {
        let claims = Support.claims("The Taliban have taken ⟦12⟧ provincial capitals.", [.count(12)], language: "en",
                                    previous: "Zabihullah Attiq said the fighting was heavy.")
        #expect(claims.first?.cited == nil)
    }
}
