import CrosscheckModel
import Foundation
import Reporting
import Testing

@Suite struct JSONReportWriterTests {
    @Test func reportIsDeterministicAndCarriesSchemaVersion() throws {
        let r = Report(articles: [ReportedArticle(id: "a", outlet: nil, language: "da")], findings: [])
        let one = try JSONReportWriter.data(r)
        let two = try JSONReportWriter.data(r)
        #expect(one == two)
        let o = try #require(JSONSerialization.jsonObject(with: one) as? [String: Any])
        #expect(o["schemaVersion"] as? Int == 1)
        let arts = try #require(o["articles"] as? [[String: Any]])
        #expect(arts.first?["outlet"] is NSNull)
    }
}
