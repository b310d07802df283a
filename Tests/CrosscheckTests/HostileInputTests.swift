import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A batch of hostile files through the real binary: nothing crashes or hangs, no entity or
/// network fetch happens, every readable file is reported and every bad one is named on
/// standard error with its reason.
@Suite(.serialized) struct HostileInputTests {
    /// A loopback TCP listener that counts connections, to prove nothing is fetched.
    final class Listener: @unchecked Sendable {
        let fd: Int32
        let port: UInt16
        init() throws {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            self.fd = fd
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            addr.sin_port = 0
            let ok = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard ok == 0, listen(fd, 8) == 0 else { throw CocoaError(.fileWriteUnknown) }
            var bound = sockaddr_in()
            var len = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &bound) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
            }
            self.port = UInt16(bigEndian: bound.sin_port)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        /// Connections waiting to be accepted (none means nothing tried to fetch).
        func pendingConnections() -> Int {
            var n = 0
            while true {
                let c = accept(fd, nil, nil)
                if c < 0 { return n }
                n += 1
                close(c)
            }
        }
        deinit { close(fd) }
    }

    static func makeBatch(in dir: URL, port: UInt16, heavy: Bool = true) throws -> [String: String] {
        let fm = FileManager.default
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        var expectBad: [String: String] = [:]  // file name -> a word the error must contain
        func write(_ name: String, _ data: Data) throws { try data.write(to: dir.appendingPathComponent(name)) }

        try write("good.txt", Data("A good article\n\nAt least 41 people died on Wednesday, officials said.\n".utf8))
        try write("empty.txt", Data())
        var rng = SystemRandomNumberGenerator()
        try write("random.txt", Data((0..<65536).map { _ in UInt8.random(in: 0...255, using: &rng) }))
        try write("nuls.txt", Data("Title\n\nNine\u{0} provinces\u{0}\u{0} fell in 6 days.\n".utf8))
        try write("invalid-utf8.txt", Data([0x54, 0x69, 0x74, 0x6C, 0x65, 0x0A, 0x0A, 0xC3, 0x28, 0x20, 0x31, 0x32, 0x20, 0x64, 0xFF, 0xFE, 0x0A]))
        try write("utf16-bom.txt", Data([0xFF, 0xFE]) + "Title\n\nTwelve of the 34 capitals.\n".data(using: .utf16LittleEndian)!)
        try write("utf16-nobom.txt", "Title\n\nTwelve of the 34 capitals fell.\n".data(using: .utf16LittleEndian)!)
        // A 10 MB single line and 300,000 numbers in one paragraph through the whole pipeline (the
        // 50 MB line goes through ingest in its own test: a debug build is what CI runs).
        if heavy {
            try write("long-line.txt", Data(("Title\n\n" + String(repeating: "word ", count: 2_000_000)).utf8))
            try write("many-numbers.txt", Data(("Title\n\n" + (1...300_000).map(String.init).joined(separator: " ")).utf8))
        }
        // HTML nested 200,000 deep, unclosed and truncated pages.
        try write("deep.html", Data(("<html><body>" + String(repeating: "<div>", count: 200_000) + "<p>Deep 7 words</p></body></html>").utf8))
        try write("truncated.html", Data("<html><head><title>Cut</title></head><body><p>Twelve of the 34 capitals <b><i>fell on".utf8))
        // Entities: billion laughs, a local file, a loopback URL.
        let laughs = "<!DOCTYPE html [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]><html><body><p>&g; 3 laughs</p></body></html>"
        try write("laughs.html", Data(laughs.utf8))
        try write("xxe-file.html", Data("<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><html><body><p>Secret: &x; and 5 more.</p></body></html>".utf8))
        try write("xxe-net.html", Data("<!DOCTYPE html [<!ENTITY x SYSTEM \"http://127.0.0.1:\(port)/x\">]><html><head><link rel=stylesheet href=\"http://127.0.0.1:\(port)/s.css\"></head><body><img src=\"http://127.0.0.1:\(port)/i.png\"><p>Net: &x; and 6 more.</p></body></html>".utf8))
        try write("lying-charset.html", Data("<html><head><meta charset=\"iso-8859-1\"><title>Løgn</title></head><body><p>Cirka 3.000 soldater blev sendt til Kabul på to døgn, siger ministeriet.</p></body></html>".utf8))
        // A folder that loops back on itself, a link to nothing, and a "file" that is a folder.
        let loop = dir.appendingPathComponent("loop")
        try fm.createDirectory(at: loop, withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: loop.appendingPathComponent("again").path, withDestinationPath: dir.path)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("vanished.txt").path, withDestinationPath: dir.appendingPathComponent("gone.txt").path)
        expectBad["vanished.txt"] = "vanished.txt"
        try fm.createDirectory(at: dir.appendingPathComponent("folder.txt"), withIntermediateDirectories: true)
        return expectBad
    }

    @Test func hostileBatchIsReportedWholeAndNothingIsFetched() throws {
        let listener = try Listener()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = try Self.makeBatch(in: dir, port: listener.port)

        let started = Date()
        let r = try CLI.run(["check", dir.path, "--format", "json"])
        let seconds = Date().timeIntervalSince(started)
        #expect(r.status == 0, "stderr: \(r.stderr.prefix(2000))")
        #expect(seconds < 400, "took \(seconds) s")
        #expect(listener.pendingConnections() == 0, "something was fetched from the loopback listener")

        let report = try #require(JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let ids = Set(((report["articles"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
        let claimsText = String(decoding: r.stdout, as: UTF8.self)
        #expect(!claimsText.contains("root:x:0:0"), "the local file entity was expanded")
        #expect(!claimsText.contains("lollollol"), "the billion-laughs entity was expanded")
        for id in ["good", "utf16-bom", "utf16-nobom", "long-line", "many-numbers", "deep", "truncated", "laughs", "xxe-file", "xxe-net", "lying-charset"] {
            #expect(ids.contains(id), "\(id) is missing from the report")
        }
        // Every input is in the report or named on standard error: nothing is lost silently.
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { name in
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path, isDirectory: &isDir)
            return name.contains(".") && !(exists && isDir.boolValue)
        }
        for name in names {
            let id = (name as NSString).deletingPathExtension
            #expect(ids.contains(id) || r.stderr.contains(name), "\(name) is neither reported nor named as an error; stderr: \(r.stderr.prefix(3000))")
        }
        for (name, word) in bad {
            #expect(r.stderr.contains(name) && r.stderr.lowercased().contains(word.lowercased()), "\(name) should be named with '\(word)'; stderr: \(r.stderr.prefix(1500))")
        }
        #expect(r.stderr.contains("loop"), "the symbolic-link loop should be reported")
    }

    /// A hang guard, not a speed measurement (that is the bench package's job): a quadratic step on
    /// one long line would take hours here.
    @Test(.timeLimit(.minutes(3)))
    func aFiftyMegabyteSingleLineIsIngested() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-line-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(("Title\n\n" + String(repeating: "word ", count: 10_000_000)).utf8).write(to: dir.appendingPathComponent("line.txt"))
        let r = try CLI.run(["ingest", dir.path, "--format", "json"])
        #expect(r.status == 0, "stderr: \(r.stderr.prefix(500))")
        #expect(r.stdout.count > 50_000_000)
    }

    @Test func sameHostileBatchTwiceGivesByteIdenticalJSON() throws {
        let listener = try Listener()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.makeBatch(in: dir, port: listener.port, heavy: false)
        // The random file differs between batches; within one batch two runs must match.
        let one = try CLI.run(["check", dir.path, "--format", "json"])
        let two = try CLI.run(["check", dir.path, "--format", "json"])
        #expect(one.stdout == two.stdout)
    }
}
