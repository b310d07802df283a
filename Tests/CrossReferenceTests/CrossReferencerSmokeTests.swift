import CrossReference
import CrosscheckModel
import Testing

@Suite struct CrossReferencerSmokeTests {
    @Test func noClaimsNoFindings() throws {
        let x = try CrossReferencer()
        #expect(x.findings(for: [ReportedArticle(id: "a", language: "en")]).isEmpty)
    }
}
