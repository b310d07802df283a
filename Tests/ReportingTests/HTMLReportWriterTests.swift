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

    @Test func sha256KnownVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.base64(Array("abc".utf8)) == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
    }
}
