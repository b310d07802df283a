import CrosscheckModel
import Foundation

/// `crosscheck ingest --format json`: `{"articles": [{"id", "title", "outlet", "published",
/// "language", "url", "text", "paragraphs", "sentences", "dropped"}]}`.
public enum IngestJSONWriter {
    struct Output: Encodable {
        var articles: [Entry]
    }

    struct Entry: Encodable {
        var article: Article
        enum K: String, CodingKey {
            case id, path, title, outlet, published, language, url, byline, text, paragraphs, sentences, dropped, warnings
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(article.id, forKey: .id)
            try c.encode(article.path, forKey: .path)
            try c.encode(article.title, forKey: .title)
            try c.encode(article.outlet, forKey: .outlet)
            try c.encode(article.published, forKey: .published)
            try c.encode(article.language, forKey: .language)
            try c.encode(article.url, forKey: .url)
            try c.encode(article.byline, forKey: .byline)
            try c.encode(article.text, forKey: .text)
            try c.encode(article.paragraphs, forKey: .paragraphs)
            try c.encode(article.sentences, forKey: .sentences)
            try c.encode(article.dropped, forKey: .dropped)
            try c.encode(article.warnings, forKey: .warnings)
        }
    }

    public static func data(_ articles: [Article]) throws -> Data {
        try JSONReportWriter.encoder().encode(Output(articles: articles.map(Entry.init)))
    }
}
