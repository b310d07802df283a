import Foundation
import Testing

/// `crosscheck check --store` and `crosscheck history` through the real binary and a real SQLite file.
@Suite struct StoreCommandTests {
    func tempStore() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-store-\(UUID().uuidString).sqlite")
    }

    func report(_ r: CLI.Output) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
    }

    @Test func aLaterBatchIsComparedWithWhatWasStoredBefore() throws {
        let store = tempStore()
        defer { try? FileManager.default.removeItem(at: store) }
        // Day one: the Danish report alone.
        let one = try CLI.run(["check", "seeds/000_38db4f5e16f61347.txt", "--store", store.path, "--format", "json"])
        #expect(one.status == 0, "stderr: \(one.stderr)")
        #expect(one.stderr.contains("1 added"))
        // Day two: the AFP report, same day, a different count of captured capitals.
        let two = try CLI.run(["check", "seeds/001_6c8beff2a7751072.txt", "--store", store.path, "--format", "json", "--fail-on", "conflict"])
        #expect(two.status == 1, "a conflict with the stored batch should fail the run; stderr: \(two.stderr)")
        let r = try report(two)
        let ids = ((r["articles"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
        #expect(ids.contains("000_38db4f5e16f61347"), "the stored article in a finding is included")
        let claimIDs = Set(((r["articles"] as? [[String: Any]]) ?? []).flatMap { ($0["claims"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } })
        let findings = (r["findings"] as? [[String: Any]]) ?? []
        #expect(findings.contains { $0["verdict"] as? String == "conflict" })
        for f in findings { for c in (f["claims"] as? [String]) ?? [] { #expect(claimIDs.contains(c), "finding names unknown claim \(c)") } }
    }

    @Test func reRunningAnArticleDoesNotDuplicateIt() throws {
        let store = tempStore()
        defer { try? FileManager.default.removeItem(at: store) }
        _ = try CLI.run(["check", "seeds", "--store", store.path, "--format", "json"])
        let again = try CLI.run(["check", "seeds", "--store", store.path, "--format", "json"])
        #expect(again.stderr.contains("0 added, 0 replaced, 4 unchanged"), "stderr: \(again.stderr)")
        let h = try CLI.run(["history", "capital", "--store", store.path, "--format", "json"])
        let rows = try #require(JSONSerialization.jsonObject(with: h.stdout) as? [[String: Any]])
        let claimIDs = rows.compactMap { ($0["claim"] as? [String: Any])?["id"] as? String }
        #expect(!claimIDs.isEmpty)
        #expect(Set(claimIDs).count == claimIDs.count, "history lists a claim twice")
    }

    @Test func aChangedArticleReplacesItsEarlierVersionAndSaysSo() throws {
        let store = tempStore()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-changed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: store); try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("report.txt")
        try Data("Floods\n\nAt least 37 people died on Wednesday, officials said.\n".utf8).write(to: file)
        _ = try CLI.run(["check", file.path, "--store", store.path, "--format", "json"])
        try Data("Floods\n\nAt least 41 people died on Wednesday, officials said.\n".utf8).write(to: file)
        let r = try CLI.run(["check", file.path, "--store", store.path, "--format", "json"])
        #expect(r.stderr.contains("1 replaced"))
        #expect(r.stderr.contains("report changed since it was stored"))
        let h = try CLI.run(["history", "killed", "--store", store.path])
        #expect(h.text.contains("41"))
        #expect(!h.text.contains("37"))
    }

    @Test func aBatchKilledMidWriteLeavesTheStoreReadableAndUnchanged() throws {
        let store = tempStore()
        defer { try? FileManager.default.removeItem(at: store) }
        _ = try CLI.run(["check", "seeds/000_38db4f5e16f61347.txt", "--store", store.path, "--format", "json"])
        let before = try CLI.run(["history", "", "--store", store.path, "--format", "json"])

        let p = Process()
        p.executableURL = CLI.executable
        p.arguments = ["check", "seeds", "--store", store.path, "--format", "json"]
        p.currentDirectoryURL = CLI.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["CROSSCHECK_TEST_STALL_STORE_AFTER"] = "2"
        p.environment = env
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        // Wait until the process is inside the transaction, then kill it without warning.
        var seen = ""
        let deadline = Date().addingTimeInterval(120)
        while !seen.contains("stalling"), Date() < deadline {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        #expect(seen.contains("stalling"), "the test hook was not reached: \(seen)")
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()

        let after = try CLI.run(["history", "", "--store", store.path, "--format", "json"])
        #expect(after.status == 0, "the store is not readable after the kill: \(after.stderr)")
        #expect(after.stdout == before.stdout, "the killed batch changed the store")
        let next = try CLI.run(["check", "seeds", "--store", store.path, "--format", "json"])
        #expect(next.stderr.contains("3 added, 0 replaced, 1 unchanged"), "stderr: \(next.stderr)")
    }

    @Test func aStoreThatIsNotSQLiteIsAUsageErrorNamingIt() throws {
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-store-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: bad) }
        try Data(String(repeating: "plain text, not a database. ", count: 20).utf8).write(to: bad)
        let r = try CLI.run(["check", "seeds", "--store", bad.path, "--format", "json"])
        #expect(r.status == 2)
        #expect(r.stderr.contains(bad.path))
    }
}
