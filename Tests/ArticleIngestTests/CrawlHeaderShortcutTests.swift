import CrosscheckModel
import Testing
@testable import ArticleIngest

/// ``CrawlHeader/take(_:into:)`` answers "no header" from the first byte of the first line
/// only where the full look (kept in Reference/OriginalPlainTextReader.swift) finds none:
/// every first byte, with and without a header after it.
@Suite struct CrawlHeaderShortcutTests {
    @Test func firstBytesDecideAsTheFullLookDoes() {
        let starts = ["date 2021-08-15 ", "Date 2021-08 ", "DATE 2021 ", "published 2021-08-15T10:30:00Z ", "Published 2021-08 ",
                      "url https://example.com/a ", "URL http://x ", "dated 2021 ", "update ", "Police said ", "Under ",
                      " date 2021-08-15 ", "\tdate 2021-08-15 ", "\u{FEFF}date 2021-08-15 ", "\u{0B}url http://x ", "\u{0C}Date 2021 ",
                      "", " ", "7 things ", "«date» ", "ðate ", "Über ", "d", "p", "u"]
        var found = 0
        for start in starts {
            for rest in ["Headline of the day", "", "url https://example.com/b Headline"] {
                for lines in [[start + rest, "", "Body."], ["", start + rest, "Body."], ["   ", start + rest]] {
                    var new = lines, old = lines
                    var newMetadata = PageMetadata(), oldMetadata = PageMetadata()
                    CrawlHeader.take(&new, into: &newMetadata)
                    OriginalCrawlHeader.take(&old, into: &oldMetadata)
                    #expect(new == old && newMetadata == oldMetadata, "\(lines)")
                    if newMetadata.published != nil || newMetadata.url != nil { found += 1 }
                }
            }
        }
        #expect(found > 40)
    }
}
