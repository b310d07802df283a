import LanguageData
import QuantityRecognition
import ClaimBuilding
import CrosscheckModel
import Testing

/// The same fact told in several languages lands on one concept key: homes without power, rain per
/// square metre, harvests lost, cost rises and totals, soldiers deployed; and the rules that keep
/// keys apart (a label noun, homeless people), the as-of day of a balance, and sources of estimates.
@Suite struct CoverageTests {
    typealias Q = Support.Q

    struct Case: CustomTestStringConvertible, Sendable {
        var language: String
        var sentence: String
        var spec: Q
        var concept: String?
        var testDescription: String { "\(language): \(sentence) → \(concept ?? "nil")" }

        init(_ language: String, _ sentence: String, _ spec: Q = .count(20_000, .about), _ concept: String?) {
            self.language = language
            self.sentence = sentence
            self.spec = spec
            self.concept = concept
        }
    }

    static func money(_ n: Double, _ unit: String) -> Q { Q(kind: .money, value: .exactly(n), unit: unit) }
    static let litres = Q(kind: .measure, value: .exactly(310), unit: "l", qualifier: .atMost)

    static let cases: [Case] = [
        // homes and households without power
        Case("en", "About ⟦20,000⟧ homes were still without power on Wednesday morning.", .count(20_000, .about), "home/without-power"),
        Case("en", "Some ⟦20,000⟧ households remain without electricity.", .count(20_000, .about), "home/without-power"),
        Case("es", "Unos ⟦20.000⟧ hogares seguían sin luz a primera hora de la mañana.", .count(20_000, .about), "home/without-power"),
        Case("de", "Rund ⟦20.000⟧ Haushalte waren am Mittwochmorgen noch ohne Strom.", .count(20_000, .about), "home/without-power"),
        Case("fr", "Quelque ⟦20 000⟧ foyers étaient toujours privés d'électricité.", .count(20_000, .about), "home/without-power"),
        Case("da", "Omkring ⟦20.000⟧ husstande var stadig uden strøm.", .count(20_000, .about), "home/without-power"),
        // a peak is another figure than the current one
        Case("en", "About 20,000 homes remain without power, down from a peak of ⟦35,000⟧ overnight.", .count(35_000), "peak"),
        Case("es", "Unos 20.000 hogares siguen sin luz, frente a un máximo de ⟦35.000⟧ durante la noche.", .count(35_000), "peak"),
        // rain per square metre, even when the sentence never says rain
        Case("es", "Cayeron ⟦hasta 310 litros⟧ por metro cuadrado en 24 horas.", litres, "rainfall"),
        Case("de", "Es fielen ⟦bis zu 310 Liter⟧ Regen pro Quadratmeter.", litres, "rainfall"),
        Case("fr", "Il est tombé ⟦jusqu'à 310 litres⟧ par mètre carré.", litres, "rainfall"),
        Case("da", "Der faldt ⟦op til 310 liter⟧ pr. kvadratmeter.", litres, "rainfall"),
        // a share of the harvest lost
        Case("en", "Farmers' groups said ⟦roughly 15%⟧ of the citrus harvest had been lost.", .percent(15, .about), "harvest/lost"),
        Case("es", "Estiman que se ha perdido ⟦cerca del 15 %⟧ de la cosecha de cítricos.", .percent(15, .about), "harvest/lost"),
        Case("de", "Sie rechnen damit, dass ⟦etwa 15 Prozent⟧ der Zitrusernte verloren sind.", .percent(15, .about), "harvest/lost"),
        Case("fr", "Environ ⟦15 %⟧ de la récolte d'agrumes est perdue.", .percent(15, .about), "harvest/lost"),
        // cost rises and totals: sums only
        Case("da", "Tunnelen bliver ⟦3,9 milliarder kroner⟧ dyrere end forudsat.", money(3.9e9, "DKK"), "cost-increase"),
        Case("da", "Prisen stiger med ⟦4,2 mia. kr.⟧ til i alt 31,5 mia. kr.", money(4.2e9, "DKK"), "cost-increase"),
        Case("da", "Den samlede pris lander nu på ⟦31,2 milliarder kroner⟧.", money(31.2e9, "DKK"), "total-cost"),
        Case("en", "The tunnel will be ⟦$3.9 billion⟧ more expensive than planned.", money(3.9e9, "USD"), "cost-increase"),
        Case("de", "Der Tunnel wird ⟦3,9 Milliarden Euro⟧ teurer als geplant.", money(3.9e9, "EUR"), "cost-increase"),
        Case("es", "El túnel será ⟦3.900 millones de euros⟧ más caro de lo previsto.", money(3.9e9, "EUR"), "cost-increase"),
        Case("fr", "Le tunnel coûtera ⟦3,9 milliards d'euros⟧ de plus que prévu.", money(3.9e9, "EUR"), "cost-increase"),
        Case("en", "Unemployment rises by ⟦2 percent⟧ this year.", .percent(2), "unemployment"),
        // homeless people are displaced, not killed; a magnitude is no count of people
        Case("en", "The quake killed 300 people and left ⟦120,000⟧ homeless.", .count(120_000), "person/displaced"),
        Case("en", "A magnitude ⟦7.8⟧ earthquake struck the region, killing hundreds.", .count(7.8), "magnitude"),
        Case("es", "Un terremoto de magnitud ⟦7,8⟧ sacudió la región y causó cientos de muertos.", .count(7.8), "magnitude"),
        // the verb of the figure's clause, even far from it
        Case("es", "Entre ⟦200 y 250⟧ militares de la Unidad Militar de Emergencias (UME) se han desplegado en los municipios.",
             Q(kind: .count, value: .between(200, 250)), "soldier/deployed"),
        Case("de", "Zwischen ⟦200 und 250⟧ Soldaten der Militärischen Nothilfeeinheit UME sind im Einsatz.",
             Q(kind: .count, value: .between(200, 250)), "soldier/deployed"),
        Case("en", "Between ⟦200 and 250⟧ soldiers from the military emergency unit were sent to the worst-hit towns.",
             Q(kind: .count, value: .between(200, 250)), "soldier/deployed"),
        Case("en", "More than ⟦1,200⟧ soldiers were evacuated from the base.", .count(1200, .moreThan), "soldier/evacuated"),
        Case("es", "Se han desplegado en los municipios más afectados de la provincia entre ⟦200 y 250⟧ militares.",
             Q(kind: .count, value: .between(200, 250)), "soldier/deployed"),
        Case("de", "Mehr als ⟦1200⟧ Menschen mussten ihre Häuser verlassen.", .count(1200, .moreThan), "person/evacuated"),
        // rescued and evacuated stay apart; residents are residents in every language
        Case("es", "Los bomberos rescataron a ⟦90⟧ personas y 1.200 vecinos fueron evacuados.", .count(90), "person/rescued"),
        Case("de", "Die Feuerwehr rettete ⟦90⟧ Menschen, 1200 Bewohner wurden evakuiert.", .count(90), "person/rescued"),
        Case("fr", "Les pompiers ont secouru 90 personnes et ⟦1 200⟧ habitants ont été évacués.", .count(1200), "resident/evacuated"),
        Case("es", "Más de ⟦1.200⟧ vecinos tuvieron que ser evacuados.", .count(1200, .moreThan), "resident/evacuated"),
        // turnout is turnout, whatever the sentence's verbs
        Case("en", "Turnout was ⟦67.4 percent⟧, and the party won 120 seats.", .percent(67.4), "turnout"),
        Case("de", "Die Wahlbeteiligung lag bei ⟦67,4 Prozent⟧, die Partei gewann 120 Sitze.", .percent(67.4), "turnout"),
        Case("da", "Valgdeltagelsen var ⟦84,2 procent⟧, og partiet fik 20 mandater.", .percent(84.2), "turnout"),
    ]

    @Test(arguments: cases)
    func oneFactOneKey(_ c: Case) throws {
        let claim = try #require(Support.claim(c.sentence, c.spec, language: c.language))
        #expect(claim.concept == c.concept)
    }

    @Test func aCountIsNeverACostRise() throws {
        let claim = try #require(Support.claim("Ledigheden stiger med ⟦5⟧ procent.", .count(5), language: "da"))
        #expect(claim.concept != "cost-increase")
    }

    @Test(arguments: [
        ("fr", "Les talibans contrôlent désormais ⟦onze⟧ capitales provinciales sur ⟦34⟧.", "provincial-capital/controlled"),
        ("en", "The Taliban now control ⟦12⟧ provincial capitals out of ⟦34⟧.", "provincial-capital/controlled"),
        ("da", "Taliban kontrollerer nu ⟦12⟧ provinshovedstæder ud af ⟦34⟧.", "provincial-capital/controlled"),
    ])
    func aPartWithItsNounBeforeTheWholeHasItsBase(_ language: String, _ sentence: String, _ concept: String) throws {
        let claims = Support.claims(sentence, [.count(11), .count(34)], language: language)
        let claim = try #require(claims.count == 1 ? claims[0] : nil, "got \(claims.map(\.quote))")
        #expect(claim.value.base == 34)
        #expect(claim.concept == concept)
    }

    @Test func aWholeWithItsOwnNounIsNoBase() {
        let claims = Support.claims("They hold ⟦12⟧ cities out of ⟦34⟧ provinces.", [.count(12), .count(34)], language: "en")
        #expect(claims.count == 2)
    }

    // 2026-10-15 was a Thursday: Tuesday the 13th, Wednesday the 14th.
    @Test(arguments: [
        ("es", "Las lluvias que azotaron la provincia durante la noche del martes han dejado al menos ⟦37⟧ muertos, según el último balance difundido este miércoles a mediodía."),
        ("en", "The rain that fell during Tuesday night has killed ⟦37⟧ people, according to the latest count released on Wednesday."),
        ("de", "Der Regen in der Nacht zum Dienstag hat ⟦37⟧ Menschen getötet, wie die Behörden am Mittwoch mitteilten."),
        ("fr", "Les pluies tombées dans la nuit de mardi ont fait ⟦37⟧ morts, selon le bilan publié mercredi."),
    ])
    func aDayInsideDuringLosesToTheBalancesDay(_ language: String, _ sentence: String) throws {
        let claim = try #require(Support.claim(sentence, .count(37), language: language, published: "2026-10-15"))
        #expect(claim.asOf == "2026-10-14")
    }

    @Test func aDuringDayAloneStillCounts() throws {
        let claim = try #require(Support.claim("During Tuesday night ⟦37⟧ people died.", .count(37), language: "en", published: "2026-10-15"))
        #expect(claim.asOf == "2026-10-13")
    }

    @Test func theEstimateAndTheSaidShareHaveTheirOwnSources() {
        let claims = Support.claims(
            "The regional government put the first estimate of the damage at ⟦€450 million⟧, and farmers’ groups said ⟦roughly 15%⟧ of the citrus harvest in the province had been lost.",
            [Self.money(450e6, "EUR"), .percent(15, .about)], language: "en")
        #expect(claims.map(\.cited) == ["regional government", "farmers’ groups"])
        #expect(claims.map(\.concept) == ["damage", "harvest/lost"])
    }

    @Test(arguments: [
        ("en", "At least ⟦41⟧ people have died after flash floods, regional officials said on Wednesday, as rescuers searched for ⟦a dozen⟧ people who are still missing.", "regional officials"),
        ("en", "About ⟦20,000⟧ homes remain without power, the grid operator says, down from a peak of ⟦35,000⟧ overnight.", "grid operator"),
    ])
    func aVerbClosingItsClauseCoversTheFigureBefore(_ language: String, _ sentence: String, _ source: String) throws {
        let claims = Support.claims(sentence, [.count(41), .count(12)], language: language)
        #expect(claims.first?.cited == source)
    }

    @Test func aNonFiniteValueIsDropped() {
        let (text, qs) = Support.quantities("⟦12⟧ cities and ⟦huge⟧ numbers", [.count(12), .count(.infinity)])
        let claims = Support.builder.claims(sentence: text, quantities: qs, language: "en")
        #expect(claims.map(\.quote) == ["12"])
        #expect(claims.allSatisfy { $0.value.number?.isFinite ?? true })
    }

    /// One sentence of 200,000 words, and sentences of many figures: the time grows linearly with
    /// the number of figures (a quadratic step would take 16 times as long for 4 times the figures).
    @Test func longSentencesAndManyFiguresStayFast() {
        let clock = ContinuousClock()
        var words = ""
        for i in 0..<200_000 { words += i % 50 == 0 ? "said the officials, " : "word " }
        let tail = "12 soldiers were deployed."
        let long = words + tail
        let start12 = long.utf8.count - tail.utf8.count
        let one = [Quantity(text: "12", start: start12, end: start12 + 2, kind: .count, value: .exactly(12))]
        let t1 = clock.measure {
            #expect(Support.builder.claims(sentence: long, quantities: one, language: "en").count == 1)
        }
        #expect(t1 < .seconds(30), "200,000 words took \(t1)")

        func figures(_ n: Int) -> (String, [Quantity]) {
            var text = ""
            var qs: [Quantity] = []
            qs.reserveCapacity(n)
            for i in 0..<n {
                let s = String(i % 1000 + 1)
                let start = text.utf8.count
                text += s
                let duration = i % 7 == 0
                qs.append(Quantity(text: s, start: start, end: start + s.utf8.count, kind: duration ? .duration : .count,
                                   value: .exactly(Double(i % 1000 + 1)), unit: duration ? "day" : nil))
                text += i % 3 == 0 ? " people killed on Monday in " : (i % 3 == 1 ? " said the police and " : " and ")
            }
            return (text, qs)
        }
        let (small, smallQs) = figures(10_000)
        let (large, largeQs) = figures(40_000)
        var counts: [Int] = []
        let ts = clock.measure { counts.append(Support.builder.claims(sentence: small, quantities: smallQs, language: "en").count) }
        let tl = clock.measure { counts.append(Support.builder.claims(sentence: large, quantities: largeQs, language: "en").count) }
        #expect(counts == [10_000, 40_000])
        #expect(tl < ts * 8, "10,000 figures took \(ts), 40,000 took \(tl)")
    }

    @Test func aHeadlineAndItsBodyRestatementShareTheConcept() throws {
        let a = EndToEndTests.article(title: "Sundtunnelen bliver 3,9 milliarder dyrere",
                                      paragraphs: [["Tunnelen under Sundet bliver 3,9 milliarder kroner dyrere end forudsat."]],
                                      language: "da", published: "2026-03-05")
        let claims = Support.builder.claims(for: a)
        let title = try #require(claims.first { $0.inTitle })
        let body = try #require(claims.first { !$0.inTitle })
        #expect(title.concept == "cost-increase")
        #expect(title.concept == body.concept)
        #expect(title.kind == body.kind)
        #expect(title.unit == body.unit)
    }

    @Test func aBodyFigureWithoutConceptTakesTheHeadlines() throws {
        let a = EndToEndTests.article(title: "Floods kill 41 in eastern Spain",
                                      paragraphs: [["The toll rose to 41 on Wednesday."]], published: "2026-10-15")
        let claims = Support.builder.claims(for: a)
        #expect(claims.count == 2)
        #expect(claims.allSatisfy { $0.concept == "person/killed" }, "got \(claims.map(\.concept))")
    }

    @Test(arguments: [
        ("fr", "Selon le ministère de l'Intérieur, ⟦45⟧ personnes sont mortes.", "ministère de l'Intérieur"),
        ("es", "Según el Ministerio de la Defensa, ⟦45⟧ personas murieron.", "Ministerio de la Defensa"),
        ("fr", "Au moins ⟦37⟧ personnes sont mortes, selon des sources hospitalières.", "sources hospitalières"),
        ("en", "A senior official told Reuters that ⟦300⟧ soldiers had been deployed.", "senior official"),
        ("da", "Ifølge notatet skyldes merprisen på ⟦3,9 milliarder kroner⟧ især dyrere stål.", "notatet"),
    ])
    func aSourceKeepsItsArticleAfterAJoiner(_ language: String, _ sentence: String, _ source: String) throws {
        let claim = try #require(Support.claim(sentence, .count(45), language: language))
        #expect(claim.cited == source)
    }
}

@Suite struct RunOnTextTests {
    @Test func claimsInRunOnTextCarryAWindowNotTheWholeText() throws {
        let store = try LanguageStore.builtIn()
        let builder = try ClaimBuilder(languages: store, recognizer: QuantityRecognizer(languages: store))
        let words = String(repeating: "lorem ipsum dolor ", count: 2_000)
        let text = words + "At least 41 people died in the floods. " + words
        let article = Article(id: "runon", path: "runon.txt", published: "2026-10-14", language: "en", text: text,
                              sentences: [Sentence(text: text, start: 0, end: text.utf8.count)])
        let claims = builder.claims(for: article)
        let c = try #require(claims.first { $0.quote.contains("41") })
        #expect(c.sentence.utf8.count < 1_500)
        #expect(c.sentence.contains("At least 41 people died in the floods."))
        #expect(c.sentence.hasPrefix("… ") && c.sentence.hasSuffix(" …"))
    }
}
