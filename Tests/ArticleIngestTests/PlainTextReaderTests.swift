import CrosscheckModel
import Testing
@testable import ArticleIngest

@Suite struct PlainTextReaderTests {
    @Test func crawlHeaderIsMetadataNotText() throws {
        let doc = PlainTextReader.read(text: " date 2021-08 Regn over hele landet i dag\n\nDet regner i hele landet.\n", markdown: false)
        #expect(doc.metadata.published == "2021-08")
        #expect(doc.title == "Regn over hele landet i dag")
        #expect(doc.blocks.map(\.text) == ["Det regner i hele landet."])
    }

    @Test func aLineStartingWithTheWordDateIsNotAHeader() {
        let doc = PlainTextReader.read(text: "date night is back\n\nText.\n", markdown: false)
        #expect(doc.metadata.published == nil)
        #expect(doc.title == "date night is back")
    }

    @Test func firstNonEmptyLineIsTheTitle() {
        let doc = PlainTextReader.read(text: "\n\n  Title here  \nFirst paragraph.\n", markdown: false)
        #expect(doc.title == "Title here")
        #expect(doc.blocks.map(\.text) == ["First paragraph."])
    }

    @Test func shortLinesWithoutFinalPunctuationAreHeadingsOfTheirOwn() {
        let doc = PlainTextReader.read(text: """
        Title

        The first paragraph ends here.

        fall of the city

        Another paragraph follows the heading.
        Label one
        Label two
        """, markdown: false)
        #expect(doc.blocks.map(\.text) == ["The first paragraph ends here.", "fall of the city",
                                           "Another paragraph follows the heading.", "Label one", "Label two"])
        #expect(doc.blocks[1].role == .heading)
        #expect(doc.blocks[0].role == .paragraph)
    }

    @Test func hardWrappedLinesAreJoined() {
        let doc = PlainTextReader.read(text: """
        Title

        The committee said on Tuesday that the new bridge would cost far more than
        first planned, and that the work would not finish before the end of 2027
        at the earliest.
        """, markdown: false)
        #expect(doc.blocks.count == 1)
        #expect(doc.blocks[0].text.hasPrefix("The committee said on Tuesday that the new bridge would cost far more than first planned, and"))
        #expect(doc.blocks[0].text.hasSuffix("2027 at the earliest."))
    }

    @Test func markdownHeadingsListsEmphasisAndLinks() throws {
        let a = try TextTestSupport.ingestor.ingest(InputFile(path: TextTestSupport.path("fixtures/text/markdown-article.md")))
        #expect(a.title == "Council backs new harbour plan")
        #expect(a.published == "2024-05-02")
        #expect(a.byline == "Sam Lee")
        #expect(a.paragraphs.first?.text == "The council voted 27 to 4 on Tuesday to back the harbour plan, which will cost about $40 million.")
        let heading = try #require(a.paragraphs.first { $0.text == "What happens next" })
        #expect(heading.role == .heading)
        #expect(a.paragraphs.filter { $0.role == .listItem }.map(\.text) == ["Work starts in June.", "The first berth opens in 2026."])
        #expect(a.paragraphs.contains { $0.role == .quote && $0.text == "\"This is a good day,\" said the mayor." })
        #expect(!a.text.contains("*") && !a.text.contains("](") && !a.text.contains("harbour.jpg"))
        #expect(a.text.contains("https://example.org/report"))
    }

    @Test(arguments: [
        ("**bold** and *it* and _under_", "bold and it and under"),
        ("see [the plan](https://x.org/a_(b)) now", "see the plan now"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("5 * 3 = 15", "5 * 3 = 15"),
        ("`code` here", "code here"),
        ("![img](a.png)Caption", "Caption"),
    ])
    func markdownInline(input: String, expected: String) {
        #expect(MarkdownInline.strip(input) == expected)
    }

    @Test func ruleLinesSeparateAndAreNotText() {
        let doc = PlainTextReader.read(text: "Title\n=====\nFirst part.\n* * *\nSecond part.\n", markdown: false)
        #expect(doc.title == "Title")
        #expect(doc.blocks.map(\.text) == ["First part.", "Second part."])
    }

    @Test func aVeryLongFirstLineIsBodyNotTitle() {
        let long = Array(repeating: "The council said the work would take longer.", count: 6).joined(separator: " ")
        let doc = PlainTextReader.read(text: long + "\n\nSecond paragraph.\n", markdown: false)
        #expect(doc.title == nil)
        #expect(doc.blocks.map(\.text) == [long, "Second paragraph."])
    }

    @Test func titleAloneGivesEmptyText() throws {
        let a = try TextTestSupport.ingest("Only a title\n")
        #expect(a.title == "Only a title")
        #expect(a.text == "")
        #expect(a.sentences.isEmpty)
    }
}
