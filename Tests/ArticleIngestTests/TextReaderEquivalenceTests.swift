import CrosscheckModel
import Foundation
import LanguageData
import Testing
@testable import ArticleIngest

/// The byte-level decoder, line reader and shape questions answer exactly as the code they
/// replaced (kept in Reference/) on random documents: crawl headers, front matter, Markdown,
/// wrapped lines, rules, CRLF, NULs, Windows-1252 bytes.
@Suite struct TextReaderEquivalenceTests {
    static let store = TextTestSupport.store

    static func document(_ corpus: inout ReferenceCorpus) -> String {
        var lines: [String] = []
        if corpus.chance(5) { lines += ["---", "title: \(corpus.block(maxPieces: 4))", "lang: da", "---"] }
        if corpus.chance(4) { lines.append("date 2021-08-1\(Int.random(in: 0...9, using: &corpus.rng)) " + corpus.block(maxPieces: 5)) }
        for _ in 0..<Int.random(in: 1...14, using: &corpus.rng) {
            switch Int.random(in: 0..<8, using: &corpus.rng) {
            case 0: lines.append("")
            case 1: lines.append(corpus.pick(["=====", "* * *", "---", "# " + corpus.block(maxPieces: 3), "- item one", "1. first", "> quoted"]))
            case 2: lines.append(corpus.block(maxPieces: 4))
            case 3:
                // A paragraph wrapped over several lines.
                for _ in 0..<Int.random(in: 2...4, using: &corpus.rng) { lines.append(corpus.block(maxPieces: 16)) }
            default: lines.append(corpus.block(maxPieces: 30))
            }
        }
        let sep = corpus.pick(["\n", "\n", "\n", "\r\n", "\r"])
        return lines.joined(separator: sep) + (corpus.chance(2) ? sep : "")
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func readersAgree(seed: UInt64) {
        var corpus = ReferenceCorpus(seed: seed, store: Self.store)
        var blocks = 0
        for _ in 0..<400 {
            let text = Self.document(&corpus)
            var bytes = Array(text.utf8)
            if corpus.chance(10) { bytes.insert(0, at: Int.random(in: 0...bytes.count, using: &corpus.rng)) }
            if corpus.chance(10) { bytes.insert(0x93, at: Int.random(in: 0...bytes.count, using: &corpus.rng)) }
            let new = Result { try TextDecoder.decode(bytes, path: "x.txt") }
            let old = Result { try OriginalTextDecoder.decode(bytes, path: "x.txt") }
            switch (new, old) {
            case let (.success(n), .success(o)):
                #expect(n.text == o.text && n.warning == o.warning && n.encoding.rawValue == o.encoding.rawValue)
                for markdown in [false, true] {
                    let a = PlainTextReader.read(text: n.text, markdown: markdown)
                    let b = OriginalPlainTextReader.read(text: o.text, markdown: markdown)
                    blocks += a.blocks.count
                    #expect(a == b, "\(text.debugDescription)")
                }
            case let (.failure(n), .failure(o)):
                #expect("\(n)" == "\(o)")
            default:
                Issue.record("decoders disagree on \(text.debugDescription)")
            }
        }
        #expect(blocks > 2000)
    }

    @Test(arguments: [4, 5] as [UInt64])
    func shapeAgrees(seed: UInt64) {
        var corpus = ReferenceCorpus(seed: seed, store: Self.store)
        for _ in 0..<3000 {
            let s = corpus.block(maxPieces: 8)
            #expect(Shape.collapseSpaces(s) == OriginalShape.collapseSpaces(s))
            #expect(Shape.lastMeaningful(s) == OriginalShape.lastMeaningful(s))
            #expect(Shape.endsSentence(s) == OriginalShape.endsSentence(s))
            #expect(Shape.looksLikeHeading(s) == OriginalShape.looksLikeHeading(s), "\(s.debugDescription)")
            #expect(Shape.wordCount(s) == OriginalShape.wordCount(s))
            #expect(Shape.startsLowercase(s) == OriginalShape.startsLowercase(s))
            #expect(Shape.startsUppercase(s) == OriginalShape.startsUppercase(s))
            for suffix in [",", "-", " -"] as [StaticString] {
                #expect(PlainTextReader.hasASCIISuffix(s, suffix) == s.hasSuffix(suffix.description), "\(s.debugDescription)")
            }
        }
    }

    @Test(arguments: ["---", " --- ", "\u{A0}---\u{FEFF}", "--", "----", "", " \t\r", "\u{FEFF}", "x", "---\u{301}", "\u{A0}", "é-"])
    func trimmedSpacesFollowsTrimmingSpaces(line: String) {
        let t = line.trimmingSpaces
        #expect((FrontMatter.trimmedSpaces(line) == nil) == t.isEmpty)
        #expect((FrontMatter.trimmedSpaces(line) == "---") == (t == "---"))
    }

    @Test(arguments: ["a,", ",", "\u{600},", "x -", "\u{600} -", " -", "-", "é,", "e\u{301},", ",\u{301}", "x", ""])
    func asciiSuffixFollowsGraphemes(line: String) {
        for suffix in [",", "-", " -"] as [StaticString] {
            #expect(PlainTextReader.hasASCIISuffix(line, suffix) == line.hasSuffix(suffix.description))
        }
    }

    @Test func crOrNULScanFindsEveryPosition() {
        for n in 0..<40 {
            for bad in [0x0D, 0x00] as [UInt8] {
                for at in 0..<max(n, 1) where n > 0 {
                    var b = [UInt8](repeating: 0x61, count: n)
                    b[at] = bad
                    #expect(b.withUnsafeBufferPointer(TextDecoder.containsCROrNUL))
                }
            }
            let clean = [UInt8](repeating: 0x8D, count: n) + [0x0C, 0x0E, 0xFF]
            #expect(!clean.withUnsafeBufferPointer(TextDecoder.containsCROrNUL))
        }
    }
}
