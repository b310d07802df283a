import CrosscheckModel
import Foundation
@testable import Reporting
import Testing

@Suite struct TextFormatsTests {
    @Test func markdownEscapesArticleMarkupAndPipes() {
        let md = MarkdownReportWriter.render(ReportFixtures.hostile)
        #expect(!md.contains("<script>"))
        #expect(md.contains("\\<script\\>"))
        #expect(md.contains("# Cross-check report"))
        let conflicts = md.range(of: "## Conflicts")!.lowerBound
        let agree = md.range(of: "## Agreements")!.lowerBound
        #expect(conflicts < agree)
    }

    @Test func markdownSummaryCountsArticlesClaimsAndConflicts() {
        let md = MarkdownReportWriter.render(ReportFixtures.hostile)
        #expect(md.contains("- Articles: 2"))
        #expect(md.contains("- Claims: 4"))
        #expect(md.contains("- Conflicts: 1, consistent: 0, agree: 1"))
    }

    @Test func csvHasOneRowPerClaimAndDefusesFormulas() {
        let csv = CSVReportWriter.render(ReportFixtures.hostile)
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 1 + 4)
        #expect(lines[0] == CSVReportWriter.columns.joined(separator: ","))
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(lines.contains { $0.hasPrefix("good,Good Outlet,2021-08-11,da,to tredjedele,fraction,0.6667") })
        #expect(lines.contains { $0.contains("evil#1") == false && $0.hasSuffix("F1") })
    }

    @Test func claimReviewCoversOnlyConflicts() throws {
        let data = try ClaimReviewWriter.data(ReportFixtures.hostile)
        let items = try #require(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items.allSatisfy { $0["@type"] as? String == "ClaimReview" })
        #expect(Set(items.compactMap { $0["identifier"] as? String }) == ["F1/evil#1", "F1/good#1"])
    }
}
