import CrosscheckModel

/// Groups claims about the same fact across articles and compares them under the rules.
/// PLACEHOLDER: the rules-engine work replaces the body.
public struct CrossReferencer: Sendable {
    public init() throws {}

    /// Findings for a batch, in a deterministic order.
    public func findings(for articles: [ReportedArticle]) -> [Finding] {
        []
    }
}
