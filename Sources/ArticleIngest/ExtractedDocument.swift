import CrosscheckModel

/// What a format reader (plain text or HTML) hands to `ArticleAssembler`: the page's own
/// metadata, its title, the main-text blocks in order, and what it already dropped.
public struct ExtractedDocument: Sendable, Hashable {
    public var metadata: PageMetadata
    public var title: String?
    public var blocks: [Block]
    public var dropped: [DroppedText]
    public var warnings: [String]

    public init(metadata: PageMetadata = PageMetadata(), title: String? = nil, blocks: [Block] = [],
                dropped: [DroppedText] = [], warnings: [String] = []) {
        self.metadata = metadata
        self.title = title
        self.blocks = blocks
        self.dropped = dropped
        self.warnings = warnings
    }
}

/// One paragraph-like block of main text.
public struct Block: Sendable, Hashable {
    public var text: String
    public var role: Paragraph.Role

    public init(text: String, role: Paragraph.Role = .paragraph) {
        self.text = text
        self.role = role
    }
}

/// Metadata a page states about itself; every field optional. The manifest overrides it.
public struct PageMetadata: Sendable, Hashable {
    public var title: String?
    public var outlet: String?
    /// ISO 8601 date, as precise as known.
    public var published: String?
    /// ISO 639-1 code.
    public var language: String?
    public var url: String?
    public var byline: String?

    public init(title: String? = nil, outlet: String? = nil, published: String? = nil,
                language: String? = nil, url: String? = nil, byline: String? = nil) {
        self.title = title
        self.outlet = outlet
        self.published = published
        self.language = language
        self.url = url
        self.byline = byline
    }

    /// Fills each empty field from `other` (self wins: call on the more specific source).
    public func filled(from other: PageMetadata) -> PageMetadata {
        PageMetadata(title: title ?? other.title, outlet: outlet ?? other.outlet,
                     published: published ?? other.published, language: language ?? other.language,
                     url: url ?? other.url, byline: byline ?? other.byline)
    }
}
