import CrosscheckModel
import Foundation
@testable import ArticleIngest
import Testing
import TestSupport

/// Hostile and broken pages: deep nesting, truncation, NUL bytes, a huge text node, binary
/// noise and external entities. None may crash; unreadable ones give an error naming the file.
@Suite struct HTMLRobustnessTests {
    @Test func nesting200000DeepIsWalkedWithoutRecursion() throws {
        let depth = 200_000
        var html = "<html><head><title>Deep</title></head><body>"
        html.reserveCapacity(depth * 11 + 200)
        for _ in 0..<depth { html += "<div>" }
        html += "<p>The deepest paragraph says 41 people were rescued from the flooded valley on Tuesday.</p>"
        for _ in 0..<depth { html += "</div>" }
        html += "</body></html>"
        let doc = try HTMLTestSupport.read(html, path: "deep.html")
        #expect(HTMLTestSupport.text(doc).contains("41 people were rescued"))
    }

    @Test func unclosedInlineTagsNestDeeplyToo() throws {
        let html = "<html><body><p>Start of the text that matters for the reader here.</p>"
            + String(repeating: "<b><i>", count: 50_000) + "Inner text with 7 figures and more words to read.</body></html>"
        let doc = try HTMLTestSupport.read(html, path: "unclosed.html")
        #expect(HTMLTestSupport.text(doc).contains("Inner text with 7 figures"))
    }

    @Test(arguments: [0.25, 0.5, 0.75, 0.9, 0.99])
    func truncatedPagesKeepWhatCameBeforeTheCut(_ fraction: Double) throws {
        let full = Array(HTMLTestSupport.page(head: "<title>Cut</title>", body: "<article>" + HTMLTestSupport.prose(8) + "</article>").utf8)
        let cut = Array(full.prefix(Int(Double(full.count) * fraction)))
        let doc = try HTMLReader.read(bytes: cut, path: "cut.html")
        if fraction >= 0.5 {
            #expect(HTMLTestSupport.text(doc).contains("Paragraph 1 of the report"))
        }
    }

    @Test func cutInsideATagAnEntityAndACharacter() throws {
        let base = HTMLTestSupport.page(body: "<article>" + HTMLTestSupport.prose(3) + "<p>Rødgrød &amp")
        for tail in ["", " <a href=\"x", " &#12", " <!-- never closed", " <script>var x = 1"] {
            var bytes = Array((base + tail).utf8)
            let doc = try HTMLReader.read(bytes: bytes, path: "cut.html")
            #expect(HTMLTestSupport.text(doc).contains("Paragraph 3 of the report"), "tail \(tail)")
            bytes.removeLast()   // half a character at the end
            _ = try? HTMLReader.read(bytes: bytes + [0xC3], path: "cut.html")
        }
    }

    @Test func nulBytesDoNotEndThePage() throws {
        var bytes = Array("<html><body><article><p>Before the zero byte, 12 homes</p>".utf8)
        bytes += [0, 0, 0]
        bytes += Array("<p>After the zero bytes, the council said 300 people were evacuated from the town.</p></article></body></html>".utf8)
        let doc = try HTMLReader.read(bytes: bytes, path: "nul.html")
        let t = HTMLTestSupport.text(doc)
        #expect(t.contains("300 people were evacuated"))
        #expect(!t.contains("\u{0}"))
    }

    @Test func aFiftyMegabyteTextNodeIsKeptWhole() throws {
        let word = "flood "
        let count = 50_000_000 / word.utf8.count
        var html = "<html><head><title>Big</title></head><body><article><p>"
        html.reserveCapacity(count * word.utf8.count + 300)
        for _ in 0..<count { html += word }
        html += "tail 7</p><p>A second paragraph after the giant one, with 3 figures.</p></article></body></html>"
        let doc = try HTMLTestSupport.read(html, path: "big.html")
        let big = try #require(doc.blocks.first { $0.text.hasPrefix("flood flood") })
        #expect(big.text.hasSuffix("tail 7"))
        #expect(big.text.utf8.count > 49_000_000)
        #expect(doc.blocks.contains { $0.text.contains("A second paragraph") })
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func randomBinaryNeverCrashes(_ seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let bytes = (0..<65_536).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        do {
            _ = try HTMLReader.read(bytes: bytes, path: "noise.html")
        } catch let e as IngestError {
            #expect(e.path == "noise.html")
            #expect(!e.reason.isEmpty)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test(arguments: [11, 12, 13])
    func randomTagSoupNeverCrashes(_ seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let pieces = ["<div>", "</div>", "<p>", "</p>", "<table><tr><td>", "<br>", "<br><br>", "text 41 ", "&amp;", "&#x",
                      "<script>", "</script>", "<!--", "-->", "<a href='x'>", "</a>", "<li>", "<h2>", "<article>", "\u{0}",
                      "<svg><title>x</title>", "<meta charset=latin1>", "æøå ", "<![CDATA[", "]]>", "<?php ?>", "<!DOCTYPE html [ <!ENTITY x SYSTEM 'file:///etc/passwd'> ]>"]
        var html = ""
        for _ in 0..<5_000 { html += pieces[Int(rng.next() % UInt64(pieces.count))] }
        do {
            let doc = try HTMLTestSupport.read(html, path: "soup.html")
            #expect(doc.dropped.count <= MainTextExtractor.maxDropped)
        } catch let e as IngestError {
            #expect(e.path == "soup.html")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func binaryDataIsAnErrorNamingTheFile() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 200) + [UInt8](repeating: 7, count: 200)
        #expect(throws: IngestError.self) { try HTMLReader.read(bytes: png, path: "image.png.html") }
        do { _ = try HTMLReader.read(bytes: png, path: "image.png.html") } catch let e as IngestError {
            #expect(e.path == "image.png.html")
            #expect(e.description.contains("image.png.html"))
        } catch { Issue.record("\(error)") }
    }

    @Test(arguments: ["<html></html>", "<html><body></body></html>", "<!-- only a comment -->", "<script>var a = 1;</script>"])
    func pagesWithoutTextAreErrors(_ html: String) {
        #expect(throws: IngestError.self) { try HTMLTestSupport.read(html, path: "empty-page.html") }
    }

    @Test func aPageWithOnlyATitleIsReadWithAWarning() throws {
        let doc = try HTMLTestSupport.read("<html><head><title>Only a title</title></head><body></body></html>", path: "t.html")
        #expect(doc.title == "Only a title")
        #expect(doc.blocks.isEmpty)
        #expect(doc.warnings.contains { $0.contains("t.html") })
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let secret = "CROSSCHECK-SECRET-\(UInt32.random(in: 1000...9999))"
        // The file's name must not hold the secret: the DTD's text itself may show up as text.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("html-xxe-\(UInt32.random(in: 0...UInt32.max)).txt")
        try secret.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let html = """
        <!DOCTYPE html [
          <!ENTITY x SYSTEM "\(url.absoluteString)">
          <!ENTITY y SYSTEM "file:///etc/passwd">
          <!ENTITY % p SYSTEM "\(url.absoluteString)"> %p;
        ]>
        <html><body><article><p>The council opened the tender on Tuesday. &x; &y; Bids close on 30 November, officials said.</p></article></body></html>
        """
        let doc = try HTMLTestSupport.read(html, path: "xxe.html")
        let all = HTMLTestSupport.text(doc) + doc.dropped.map(\.text).joined() + (doc.title ?? "")
        #expect(!all.contains(secret))
        #expect(!all.contains("root:"))
        #expect(HTMLTestSupport.text(doc).contains("Bids close on 30 November"))
    }

    @Test func externalEntityFixtureDoesNotContainPasswd() throws {
        let doc = try HTMLReader.read(bytes: try HTMLTestSupport.bytes("en-external-entity"), path: "en-external-entity.html")
        let t = HTMLTestSupport.text(doc)
        #expect(!t.contains("root:"))
        #expect(!t.contains("nologin"))
        #expect(t.contains("Around 350 homes"))
    }

    @Test func droppedFurnitureIsBounded() throws {
        let navs = (0..<500).map { "<nav>Menu item number \($0) " + String(repeating: "long words ", count: 50) + "</nav>" }.joined()
        let doc = try HTMLTestSupport.read(HTMLTestSupport.page(body: navs + "<article>" + HTMLTestSupport.prose(3) + "</article>"))
        #expect(doc.dropped.count <= MainTextExtractor.maxDropped)
        #expect(doc.dropped.allSatisfy { $0.text.count <= MainTextExtractor.maxDroppedChars + 1 })
        #expect(doc.dropped.contains { $0.reason == "navigation" })
    }
}
