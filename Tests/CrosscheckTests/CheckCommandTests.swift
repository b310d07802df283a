import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func seedsGiveAContractShapedReport() throws {
        let r = try CLI.run(["check", "seeds", "--format", "json"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let o = try #require(JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        #expect(o["schemaVersion"] as? Int == 1)
        let articles = try #require(o["articles"] as? [[String: Any]])
        #expect(articles.count == 4)
        for a in articles {
            #expect(a["id"] is String)
            #expect(a["language"] is String)
            #expect(a["claims"] is [Any])
        }
        #expect(o["findings"] is [Any])
    }

    @Test func sameInputGivesByteIdenticalJSON() throws {
        let one = try CLI.run(["check", "seeds", "--format", "json"])
        let two = try CLI.run(["check", "seeds/003_13007314bf827a1d.txt", "seeds/000_38db4f5e16f61347.txt",
                               "seeds/002_e7ba0620bc3cd8b6.txt", "seeds/001_6c8beff2a7751072.txt", "--format", "json"])
        #expect(one.stdout == two.stdout)
    }

    @Test func noReadableInputExitsTwoAndNamesThePath() throws {
        let r = try CLI.run(["check", "does/not/exist", "--format", "json"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("does/not/exist"))
    }

    @Test func aMissingFileIsReportedAndTheRestGoesOn() throws {
        let r = try CLI.run(["check", "seeds/000_38db4f5e16f61347.txt", "missing.txt", "--format", "json"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("missing.txt"))
        let o = try #require(JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        #expect((o["articles"] as? [Any])?.count == 1)
    }

    @Test func unknownOptionIsAUsageError() throws {
        let r = try CLI.run(["check", "seeds", "--no-such-option"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no-such-option"))
    }
}

@Suite struct CheckFormatsTests {
    @Test(arguments: ["json", "markdown", "html", "csv", "claimreview"])
    func everyFormatWritesSomethingAndIsDeterministic(format: String) throws {
        let one = try CLI.run(["check", "seeds", "--format", format])
        let two = try CLI.run(["check", "seeds", "--format", format])
        #expect(one.status == 0, "stderr: \(one.stderr)")
        #expect(!one.stdout.isEmpty)
        #expect(one.stdout == two.stdout)
    }

    @Test func notATerminalDefaultsToJSON() throws {
        let r = try CLI.run(["check", "seeds"])
        #expect(r.text.hasPrefix("{"))
    }

    @Test func outputFileGetsTheReport() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-\(UUID().uuidString).html").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CLI.run(["check", "seeds", "--format", "html", "--output", path])
        #expect(r.status == 0)
        let page = try String(contentsOfFile: path, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(r.stdout.isEmpty)
    }

    @Test func failOnNeverExitsZero() throws {
        let r = try CLI.run(["check", "seeds", "--format", "json", "--fail-on", "never"])
        #expect(r.status == 0)
    }
}

@Suite struct CheckOutputFileTests {
    @Test func jsonOutputFileHoldsTheSameBytesAsStandardOutput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("report.json").path
        // an older report at the path is replaced whole
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let toFile = try CLI.run(["check", "seeds", "--format", "json", "--output", path])
        let toStdout = try CLI.run(["check", "seeds", "--format", "json"])
        #expect(toFile.status == 0, "stderr: \(toFile.stderr)")
        #expect(toFile.stdout.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == toStdout.stdout)
        // nothing but the report is left beside it (the streamed piece was renamed over it)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.json"])
    }

    @Test func anUnwritableOutputNamesThePathAndLeavesNoFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-out-\(UUID().uuidString)")
        let path = dir.appendingPathComponent("missing-folder/report.json").path
        let r = try CLI.run(["check", "seeds", "--format", "json", "--output", path])
        #expect(r.status != 0)
        #expect(r.stderr.contains(path))
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }
}
