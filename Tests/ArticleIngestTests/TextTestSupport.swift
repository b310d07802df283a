import CrosscheckModel
import Foundation
@testable import ArticleIngest
import LanguageData

/// Paths and shared objects for the text-ingest tests.
enum TextTestSupport {
    /// The package root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static let store: LanguageStore = try! LanguageStore.builtIn()
    static let ingestor = Ingestor(languages: store)

    /// Ingests bytes as if read from `name` (no manifest beside it).
    static func ingest(_ text: String, name: String = "/nonexistent-dir/article.txt") throws -> Article {
        try ingestor.ingest(bytes: Array(text.utf8), file: InputFile(path: name))
    }

    /// Ingests a file from disk, ignoring any manifest beside it (the path gets a suffix the
    /// manifest does not list, and the id stays the file's).
    static func ingestWithoutManifest(_ relative: String) throws -> Article {
        let p = path(relative)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: p)))
        let id = InputFile.defaultID(for: p)
        let ext = (p as NSString).pathExtension
        return try ingestor.ingest(bytes: bytes, file: InputFile(path: "/nonexistent-dir/\(id).\(ext)", id: id))
    }
}

extension Article {
    /// Every sentence's text equals the bytes of `text` at its offsets.
    var sentenceOffsetsHold: Bool {
        let bytes = Array(text.utf8)
        return sentences.allSatisfy { s in
            s.start >= 0 && s.end <= bytes.count && s.start < s.end
                && String(decoding: bytes[s.start..<s.end], as: UTF8.self) == s.text
        }
    }

    var paragraphOffsetsHold: Bool {
        let bytes = Array(text.utf8)
        return paragraphs.allSatisfy { p in
            p.end <= bytes.count && String(decoding: bytes[p.start..<p.end], as: UTF8.self) == p.text
        }
    }

    func droppedTexts(_ reason: String? = nil) -> [String] {
        dropped.filter { reason == nil || $0.reason == reason }.map(\.text)
    }
}
