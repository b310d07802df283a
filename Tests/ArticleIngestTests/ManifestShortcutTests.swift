import CrosscheckModel
import Foundation
@testable import ArticleIngest
import Testing

/// ``Ingestor/manifestEntry(for:)`` answers from the `--manifest` row alone only where the manifest
/// beside the files could add nothing, and then exactly as the full look-up and merge
/// (``Ingestor/manifestEntryMerged(for:)``) does.
@Suite struct ManifestShortcutTests {
    static let header = "path,outlet,published,language,url,id\n"

    /// A fresh folder with `manifest.csv` (when given) and the article files named.
    static func folder(_ manifest: String?, files: [String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("crosscheck-manifest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        if let manifest { try manifest.write(toFile: dir + "/manifest.csv", atomically: true, encoding: .utf8) }
        for f in files { try "Title\n\nBody text.\n".write(toFile: dir + "/" + f, atomically: true, encoding: .utf8) }
        return dir
    }

    static func expectSameAnswers(_ ingestor: Ingestor, _ paths: [String]) {
        for p in paths {
            let file = InputFile(path: p)
            // Twice: the first call settles the folder, the second uses what it settled.
            for _ in 0..<2 {
                let (entry, problem) = ingestor.manifestEntry(for: file)
                let (full, fullProblem) = ingestor.manifestEntryMerged(for: file)
                #expect(entry == full, "\(p)")
                #expect(problem == fullProblem, "\(p)")
            }
        }
    }

    @Test func sameManifestBesideGivesTheGivenRows() throws {
        let rows = Self.header + "a.txt,Wire,2021-08-15,fr,,id-a\nb.txt,,2021-08-12,,http://x,\n"
        let dir = try Self.folder(rows, files: ["a.txt", "b.txt", "c.txt"])
        let given = try Manifest.load(path: dir + "/manifest.csv")
        let ingestor = Ingestor(languages: TextTestSupport.store, manifest: given)
        Self.expectSameAnswers(ingestor, ["a.txt", "b.txt", "c.txt"].map { dir + "/" + $0 })
        let (entry, _) = ingestor.manifestEntry(for: InputFile(path: dir + "/a.txt"))
        #expect(entry?.metadata.outlet == "Wire")
        #expect(entry?.id == "id-a")
    }

    @Test func aDifferentManifestBesideStillFillsTheGivenRows() throws {
        let beside = Self.header + "a.txt,Beside Outlet,2020-01-01,de,http://beside,\nc.txt,Only Beside,,,,id-c\n"
        let dir = try Self.folder(beside, files: ["a.txt", "b.txt", "c.txt"])
        let other = try Self.folder(Self.header + "a.txt,Given,,,,\n", files: [])
        let given = try Manifest.load(path: other + "/manifest.csv")
        let ingestor = Ingestor(languages: TextTestSupport.store, manifest: given)
        Self.expectSameAnswers(ingestor, ["a.txt", "b.txt", "c.txt"].map { dir + "/" + $0 })
        let (c, _) = ingestor.manifestEntry(for: InputFile(path: dir + "/c.txt"))
        #expect(c?.metadata.outlet == "Only Beside")
        let (a, _) = ingestor.manifestEntry(for: InputFile(path: dir + "/a.txt"))
        #expect(a?.metadata.outlet == "Given")
        #expect(a?.metadata.url == "http://beside")
    }

    @Test func noManifestBesideAndAnUnreadableOne() throws {
        let plain = try Self.folder(nil, files: ["a.txt"])
        let broken = try Self.folder("outlet,url\nX,Y\n", files: ["a.txt"])
        let given = Manifest(entries: ["a.txt": .init(path: "a.txt", id: "given", metadata: PageMetadata(outlet: "G"))])
        let ingestor = Ingestor(languages: TextTestSupport.store, manifest: given)
        Self.expectSameAnswers(ingestor, [plain + "/a.txt", broken + "/a.txt", "-"])
        // The manifest beside without a path column is reported, shortcut or not.
        let (_, problem) = ingestor.manifestEntry(for: InputFile(path: broken + "/a.txt"))
        #expect(problem != nil)
        // Without `--manifest`, the rows beside are used as they are.
        let alone = Ingestor(languages: TextTestSupport.store)
        Self.expectSameAnswers(alone, [plain + "/a.txt", broken + "/a.txt"])
    }
}
