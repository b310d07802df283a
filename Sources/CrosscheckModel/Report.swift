/// The whole cross-check report: `--format json` prints exactly this (report.schema.json).
public struct Report: Sendable, Codable, Hashable {
    public var schemaVersion: Int
    public var articles: [ReportedArticle]
    public var findings: [Finding]

    public init(articles: [ReportedArticle], findings: [Finding], schemaVersion: Int = 1) {
        self.schemaVersion = schemaVersion
        self.articles = articles
        self.findings = findings
    }
}

/// An article as the report lists it: its metadata and its claims.
public struct ReportedArticle: Sendable, Codable, Hashable {
    public var id: String
    public var path: String?
    public var outlet: String?
    public var published: String?
    public var language: String
    public var title: String?
    public var claims: [Claim]

    public init(id: String, path: String? = nil, outlet: String? = nil, published: String? = nil,
                language: String, title: String? = nil, claims: [Claim] = []) {
        self.id = id
        self.path = path
        self.outlet = outlet
        self.published = published
        self.language = language
        self.title = title
        self.claims = claims
    }

    private enum CodingKeys: String, CodingKey { case id, path, outlet, published, language, title, claims }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        path = try c.decodeIfPresent(String.self, forKey: .path)
        outlet = try c.decodeIfPresent(String.self, forKey: .outlet)
        published = try c.decodeIfPresent(String.self, forKey: .published)
        language = try c.decode(String.self, forKey: .language)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        claims = try c.decode([Claim].self, forKey: .claims)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(path, forKey: .path)
        try c.encode(outlet, forKey: .outlet)
        try c.encode(published, forKey: .published)
        try c.encode(language, forKey: .language)
        try c.encode(title, forKey: .title)
        try c.encode(claims, forKey: .claims)
    }
}
