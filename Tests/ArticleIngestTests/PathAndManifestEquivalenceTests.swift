import Foundation
import Testing
@testable import ArticleIngest

/// The byte-level path questions, CSV reader and cell trimming answer as `NSString`, the old CSV
/// reader and `trimmingCharacters(in: .whitespaces)` do.
@Suite struct PathAndManifestEquivalenceTests {
    static let paths = [
        "a.txt", "/tmp/t1/a000001.txt", "dir/sub/x.HTML", "./a.md", "../a.md", "/a", "/", "", "ab", "a//b.txt",
        "/tmp//x.txt", ".hidden", "dir/.hidden", "a.", "dir/a.", "..", "dir/..", "dir/.", "a.b.c", "dir.d/file",
        "dir.d/file.", "/x.txt/", "ø/æ.txt", "dir/æ.tæt", "a.tar.gz", "a b/c d.txt", "dir/x..txt", "dir/...",
    ]

    @Test(arguments: paths)
    func pathsAgreeWithNSString(path: String) {
        #expect(PathText.deletingLastPathComponent(path) == (path as NSString).deletingLastPathComponent)
        #expect(PathText.pathExtension(path) == (path as NSString).pathExtension)
    }

    /// The id read from the bytes is the one `NSString`'s last component minus its extension gives.
    @Test(arguments: paths + ["dir/a\r\nb.t\r\nx", "/tmp/t1/a000001.TXT", "x/y.z/w", "dir/ab.c", "é.txt"])
    func defaultIDAgreesWithNSString(path: String) {
        let name = (path as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension
        let old = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        #expect(InputFile.defaultID(for: path) == old)
    }

    @Test func fileStemAnswersPlainASCIIPathsOnly() {
        #expect(PathText.fileStem("/tmp/t1/a000001.txt") == "a000001")
        #expect(PathText.fileStem("dir/a.tar.gz") == "a.tar")
        #expect(PathText.fileStem("dir/noext") == "noext")
        #expect(PathText.fileStem("dir/.hidden") == nil)
        #expect(PathText.fileStem("dir/a.") == nil)
        #expect(PathText.fileStem("dir//a.txt") == nil)
        #expect(PathText.fileStem("dir/æ.txt") == nil)
    }

    /// `NSString` on Linux stops the program for a one-character relative path ("a"): the byte
    /// version answers as it does for any other single component.
    @Test(arguments: ["a", "x", "-", "."])
    func oneCharacterPathsDoNotCrash(path: String) {
        #expect(PathText.deletingLastPathComponent(path) == "")
        #expect(PathText.pathExtension(path) == "")
    }

    @Test func csvAgrees() {
        var rng = ReferenceCorpus.Generator(seed: 7)
        let pieces = ["a", "b", "\"", "\"\"", ",", "\n", "\r\n", "\r", " ", "é", "æ ø", "x.txt", "\t", "\u{A0}", "\u{2003}"]
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...30, using: &rng) { s += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            #expect(CSV.rows(s) == OriginalCSV.rows(s), "\(s.debugDescription)")
            #expect(Manifest.trimmed(s) == s.trimmingCharacters(in: .whitespaces), "\(s.debugDescription)")
        }
    }
}
