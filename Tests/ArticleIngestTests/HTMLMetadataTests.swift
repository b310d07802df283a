import CrosscheckModel
@testable import ArticleIngest
import Testing

/// Each metadata source on its own, and their order (most specific first).
@Suite struct HTMLMetadataTests {
    let body = "<article><p>Officials said 41 people died in the floods and 1,200 were evacuated from their homes overnight.</p></article>"

    func metadata(_ head: String, body: String? = nil, lang: String = "en") throws -> PageMetadata {
        try HTMLTestSupport.read(HTMLTestSupport.page(head: head, body: body ?? self.body, lang: lang)).metadata
    }

    func jsonLD(_ json: String) -> String { "<script type=\"application/ld+json\">\(json)</script>" }

    @Test func jsonLDNewsArticleGivesEveryField() throws {
        let md = try metadata(jsonLD("""
        {"@context":"https://schema.org","@type":"NewsArticle","headline":"Floods kill 41",
         "datePublished":"2026-10-15T23:40:00-05:00","inLanguage":"en-GB",
         "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Bo Lund"}],
         "publisher":{"@type":"Organization","name":"The Ledger"},
         "mainEntityOfPage":{"@type":"WebPage","@id":"https://ledger.example/floods"}}
        """), lang: "fr")
        #expect(md.title == "Floods kill 41")
        #expect(md.published == "2026-10-15")          // the date as written, whatever the zone
        #expect(md.outlet == "The Ledger")
        #expect(md.language == "en")                   // JSON-LD wins over <html lang>
        #expect(md.byline == "Ana Ruiz, Bo Lund")
        #expect(md.url == "https://ledger.example/floods")
    }

    @Test(arguments: ["NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "http://schema.org/NewsArticle"])
    func jsonLDArticleTypes(_ type: String) throws {
        let md = try metadata(jsonLD(#"{"@type":"\#(type)","headline":"H","datePublished":"2026-01-02"}"#))
        #expect(md.title == "H")
        #expect(md.published == "2026-01-02")
    }

    @Test func jsonLDInsideGraphWithPublisherByReference() throws {
        let md = try metadata(jsonLD("""
        {"@context":"https://schema.org","@graph":[
          {"@type":"NewsMediaOrganization","@id":"#org","name":"Dagbladet"},
          {"@type":"WebPage","@id":"https://d.example/a","name":"Page"},
          {"@type":["NewsArticle"],"headline":"Tunnelen bliver dyrere","datePublished":"2026-03-05",
           "publisher":{"@id":"#org"},"url":"https://d.example/a"}]}
        """))
        #expect(md.title == "Tunnelen bliver dyrere")
        #expect(md.outlet == "Dagbladet")
        #expect(md.url == "https://d.example/a")
    }

    @Test func jsonLDInsideATopLevelArray() throws {
        let md = try metadata(jsonLD("""
        [{"@type":"BreadcrumbList","itemListElement":[]},{"@type":"ReportageNewsArticle","headline":"In an array","datePublished":"2026-02-03"}]
        """))
        #expect(md.title == "In an array")
        #expect(md.published == "2026-02-03")
    }

    @Test func malformedJSONLDIsIgnoredAndTheNextBlockUsed() throws {
        let md = try metadata(jsonLD(#"{"@type":"NewsArticle","headline": broken,,}"#)
            + jsonLD(#"{"@type":"NewsArticle","headline":"Second block"}"#)
            + #"<meta property="og:title" content="OG title">"#)
        #expect(md.title == "Second block")
    }

    @Test func jsonLDOfAnotherTypeIsNotAnArticle() throws {
        let md = try metadata(jsonLD(#"{"@type":"Recipe","name":"Soup","datePublished":"2020-01-01"}"#)
            + #"<meta property="og:title" content="OG title">"#)
        #expect(md.title == "OG title")
        #expect(md.published == nil)
    }

    @Test func openGraphAndArticleMeta() throws {
        let md = try metadata("""
        <title>Something else entirely</title>
        <meta property="og:site_name" content="Le Courrier">
        <meta property="og:title" content="Le tunnel coûte plus cher">
        <meta property="article:published_time" content="2026-03-06T08:00:00+01:00">
        <meta property="og:url" content="https://courrier.example/tunnel">
        """)
        #expect(md.outlet == "Le Courrier")
        #expect(md.title == "Le tunnel coûte plus cher")
        #expect(md.published == "2026-03-06")
        #expect(md.url == "https://courrier.example/tunnel")
    }

    @Test(arguments: ["date", "pubdate", "dc.date", "DC.date.issued", "parsely-pub-date"])
    func dateMetaNames(_ name: String) throws {
        let md = try metadata(#"<meta name="\#(name)" content="2026-10-20T09:00:00Z">"#)
        #expect(md.published == "2026-10-20", "meta name=\(name)")
    }

    @Test func timeElementWhenNoMetaDate() throws {
        let md = try metadata("", body: "<article><time datetime=\"2026-10-15T10:30:00+02:00\">15.10.2026</time>" + body + "</article>")
        #expect(md.published == "2026-10-15")
    }

    @Test func articleMetaBeatsTimeElement() throws {
        let md = try metadata(#"<meta property="article:published_time" content="2026-01-01">"#,
                              body: "<time datetime=\"2025-12-31\">x</time>" + body)
        #expect(md.published == "2026-01-01")
    }

    @Test func titleLosesTheSiteSuffixOnlyWhenItIsTheSiteName() throws {
        let a = try metadata(#"<title>Floods kill 41 | The Ledger</title><meta property="og:site_name" content="The Ledger">"#)
        #expect(a.title == "Floods kill 41")
        let b = try metadata(#"<title>Floods kill 41 - The Ledger</title><meta property="og:site_name" content="the ledger">"#)
        #expect(b.title == "Floods kill 41")
        let c = try metadata(#"<title>Floods - what we know | Live</title><meta property="og:site_name" content="The Ledger">"#)
        #expect(c.title == "Floods - what we know | Live")
    }

    @Test func titleHalfRepeatedByTheHeadlineBecomesTheTitleAndTheOtherHalfTheOutlet() throws {
        let doc = try HTMLTestSupport.read(HTMLTestSupport.page(head: "<title>Vestkysten Nyt - Tunnelen bliver dyrere</title>",
                                                                body: "<h1>Tunnelen bliver dyrere</h1>" + HTMLTestSupport.prose(3)))
        #expect(doc.metadata.title == "Tunnelen bliver dyrere")
        #expect(doc.metadata.outlet == "Vestkysten Nyt")
    }

    @Test(arguments: [("en-US", "en"), ("da_DK", "da"), ("FR", "fr"), ("pt-BR", "pt"), ("english", nil), ("", nil)])
    func htmlLangIsNormalized(_ lang: String, _ expected: String?) throws {
        let md = try metadata("", lang: lang)
        #expect(md.language == expected)
    }

    @Test func canonicalLinkBeatsOpenGraphURL() throws {
        let md = try metadata(#"<meta property="og:url" content="https://x.example/og"><link rel="canonical" href="https://x.example/canonical">"#)
        #expect(md.url == "https://x.example/canonical")
    }

    @Test(arguments: [
        ("https://x.example/2019/11/19/floods-kill-41/", "2019-11-19"), ("https://x.example/news/2026-03-05/tunnel", "2026-03-05"),
        ("https://x.example/news/floods-41", nil), ("https://x.example/2019/13/40/x", nil),
    ])
    func aNewsURLGivesTheDateWhenNothingElseDoes(_ url: String, _ date: String?) throws {
        let md = try metadata(#"<link rel="canonical" href="\#(url)">"#)
        #expect(md.published == date, "\(url)")
    }

    @Test func aStatedDateBeatsTheURL() throws {
        let md = try metadata(#"<link rel="canonical" href="https://x.example/2019/11/19/a"><meta name="date" content="2019-11-20">"#)
        #expect(md.published == "2019-11-20")
    }

    @Test func authorMetaGivesTheByline() throws {
        let md = try metadata(#"<meta name="author" content="Sam Hartley">"#)
        #expect(md.byline == "Sam Hartley")
    }

    @Test(arguments: [
        ("2021-08-11", "2021-08-11"), ("2021-08-11T23:30:00-05:00", "2021-08-11"), ("2021/08/11", "2021-08-11"),
        ("20210811", "2021-08-11"), ("20210811T101500Z", "2021-08-11"), ("11.08.2021", "2021-08-11"),
        ("Wed, 11 Aug 2021 10:00:00 GMT", "2021-08-11"), ("11 Aug 2021", "2021-08-11"), ("2021-08", "2021-08"),
        (" 2021-08-11 ", "2021-08-11"),
    ])
    func datesAreNormalized(_ raw: String, _ iso: String) {
        #expect(DateNormalizer.isoDate(raw) == iso, "\(raw)")
    }

    @Test(arguments: ["yesterday", "2021-13-01", "2021-02-40", "12345", "", "0000-01-01", "Aug 2021"])
    func nonDatesGiveNil(_ raw: String) {
        #expect(DateNormalizer.isoDate(raw) == nil, "\(raw)")
    }
}
