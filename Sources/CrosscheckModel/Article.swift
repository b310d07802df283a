/// One news article as ingest made it: metadata, main text, paragraphs, sentences and what was
/// dropped as page furniture.
///
/// All offsets are UTF-8 byte offsets into ``text`` (the main text without the title), half-open.
public struct Article: Sendable, Codable, Hashable {
    /// The input file's name without its extension (or the manifest's id).
    public var id: String
    /// The path the article was read from ("-" for standard input).
    public var path: String
    public var title: String?
    public var outlet: String?
    /// ISO 8601 date as precise as known: "2021-08-11" or "2021-08".
    public var published: String?
    /// ISO 639-1 code, given or detected.
    public var language: String
    public var url: String?
    /// Author names taken from a byline ("By …", "Af …").
    public var byline: String?
    /// The main text without the title; paragraphs separated by a blank line.
    public var text: String
    public var paragraphs: [Paragraph]
    public var sentences: [Sentence]
    /// Text that was recognised as page furniture and kept out of ``text``.
    public var dropped: [DroppedText]
    /// Non-fatal remarks about this file (an encoding fallback, an unparsable date).
    public var warnings: [String]

    public init(id: String, path: String, title: String? = nil, outlet: String? = nil,
                published: String? = nil, language: String = "und", url: String? = nil,
                byline: String? = nil, text: String = "", paragraphs: [Paragraph] = [],
                sentences: [Sentence] = [], dropped: [DroppedText] = [], warnings: [String] = []) {
        self.id = id
        self.path = path
        self.title = title
        self.outlet = outlet
        self.published = published
        self.language = language
        self.url = url
        self.byline = byline
        self.text = text
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.dropped = dropped
        self.warnings = warnings
    }
}

/// A paragraph or heading of the main text.
public struct Paragraph: Sendable, Codable, Hashable {
    public enum Role: String, Sendable, Codable, Hashable { case paragraph, heading, listItem = "list-item", quote }
    public var text: String
    public var start: Int
    public var end: Int
    public var role: Role

    public init(text: String, start: Int, end: Int, role: Role = .paragraph) {
        self.text = text
        self.start = start
        self.end = end
        self.role = role
    }
}

/// A sentence of the main text with its UTF-8 offsets in ``Article/text``.
public struct Sentence: Sendable, Codable, Hashable {
    public var text: String
    public var start: Int
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

/// A piece of the page kept out of the main text, and why.
public struct DroppedText: Sendable, Codable, Hashable {
    public var text: String
    /// A short reason: "related-links", "share", "cookie-banner", "copyright", "comments", "byline", "boilerplate" …
    public var reason: String

    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }
}
