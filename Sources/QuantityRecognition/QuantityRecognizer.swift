import CrosscheckModel
import LanguageData

/// Finds every quantity expression in a text and resolves it to a value.
///
/// One language-neutral engine reads each language's tables (`Languages/<code>/`, see
/// docs/languages.md) into a ``Lexicon``: a longest-match trie over case-folded tokens plus the
/// numeric settings of `language.json`. All lexicons are built once, in `init`.
public struct QuantityRecognizer: Sendable {
    public let languages: LanguageStore
    let lexicons: [String: Lexicon]

    public init(languages: LanguageStore) throws {
        self.languages = languages
        var lx: [String: Lexicon] = [:]
        for code in languages.codes {
            if let pack = languages.pack(code) { lx[code] = try Lexicon(pack: pack) }
        }
        lexicons = lx
    }

    /// The lexicon for a language code ("da", "es-mx" falls back to "es"; unknown codes to English).
    func lexicon(_ language: String) -> Lexicon? {
        if let l = lexicons[language] { return l }
        let base = language.split(separator: "-").first.map { String($0).lowercased() } ?? language
        return lexicons[base] ?? lexicons["en"]
    }

    /// Quantities in `text`, read as language `language` (ISO 639-1), in order of position.
    /// Offsets are UTF-8 byte offsets into `text`.
    public func recognize(_ text: String, language: String) -> [Quantity] {
        guard let lex = lexicon(language), !text.isEmpty else { return [] }
        var scanner = QuantityScanner(text: text, lexicon: lex)
        return scanner.run()
    }
}
