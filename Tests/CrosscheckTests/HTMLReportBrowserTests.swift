import Foundation
import Testing

/// The HTML report in a real headless browser (Chromium from Debian's packages; `.ci/run`
/// installs it): article text carrying scripts and event handlers must stay inert text, and the
/// page must render at phone width.
@Suite(.serialized) struct HTMLReportBrowserTests {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let marker = "data-pwned"
    static let payloads = [
        "<script>document.body.setAttribute('data-pwned','script')</script>",
        "<img src=x onerror=\"document.body.setAttribute('data-pwned','onerror')\">",
        "<a href=\"javascript:document.body.setAttribute('data-pwned','href')\">click</a>",
        "<svg onload=\"document.body.setAttribute('data-pwned','svg')\"></svg>",
    ]

    /// Two hostile articles that disagree, so their quotes land in a conflict finding.
    func hostileBatch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-xss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let p = Self.payloads.joined(separator: " ")
        try Data("""
        <html lang="en"><head><title>Floods \(p.replacingOccurrences(of: "<", with: "&lt;"))</title>
        <meta property="og:site_name" content="Evil &quot;&gt;&lt;script&gt;document.body.setAttribute('data-pwned','meta')&lt;/script&gt;">
        <meta property="article:published_time" content="2026-10-14"></head>
        <body><article><h1>Floods kill dozens</h1>
        <p>At least 41 people have died in the floods on Wednesday, officials said. &lt;script&gt;document.body.setAttribute('data-pwned','text')&lt;/script&gt; &lt;img src=x onerror="document.body.setAttribute('data-pwned','text-img')"&gt;</p>
        </article></body></html>
        """.utf8).write(to: dir.appendingPathComponent("evil.html"))
        try Data("""
        Floods in the east

        Exactly 37 people have died in the floods on Wednesday, officials said. \(p)
        """.utf8).write(to: dir.appendingPathComponent("other.txt"))
        return dir
    }

    func runChromium(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(Self.chromium))
        p.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                       "--disable-extensions", "--virtual-time-budget=3000"] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium): browser test skipped"))
    func hostileArticleTextStaysInertInTheRenderedPage() throws {
        let dir = try hostileBatch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("report.html")
        let r = try CLI.run(["check", dir.path, "--format", "html", "--output", page.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")

        let dom = try runChromium(["--dump-dom", page.absoluteString])
        #expect(dom.contains("<title>Cross-check report</title>"), "the page did not render: \(dom.prefix(500))")
        #expect(!dom.contains(Self.marker + "="), "an article payload ran in the browser")
        #expect(!dom.contains("<img src=\"x\""), "an article <img> became an element")
        #expect(!dom.contains("<svg onload"), "an article <svg> became an element")
        #expect(dom.contains("&lt;script&gt;"), "article markup should be visible as text")
        #expect(dom.contains("class=\"finding"), "no finding was rendered")
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed: browser test skipped"))
    func reportRendersAtPhoneWidth() throws {
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-seeds-\(UUID().uuidString).html")
        let shot = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-seeds-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: page); try? FileManager.default.removeItem(at: shot) }
        let r = try CLI.run(["check", "seeds", "--format", "html", "--output", page.path])
        #expect(r.status == 0)
        _ = try runChromium(["--window-size=412,915", "--hide-scrollbars", "--screenshot=\(shot.path)", page.absoluteString])
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "no PNG screenshot")
        #expect(png.count > 5_000, "the screenshot is suspiciously small (\(png.count) bytes)")
        // The DOM at that width still lists every seed article.
        let dom = try runChromium(["--window-size=412,915", "--dump-dom", page.absoluteString])
        #expect(dom.components(separatedBy: "<li><strong>").count - 1 == 4)
    }
}
