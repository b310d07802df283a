import Foundation
import Testing
@testable import ArticleIngest

/// Whether a path names plain text, Markdown or HTML is answered from its bytes as the
/// `String` questions answered it: `pathExtension(path).lowercased()` compared with the names,
/// and `path.lowercased().hasSuffix(".md" or ".markdown")`.
@Suite struct PathKindTests {
    static let paths = PathAndManifestEquivalenceTests.paths + [
        "a.TXT", "a.Md", "dir/x.MarkDown", "x.text", "x.htm", "x.HTM", "x.Html", "x.html5", "x.tx", "x.txtx",
        "dir.md/file", "dir/file.md/", "a.mar\u{212A}down", "a.\u{212A}md", "\u{0600}.md", "é.md", "é.html",
        "dir/ø.txt", ".md", ".markdown", "md", "x.md ", "x. md", "a\r\n.md", "x.m\u{301}d", "x.md\u{301}",
        "/tmp/t1/a000001.txt", "/tmp/real/page-01.HTML", "a//b.html", "dir/.html", "a.html.", "x.markdown",
    ]

    @Test(arguments: paths)
    func kindsAgreeWithTheStringQuestions(path: String) {
        let ext = (path as NSString).pathExtension.lowercased()
        let file = InputFile(path: path)
        #expect(file.isPlainText == (ext == "txt" || ext == "md" || ext == "markdown" || ext == "text"))
        #expect(file.isHTML == (ext == "html" || ext == "htm"))
        let lower = path.lowercased()
        #expect(PlainTextReader.isMarkdownPath(path) == (lower.hasSuffix(".md") || lower.hasSuffix(".markdown")))
    }

    @Test func bytesAnswerPlainASCIIPathsOnly() {
        #expect(PathText.extensionIs("/tmp/t1/a000001.TXT", oneOf: ["txt"]) == true)
        #expect(PathText.extensionIs("dir/a.htm", oneOf: ["html"]) == false)
        #expect(PathText.extensionIs("dir/noext", oneOf: ["txt"]) == false)
        #expect(PathText.extensionIs("dir/é.txt", oneOf: ["txt"]) == nil)
        #expect(PathText.extensionIs("a//b.txt", oneOf: ["txt"]) == nil)
        #expect(PathText.extensionIs(".txt", oneOf: ["txt"]) == nil)
    }
}
