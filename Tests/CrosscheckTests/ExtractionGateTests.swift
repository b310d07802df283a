import Foundation
import Testing

/// The HTML main-text quality gate: the built `crosscheck` binary on the article-extraction
/// benchmark (181 real pages, `../shared/extraction-benchmark`), scored by the shared word-shingle
/// F1 script. The floor sits a little under the score reached (0.979 at the time of writing;
/// trafilatura 0.958 on the same pages); raise it when the score rises, never lower it silently.
@Suite struct ExtractionGateTests {
    static let floor = 0.97

    static let shared = CLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let scorer = shared.appendingPathComponent("tools/extraction_f1.py")
    static var python: URL? { Python.executable }

    static var available: Bool {
        python != nil && FileManager.default.fileExists(atPath: scorer.path)
            && FileManager.default.fileExists(atPath: shared.appendingPathComponent("extraction-benchmark/ground-truth.json").path)
    }

    @Test(.enabled(if: ExtractionGateTests.available,
                   "skipped: needs python3 and ../shared/extraction-benchmark with tools/extraction_f1.py beside the package"),
          .timeLimit(.minutes(10)))
    func benchmarkF1StaysAboveTheFloor() throws {
        let (status, report) = try Python.run([Self.scorer.path, "--cmd", CLI.executable.path, "--details", "10", "--min-f1", String(Self.floor)])
        #expect(status == 0, "extraction F1 under the floor \(Self.floor):\n\(report)")
        // The score line must be there, so a scorer that ran nothing cannot pass.
        let line = try #require(report.split(separator: "\n").first { $0.hasPrefix("extraction: F1 ") })
        let f1 = Double(line.split(separator: " ")[2]) ?? 0
        #expect(f1 >= Self.floor, "\(line)")
    }
}
