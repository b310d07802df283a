/// A quantitative claim: a figure in a sentence, what it counts, who stands behind it and as of when.
///
/// The first ten properties are the report contract's `claim` object. The rest are additions the
/// contract allows ("fields beyond these may be added") and that the rules engine groups on.
public struct Claim: Sendable, Codable, Hashable {
    /// Unique in a report: "<article id>#<n>".
    public var id: String
    /// The quantity expression as it stands in the text.
    public var quote: String
    /// The whole sentence that holds the quote.
    public var sentence: String
    public var kind: QuantityKind
    public var value: QuantityValue
    public var unit: String?
    public var qualifier: Qualifier
    /// What is counted or measured, normalized across languages ("provincial capitals captured").
    public var subject: String?
    /// Who the article attributes the figure to; nil when it is the outlet's own statement.
    public var cited: String?
    /// ISO 8601 date the figure holds for.
    public var asOf: String?

    // Additions beyond the contract.

    /// The article the claim comes from.
    public var article: String
    /// A language-neutral key for the fact ("provincial-capital/captured"); claims about one fact share it.
    public var concept: String?
    /// Where the fact holds, when the sentence names a place.
    public var place: String?
    /// True for running counts (captured, killed, displaced …): a later, larger figure is consistent.
    public var cumulative: Bool
    /// The wire agency the figure comes through, kept apart from the person cited ("AFP").
    public var agency: String?
    /// True when the claim stands in the headline rather than the body.
    public var inTitle: Bool
    /// True when the sentence says the figure was revised or corrected.
    public var revised: Bool
    /// UTF-8 byte offsets of the quote in the article text (or in the title when ``inTitle``).
    public var start: Int?
    public var end: Int?

    // Inlinable: built once per claim in the claim reader's loop, where a call across the module
    // boundary made and destroyed a whole temporary claim (about 38 M instructions on 10 MB of text).
    @inlinable
    public init(id: String, quote: String, sentence: String, kind: QuantityKind, value: QuantityValue,
                unit: String? = nil, qualifier: Qualifier = .exact, subject: String? = nil,
                cited: String? = nil, asOf: String? = nil, article: String, concept: String? = nil,
                place: String? = nil, cumulative: Bool = false, agency: String? = nil,
                inTitle: Bool = false, revised: Bool = false, start: Int? = nil, end: Int? = nil) {
        self.id = id
        self.quote = quote
        self.sentence = sentence
        self.kind = kind
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.subject = subject
        self.cited = cited
        self.asOf = asOf
        self.article = article
        self.concept = concept
        self.place = place
        self.cumulative = cumulative
        self.agency = agency
        self.inTitle = inTitle
        self.revised = revised
        self.start = start
        self.end = end
    }

    private enum CodingKeys: String, CodingKey {
        case id, quote, sentence, kind, value, unit, qualifier, subject, cited, asOf
        case article, concept, place, cumulative, agency, inTitle, revised, start, end
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        quote = try c.decode(String.self, forKey: .quote)
        sentence = try c.decode(String.self, forKey: .sentence)
        kind = try c.decode(QuantityKind.self, forKey: .kind)
        value = try c.decode(QuantityValue.self, forKey: .value)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        qualifier = try c.decode(Qualifier.self, forKey: .qualifier)
        subject = try c.decodeIfPresent(String.self, forKey: .subject)
        cited = try c.decodeIfPresent(String.self, forKey: .cited)
        asOf = try c.decodeIfPresent(String.self, forKey: .asOf)
        let fallbackArticle = id.split(separator: "#").first.map(String.init) ?? id
        article = try c.decodeIfPresent(String.self, forKey: .article) ?? fallbackArticle
        concept = try c.decodeIfPresent(String.self, forKey: .concept)
        place = try c.decodeIfPresent(String.self, forKey: .place)
        cumulative = try c.decodeIfPresent(Bool.self, forKey: .cumulative) ?? false
        agency = try c.decodeIfPresent(String.self, forKey: .agency)
        inTitle = try c.decodeIfPresent(Bool.self, forKey: .inTitle) ?? false
        revised = try c.decodeIfPresent(Bool.self, forKey: .revised) ?? false
        start = try c.decodeIfPresent(Int.self, forKey: .start)
        end = try c.decodeIfPresent(Int.self, forKey: .end)
    }

    /// Contract fields are always written (nullable ones as `null`); additions only when set.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(quote, forKey: .quote)
        try c.encode(sentence, forKey: .sentence)
        try c.encode(kind, forKey: .kind)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(subject, forKey: .subject)
        try c.encode(cited, forKey: .cited)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(article, forKey: .article)
        try c.encodeIfPresent(concept, forKey: .concept)
        try c.encodeIfPresent(place, forKey: .place)
        if cumulative { try c.encode(true, forKey: .cumulative) }
        try c.encodeIfPresent(agency, forKey: .agency)
        if inTitle { try c.encode(true, forKey: .inTitle) }
        if revised { try c.encode(true, forKey: .revised) }
        try c.encodeIfPresent(start, forKey: .start)
        try c.encodeIfPresent(end, forKey: .end)
    }
}
