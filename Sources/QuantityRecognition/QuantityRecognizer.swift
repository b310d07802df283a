import CrosscheckModel
import LanguageData

/// Finds every quantity expression in a text and resolves it to a value.
/// PLACEHOLDER: the quantity-recognition work replaces the body with the table-driven engine.
public struct QuantityRecognizer: Sendable {
    public let languages: LanguageStore

    public init(languages: LanguageStore) throws {
        self.languages = languages
    }

    /// Quantities in `text`, read as language `language` (ISO 639-1), in order of position.
    /// Offsets are UTF-8 byte offsets into `text`.
    public func recognize(_ text: String, language: String) -> [Quantity] {
        []
    }
}
