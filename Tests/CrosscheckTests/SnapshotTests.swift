import Foundation
import Testing

/// Each report format on the seeds, compared byte for byte with a recorded snapshot in
/// `Tests/CrosscheckTests/Snapshots/`. A change in output fails here until it is re-recorded on
/// purpose: `CROSSCHECK_RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests`, then review the diff.
@Suite struct SnapshotTests {
    static let folder = CLI.packageRoot.appendingPathComponent("Tests/CrosscheckTests/Snapshots")
    static let recording = ProcessInfo.processInfo.environment["CROSSCHECK_RECORD_SNAPSHOTS"] == "1"

    @Test(arguments: ["json", "markdown", "html", "csv", "claimreview"])
    func seedsMatchTheRecordedSnapshot(format: String) throws {
        let r = try CLI.run(["check", "seeds", "--format", format])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let ext = ["json": "json", "markdown": "md", "html": "html", "csv": "csv", "claimreview": "claimreview.json"][format]!
        let file = Self.folder.appendingPathComponent("seeds.\(ext)")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try r.stdout.write(to: file)
            return
        }
        let recorded = try #require(try? Data(contentsOf: file), "no snapshot \(file.lastPathComponent): record with CROSSCHECK_RECORD_SNAPSHOTS=1")
        if recorded != r.stdout {
            let a = String(decoding: recorded, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let b = r.text.split(separator: "\n", omittingEmptySubsequences: false)
            let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            Issue.record("""
                \(format) output differs from \(file.lastPathComponent) at line \(i + 1):
                  recorded: \(i < a.count ? String(a[i]) : "<end>")
                  now:      \(i < b.count ? String(b[i]) : "<end>")
                Re-record on purpose with CROSSCHECK_RECORD_SNAPSHOTS=1 if the change is intended.
                """)
        }
    }
}

@Suite struct ProgressBarTests {
    @Test func nothingExtraWhenStandardErrorIsNotATerminal() throws {
        let r = try CLI.run(["check", "fixtures/html", "--format", "json"])
        #expect(r.status == 0)
        #expect(!r.stderr.contains("\r["), "a progress bar was drawn into a pipe")
        #expect(!r.stderr.contains("%"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "util-linux script(1) is missing"))
    func aBarIsDrawnOnATerminal() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-bar-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: out) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qc", "\(CLI.executable.path) check fixtures/html --format json --output \(out.path)", "/dev/null"]
        p.currentDirectoryURL = CLI.packageRoot
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(text.contains("\r[#"), "no bar on a terminal: \(text.prefix(300))")
        #expect(text.contains("100%"))
        #expect(FileManager.default.fileExists(atPath: out.path))
    }
}
