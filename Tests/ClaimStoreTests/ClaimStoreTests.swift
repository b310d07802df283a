import ClaimStore
import CrosscheckModel
import Foundation
import Testing

@Suite struct ClaimStoreTests {
    func tempStore() throws -> (ClaimStore, URL) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString).sqlite")
        return (try ClaimStore(path: url.path), url)
    }

    func article(_ id: String, _ figures: [(String, Double, String)], published: String = "2021-08-11") -> ReportedArticle {
        ReportedArticle(id: id, path: "\(id).txt", outlet: "Outlet \(id)", published: published, language: "en", title: "T \(id)",
                        claims: figures.enumerated().map { i, f in
                            Claim(id: "\(id)#\(i + 1)", quote: f.0, sentence: "s \(f.0)", kind: .count, value: .exactly(f.1),
                                  subject: f.2, asOf: published, article: id, concept: f.2.replacingOccurrences(of: " ", with: "-"))
                        })
    }

    @Test func sameArticleTwiceIsStoredOnce() throws {
        let (store, url) = try tempStore()
        defer { try? FileManager.default.removeItem(at: url) }
        let a = article("a", [("nine", 9, "capitals captured")])
        let first = try store.record([.init(article: a, contentHash: "h1")])
        let second = try store.record([.init(article: a, contentHash: "h1")])
        #expect(first.added == ["a"])
        #expect(second.unchanged == ["a"])
        #expect(second.added.isEmpty && second.replaced.isEmpty)
        #expect(try store.articles().count == 1)
        #expect(try store.articles()[0].claims.count == 1)
    }

    @Test func changedArticleReplacesItsEarlierVersion() throws {
        let (store, url) = try tempStore()
        defer { try? FileManager.default.removeItem(at: url) }
        try store.record([.init(article: article("a", [("nine", 9, "capitals captured"), ("34", 34, "provinces")]), contentHash: "h1")])
        let outcome = try store.record([.init(article: article("a", [("ten", 10, "capitals captured")]), contentHash: "h2")])
        #expect(outcome.replaced == ["a"])
        let stored = try store.articles()
        #expect(stored.count == 1)
        #expect(stored[0].claims.map(\.quote) == ["ten"])
        #expect(try store.contentHashes() == ["a": "h2"])
    }

    @Test func aBatchThatFailsHalfwayLeavesTheStoreAsItWas() throws {
        let (store, url) = try tempStore()
        defer { try? FileManager.default.removeItem(at: url) }
        try store.record([.init(article: article("a", [("nine", 9, "capitals captured")]), contentHash: "h1")])
        let before = try store.articles()
        #expect(throws: ClaimStore.StoreError.self) {
            try store.record([
                .init(article: article("b", [("twelve", 12, "capitals captured")]), contentHash: "h2"),
                .init(article: article("c", [("eight", 8, "capitals captured")]), contentHash: "h3"),
                .init(article: article("a", [("ten", 10, "capitals captured")]), contentHash: "h4"),
            ], failAfter: 2)
        }
        #expect(try store.articles() == before)
        // Still usable afterwards.
        #expect(try store.record([.init(article: article("b", [("twelve", 12, "capitals captured")]), contentHash: "h2")]).added == ["b"])
    }

    @Test func historyListsOneFactsFiguresOverTime() throws {
        let (store, url) = try tempStore()
        defer { try? FileManager.default.removeItem(at: url) }
        try store.record([
            .init(article: article("late", [("12", 12, "capitals captured")], published: "2021-08-13"), contentHash: "1"),
            .init(article: article("early", [("eighth", 8, "capitals captured"), ("34", 34, "provinces")], published: "2021-08-11"), contentHash: "2"),
        ])
        let h = try store.history(matching: "Capitals")
        #expect(h.map(\.claim.quote) == ["eighth", "12"])
        #expect(h.map(\.article.id) == ["early", "late"])
        #expect(try store.history(matching: "nothing like this").isEmpty)
    }

    @Test func reopeningKeepsWhatWasStored() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            let s = try ClaimStore(path: url.path)
            try s.record([.init(article: article("a", [("nine", 9, "capitals captured")]), contentHash: "h")])
        }
        let again = try ClaimStore(path: url.path)
        #expect(try again.articles().map(\.id) == ["a"])
    }

    @Test func aFileThatIsNotAStoreIsAnErrorNamingIt() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-store-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("this is not sqlite, just text that is long enough to look like a header".utf8).write(to: url)
        do {
            _ = try ClaimStore(path: url.path)
            Issue.record("opening a text file as a store should fail")
        } catch let e as ClaimStore.StoreError {
            #expect(e.description.contains(url.path))
        }
    }
}
