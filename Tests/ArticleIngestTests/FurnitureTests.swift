import CrosscheckModel
import Testing
@testable import ArticleIngest

/// Furniture fixtures: what must survive into the text and what must not.
@Suite struct FurnitureTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var language: String
        var byline: String
        var with: [String]
        var without: [String]
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "furniture-en.txt", language: "en", byline: "Mark Hill and Ana Ruiz",
             with: ["Heavy rain flooded more than 400 homes", "12 flood warnings remained in place"],
             without: ["Share this article", "Share on Facebook", "Comments", "Photo: Jane Doe", "Sign up for our newsletter",
                       "Flood defences to get", "Related Articles", "Council approves new sea wall", "Ten things to know",
                       "Copyright", "We use cookies", "By Mark Hill"]),
        Case(file: "furniture-da.txt", language: "da", byline: "Mette Holm",
             with: ["Kraftig regn oversvømmede mandag", "sat 120 mand ind"],
             without: ["Af Mette Holm", "Del artiklen", "Foto: Lars Berg", "Læs også", "Kommunen vil bygge nyt dige",
                       "Tilmeld dig nyhedsbrevet", "Kommentarer", "Diget bliver forsinket", "Sådan sikrer du"]),
        Case(file: "furniture-es.txt", language: "es", byline: "Lucía Martín",
             with: ["Las fuertes lluvias inundaron", "el Sr. García y su familia"],
             without: ["Por Lucía", "Compartir", "Foto: EFE", "Más noticias", "El Gobierno aprueba ayudas",
                       "Cómo reclamar al seguro", "derechos reservados", "utiliza cookies"]),
        Case(file: "furniture-fr.txt", language: "fr", byline: "Claire Dubois",
             with: ["Les fortes pluies ont inondé", "Nous n'avons jamais vu ça"],
             without: ["Par Claire", "Partager", "Photo : AFP", "Lire aussi", "La digue sera renforcée", "Commentaires", "utilise des cookies"]),
        Case(file: "furniture-de.txt", language: "de", byline: "Jonas Weber",
             with: ["Starker Regen hat am Montag", "Am 12. August soll ein neuer Deich"],
             without: ["Von Jonas", "Teilen", "Foto: dpa", "Weitere Artikel", "Deichbau verzögert sich",
                       "So schützen Sie Ihr Haus", "verwendet Cookies"]),
    ]

    @Test(arguments: cases)
    func withAndWithout(_ c: Case) throws {
        let a = try TextTestSupport.ingestWithoutManifest("fixtures/text/\(c.file)")
        for s in c.with { #expect(a.text.contains(s), "kept: \(s)") }
        for s in c.without {
            #expect(!a.text.contains(s), "dropped: \(s)")
            #expect(a.dropped.contains { $0.text.contains(s) }, "listed in dropped: \(s)")
        }
        #expect(a.byline == c.byline)
        #expect(a.dropped.contains { $0.reason == "byline" })
        #expect(a.language == c.language)
        #expect(a.sentenceOffsetsHold && a.paragraphOffsetsHold)
    }

    @Test func titleRepeatedAsFirstLineIsDropped() throws {
        let a = try TextTestSupport.ingest("Big news today\n\nBig news today\n\nThe first real sentence.\n")
        #expect(a.text == "The first real sentence.")
        #expect(a.dropped == [DroppedText(text: "Big news today", reason: "title")])
    }

    @Test(arguments: [
        ("Share this articleComments", "share"),
        ("Copy/paste the article video embed link below:Copy to clipboardCopied", "share"),
        ("Copyright\u{A0}KARIM JAAFAR/AFP or licensors", "copyright"),
        ("© 2021 Some Outlet", "copyright"),
        (">> Teaser headline about something else", "related-links"),
        ("Please enter your comment!", "comments"),
        ("(Photo by Jane Doe/AFP via Getty Images)", "image-credit"),
        ("Rescue workers in Valencia. Mohammad Ismail/Reuters", "image-credit"),
        ("[Foto: Lars Berg]", "image-credit"),
        ("Læs også: Noget helt andet", "related-links"),
        ("Lire aussi : autre chose", "related-links"),
        ("This website uses cookies to improve your experience. We'll assume you're ok with this. Accept Read More", "cookie-banner"),
    ])
    func phrasesMatch(block: String, reason: String) throws {
        let filter = TextTestSupport.ingestor.assembler.furniture
        let p = try #require(filter.match(block))
        #expect(p.reason == reason)
    }

    @Test(arguments: [
        "Comments by the minister suggested that 300 people had been evacuated.",
        "Related talks in Doha ended without agreement on Tuesday.",
        "Copyrighted material was removed.",
        "Share prices fell by 3 percent.",
        "A local lawmaker told AFP that 300 had fled.",
        "The figures were first reported by Reuters.",
        "Del af regningen betales af staten.",
        "Photography is banned near the base, officials said, and 20 people were arrested.",
        "»Wir haben 400 Häuser verloren«, sagte der Bürgermeister.",
        "Latest: 300 people have been rescued from the roofs.",
    ])
    func articleSentencesAreNotFurniture(block: String) {
        #expect(TextTestSupport.ingestor.assembler.furniture.match(block) == nil)
    }

    @Test(arguments: [
        ("By\u{A0}Daniel Bellamy with\u{A0}AFP", "Daniel Bellamy with AFP"),
        ("Af Mette Holm", "Mette Holm"),
        ("Par Claire Dubois et Jean Roy", "Claire Dubois et Jean Roy"),
        ("Por Lucía Martín | Madrid", "Lucía Martín"),
        ("Von Jonas Weber", "Jonas Weber"),
        ("Written by Sam Lee", "Sam Lee"),
        ("Von Jana Becker · 15.10.2026, 10:30 Uhr", "Jana Becker"),
    ])
    func bylines(block: String, names: String) {
        #expect(TextTestSupport.ingestor.assembler.furniture.byline(block) == names)
    }

    @Test(arguments: [
        "By Tuesday, the Taliban had taken 12 cities.",
        "By the numbers",
        "Af de 34 provinser er 12 faldet.",
        "Af Afghanistans 34 provinser",
        "Par ailleurs, le gouvernement a annoncé 300 millions.",
        "Por qué cayó Kabul",
    ])
    func notBylines(block: String) {
        #expect(TextTestSupport.ingestor.assembler.furniture.byline(block) == nil)
    }

    @Test func relatedListStopsAtRealProse() throws {
        let a = try TextTestSupport.ingest("""
        Title line

        First paragraph of the story.

        Related

        Headline one about another thing

        Headline two about more things

        This paragraph is real prose again, and it is long enough to count as the article continuing after the list of links.
        """)
        #expect(!a.text.contains("Headline one") && !a.text.contains("Headline two"))
        #expect(a.text.contains("This paragraph is real prose again"))
        #expect(a.droppedTexts("related-links") == ["Related", "Headline one about another thing", "Headline two about more things"])
    }

    @Test func inlineRelatedBoxKeepsTheShortParagraphAfterIt() throws {
        let a = try TextTestSupport.ingest("""
        Titel

        Vandet steg til 1,5 meter i nat.

        Læs også

        Diget brister igen

        Det oplyser politiet.

        Læs også: Diget brister

        Fem huse blev ramt.
        """)
        #expect(a.paragraphs.map(\.text) == ["Vandet steg til 1,5 meter i nat.", "Det oplyser politiet.", "Fem huse blev ramt."])
        #expect(a.droppedTexts("related-links") == ["Læs også", "Diget brister igen", "Læs også: Diget brister"])
    }
}
