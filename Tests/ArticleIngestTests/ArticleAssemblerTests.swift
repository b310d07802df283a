import CrosscheckModel
import Testing
@testable import ArticleIngest

@Suite struct ArticleAssemblerTests {
    let assembler = TextTestSupport.ingestor.assembler
    static let danish = [
        "Regeringen har i dag fremlagt et forslag om at bygge flere boliger i de store byer.",
        "Ifølge ministeren skal der bygges omkring fire tusinde lejligheder inden udgangen af næste år.",
        "Oppositionen mener dog, at det er alt for lidt, og at det kommer for sent.",
        "Han siger, at kommunerne selv må finde pengene, hvis de vil have flere boliger.",
        "Det er ikke første gang, at der bliver talt om en boligplan, men denne gang er der penge med.",
        "Efter planen skal de første boliger stå klar om to år, og huslejen skal være lavere end i dag.",
        "Flere af partierne har allerede sagt, at de vil stemme for forslaget, når det kommer til afstemning.",
    ]

    func doc(_ blocks: [String], language: String?, title: String? = "Titel") -> ExtractedDocument {
        ExtractedDocument(metadata: PageMetadata(language: language), title: title, blocks: blocks.map { Block(text: $0) })
    }

    @Test func manifestOverPageOverReader() {
        let manifest = Manifest.Entry(path: "a.html", id: "custom", metadata: PageMetadata(outlet: "From manifest", language: "nb"))
        var d = doc(Self.danish, language: "da")
        d.metadata.outlet = "From page"
        d.metadata.published = "2024-02-03"
        let a = assembler.assemble(d, file: InputFile(path: "x/a.html"), manifest: manifest)
        #expect(a.id == "custom")
        #expect(a.outlet == "From manifest")
        #expect(a.published == "2024-02-03")
        #expect(a.language == "nb")
    }

    @Test func declaredLanguageWinsUnlessTheTextClearlyReadsAsAnother() {
        let declaredRight = assembler.assemble(doc(Self.danish, language: "da-DK"), file: InputFile(path: "a.html"), manifest: nil)
        #expect(declaredRight.language == "da")
        #expect(declaredRight.warnings.isEmpty)

        let templateDefault = assembler.assemble(doc(Self.danish, language: "en"), file: InputFile(path: "a.html"), manifest: nil)
        #expect(templateDefault.language == "da")
        #expect(templateDefault.warnings.contains { $0.contains("declares language 'en'") })

        let short = assembler.assemble(doc(["Det regner i dag."], language: "en"), file: InputFile(path: "a.html"), manifest: nil)
        #expect(short.language == "en")

        let unknownCode = assembler.assemble(doc(Self.danish, language: "xx"), file: InputFile(path: "a.html"), manifest: nil)
        #expect(unknownCode.language == "da")

        let russian = ["Правительство сообщило, что 300 человек были эвакуированы из города в понедельник.",
                       "По данным министерства, the Taliban and the government are still talking in Doha."]
        let ru = assembler.assemble(doc(russian, language: "ru"), file: InputFile(path: "a.html"), manifest: nil)
        #expect(ru.language == "ru")

        let nothing = assembler.assemble(doc(["12 345"], language: nil), file: InputFile(path: "a.txt"), manifest: nil)
        #expect(nothing.language == "und")
    }

    @Test func paragraphsAndSentencesCarryExactOffsets() {
        let a = assembler.assemble(doc(Self.danish + ["  Mellemrum   og\ttabulatorer samles.  "], language: nil), file: InputFile(path: "a.txt"), manifest: nil)
        #expect(a.text.components(separatedBy: "\n\n").count == 8)
        #expect(a.paragraphs.last?.text == "Mellemrum og tabulatorer samles.")
        #expect(a.sentenceOffsetsHold && a.paragraphOffsetsHold)
        #expect(a.sentences.count == 8)
    }

    @Test func readerDroppedTextAndWarningsAreKeptBeforeTheAssemblersOwn() {
        var d = doc(["Comments"] + Self.danish, language: nil)
        d.dropped = [DroppedText(text: "Menu", reason: "navigation")]
        d.warnings = ["a reader warning"]
        let a = assembler.assemble(d, file: InputFile(path: "a.html"), manifest: nil)
        #expect(a.dropped.map(\.reason) == ["navigation", "comments"])
        #expect(a.warnings.first == "a reader warning")
    }
}
