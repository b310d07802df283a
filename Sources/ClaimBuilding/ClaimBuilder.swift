import CrosscheckModel
import LanguageData
import QuantityRecognition

/// Turns the quantities in an article's title and sentences into claims.
/// PLACEHOLDER: the claims work replaces the body.
public struct ClaimBuilder: Sendable {
    public let languages: LanguageStore
    public let recognizer: QuantityRecognizer

    public init(languages: LanguageStore, recognizer: QuantityRecognizer) throws {
        self.languages = languages
        self.recognizer = recognizer
    }

    /// The article's claims, ids "<article id>#<n>" numbered in text order (title first).
    public func claims(for article: Article) -> [Claim] {
        []
    }
}
