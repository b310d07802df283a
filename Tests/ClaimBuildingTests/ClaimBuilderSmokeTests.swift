import ClaimBuilding
import CrosscheckModel
import LanguageData
import QuantityRecognition
import Testing

@Suite struct ClaimBuilderSmokeTests {
    @Test func anArticleWithoutFiguresHasNoClaims() throws {
        let store = try LanguageStore.builtIn()
        let builder = try ClaimBuilder(languages: store, recognizer: QuantityRecognizer(languages: store))
        let a = Article(id: "x", path: "x.txt", language: "en", text: "No figures here.",
                        sentences: [Sentence(text: "No figures here.", start: 0, end: 16)])
        #expect(builder.claims(for: a).isEmpty)
    }
}
