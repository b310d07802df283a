import CorpusKit
import Crosscheck
import Foundation

/// `crosscheck-bench report --corpus DIR`: MB/s per stage and end to end, each next to `wc -w`
/// of the same bytes in the same run, and peak memory. Prints a Markdown table.
enum StageReport {
    static func run(corpus: String, runs: Int) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus).sorted()
        let text = files.filter { $0.hasSuffix(".txt") }.map { corpus + "/" + $0 }
        let html = files.filter { $0.hasSuffix(".html") }.map { corpus + "/" + $0 }
        func size(_ paths: [String]) -> Int {
            paths.reduce(0) { $0 + Measure.fileSize($1) }
        }
        let textBytes = size(text), htmlBytes = size(html), allBytes = textBytes + htmlBytes
        let pipeline = try Pipeline(options: .init(manifestPath: Measure.manifest(in: corpus)))

        var rows: [(String, Int, Double)] = []
        let wcAll = try Measure.command("/usr/bin/wc", ["-w"] + text + html, runs: runs)
        rows.append(("wc -w (baseline, all files)", allBytes, wcAll))

        var textArticles: [Article] = []
        let tText = try Measure.best(runs) { textArticles = pipeline.ingest(paths: text).articles }
        rows.append(("ingest, plain text", textBytes, tText))
        var htmlArticles: [Article] = []
        let tHTML = try Measure.best(runs) { htmlArticles = pipeline.ingest(paths: html).articles }
        rows.append(("ingest, HTML", htmlBytes, tHTML))

        let articles = textArticles + htmlArticles
        let sentenceBytes = articles.reduce(0) { $0 + $1.text.utf8.count }
        // recognition and claims run articles in parallel on all cores, as `check` does
        var found = 0
        let tRec = Measure.best(runs) {
            found = Measure.parallelMap(articles) { a in
                a.sentences.reduce(0) { $0 + pipeline.recognizer.recognize($1.text, language: a.language).count }
            }.reduce(0, +)
        }
        rows.append(("recognition (\(found) quantities)", sentenceBytes, tRec))

        var reported: [ReportedArticle] = []
        let tClaims = Measure.best(runs) {
            reported = Measure.parallelMap(articles) { a in
                ReportedArticle(id: a.id, path: a.path, outlet: a.outlet, published: a.published,
                                language: a.language, title: a.title, claims: pipeline.claims(for: a))
            }
        }
        let claimCount = reported.reduce(0) { $0 + $1.claims.count }
        rows.append(("claims, incl. recognition (\(claimCount) claims)", sentenceBytes, tClaims))

        let xref = pipeline.crossReferencer
        var findings: [Finding] = []
        let tX = Measure.best(runs) { findings = xref.findings(for: reported) }
        rows.append(("cross-reference (\(findings.count) findings)", sentenceBytes, tX))

        var json = Data()
        let tJSON = try Measure.best(runs) { json = try JSONReportWriter.data(Report(articles: reported, findings: findings)) }
        rows.append(("JSON output (\(json.count) bytes out)", json.count, tJSON))

        let tE2E = Measure.best(runs) { _ = pipeline.check(paths: [corpus]) }
        rows.append(("end to end, text + HTML, JSON", allBytes, tE2E + tJSON))

        print("| stage | MB in | seconds | MB/s | × wc -w time |")
        print("|---|---:|---:|---:|---:|")
        for (name, bytes, t) in rows {
            print("| \(name) | \(Measure.format(Double(bytes) / 1e6)) | \(String(format: "%.3f", t)) | \(Measure.format(Measure.mbps(bytes, t))) | \(String(format: "%.1f", t / wcAll)) |")
        }
        print("\npeak memory: \(Measure.format(Measure.peakMB())) MB, \(ProcessInfo.processInfo.activeProcessorCount) cores")
    }

    /// One end-to-end run for the scaling table: prints bytes, seconds, MB/s and peak memory.
    static func endToEnd(corpus: String) throws {
        let pipeline = try Pipeline(options: .init(manifestPath: Measure.manifest(in: corpus)))
        var bytes = 0
        for f in try FileManager.default.contentsOfDirectory(atPath: corpus) where !f.hasSuffix(".csv") {
            bytes += Measure.fileSize(corpus + "/" + f)
        }
        // as the CLI does: the report streamed to a file in 1 MB pieces
        let keep = ProcessInfo.processInfo.environment["CROSSCHECK_BENCH_KEEP_JSON"]
        let path = keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-e2e-\(getpid()).json").path
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: path) } }
        var written = 0
        let t = try Measure.best(1) {
            let r = pipeline.check(paths: [corpus])
            FileManager.default.createFile(atPath: path, contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            var count = 0
            try JSONReportWriter.write(r.report, trailingNewline: true) { chunk in
                try handle.write(contentsOf: chunk)
                count += chunk.count
            }
            written = count
        }
        print("\(bytes)\t\(String(format: "%.3f", t))\t\(Measure.format(Measure.mbps(bytes, t)))\t\(Measure.format(Measure.peakMB()))\t\(written)")
    }
}
