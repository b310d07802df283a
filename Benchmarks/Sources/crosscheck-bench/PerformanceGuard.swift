import CorpusKit
import Crosscheck
import Foundation

/// The CI guard: end-to-end time on a fixed generated corpus divided by the time of counting the
/// words of the same bytes ten times, in the same process and run. Machine speed cancels out;
/// a code change that makes the pipeline much slower raises the ratio.
enum PerformanceGuard {
    static let baselineFile = "guard-baseline.txt"

    static func run(maxRatio: Double?) throws -> Int32 {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-guard-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        // the default, news-like corpus (30% of sentences with a figure, HTML with page chrome)
        _ = try CorpusWriter(options: .init(articles: 300, seed: 2021, htmlShare: 0.5)).write(to: dir)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().map { dir.path + "/" + $0 }
        let blobs = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let pipeline = try Pipeline()
        var sink = 0
        // the baseline: counting words (`wc -w`'s job) over the same bytes, ten passes so that it
        // takes tens of milliseconds and its best-of-five is steady
        let scan = Measure.best(5) {
            for _ in 0..<10 {
                for b in blobs {
                    b.withUnsafeBytes { raw in
                        var inWord = false
                        for x in raw {
                            let space = x == 0x20 || x == 0x0A || x == 0x09 || x == 0x0D
                            if !space && !inWord { sink &+= 1 }
                            inWord = !space
                        }
                    }
                }
            }
        }
        let e2e = try Measure.best(3) {
            let r = pipeline.check(paths: [dir.path])
            sink &+= try JSONReportWriter.data(r.report).count
        }
        let ratio = e2e / scan
        let allowed = maxRatio ?? recordedLimit()
        print("guard: end to end \(String(format: "%.4f", e2e)) s, byte scan \(String(format: "%.5f", scan)) s, ratio \(String(format: "%.0f", ratio)), allowed \(allowed.map { String(format: "%.0f", $0) } ?? "unset") (\(sink & 1))")
        if let allowed, ratio > allowed {
            print("guard: FAILED — the pipeline got much slower relative to a byte scan of the same input")
            return 1
        }
        return 0
    }

    /// The allowed ratio kept beside the package (a recorded ratio times a safety factor).
    static func recordedLimit() -> Double? {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(baselineFile).path
        guard let s = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return s.split(separator: "\n").lazy.compactMap { line -> Double? in
            line.hasPrefix("#") ? nil : Double(line.trimmingCharacters(in: .whitespaces))
        }.first
    }
}
