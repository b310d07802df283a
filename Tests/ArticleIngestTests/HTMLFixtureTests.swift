import CrosscheckModel
import Foundation
@testable import ArticleIngest
import Testing

/// Every page in `fixtures/html` against its `<name>.expect.json` (trafilatura style: snippets
/// that must and must not be in the main text, plus the page's metadata).
@Suite struct HTMLFixtureTests {
    @Test func theCorpusCoversEnoughPagesAndLanguages() throws {
        let names = HTMLTestSupport.fixtureNames
        #expect(names.count >= 12)
        let languages = Set(try names.compactMap { try HTMLTestSupport.expectation($0).language })
        #expect(languages.count >= 4, "languages: \(languages.sorted())")
    }

    @Test(arguments: HTMLTestSupport.fixtureNames)
    func readerKeepsTheArticleAndDropsTheFurniture(_ name: String) throws {
        let e = try HTMLTestSupport.expectation(name)
        let doc = try HTMLReader.read(bytes: try HTMLTestSupport.bytes(name), path: "\(name).html")
        let text = HTMLTestSupport.text(doc)
        for snippet in e.with {
            #expect(text.contains(snippet), "\(name): main text lacks \"\(snippet)\"")
        }
        for snippet in e.without {
            #expect(!text.contains(snippet), "\(name): main text has furniture \"\(snippet)\"")
        }
        if let w = e.warning {
            #expect(doc.warnings.contains { $0.contains(w) && $0.contains(name) }, "\(name): warnings \(doc.warnings)")
        } else {
            #expect(doc.warnings.isEmpty, "\(name): unexpected warnings \(doc.warnings)")
        }
        #expect(doc.dropped.count <= MainTextExtractor.maxDropped)
    }

    @Test(arguments: HTMLTestSupport.fixtureNames)
    func ingestorGivesThePagesMetadataAndText(_ name: String) throws {
        let e = try HTMLTestSupport.expectation(name)
        // A path in a folder without a manifest, so only the page speaks.
        let file = InputFile(path: "/nonexistent-dir/\(name).html")
        let article = try HTMLTestSupport.ingestor.ingest(bytes: try HTMLTestSupport.bytes(name), file: file)
        if let t = e.title { #expect(article.title == t, "\(name): title") }
        if let o = e.outlet { #expect(article.outlet == o, "\(name): outlet") }
        if let p = e.published { #expect(article.published == p, "\(name): published") }
        if let l = e.language { #expect(article.language == l, "\(name): language") }
        if let u = e.url { #expect(article.url == u, "\(name): url") }
        for snippet in e.with {
            #expect(article.text.contains(snippet), "\(name): article text lacks \"\(snippet)\"")
        }
        for snippet in e.without {
            #expect(!article.text.contains(snippet), "\(name): article text has furniture \"\(snippet)\"")
        }
        if let t = article.title { #expect(!article.text.hasPrefix(t), "\(name): the title is repeated in the text") }
    }

    @Test func oneStoryToldByThreeOutletsDisagreesOnTheDeathToll() throws {
        let en = try HTMLTestSupport.ingestor.ingest(bytes: try HTMLTestSupport.bytes("en-harbour-times-floods"),
                                                     file: InputFile(path: "/nonexistent-dir/en.html"))
        let es = try HTMLTestSupport.ingestor.ingest(bytes: try HTMLTestSupport.bytes("es-wordpress-inundaciones"),
                                                     file: InputFile(path: "/nonexistent-dir/es.html"))
        let de = try HTMLTestSupport.ingestor.ingest(bytes: try HTMLTestSupport.bytes("de-morgenpost-hochwasser"),
                                                     file: InputFile(path: "/nonexistent-dir/de.html"))
        #expect(en.published == es.published && es.published == de.published)
        #expect(en.text.contains("At least 41 people have died"))
        #expect(es.text.contains("al menos 37 muertos"))
        #expect(de.text.contains("mindestens 41"))
    }
}
