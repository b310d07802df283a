import CrosscheckModel
import Foundation
import LanguageData

/// Reads article files (plain text or HTML) into ``Article`` values.
///
/// One file's failure never stops a batch: ``ingest(_:)`` throws an ``IngestError`` naming the
/// file, and the caller goes on with the next one.
public struct Ingestor: Sendable {
    public let languages: LanguageStore
    /// Manifest rows given with `--manifest`; manifests found beside the inputs are merged under it.
    public let manifest: Manifest?
    let assembler: ArticleAssembler

    public init(languages: LanguageStore, manifest: Manifest? = nil) {
        self.languages = languages
        self.manifest = manifest
        self.assembler = ArticleAssembler(languages: languages)
    }

    /// Reads one file (or standard input for "-").
    public func ingest(_ file: InputFile) throws -> Article {
        let bytes: [UInt8]
        if file.path == "-" {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                var isDir: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: file.path, isDirectory: &isDir)
                throw IngestError(path: file.path, reason: exists ? "cannot be read (permission denied?)" : "vanished before it could be read")
            }
            bytes = Array(data)
        }
        return try ingest(bytes: bytes, file: file)
    }

    /// Reads an article from bytes already in memory. `file.path` decides the format
    /// (`.html`/`.htm` are HTML; anything else is sniffed, then read as plain text).
    public func ingest(bytes: [UInt8], file: InputFile) throws -> Article {
        let entry = manifestEntry(for: file)
        let doc: ExtractedDocument
        if file.isHTML || (file.path == "-" && HTMLSniffer.looksLikeHTML(bytes)) {
            doc = try HTMLReader.read(bytes: bytes, path: file.path)
        } else {
            doc = try PlainTextReader.read(bytes: bytes, path: file.path)
        }
        return assembler.assemble(doc, file: file, manifest: entry)
    }

    func manifestEntry(for file: InputFile) -> Manifest.Entry? {
        if let e = manifest?.entry(for: file.path) { return e }
        guard file.path != "-" else { return nil }
        let dir = (file.path as NSString).deletingLastPathComponent
        return ManifestCache.shared.manifest(inFolder: dir.isEmpty ? "." : dir)?.entry(for: file.path, relativeTo: dir)
    }
}

/// Remembers `manifest.csv` files found beside the inputs, so each is read once.
final class ManifestCache: @unchecked Sendable {
    static let shared = ManifestCache()
    private let lock = NSLock()
    private var cache: [String: Manifest?] = [:]

    func manifest(inFolder dir: String) -> Manifest? {
        lock.lock(); defer { lock.unlock() }
        if let m = cache[dir] { return m }
        let path = (dir as NSString).appendingPathComponent("manifest.csv")
        let m = FileManager.default.fileExists(atPath: path) ? try? Manifest.load(path: path) : nil
        cache[dir] = m
        return m
    }
}

/// Decides whether bytes without a telling file name are HTML.
enum HTMLSniffer {
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") || head.contains("<p>")
    }
}
