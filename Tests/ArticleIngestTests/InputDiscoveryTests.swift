import Foundation
import Testing
@testable import ArticleIngest

@Suite(.serialized) struct InputDiscoveryTests {
    /// A fresh temporary folder, removed after `body`.
    func withTempFolder(_ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-text-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try body(dir)
    }

    func write(_ path: String, _ text: String = "Title\n\nText.\n") throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func mixedExtensionsRecursiveSortedAndHiddenSkipped() throws {
        try withTempFolder { dir in
            for name in ["b.txt", "a.md", "c.html", "d.HTM", "notes.csv", "image.png", ".hidden.txt", "sub/e.txt", "manifest.csv"] {
                try write("\(dir)/\(name)")
            }
            let (files, errors) = InputDiscovery.discover([dir])
            #expect(errors.isEmpty)
            #expect(files.map { ($0.path as NSString).lastPathComponent } == ["a.md", "b.txt", "c.html", "d.HTM", "e.txt"])
            #expect(files.map(\.id) == ["a", "b", "c", "d", "e"])
        }
    }

    @Test func explicitFileOfAnyExtensionIsTakenAndMissingPathIsAnError() throws {
        try withTempFolder { dir in
            try write("\(dir)/article.data")
            let (files, errors) = InputDiscovery.discover(["\(dir)/article.data", "\(dir)/missing.txt", "-"])
            #expect(files.map(\.id) == ["article", "stdin"])
            #expect(errors.count == 1)
            #expect(errors.first?.path == "\(dir)/missing.txt")
        }
    }

    @Test(arguments: [("x/2021.08.11.story.txt", "2021.08.11.story"), ("plain", "plain"), ("dir/a.b/c.md", "c"), ("-", "stdin")])
    func articleIDIsTheFileNameWithoutExtension(path: String, id: String) {
        #expect(InputFile(path: path).id == id)
    }

    @Test func symbolicLinkLoopIsReportedAndDoesNotHang() throws {
        try withTempFolder { dir in
            try write("\(dir)/top/a.txt")
            try FileManager.default.createSymbolicLink(atPath: "\(dir)/top/loop", withDestinationPath: "\(dir)/top")
            let (files, errors) = InputDiscovery.discover(["\(dir)/top"])
            #expect(files.map(\.id) == ["a"])
            #expect(errors.contains { $0.path.hasSuffix("top/loop") && $0.reason.contains("loop") })
        }
    }

    /// The shortcut for plain files (one `lstat` instead of resolving every component) must give
    /// what resolving the whole path gives, so that a file named twice is still taken once.
    @Test func plainChildrenGetTheSameCanonicalPathAsAFullResolve() throws {
        try withTempFolder { dir in
            try write("\(dir)/real/a.txt")
            try write("\(dir)/real/b c é.txt")
            try FileManager.default.createSymbolicLink(atPath: "\(dir)/via", withDestinationPath: "\(dir)/real")
            try FileManager.default.createSymbolicLink(atPath: "\(dir)/real/link.txt", withDestinationPath: "\(dir)/real/a.txt")
            let real = URL(fileURLWithPath: "\(dir)/via").resolvingSymlinksInPath().standardizedFileURL.path
            for name in ["a.txt", "b c é.txt", "link.txt"] {
                let full = URL(fileURLWithPath: "\(dir)/via/\(name)").resolvingSymlinksInPath().standardizedFileURL.path
                #expect(InputDiscovery.canonical(child: name, of: real, path: "\(dir)/via/\(name)") == full)
            }
            // The folder through its link, the folder itself and one file by name: each file once,
            // and the link to a.txt is a.txt again.
            let (files, errors) = InputDiscovery.discover(["\(dir)/via", "\(dir)/real", "\(dir)/real/a.txt"])
            #expect(errors.isEmpty)
            #expect(files.map(\.id).sorted() == ["a", "b c é"])
        }
    }

    @Test func twoLinksToOneFolderAreNotALoop() throws {
        try withTempFolder { dir in
            try write("\(dir)/shared/a.txt")
            try FileManager.default.createDirectory(atPath: "\(dir)/in", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: "\(dir)/in/one", withDestinationPath: "\(dir)/shared")
            try FileManager.default.createSymbolicLink(atPath: "\(dir)/in/two", withDestinationPath: "\(dir)/shared")
            let (files, errors) = InputDiscovery.discover(["\(dir)/in"])
            #expect(files.count == 1)
            #expect(errors.isEmpty)
        }
    }

    /// The one `lstat` that stands in for `fileExists` answers only for entries that are not links,
    /// and then as `fileExists` does.
    @Test func oneLstatAnswersForEntriesThatAreNotLinks() throws {
        try withTempFolder { dir in
            try write("\(dir)/a.txt")
            try FileManager.default.createDirectory(atPath: "\(dir)/sub", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: "\(dir)/link.txt", withDestinationPath: "\(dir)/a.txt")
            try FileManager.default.createSymbolicLink(atPath: "\(dir)/linkdir", withDestinationPath: "\(dir)/sub")
            for (name, answers) in [("a.txt", true), ("sub", true), ("link.txt", false), ("linkdir", false), ("missing", false)] {
                var isDir: ObjCBool = false
                var expected: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: "\(dir)/\(name)", isDirectory: &expected)
                #expect(InputDiscovery.existsNotALink("\(dir)/\(name)", isDirectory: &isDir) == answers, "\(name)")
                if answers { #expect(exists && isDir.boolValue == expected.boolValue, "\(name)") }
            }
            let (files, errors) = InputDiscovery.discover([dir])
            // The link to a.txt is the same file (taken once); the linked folder is sub, empty.
            #expect(files.map(\.id) == ["a"] && errors.isEmpty)
        }
    }

    @Test func danglingLinkIsReported() throws {
        try withTempFolder { dir in
            try write("\(dir)/a.txt")
            try FileManager.default.createSymbolicLink(atPath: "\(dir)/gone.txt", withDestinationPath: "\(dir)/nothing-here.txt")
            let (files, errors) = InputDiscovery.discover([dir])
            #expect(files.map(\.id) == ["a"])
            #expect(errors.contains { $0.path.hasSuffix("gone.txt") })
        }
    }

    @Test func aLinkToItselfNamedOnTheCommandLineIsReported() throws {
        try withTempFolder { dir in
            try FileManager.default.createSymbolicLink(atPath: "\(dir)/self.txt", withDestinationPath: "\(dir)/self.txt")
            let (files, errors) = InputDiscovery.discover(["\(dir)/self.txt"])
            #expect(files.isEmpty)
            #expect(errors.map(\.reason) == ["a symbolic link to nothing (or a link loop)"])
        }
    }

    @Test func vanishedFileIsAnErrorNamingIt() throws {
        try withTempFolder { dir in
            try write("\(dir)/a.txt")
            let (files, _) = InputDiscovery.discover([dir])
            try FileManager.default.removeItem(atPath: "\(dir)/a.txt")
            let file = try #require(files.first)
            #expect {
                try TextTestSupport.ingestor.ingest(file)
            } throws: { error in
                (error as? IngestError).map { $0.path == file.path && $0.reason.contains("vanished") } ?? false
            }
        }
    }

    @Test func aFolderGivenAsAFileIsAnError() throws {
        try withTempFolder { dir in
            #expect {
                try TextTestSupport.ingestor.ingest(InputFile(path: dir))
            } throws: { error in
                (error as? IngestError).map { $0.path == dir && $0.reason.contains("folder") } ?? false
            }
        }
    }

    @Test(.enabled(if: getuid() != 0, "root can read any file"))
    func unreadableFileIsAnErrorNamingIt() throws {
        try withTempFolder { dir in
            try write("\(dir)/secret.txt")
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: "\(dir)/secret.txt")
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: "\(dir)/secret.txt") }
            #expect {
                try TextTestSupport.ingestor.ingest(InputFile(path: "\(dir)/secret.txt"))
            } throws: { error in
                (error as? IngestError).map { $0.path.hasSuffix("secret.txt") && $0.reason.contains("cannot be read") } ?? false
            }
        }
    }

    @Test func manifestBesideTheInputsIsUsedAndABrokenOneIsAWarning() throws {
        try withTempFolder { dir in
            try write("\(dir)/good/a.txt")
            try write("\(dir)/good/manifest.csv", "path,outlet,published,language\na.txt,The Outlet,2024-01-02,da\n")
            let a = try TextTestSupport.ingestor.ingest(InputFile(path: "\(dir)/good/a.txt"))
            #expect(a.outlet == "The Outlet" && a.published == "2024-01-02" && a.language == "da")

            try write("\(dir)/bad/b.txt")
            try write("\(dir)/bad/manifest.csv", "outlet,published\nx,y\n")
            let b = try TextTestSupport.ingestor.ingest(InputFile(path: "\(dir)/bad/b.txt"))
            #expect(b.warnings.contains { $0.contains("manifest.csv") })
        }
    }

    @Test func givenManifestWinsFieldByFieldOverTheOneBeside() throws {
        try withTempFolder { dir in
            try write("\(dir)/a.txt")
            try write("\(dir)/manifest.csv", "path,outlet,published\na.txt,Beside,2024-01-02\n")
            let given = try Manifest.parse("path,outlet\na.txt,Given\n", path: "given.csv")
            let ingestor = Ingestor(languages: TextTestSupport.store, manifest: given)
            let a = try ingestor.ingest(InputFile(path: "\(dir)/a.txt"))
            #expect(a.outlet == "Given")
            #expect(a.published == "2024-01-02")
        }
    }

    @Test func givenManifestRowsMayNameFilesRelativeToTheManifestsFolder() throws {
        try withTempFolder { dir in
            try write("\(dir)/data/sub/a.txt")
            try write("\(dir)/data/other/a.txt")
            try write("\(dir)/data/list.csv", "path,outlet\nsub/a.txt,Sub outlet\n")
            let ingestor = Ingestor(languages: TextTestSupport.store, manifest: try Manifest.load(path: "\(dir)/data/list.csv"))
            #expect(try ingestor.ingest(InputFile(path: "\(dir)/data/sub/a.txt")).outlet == "Sub outlet")
            #expect(try ingestor.ingest(InputFile(path: "\(dir)/data/other/a.txt")).outlet == nil)
        }
    }

    @Test func htmlIsSniffedForFilesWithoutATextExtension() {
        #expect(HTMLSniffer.looksLikeHTML(Array("<!DOCTYPE html><html><body><p>x</p></body></html>".utf8)))
        #expect(!HTMLSniffer.looksLikeHTML(Array("Title\n\nPlain text.".utf8)))
        #expect(InputFile(path: "a.TXT").isPlainText && InputFile(path: "b.md").isPlainText && !InputFile(path: "c").isPlainText)
    }
}
