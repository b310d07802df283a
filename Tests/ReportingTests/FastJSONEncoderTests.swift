import CrosscheckModel
import Foundation
import Reporting
import Testing

/// The report writer's own encoder against Foundation's: same bytes, same decoded report, and no
/// crash on a non-finite number.
@Suite struct FastJSONEncoderTests {
    static var reports: [Report] {
        var withRange = ReportFixtures.hostile
        withRange.articles[1].claims.append(
            Claim(id: "good#4", quote: "1,5–2 mio.\n\t\"x\"\\ \u{1}", sentence: "mellem 1,5 og 2 millioner — “citat” / 😀",
                  kind: .count, value: .between(1_500_000, 2e6), subject: "people", article: "good"))
        withRange.articles[1].claims.append(
            Claim(id: "good#5", quote: "0.0001", sentence: "tiny", kind: .count, value: .exactly(1e-7),
                  subject: "dust", article: "good"))
        return [
            ReportFixtures.hostile, withRange,
            Report(articles: [], findings: []),
            Report(articles: [ReportedArticle(id: "a", outlet: nil, language: "da")], findings: []),
        ]
    }

    @Test(arguments: reports.indices)
    func sameBytesAsFoundation(_ n: Int) throws {
        let report = Self.reports[n]
        let ours = try JSONReportWriter.data(report)
        let foundation = try JSONReportWriter.encoder().encode(report)
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: foundation, as: UTF8.self))
    }

    @Test(arguments: reports.indices)
    func foundationDecodesTheSameReport(_ n: Int) throws {
        let report = Self.reports[n]
        let decoded = try JSONDecoder().decode(Report.self, from: JSONReportWriter.data(report))
        #expect(decoded == report)
    }

    @Test(arguments: [1.0, 0.1, -0.0, 1e20, 1e21, 1e-7, 123456789.123, 3e15, 1e16, 2.0 / 3.0, 12345678901234567890.0, 5e-324])
    func numbersAsFoundationWritesThem(_ x: Double) throws {
        #expect(try FastJSONEncoder.encode([x]) == JSONReportWriter.encoder().encode([x]))
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteNumberIsNull(_ x: Double) throws {
        var report = ReportFixtures.hostile
        report.articles[1].claims[0].value = QuantityValue(number: x, low: 1, high: x)
        let data = try JSONReportWriter.data(report)
        let o = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let arts = try #require(o["articles"] as? [[String: Any]])
        let claims = try #require(arts[1]["claims"] as? [[String: Any]])
        let value = try #require(claims[0]["value"] as? [String: Any])
        #expect(value["number"] is NSNull)
        #expect(value["high"] is NSNull)
        #expect(value["low"] as? Double == 1)
        #expect(try JSONReportWriter.data(report) == data)
    }

    @Test func emptyContainersAndKeyOrder() throws {
        struct Odd: Encodable { var b = 1; var B = 2; var a10 = [Int](); var a9 = [String: Int](); var _x: String? = nil }
        #expect(try FastJSONEncoder.encode(Odd()) == JSONReportWriter.encoder().encode(Odd()))
    }
}
