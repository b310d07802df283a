import CrossReference
import Testing

@Suite struct ConceptHierarchyTests {
    static let catalog = """
        # key\tlabel\tcumulative\tbroader\tkind\tclass\ttotal\tdefault
        place\tplaces\tno\t\tthing\tplace
        city\tcities\tno\tplace\tthing\tplace
        provincial-capital\tprovincial capitals\tno\tcity\tthing\tplace\tprovince
        province\tprovinces\tno\tplace\tthing\tplace\tprovincial-capital
        district\tdistricts\tno\tplace\tthing\tplace
        captured\t{thing} captured\tyes\t\tevent\tplace
        """

    @Test func thingsClimbWithTheirEvent() {
        let h = ConceptHierarchy(catalog: Self.catalog)
        #expect(h.lineage(of: "provincial-capital/captured") == ["provincial-capital/captured", "city/captured", "place/captured"])
        #expect(h.relates("provincial-capital/captured", "city/captured"))
        #expect(!h.relates("provincial-capital/captured", "district/captured"))
        #expect(h.root(of: "district/captured") == h.root(of: "city/captured"))
        #expect(h.isNarrower("provincial-capital/captured", than: "city/captured"))
        #expect(!h.isNarrower("city/captured", than: "provincial-capital/captured"))
    }

    @Test func totalsNameTheWhole() {
        let h = ConceptHierarchy(catalog: Self.catalog)
        #expect(h.wholes(of: "provincial-capital/captured") == ["province", "provincial-capital"])
        #expect(h.wholes(of: "district/captured") == ["district"])
    }

    @Test func cyclesAreCut() {
        let h = ConceptHierarchy(broader: ["a": "b", "b": "a"])
        #expect(h.lineage(of: "a") == ["a", "b"])
        #expect(h.lineage(of: "a/x") == ["a/x", "b/x"])
    }
}
