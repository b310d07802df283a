import CrosscheckModel
@testable import Reporting
import Testing

@Suite struct HTMLReportWriterTests {
    @Test func articleTextNeverReachesThePageUnescaped() {
        let html = HTMLReportWriter.render(ReportFixtures.hostile)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<a href=\"javascript:"))
        #expect(!html.contains("<b>Outlet"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // Exactly one script element: ours.
        #expect(html.components(separatedBy: "<script").count == 2)
    }

    @Test func pageIsSelfContained() {
        let html = HTMLReportWriter.render(ReportFixtures.hostile)
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("<link "))
        #expect(html.contains("Content-Security-Policy"))
        #expect(html.contains("name=\"viewport\""))
    }

    @Test func conflictsComeFirst() throws {
        let html = HTMLReportWriter.render(ReportFixtures.hostile)
        let c = try #require(html.range(of: "finding v-conflict"))
        let a = try #require(html.range(of: "finding v-agree"))
        #expect(c.lowerBound < a.lowerBound)
    }
}
