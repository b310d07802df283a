import Crosscheck
import Foundation
import Testing

/// `Pipeline.check` streams a batch: each file is read and turned into claims by one task, and the
/// article itself is dropped unless the caller asks to keep it.
@Suite struct StreamingPipelineTests {
    /// Three files: an English text, an HTML page that declares German but reads as English (a
    /// warning), and a file that is not there (a problem).
    func batch() throws -> (dir: URL, paths: [String]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("Flood toll rises\n\nAt least 41 people died in the floods, police said on Tuesday. More than 2,000 homes were damaged.\n".utf8)
            .write(to: dir.appendingPathComponent("b-text.txt"))
        let page = """
            <html lang="de"><head><title>Floods</title></head><body><article><h1>Floods</h1>
            <p>At least 37 people died in the floods, the regional government said on Tuesday, and about 1,500 were evacuated from their homes.</p>
            <p>Rescue teams were still searching the valley on Wednesday morning, officials said.</p></article></body></html>
            """
        try Data(page.utf8).write(to: dir.appendingPathComponent("a-page.html"))
        return (dir, [dir.appendingPathComponent("b-text.txt").path, dir.appendingPathComponent("a-page.html").path,
                      dir.appendingPathComponent("missing.txt").path])
    }

    @Test func articlesAreDroppedByDefaultAndKeptWhenAsked() throws {
        let (dir, paths) = try batch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let streamed = try Pipeline().check(paths: paths)
        let kept = try Pipeline(options: .init(keepsArticles: true)).check(paths: paths)

        #expect(streamed.articles.isEmpty)
        #expect(kept.articles.map(\.id) == ["a-page", "b-text"])
        #expect(kept.articles.map(\.id) == kept.report.articles.map(\.id))
        // keeping the articles changes nothing else
        #expect(streamed.report == kept.report)
        #expect(streamed.warnings == kept.warnings)
        #expect(streamed.problems == kept.problems)
        #expect(streamed.report.articles.flatMap(\.claims).count >= 3)
    }

    @Test func warningsNameTheirFileAndProblemsDoNotStopTheBatch() throws {
        let (dir, paths) = try batch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try Pipeline().check(paths: paths)
        #expect(result.problems.map(\.path) == [paths[2]])
        #expect(result.report.articles.count == 2)
        #expect(!result.warnings.isEmpty)
        #expect(result.warnings.allSatisfy { $0.hasPrefix(paths[1]) })
    }

    @Test func progressCountsEveryFileOnce() throws {
        let (dir, paths) = try batch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seen = Seen()
        _ = try Pipeline().check(paths: [dir.path]) { done, total in seen.add(done, total) }
        #expect(seen.values.map(\.1).allSatisfy { $0 == 2 })
        #expect(seen.values.map(\.0).sorted() == [1, 2])
        _ = paths
    }

    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [(Int, Int)] = []
        func add(_ d: Int, _ t: Int) { lock.lock(); list.append((d, t)); lock.unlock() }
        var values: [(Int, Int)] { lock.lock(); defer { lock.unlock() }; return list }
    }
}
