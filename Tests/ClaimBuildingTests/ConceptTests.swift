import ClaimBuilding
import CrosscheckModel
import Testing

/// The same fact told in five languages gets one concept key; ranks never read as running counts.
@Suite struct ConceptTests {
    typealias Q = Support.Q

    struct Case: CustomTestStringConvertible, Sendable {
        var language: String
        var sentence: String
        var testDescription: String { "\(language): \(sentence)" }
    }

    static let capitalsOfWhole: [Case] = [
        Case(language: "en", sentence: "The Taliban have captured ⟦12⟧ of the ⟦34⟧ provincial capitals."),
        Case(language: "da", sentence: "Taliban har indtaget ⟦12⟧ af de ⟦34⟧ provinshovedstæder."),
        Case(language: "es", sentence: "Los talibanes han tomado ⟦12⟧ de las ⟦34⟧ capitales provinciales."),
        Case(language: "fr", sentence: "Les talibans ont pris ⟦12⟧ des ⟦34⟧ chefs-lieux de province."),
        Case(language: "de", sentence: "Die Taliban haben ⟦12⟧ von ⟦34⟧ Provinzhauptstädten eingenommen."),
        Case(language: "sv", sentence: "Talibanerna har intagit ⟦12⟧ av de ⟦34⟧ provinshuvudstäderna."),
        Case(language: "nb", sentence: "Taliban har inntatt ⟦12⟧ av de ⟦34⟧ provinshovedstedene."),
        Case(language: "nl", sentence: "De taliban hebben ⟦12⟧ van de ⟦34⟧ provinciehoofdsteden ingenomen."),
        Case(language: "pt", sentence: "Os talibãs tomaram ⟦12⟧ das ⟦34⟧ capitais provinciais."),
        Case(language: "it", sentence: "I talebani hanno conquistato ⟦12⟧ dei ⟦34⟧ capoluoghi di provincia."),
    ]

    @Test func aShareOfAStatedWholeHasItsBase() throws {
        let claims = Support.claims("The Taliban hold ⟦a third⟧ of the ⟦34⟧ provinces.", [.fraction(1.0 / 3.0), .count(34)], language: "en")
        let claim = try #require(claims.count == 1 ? claims[0] : nil)
        #expect(claim.kind == .fraction)
        #expect(claim.value.base == 34)
        #expect(claim.quote == "a third of the 34")
    }

    @Test func aRatioReadAsAFractionIsAPartOfAWhole() throws {
        let claim = try #require(Support.claim("De taliban hebben ⟦12 van de 34⟧ provinciehoofdsteden ingenomen.",
                                               .fraction(12.0 / 34.0), language: "nl"))
        #expect(claim.kind == .count)
        #expect(claim.value == QuantityValue(number: 12, base: 34))
        #expect(claim.concept == "provincial-capital/captured")
    }

    @Test(arguments: capitalsOfWhole)
    func partOfAWholeIsOneClaimWithItsBase(_ c: Case) throws {
        let claims = Support.claims(c.sentence, [.count(12), .count(34)], language: c.language)
        let claim = try #require(claims.count == 1 ? claims[0] : nil, "got \(claims.map(\.quote))")
        #expect(claim.value.number == 12)
        #expect(claim.value.base == 34)
        #expect(claim.concept == "provincial-capital/captured")
        #expect(claim.subject == "provincial capitals captured")
        #expect(claim.cumulative)
    }

    static let civiliansKilled: [Case] = [
        Case(language: "en", sentence: "At least ⟦183⟧ civilians have been killed in a month."),
        Case(language: "da", sentence: "Mindst ⟦183⟧ civile er blevet dræbt på en måned."),
        Case(language: "es", sentence: "Al menos ⟦183⟧ civiles han muerto en un mes."),
        Case(language: "fr", sentence: "Au moins ⟦183⟧ civils ont été tués en un mois."),
        Case(language: "de", sentence: "Mindestens ⟦183⟧ Zivilisten wurden in einem Monat getötet."),
        Case(language: "sv", sentence: "Minst ⟦183⟧ civila har dödats på en månad."),
        Case(language: "nb", sentence: "Minst ⟦183⟧ sivile er drept på en måned."),
        Case(language: "nl", sentence: "Zeker ⟦183⟧ burgers zijn in een maand gedood."),
        Case(language: "pt", sentence: "Pelo menos ⟦183⟧ civis foram mortos num mês."),
        Case(language: "it", sentence: "Almeno ⟦183⟧ civili sono stati uccisi in un mese."),
    ]

    @Test(arguments: civiliansKilled)
    func civiliansKilledIsOneConcept(_ c: Case) throws {
        let claim = try #require(Support.claim(c.sentence, .count(183, .atLeast), language: c.language))
        #expect(claim.concept == "civilian/killed")
        #expect(claim.cumulative)
    }

    static let peopleDisplaced: [Case] = [
        Case(language: "en", sentence: "About ⟦360,000⟧ people have fled their homes."),
        Case(language: "da", sentence: "Omkring ⟦360.000⟧ mennesker er flygtet fra deres hjem."),
        Case(language: "es", sentence: "Unas ⟦360.000⟧ personas han huido de sus hogares."),
        Case(language: "fr", sentence: "Environ ⟦360 000⟧ personnes ont fui leur foyer."),
        Case(language: "de", sentence: "Rund ⟦360.000⟧ Menschen sind geflohen."),
        Case(language: "sv", sentence: "Omkring ⟦360 000⟧ människor har flytt."),
        Case(language: "nb", sentence: "Rundt ⟦360 000⟧ mennesker har flyktet."),
        Case(language: "nl", sentence: "Zo'n ⟦360.000⟧ mensen zijn op de vlucht."),
        Case(language: "pt", sentence: "Cerca de ⟦360 mil⟧ pessoas fugiram."),
        Case(language: "it", sentence: "Circa ⟦360.000⟧ persone sono fuggite."),
    ]

    @Test(arguments: peopleDisplaced)
    func peopleDisplacedIsOneConcept(_ c: Case) throws {
        let claim = try #require(Support.claim(c.sentence, .count(360_000, .about), language: c.language))
        #expect(claim.concept == "person/displaced")
    }

    static let soldiersSent: [Case] = [
        Case(language: "en", sentence: "The Pentagon will deploy ⟦3,000⟧ troops to Kabul."),
        Case(language: "da", sentence: "Pentagon sender ⟦3000⟧ soldater til Kabul."),
        Case(language: "es", sentence: "El Pentágono enviará ⟦3.000⟧ soldados a Kabul."),
        Case(language: "fr", sentence: "Le Pentagone va envoyer ⟦3 000⟧ soldats à Kaboul."),
        Case(language: "de", sentence: "Das Pentagon schickt ⟦3000⟧ Soldaten nach Kabul."),
    ]

    @Test(arguments: soldiersSent)
    func soldiersDeployedIsOneConceptAboutTheSender(_ c: Case) throws {
        let claim = try #require(Support.claim(c.sentence, .count(3000), language: c.language))
        #expect(claim.concept == "soldier/deployed")
        #expect(!claim.cumulative)
        #expect(claim.place == "United States")
    }

    @Test func theActingCountryKeepsUKAndUSTroopsApart() throws {
        let us = try #require(Support.claim("The United States announced the dispatch of ⟦three thousand⟧ soldiers.", .count(3000), language: "en"))
        let uk = try #require(Support.claim("The UK Ministry of Defense has announced the deployment of ⟦600⟧ troops to Afghanistan.", .count(600), language: "en"))
        #expect(us.concept == "soldier/deployed")
        #expect(uk.concept == "soldier/deployed")
        #expect(us.place == "United States")
        #expect(uk.place == "United Kingdom")
        let ua = try #require(Support.claim("Germany's chancellor said ⟦300⟧ Ukrainian soldiers were trained there.", .count(300), language: "en"))
        #expect(ua.place == "Ukraine")
    }

    static let eighthCapital: [Case] = [
        Case(language: "en", sentence: "On Wednesday the Taliban captured the ⟦eighth⟧ provincial capital in six days."),
        Case(language: "da", sentence: "Onsdag har bevægelsen indtaget den ⟦ottende⟧ provinshovedstad i landet."),
        Case(language: "es", sentence: "Los talibanes tomaron la ⟦octava⟧ capital provincial."),
        Case(language: "fr", sentence: "Les talibans ont pris la ⟦huitième⟧ capitale provinciale."),
        Case(language: "de", sentence: "Die Taliban haben die ⟦achte⟧ Provinzhauptstadt eingenommen."),
    ]

    @Test(arguments: eighthCapital)
    func anOrdinalWithAnEventIsARunningCount(_ c: Case) throws {
        let claim = try #require(Support.claim(c.sentence, .ordinal(8), language: c.language))
        #expect(claim.concept == "provincial-capital/captured")
        #expect(claim.cumulative)
    }

    static let thirdCity: [Case] = [
        Case(language: "en", sentence: "The Taliban seized Afghanistan’s ⟦third⟧ most populous city."),
        Case(language: "en", sentence: "The Taliban seized Afghanistan's ⟦third⟧ city, Herat, on Thursday."),
        Case(language: "en", sentence: "They also claimed to have taken Kandahar, the ⟦second⟧ largest city in Afghanistan."),
        Case(language: "da", sentence: "Taliban har indtaget Afghanistans ⟦tredje⟧ største by."),
        Case(language: "es", sentence: "Los talibanes tomaron la ⟦tercera⟧ ciudad más poblada de Afganistán."),
        Case(language: "es", sentence: "Los talibanes se hicieron con Kandahar, la ⟦segunda⟧ ciudad del país."),
        Case(language: "fr", sentence: "Les talibans ont pris la ⟦troisième⟧ plus grande ville du pays."),
        Case(language: "de", sentence: "Die Taliban haben die ⟦dritte⟧ größte Stadt des Landes erobert."),
        Case(language: "de", sentence: "Die Taliban haben Kandahar eingenommen, die ⟦zweitgrößte⟧ Stadt des Landes."),
        Case(language: "fr", sentence: "Les talibans se sont emparés de Kandahar, ⟦deuxième⟧ ville du pays."),
    ]

    @Test(arguments: thirdCity)
    func aRankIsNeverARunningCount(_ c: Case) throws {
        let n: Double = ["⟦second⟧", "⟦segunda⟧", "⟦zweitgrößte⟧", "⟦deuxième⟧"].contains { c.sentence.contains($0) } ? 2 : 3
        let claim = try #require(Support.claim(c.sentence, .ordinal(n), language: c.language))
        #expect(claim.concept == "city/rank")
        #expect(!claim.cumulative)
    }

    @Test func aRankOfAnUnknownThingIsAClaimWithoutConcept() throws {
        let claim = try #require(Support.claim("Labour is now the ⟦second⟧ largest party in the chamber.", .ordinal(2), language: "en"))
        #expect(claim.concept == nil)
        #expect(!claim.cumulative)
    }

    @Test func theNinthCityToBeInvadedCountsCapturedCities() throws {
        let claim = try #require(Support.claim(
            "Ghani arrived when the Taliban captured Faizabad overnight, making it the ⟦ninth⟧ city to be invaded since Friday.",
            .ordinal(9), language: "en"))
        #expect(claim.concept == "city/captured")
    }

    @Test func anAppositionWithAnEventAfterItIsARunningCount() throws {
        let claim = try #require(Support.claim("Kandahar, the ⟦second⟧ city to fall this week, is now quiet.", .ordinal(2), language: "en"))
        #expect(claim.concept == "city/captured")
    }

    static let presence: [Case] = [
        Case(language: "en", sentence: "Foreign troops have been present in Afghanistan for nearly ⟦twenty years⟧."),
        Case(language: "en", sentence: "He does not regret withdrawing US troops after ⟦two decades⟧ of war."),
        Case(language: "da", sentence: "Han vil trække soldaterne ud efter omkring ⟦20 års⟧ tilstedeværelse i landet."),
        Case(language: "es", sentence: "Las tropas se retiran tras ⟦20 años⟧ de presencia militar."),
        Case(language: "fr", sentence: "Les troupes partent après ⟦vingt ans⟧ de guerre."),
        Case(language: "de", sentence: "Die Truppen ziehen nach ⟦20 Jahren⟧ Einsatz ab."),
    ]

    @Test(arguments: presence)
    func whatLastedIsOneDurationConcept(_ c: Case) throws {
        let n: Double = c.sentence.contains("two decades") ? 2 : 20
        let unit = c.sentence.contains("two decades") ? "decade" : "year"
        let claim = try #require(Support.claim(c.sentence, .duration(n, unit), language: c.language))
        #expect(claim.concept == "foreign-military-presence")
        #expect(claim.subject == "length of foreign military presence")
    }

    static let windows: [Case] = [
        Case(language: "en", sentence: "Taliban fighters have taken ⟦12⟧ provincial capitals in ⟦less than a week⟧."),
        Case(language: "da", sentence: "Taliban har indtaget ⟦12⟧ provinshovedstæder på ⟦seks dage⟧."),
        Case(language: "es", sentence: "En ⟦una semana⟧, los talibanes tomaron ⟦12⟧ capitales provinciales."),
        Case(language: "fr", sentence: "En ⟦une semaine⟧, les talibans ont pris ⟦12⟧ capitales provinciales."),
        Case(language: "de", sentence: "Die Taliban haben innerhalb ⟦einer Woche⟧ ⟦12⟧ Provinzhauptstädte eingenommen."),
    ]

    @Test(arguments: windows)
    func aWindowTakesTheConceptOfItsRunningCount(_ c: Case) throws {
        let durationFirst = c.sentence.firstRange(of: "⟦12⟧")!.lowerBound > c.sentence.firstRange(of: "⟦")!.lowerBound
        let specs: [Q] = durationFirst ? [.duration(1, "week"), .count(12)] : [.count(12), .duration(1, "week")]
        let claims = Support.claims(c.sentence, specs, language: c.language)
        let window = try #require(claims.first { $0.kind == .duration })
        #expect(window.concept == "provincial-capital/captured")
        #expect(window.subject?.hasPrefix("period of") == true)
    }

    @Test func aWindowFollowsTheEventNearestIt() throws {
        let claims = Support.claims("Al menos ⟦183⟧ civiles han muerto en ⟦un mes⟧ y unas ⟦360.000⟧ personas han huido de sus hogares.",
                                    [.count(183, .atLeast), .duration(1, "month"), .count(360_000, .about)], language: "es")
        #expect(claims.map(\.concept) == ["civilian/killed", "civilian/killed", "person/displaced"])
    }

    @Test func anEventAcrossAConjunctionBelongsToTheOtherClause() throws {
        let claims = Support.claims("Laut UN wurden mindestens ⟦183⟧ Zivilisten getötet und rund ⟦360.000⟧ Menschen sind geflohen.",
                                    [.count(183, .atLeast), .count(360_000, .about)], language: "de")
        #expect(claims.map(\.concept) == ["civilian/killed", "person/displaced"])
    }

    @Test func aShareOfTerritoryAndItsRestatement() throws {
        let claims = Support.claims("Taliban kontrollerer nu ⟦cirka to tredjedele⟧ (⟦65 procent⟧) af Afghanistans territorium.",
                                    [.fraction(2.0 / 3.0, .about), .percent(65)], language: "da")
        #expect(claims.map(\.concept) == ["territory/controlled", "territory/controlled"])
        // the restatement in parentheses shares the hedge
        #expect(claims.map(\.qualifier) == [.about, .about])
        #expect(claims.allSatisfy { $0.place == "Afghanistan" })
    }

    @Test func aQuarterOfTheCountrysCapitalsHasNoStatedBase() throws {
        let claim = try #require(Support.claim(
            "Taliban fighters have taken ⟦more than a quarter⟧ of the country’s provincial capitals in less than a week.",
            .fraction(0.25, .moreThan), language: "en"))
        #expect(claim.value.base == nil)
        #expect(claim.concept == "provincial-capital/captured")
    }

    @Test func aShareOfTheCountryIsTerritory() throws {
        let claim = try #require(Support.claim("The Taliban now control ⟦65%⟧ of the country.", .percent(65), language: "en"))
        #expect(claim.concept == "territory/controlled")
    }

    static let election: [Case] = [
        Case(language: "en", sentence: "The party won ⟦27.5 percent⟧ of the vote and ⟦48⟧ seats."),
        Case(language: "da", sentence: "Partiet fik ⟦27,5 procent⟧ af stemmerne og ⟦48⟧ mandater."),
        Case(language: "es", sentence: "El partido obtuvo el ⟦27,5 %⟧ de los votos y ⟦48⟧ escaños."),
        Case(language: "fr", sentence: "Le parti a obtenu ⟦27,5 %⟧ des voix et ⟦48⟧ sièges."),
        Case(language: "de", sentence: "Die Partei erhielt ⟦27,5 Prozent⟧ der Stimmen und ⟦48⟧ Sitze."),
    ]

    @Test(arguments: election)
    func votesAndSeatsWon(_ c: Case) throws {
        let claims = Support.claims(c.sentence, [.percent(27.5), .count(48)], language: c.language)
        #expect(claims.map(\.concept) == ["vote/elected", "seat/elected"])
    }

    static let eventOnly: [Case] = [
        Case(language: "en", sentence: "The blast killed at least ⟦30⟧ and wounded dozens."),
        Case(language: "de", sentence: "Mehr als 2000 Menschen kamen ums Leben, ⟦5000⟧ wurden verletzt."),
        Case(language: "es", sentence: "El ataque dejó ⟦30⟧ heridos."),
    ]

    @Test(arguments: eventOnly)
    func anEventWithoutAThingCountsItsDefaultThing(_ c: Case) throws {
        let claim = try #require(Support.claim(c.sentence, .count(0), language: c.language))
        #expect(claim.concept == (c.language == "en" ? "person/killed" : "person/injured"))
    }

    @Test func aCoordinatedFigureSharesTheConceptOnlyWhenItNamesNoThing() {
        let shared = Support.claims("Inflation rose ⟦0.4%⟧ from January and ⟦3.2%⟧ from a year earlier.",
                                    [.percent(0.4), .percent(3.2)], language: "en")
        #expect(shared.map(\.concept) == ["inflation", "inflation"])
        let own = Support.claims("The army has deployed ⟦250⟧ soldiers and ⟦1,000⟧ lifeguards.",
                                 [.count(250), .count(1000)], language: "en")
        #expect(own.map(\.concept) == ["soldier/deployed", nil])
    }

    @Test func aMeasureIsOfRainNotOfPeople() throws {
        let claims = Support.claims(
            "Más de ⟦1.200⟧ vecinos fueron evacuados después de que cayeran ⟦hasta 310 litros⟧ de lluvia en 24 horas.",
            [.count(1200, .moreThan), Q(kind: .measure, value: .exactly(310), unit: "l", qualifier: .atMost)], language: "es")
        #expect(claims.map(\.concept) == ["resident/evacuated", "rainfall"])
    }

    @Test func theDeathTollIsPeopleKilled() throws {
        let claim = try #require(Support.claim("The death toll rose to ⟦45⟧ on Tuesday.", .count(45), language: "en"))
        #expect(claim.concept == "person/killed")
    }

    @Test func aCompoundWordTakesItsHeadsConcept() throws {
        let claim = try #require(Support.claim("Die Regierung schickt ⟦500⟧ Elitesoldaten.", .count(500), language: "de"))
        #expect(claim.concept == "soldier/deployed")
    }
}
