import CrosscheckModel
@testable import ArticleIngest
import Testing

/// The main-text rules one at a time: containers, furniture tokens, density scoring, blocks.
@Suite struct HTMLExtractionTests {
    func read(_ body: String, head: String = "<title>Floods kill 41</title>") throws -> ExtractedDocument {
        try HTMLTestSupport.read(HTMLTestSupport.page(head: head, body: body))
    }

    @Test(arguments: [
        ("social-share_bar", "share"), ("relatedPosts", "related-links"), ("cookie-consent", "cookie-banner"),
        ("c-newsletter-box", "newsletter"), ("comment-list", "comments"), ("most-read", "related-links"),
        ("article-most-read-list", "related-links"), ("sidebar", "sidebar"), ("ad-slot", "advertising"),
        ("breadcrumb", "breadcrumbs"), ("post-tags", "tags"), ("author-box", "byline"),
    ])
    func classTokensAndTheirParts(_ value: String, _ reason: String) {
        #expect(HTMLVocabulary.shared.boilerplateReason(classOrID: "wrapper " + value) == reason, "\(value)")
    }

    @Test(arguments: ["article-body", "hidden-xs", "shared-content", "commentary", "header-image", "loading", "broadcast"])
    func tokensThatAreNotFurniture(_ value: String) {
        #expect(HTMLVocabulary.shared.boilerplateReason(classOrID: value) == nil, "\(value)")
    }

    @Test func tokenPartsSplitOnDashUnderscoreAndCase() {
        #expect(HTMLVocabulary.parts(of: "social-share_barTop") == ["social", "share", "bar", "top"])
    }

    @Test func theArticleBodyContainerWinsOverTheRestOfThePage() throws {
        let doc = try read("""
        <div class="page"><div class="teasers"><p>A teaser about something else entirely with many words in it to look like prose.</p></div>
        <div class="article-body">\(HTMLTestSupport.prose(4))</div>
        <div class="share-buttons"><a href="#">Share on Facebook</a></div></div>
        """)
        let t = HTMLTestSupport.text(doc)
        #expect(t.contains("Paragraph 4 of the report"))
        #expect(!t.contains("A teaser about something else"))
        #expect(!t.contains("Share on Facebook"))
    }

    @Test func itempropArticleBodyIsTheStrongestMarker() throws {
        let doc = try read("""
        <article><p class="kicker">Weather</p><div itemprop="articleBody">\(HTMLTestSupport.prose(3))</div>
        <p>An article footer paragraph that is not part of the body but is long enough to count as prose text.</p></article>
        """)
        let t = HTMLTestSupport.text(doc)
        #expect(t.contains("Paragraph 3 of the report"))
        #expect(!t.contains("An article footer paragraph"))
    }

    @Test func aLayoutModifierTokenDoesNotRemoveTheArticle() throws {
        let doc = try read("""
        <div class="layout has-sidebar with-comments"><div class="col">\(HTMLTestSupport.prose(5))</div></div>
        <div class="sidebar"><p>Sidebar text that should go away because it is furniture and not part of the story.</p></div>
        """)
        let t = HTMLTestSupport.text(doc)
        #expect(t.contains("Paragraph 5 of the report"))
        #expect(!t.contains("Sidebar text"))
    }

    @Test func withoutSemanticMarkupTextDensityFindsTheArticle() throws {
        let links = (1...30).map { "<a href=\"/s\($0)\">Section \($0)</a>" }.joined(separator: " ")
        let doc = try read("""
        <div id="top">\(links)</div>
        <div id="x1"><div id="x2">\(HTMLTestSupport.prose(6))</div></div>
        <div id="bottom"><p><a href="/a">Another story</a> · <a href="/b">Yet another story</a></p></div>
        """)
        let t = HTMLTestSupport.text(doc)
        #expect(t.contains("Paragraph 1 of the report"))
        #expect(t.contains("Paragraph 6 of the report"))
        #expect(!t.contains("Section 12"))
        #expect(!t.contains("Another story"))
    }

    @Test func oldTableLayoutWithDoubleBreaksBecomesParagraphs() throws {
        let nav = (1...8).map { "<a href=\"/\($0)\">Menu \($0)</a><br>" }.joined()
        let doc = try read("""
        <table><tr><td width="150">\(nav)</td><td>
        First paragraph of the story, with 3.400 jobs and a cost of 31,5 billion, told in old style.<br><br>
        Second paragraph continues the story with more figures: 15 per cent and 2033.<br><br>
        Third paragraph, with a line<br>broken once inside it.
        </td></tr></table>
        """)
        #expect(doc.blocks.map(\.text) == [
            "First paragraph of the story, with 3.400 jobs and a cost of 31,5 billion, told in old style.",
            "Second paragraph continues the story with more figures: 15 per cent and 2033.",
            "Third paragraph, with a line broken once inside it.",
        ])
    }

    @Test func blocksKeepTheirRoles() throws {
        let doc = try read("""
        <article><h2>Army deployed</h2>\(HTMLTestSupport.prose(2))
        <ul><li>First point of the list with a figure of 12.</li><li>Second point of the list.</li></ul>
        <blockquote><p>“The water came up fast,” she said.</p></blockquote></article>
        """)
        let roles = Dictionary(doc.blocks.map { ($0.text, $0.role) }, uniquingKeysWith: { a, _ in a })
        #expect(roles["Army deployed"] == .heading)
        #expect(roles["First point of the list with a figure of 12."] == .listItem)
        #expect(roles["“The water came up fast,” she said."] == .quote)
        #expect(doc.blocks.filter { $0.role == .paragraph }.count == 2)
    }

    @Test func whitespaceIsCollapsedAndEntitiesDecoded() throws {
        let doc = try read("<article><p>  Costs   rose\n\t to &euro;450&nbsp;million &amp; more,\r\n said   &quot;officials&quot;. Soft&shy;hyphen gone.  </p>\(HTMLTestSupport.prose(1))</article>")
        #expect(doc.blocks.first?.text == "Costs rose to €450\u{A0}million & more, said \"officials\". Softhyphen gone.")
    }

    @Test func theBlockRepeatingTheTitleIsDropped() throws {
        let doc = try read("<article><h1>Floods kill 41</h1>\(HTMLTestSupport.prose(2))</article>",
                           head: "<title>Floods kill 41 | The Ledger</title><meta property=\"og:site_name\" content=\"The Ledger\">")
        #expect(doc.title == "Floods kill 41")
        #expect(!doc.blocks.contains { $0.text == "Floods kill 41" })
        #expect(doc.dropped.contains { $0.reason == "title" })
    }

    @Test(arguments: ["Read more", "Læs også:", "Lire aussi", "Más noticias", "Weitere Artikel", "Related articles"])
    func relatedListsUnderAKnownHeadingAreDropped(_ heading: String) throws {
        let doc = try read("""
        <article>\(HTMLTestSupport.prose(3))<h3>\(heading)</h3>
        <ul><li><a href="/a">Another story about the weather this week</a></li><li><a href="/b">Yet another story</a></li></ul>
        <p>The closing paragraph of the article goes on after the box with its own figures, 17 and 18.</p></article>
        """)
        let t = HTMLTestSupport.text(doc)
        #expect(!t.contains(heading))
        #expect(!t.contains("Another story about the weather"))
        #expect(t.contains("The closing paragraph of the article"))
    }

    @Test func linkListsInsideTheBodyAreDropped() throws {
        let doc = try read("""
        <article>\(HTMLTestSupport.prose(2))<p><a href="/x">A paragraph that is nothing but one long link to another article</a></p></article>
        """)
        #expect(!HTMLTestSupport.text(doc).contains("nothing but one long link"))
        #expect(doc.dropped.contains { $0.reason == "links" })
    }

    @Test func furnitureIsListedWithReasons() throws {
        let doc = try read("""
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <div id="cookie-banner"><p>We use cookies to improve your experience. Accept all?</p></div>
        <article>\(HTMLTestSupport.prose(2))<div class="share"><a href="#">Share this</a></div></article>
        <div id="comments"><p>First comment, a long one with opinions about the floods and the council.</p></div>
        <footer>© 2026 The Ledger</footer>
        """)
        let reasons = Set(doc.dropped.map(\.reason))
        for r in ["navigation", "cookie-banner", "share", "comments", "footer"] {
            #expect(reasons.contains(r), "no \(r) in \(reasons.sorted())")
        }
        #expect(!HTMLTestSupport.text(doc).contains("cookies"))
    }

    @Test func hiddenElementsAreNotText() throws {
        let doc = try read("""
        <article>\(HTMLTestSupport.prose(2))<p style="display: none">Invisible paragraph that a reader never sees on the page.</p>
        <p hidden>Hidden paragraph too, also long enough to count as prose otherwise.</p></article>
        """)
        let t = HTMLTestSupport.text(doc)
        #expect(!t.contains("Invisible paragraph"))
        #expect(!t.contains("Hidden paragraph"))
    }

    @Test func captionsAreNotMainText() throws {
        let doc = try read("""
        <article><figure><img src="a.jpg"><figcaption>Rescuers in Castellón on Tuesday. Photo: Reuters</figcaption></figure>
        \(HTMLTestSupport.prose(2))</article>
        """)
        #expect(!HTMLTestSupport.text(doc).contains("Rescuers in Castellón"))
    }

    @Test func relatedArticlesWithMoreTextThanTheArticleDoNotWin() throws {
        let teasers = (1...6).map { i in
            "<article class=\"teaser\"><h2>Other story \(i)</h2><p>Teaser \(i) copies a long excerpt of another story, with many words, "
                + "figures like \(i * 7) and commas, so that together the teasers hold far more text than the real article does here.</p></article>"
        }.joined()
        let doc = try read("""
        <article class="post"><h1>Floods kill 41</h1><p>The real article is short: 41 people died and 1,200 were evacuated, officials said on Tuesday.</p></article>
        <article class="postbox"><h3>You may also like</h3>\(teasers)</article>
        """)
        let t = HTMLTestSupport.text(doc)
        #expect(t.contains("The real article is short"))
        #expect(!t.contains("Teaser 3 copies"))
    }

    @Test func aMarkedStandfirstAboveTheBodyIsKept() throws {
        let doc = try read("""
        <article><h1>Floods kill 41</h1><p class="standfirst">The death toll rose overnight as 1,200 people were evacuated.</p>
        <div class="article-body">\(HTMLTestSupport.prose(3))</div></article>
        """)
        #expect(doc.blocks.first?.text == "The death toll rose overnight as 1,200 people were evacuated.")
    }
}
