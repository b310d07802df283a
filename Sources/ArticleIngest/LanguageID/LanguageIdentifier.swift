import LanguageData

/// Identifies the language of a text from each language's data (stop words).
/// PLACEHOLDER: the text-ingest work replaces the body.
public struct LanguageIdentifier: Sendable {
    public let languages: LanguageStore

    public init(languages: LanguageStore) {
        self.languages = languages
    }

    /// The most likely ISO 639-1 code, or nil when the text gives no evidence.
    public func identify(_ text: String) -> String? {
        nil
    }
}
