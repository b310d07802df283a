import Foundation
import LanguageData
import Testing

/// The byte-level table reader: what counts as a row, how fields are cut and trimmed, and line
/// numbers (which `crosscheck explain` shows as a row's origin).
@Suite struct TableParsingTests {
    func rows(_ text: String) throws -> [TableRow] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("table-\(UUID().uuidString).tsv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try LanguageStore.parseTable(url: url, name: "t.tsv", language: "xx")
    }

    @Test func fieldsAreCutAtTabsAndTrimmed() throws {
        let r = try rows("  tre \t3\t  note  \n")
        #expect(r.map(\.fields) == [["tre", "3", "note"]])
        #expect(r.first?.origin == "xx/t.tsv:1")
    }

    @Test func blankAndCommentLinesAreSkippedButCounted() throws {
        let r = try rows("# header\n\n \t \n  # indented comment\nfire\t4\n")
        #expect(r.map(\.fields) == [["fire", "4"]])
        #expect(r.map(\.line) == [5])
    }

    @Test func windowsLineEndsAndAMissingFinalNewline() throws {
        let r = try rows("en\t1\r\nto\t2\r\ntre\t3")
        #expect(r.map(\.fields) == [["en", "1"], ["to", "2"], ["tre", "3"]])
        #expect(r.map(\.line) == [1, 2, 3])
    }

    @Test func emptyFieldsAreKept() throws {
        let r = try rows("a\t\tc\t\n")
        #expect(r.first?.fields == ["a", "", "c", ""])
        #expect(r.first?[1] == nil)
        #expect(r.first?[2] == "c")
    }

    @Test func unicodeSpacesAreTrimmedButLettersAreNot() throws {
        // U+00A0 and U+2009 around a field go; a letter made of several bytes stays whole.
        let r = try rows("\u{00A0}tusind\u{2009}\t1000\u{00A0}\nøre\tÆ\n")
        #expect(r.map(\.fields) == [["tusind", "1000"], ["øre", "Æ"]])
    }

    @Test func invalidUTF8IsAnErrorNamingTheTable() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).tsv")
        try Data([0x61, 0x09, 0xFF, 0xFE, 0x0A]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            _ = try LanguageStore.parseTable(url: url, name: "bad.tsv", language: "xx")
        } throws: { error in
            "\(error)".contains("xx/bad.tsv") && "\(error)".contains("UTF-8")
        }
    }

    @Test func buildsEveryLanguageAndThrowsTheFirstErrorInCodeOrder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("langs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for code in ["xb", "xa", "xc"] {
            let dir = root.appendingPathComponent(code)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data("word\t\(code)\n".utf8).write(to: dir.appendingPathComponent("t.tsv"))
        }
        let store = try LanguageStore(root: root)
        let built = try store.buildPerLanguage { $0.rows("t.tsv").first?[1] ?? "" }
        #expect(built == ["xa": "xa", "xb": "xb", "xc": "xc"])
        struct Failed: Error, Equatable { var code: String }
        #expect(throws: Failed(code: "xb")) {
            _ = try store.buildPerLanguage { pack -> Int in
                if pack.code != "xa" { throw Failed(code: pack.code) }
                return 1
            }
        }
    }
}
