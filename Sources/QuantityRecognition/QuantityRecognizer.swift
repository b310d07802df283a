import CrosscheckModel
import LanguageData

/// Finds every quantity expression in a text and resolves it to a value.
///
/// One language-neutral engine reads each language's tables (`Languages/<code>/`, see
/// docs/languages.md) into a `Lexicon`: a longest-match trie over case-folded tokens plus the
/// numeric settings of `language.json`. All lexicons are built once, in `init`.
public struct QuantityRecognizer: Sendable {
    public let languages: LanguageStore
    /// Boxed, so looking one up per sentence does not copy (retain) every table of the language.
    let boxes: [String: LexiconBox]
    /// The lexicons by their code packed into an integer (``packedCode(_:)``): a sentence finds
    /// its language's lexicon by comparing integers, not by hashing its code.
    let packedBoxes: [(code: UInt64, box: LexiconBox)]
    var lexicons: [String: Lexicon] { boxes.mapValues(\.lexicon) }

    public init(languages: LanguageStore) throws {
        self.languages = languages
        boxes = try languages.buildPerLanguage { LexiconBox(try Lexicon(pack: $0)) }
        packedBoxes = boxes.compactMap { code, box in Self.packedCode(code).map { ($0, box) } }
            .sorted { $0.code < $1.code }
    }

    /// The UTF-8 bytes of a code of at most eight bytes as one integer (nil for a longer code).
    @inline(__always)
    static func packedCode(_ code: String) -> UInt64? {
        var code = code
        return code.withUTF8 { u -> UInt64? in
            guard u.count <= 8 else { return nil }
            var v: UInt64 = 0
            for (k, c) in u.enumerated() { v |= UInt64(c) << UInt64(8 * k) }
            return v
        }
    }

    /// The lexicon for a language code ("da", "es-mx" falls back to "es"; unknown codes to English).
    func box(_ language: String) -> LexiconBox? {
        if let p = Self.packedCode(language) {
            for entry in packedBoxes where entry.code == p { return entry.box }
        }
        if let l = boxes[language] { return l }
        let base = language.split(separator: "-").first.map { String($0).lowercased() } ?? language
        return boxes[base] ?? boxes["en"]
    }

    /// What to find beyond the default.
    public struct Options: Sendable, Hashable {
        /// Relative ordinals (*last*, *penultimate*, *next*): kind `ordinal`, `unit` the reference
        /// (`end`, `current`, `start`) and `number` the offset (*penultimate* = end − 1). Off by
        /// default: in news text *last week* is no rank.
        public var relativeOrdinals: Bool
        /// Whether each quantity carries its ``Quantity/trace`` (the table rows and patterns that
        /// read it). On by default; a caller that never reads traces (claim building) turns it
        /// off and spares an array per quantity. Nothing else in the result depends on it.
        public var traces: Bool
        public init(relativeOrdinals: Bool = false, traces: Bool = true) {
            self.relativeOrdinals = relativeOrdinals
            self.traces = traces
        }
    }

    /// Quantities in `text`, read as language `language` (ISO 639-1), in order of position.
    /// Offsets are UTF-8 byte offsets into `text`.
    public func recognize(_ text: String, language: String) -> [Quantity] {
        recognize(text, language: language, options: Options())
    }

    /// Quantities in `text` with options.
    public func recognize(_ text: String, language: String, options: Options) -> [Quantity] {
        guard let box = box(language), !text.isEmpty else { return [] }
        // Most sentences hold no figure: a byte walk over them decides that without tokenizing.
        var copy = text
        guard copy.withUTF8({ box.lexicon.mayHoldQuantity($0, relativeOrdinals: options.relativeOrdinals) }) else { return [] }
        return QuantityScanner.scan(copy, box: box, relativeOrdinals: options.relativeOrdinals, traced: options.traces)
    }
}

/// One language's lexicon behind a reference.
final class LexiconBox: Sendable {
    let lexicon: Lexicon
    init(_ lexicon: Lexicon) { self.lexicon = lexicon }
}
