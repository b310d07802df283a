import LanguageData
import Testing

@Suite struct LanguageFoldersTests {
    @Test func builtInLanguagesLoad() throws {
        let store = try LanguageStore.builtIn()
        for code in ["en", "da", "es", "fr", "de"] {
            #expect(store.pack(code) != nil, "no folder for \(code)")
        }
    }
}
