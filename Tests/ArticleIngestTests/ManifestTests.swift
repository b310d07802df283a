@testable import ArticleIngest
import Testing

@Suite struct ManifestTests {
    @Test func readsColumnsByHeaderAndIgnoresEmptyCellsAndExtras() throws {
        let m = try Manifest.parse("""
        path,outlet,published,language,url,extra
        a.txt,"Outlet, with comma",2021-08-11,DA,,x
        b.html,,2021-08,,https://example.org/b,y
        """, path: "manifest.csv")
        let a = try #require(m.entry(for: "some/dir/a.txt"))
        #expect(a.metadata.outlet == "Outlet, with comma")
        #expect(a.metadata.language == "da")
        #expect(a.metadata.url == nil)
        let b = try #require(m.entry(for: "b.html"))
        #expect(b.metadata.outlet == nil)
        #expect(b.metadata.url == "https://example.org/b")
    }

    @Test func headerWithoutPathIsAnErrorNamingTheFile() {
        #expect(throws: IngestError.self) { try Manifest.parse("outlet,date\nx,y\n", path: "m.csv") }
    }
}
