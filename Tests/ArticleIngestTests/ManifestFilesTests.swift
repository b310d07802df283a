import Foundation
@testable import ArticleIngest
import Testing

/// ``Manifest/load(path:)`` reads a file once per process (``ManifestFiles``): the same unchanged
/// file gives the same rows, through another spelling of its path with that path's folder, and a
/// file written again gives its new rows.
@Suite struct ManifestFilesTests {
    static let header = "path,outlet,published,language,url,id\n"

    @Test func anUnchangedFileIsReadOnceAndAChangedOneAgain() throws {
        let dir = try ManifestShortcutTests.folder(Self.header + "a.txt,First,2021-08-15,fr,,id-a\n", files: [])
        let path = dir + "/manifest.csv"
        let first = try Manifest.load(path: path)
        let identity = try #require(ManifestFiles.identity(of: path))
        #expect(ManifestFiles.shared.entries(for: identity) == first.entries)
        let again = try Manifest.load(path: path)
        #expect(again == first)
        #expect(again.entries["a.txt"]?.metadata.outlet == "First")

        // The same file by another path: the rows read before, the folder of this path.
        let other = try Manifest.load(path: dir + "/./manifest.csv")
        #expect(other.entries == first.entries)
        #expect(other.folder == dir + "/.")

        // Written again (another size, other times): read again.
        try (Self.header + "a.txt,Second outlet,2021-08-16,de,,id-a\nb.txt,New,,,,\n")
            .write(toFile: path, atomically: false, encoding: .utf8)
        #expect(ManifestFiles.identity(of: path) != identity)
        let changed = try Manifest.load(path: path)
        #expect(changed.entries["a.txt"]?.metadata.outlet == "Second outlet")
        #expect(changed.entries["b.txt"]?.metadata.outlet == "New")
        #expect(changed.folder == dir)
    }

    @Test func aFolderOrAMissingFileHasNoIdentity() throws {
        let dir = try ManifestShortcutTests.folder(nil, files: [])
        #expect(ManifestFiles.identity(of: dir) == nil)
        #expect(ManifestFiles.identity(of: dir + "/manifest.csv") == nil)
        #expect(throws: IngestError.self) { try Manifest.load(path: dir + "/manifest.csv") }
    }
}
