import CrosscheckModel
import LanguageData

/// Finds every quantity expression in a text and resolves it to a value.
///
/// One language-neutral engine reads each language's tables (`Languages/<code>/`, see
/// docs/languages.md) into a `Lexicon`: a longest-match trie over case-folded tokens plus the
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

    /// What to find beyond the default.
    public struct Options: Sendable, Hashable {
        /// Relative ordinals (*last*, *penultimate*, *next*): kind `ordinal`, `unit` the reference
        /// (`end`, `current`, `start`) and `number` the offset (*penultimate* = end − 1). Off by
        /// default: in news text *last week* is no rank.
        public var relativeOrdinals: Bool
        public init(relativeOrdinals: Bool = false) { self.relativeOrdinals = relativeOrdinals }
    }

    /// Quantities in `text`, read as language `language` (ISO 639-1), in order of position.
    /// Offsets are UTF-8 byte offsets into `text`.
    public func recognize(_ text: String, language: String) -> [Quantity] {
        recognize(text, language: language, options: Options())
    }

    /// Quantities in `text` with options.
    public func recognize(_ text: String, language: String, options: Options) -> [Quantity] {
        guard let lex = lexicon(language), !text.isEmpty else { return [] }
        // Most sentences hold no figure: a byte walk over them decides that without tokenizing.
        var copy = text
        guard copy.withUTF8({ lex.mayHoldQuantity($0) }) else { return [] }
        var scanner = QuantityScanner(text: text, lexicon: lex, relativeOrdinals: options.relativeOrdinals)
        return scanner.run()
    }
}
