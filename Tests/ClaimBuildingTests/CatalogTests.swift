import ClaimBuilding
import CrosscheckModel
import LanguageData
import QuantityRecognition
import Foundation
import Testing

/// The catalog and the claim tables load, refer only to known concepts, and a bad row is named.
@Suite struct CatalogTests {
    @Test func theBuiltInCatalogLoadsAndLabelsConcepts() throws {
        let c = try ConceptCatalog.builtIn()
        #expect(c.subject(of: "provincial-capital/captured") == "provincial capitals captured")
        #expect(c.subject(of: "city/rank") == "rank among cities")
        #expect(c.isCumulative("civilian/killed"))
        #expect(!c.isCumulative("soldier/deployed"))
        #expect(c.lineage("provincial-capital") == ["provincial-capital", "city", "place"])
        #expect(c.entry("provincial-capital")?.total == "province")
        #expect(c.entry("killed")?.defaultThing == "person")
        #expect(c.entry("killed")?.total == nil)
    }

    @Test func everyLanguageWithClaimTablesHasTheCoreOnes() throws {
        for code in ["en", "da", "es", "fr", "de", "sv", "nb", "nl", "pt", "it"] {
            let pack = try #require(Support.store.pack(code))
            for table in ["concepts.tsv", "events.tsv", "attribution.tsv", "agencies.tsv", "relative-days.tsv",
                          "places.tsv", "claim-cues.tsv"] {
                #expect(!pack.rows(table).isEmpty, "\(code)/\(table) is empty or missing")
            }
        }
    }

    @Test func aCatalogRowWithAnUnknownBroaderKeyIsRejected() {
        #expect(throws: ConceptCatalog.LoadError.self) {
            try ConceptCatalog(text: "city\tcities\tno\tnowhere\tthing\tplace\n")
        }
    }

    @Test func aConceptRowNamingAnUnknownKeyIsRejectedWithItsOrigin() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claims-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("xx"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "soldiers\tsoldier\ntrolls\tno-such-concept\n".write(to: dir.appendingPathComponent("xx/concepts.tsv"), atomically: true, encoding: .utf8)
        let store = try LanguageStore(root: dir)
        do {
            _ = try ClaimBuilder(languages: store, recognizer: QuantityRecognizer(languages: store))
            Issue.record("a bad concept row was accepted")
        } catch {
            #expect("\(error)".contains("xx/concepts.tsv:2"))
        }
    }

    @Test func aLanguageWithoutTablesStillGivesClaimsWithoutConcepts() throws {
        let (text, qs) = Support.quantities("Xyz ⟦12⟧ abc.", [.count(12)])
        let claims = Support.builder.claims(sentence: text, quantities: qs, language: "zz")
        #expect(claims.count == 1)
        #expect(claims.first?.concept == nil)
    }
}
