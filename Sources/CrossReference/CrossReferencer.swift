import CrosscheckModel

/// Groups claims about the same fact across articles and compares them under the rules.
///
/// ```swift
/// let x = try CrossReferencer()                       // the built-in rules
/// let findings = x.findings(for: report.articles)     // conflicts first, ids F1, F2 …
/// ```
///
/// Claims are blocked by concept (a concept meets its broader concepts through
/// ``ConceptHierarchy``), place and comparison family; equal figures are grouped, groups are
/// compared through one representative each, and groups that all agree become one finding that
/// names every claim it covers. The work grows with the number of distinct figures per fact, not
/// with the number of articles.
public struct CrossReferencer: Sendable {
    /// Bounds that keep a story with thousands of articles near-linear.
    public struct Limits: Sendable, Hashable {
        /// Up to this many distinct figures per fact, every pair is compared.
        public var fullPairwiseGroups = 300
        /// Beyond it, each figure is compared with this many neighbours in date and value order …
        public var neighbourGroups = 8
        /// … and with this many figures on each side of its value on the next day that has figures.
        public var neighbourDayGroups = 2
        /// At most this many pair findings of each verdict per fact.
        public var maxPairFindingsPerBlock = 60
        /// How many agreeing clusters a figure tries before it starts its own.
        public var clusterTries = 64
        /// An article with more claims than this about one fact is compared only within sentences
        /// and between headline and body.
        public var maxClaimsPerArticleBlock = 40
        public init() {}
    }

    public let rules: RuleSet
    public let concepts: ConceptHierarchy
    public let limits: Limits

    /// The built-in rules (`Sources/CrossReference/Rules`).
    public init() throws {
        self.init(rules: try RuleSet.builtIn())
    }

    public init(rules: RuleSet, concepts: ConceptHierarchy = ConceptHierarchy(), limits: Limits = Limits()) {
        self.rules = rules
        self.concepts = concepts
        self.limits = limits
    }

    var engine: Engine { Engine(rules: rules.rules, units: rules.units, sources: rules.sources, concepts: concepts, limits: limits) }

    /// Findings for a batch, in a deterministic order: conflicts, then consistent, then agree;
    /// within a verdict by concept, then claim ids. Ids are "F1", "F2" ….
    public func findings(for articles: [ReportedArticle]) -> [Finding] {
        engine.findings(articles)
    }

    /// The verdict the rules give two claims of a batch, as a finding (nil when no rule reports
    /// anything). Claims are looked up by id in `articles`.
    public func compare(_ first: String, _ second: String, in articles: [ReportedArticle]) -> Finding? {
        let e = engine
        let figs = e.figures(articles)
        guard let x = figs.first(where: { $0.claim.id == first }),
              let y = figs.first(where: { $0.claim.id == second }) else { return nil }
        var alternatives = 1
        if x.claim.inTitle != y.claim.inTitle {
            let head = x.claim.inTitle ? x : y
            alternatives = figs.filter { $0.claim.article == head.claim.article && !$0.claim.inTitle && e.comparable($0, head) }.count
            let restated = articles.first { $0.id == head.claim.article }?.claims
                .contains { !$0.inTitle && $0.value.number != nil && $0.value.number == head.claim.value.number } ?? false
            if restated { alternatives += 1 }
        }
        guard let d = e.decide(x, y, bodyAlternatives: alternatives) else { return nil }
        return e.finding(d, figs, claims: [d.a, d.b])
    }
}
