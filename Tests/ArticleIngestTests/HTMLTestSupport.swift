import CrosscheckModel
import Foundation
@testable import ArticleIngest
import LanguageData

/// Shared helpers for the HTML-ingest tests.
enum HTMLTestSupport {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures: URL = root.appendingPathComponent("fixtures/html")

    static let ingestor = Ingestor(languages: try! LanguageStore.builtIn())

    /// Reads HTML from a string through ``HTMLReader``.
    static func read(_ html: String, path: String = "page.html") throws -> ExtractedDocument {
        try HTMLReader.read(bytes: Array(html.utf8), path: path)
    }

    /// The main text as the reader hands it on: blocks joined by blank lines.
    static func text(_ doc: ExtractedDocument) -> String {
        doc.blocks.map(\.text).joined(separator: "\n\n")
    }

    /// A page with the given body, a title and enough structure to look like an article.
    static func page(head: String = "", body: String, lang: String = "en") -> String {
        """
        <!DOCTYPE html><html lang="\(lang)"><head><meta charset="utf-8">\(head)</head><body>\(body)</body></html>
        """
    }

    /// Realistic filler prose: `n` paragraphs of about 300 characters.
    static func prose(_ n: Int, tag: String = "p") -> String {
        (1...n).map { i in
            "<\(tag)>Paragraph \(i) of the report says the council spent \(i * 1000) euros on repairs, "
                + "while residents, shop owners and volunteers cleared the streets, according to officials who "
                + "spoke on Tuesday after a long meeting about the damage, the insurance claims and the plans "
                + "for the coming winter in the valley.</\(tag)>"
        }.joined(separator: "\n")
    }

    /// The fixture names (files `<name>.html` with a `<name>.expect.json` beside them).
    static var fixtureNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".expect.json") }.map { String($0.dropLast(".expect.json".count)) }.sorted()
    }

    struct Expectation: Decodable {
        var title: String?
        var outlet: String?
        var published: String?
        var language: String?
        var url: String?
        var with: [String]
        var without: [String]
        /// A substring one of the warnings must contain.
        var warning: String?
    }

    static func expectation(_ name: String) throws -> Expectation {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("\(name).expect.json"))
        return try JSONDecoder().decode(Expectation.self, from: data)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent("\(name).html")))
    }
}
