import CrosscheckModel
import Foundation
import Testing
@testable import ArticleIngest

/// The four seed articles, read as ingest reads them.
@Suite struct SeedIngestTests {
    static let seeds = ["000_38db4f5e16f61347", "001_6c8beff2a7751072", "002_e7ba0620bc3cd8b6", "003_13007314bf827a1d"]

    @Test func languagesWithoutTheManifest() throws {
        let langs = try Self.seeds.map { try TextTestSupport.ingestWithoutManifest("seeds/\($0).txt").language }
        #expect(langs == ["da", "en", "en", "en"])
    }

    @Test func crawlHeaderGivesTheMonthWithoutTheManifestAndTheManifestWins() throws {
        let bare = try TextTestSupport.ingestWithoutManifest("seeds/000_38db4f5e16f61347.txt")
        #expect(bare.published == "2021-08")
        #expect(bare.title?.hasPrefix("Mens vestlige styrker") == true)
        #expect(!bare.text.contains("date 2021-08"))
        let withManifest = try TextTestSupport.ingestor.ingest(InputFile(path: TextTestSupport.path("seeds/000_38db4f5e16f61347.txt")))
        #expect(withManifest.published == "2021-08-11")
        #expect(withManifest.outlet == "Danish news outlet")
        #expect(withManifest.id == "000_38db4f5e16f61347")
    }

    @Test func youMightAlsoLikeHeadlinesAreDroppedNotText() throws {
        let a = try TextTestSupport.ingestWithoutManifest("seeds/002_e7ba0620bc3cd8b6.txt")
        for headline in ["More than 1,000 killed or injured in Afghanistan violence, says UN",
                         "Floods kill more than 300 people in northern Afghanistan, UN says"] {
            #expect(!a.text.contains(headline))
            #expect(a.droppedTexts("related-links").contains(headline))
        }
        #expect(a.droppedTexts("related-links").contains("You might also like"))
        #expect(a.byline == "Daniel Bellamy with AFP")
        #expect(a.droppedTexts("title") == ["Taliban continue talks whilst making big gains on the battlefield"])
        #expect(!a.text.contains("Copyright") && !a.text.contains("Share this article") && !a.text.contains("Copy/paste"))
        #expect(a.text.hasPrefix("Government forces are struggling"))
    }

    @Test func cookieBannerTeaserAndCommentFormAreDropped() throws {
        let a1 = try TextTestSupport.ingestWithoutManifest("seeds/001_6c8beff2a7751072.txt")
        #expect(!a1.text.contains("cookies") && !a1.text.contains(">>"))
        #expect(a1.dropped.map(\.reason).sorted() == ["cookie-banner", "related-links"])
        let a3 = try TextTestSupport.ingestWithoutManifest("seeds/003_13007314bf827a1d.txt")
        for s in ["Recent Articles", "Related News", "Leave A Reply", "Please enter"] { #expect(!a3.text.contains(s)) }
        #expect(a3.text.hasSuffix("equipped for years."))
        #expect(a3.paragraphs.contains { $0.text == "fall of herat" && $0.role == .heading })
    }

    @Test(arguments: seeds)
    func offsetsHoldAndEveryParagraphHasSentences(seed: String) throws {
        let a = try TextTestSupport.ingestWithoutManifest("seeds/\(seed).txt")
        #expect(a.sentenceOffsetsHold)
        #expect(a.paragraphOffsetsHold)
        for p in a.paragraphs {
            #expect(a.sentences.contains { $0.start >= p.start && $0.end <= p.end })
        }
        #expect(!a.sentences.contains { $0.text.count < 3 })
    }

    @Test func danishSeedSentences() throws {
        let a = try TextTestSupport.ingestWithoutManifest("seeds/000_38db4f5e16f61347.txt")
        #expect(a.sentences.last?.text == "Deadline for en fuldstændig amerikansk tilbagetrækning er sat til 31. august.")
        #expect(a.sentences.contains { $0.text == "Mazar-i-Sharif er en af de største byer i den nordlige del af landet." })
    }
}
