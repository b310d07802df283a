/// The result of comparing claims about one fact: a verdict, the claims it covers, the rule that
/// produced it and a sentence a journalist can read.
public struct Finding: Sendable, Codable, Hashable {
    public var id: String?
    /// The id of the rule that produced it (kebab-case).
    public var rule: String
    public var verdict: Verdict
    /// Claim ids; at least two.
    public var claims: [String]
    public var explanation: String

    public init(id: String? = nil, rule: String, verdict: Verdict, claims: [String], explanation: String) {
        self.id = id
        self.rule = rule
        self.verdict = verdict
        self.claims = claims
        self.explanation = explanation
    }
}
