import CrosscheckModel
import Foundation
import LanguageData
#if canImport(Glibc)
import Glibc
#endif

/// Reads article files (plain text or HTML) into ``Article`` values.
///
/// One file's failure never stops a batch: ``ingest(_:)`` throws an ``IngestError`` naming the
/// file, and the caller goes on with the next one.
public struct Ingestor: Sendable {
    public let languages: LanguageStore
    /// Manifest rows given with `--manifest`; manifests found beside the inputs are merged under it.
    public let manifest: Manifest?
    let assembler: ArticleAssembler
    /// Per folder: whether the manifest beside its files can change nothing in the `--manifest`
    /// rows (there is none, or it is the same manifest for the same folder).
    let besideAddsNothing = FolderFlags()

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
        } else if let read = Self.readRegularFile(file.path) {
            bytes = read
        } else {
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: file.path, isDirectory: &isDir)
            if exists && isDir.boolValue {
                throw IngestError(path: file.path, reason: "is a folder, not an article file")
            }
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw IngestError(path: file.path, reason: exists ? "cannot be read (permission denied?)" : "vanished before it could be read")
            }
            bytes = Array(data)
        }
        return try ingest(bytes: bytes, file: file)
    }

    /// The bytes of a regular file, read straight into an array (one `open`, `fstat` and `read`s);
    /// nil for anything else (a folder, a file that cannot be opened or read), which then takes
    /// the `FileManager` route and its errors. `FileManager.contents` plus the copy out of its
    /// `Data` cost about 5,000 instructions a file.
    static func readRegularFile(_ path: String) -> [UInt8]? {
        #if canImport(Glibc)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        // One byte of room past the size: a read that fills it means the file grew meanwhile,
        // and the FileManager route reads it whole.
        let capacity = max(Int(st.st_size), 0) + 1
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { b, count in
            var filled = 0
            while filled < capacity {
                let n = read(fd, b.baseAddress! + filled, capacity - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    break
                }
                if n == 0 { break }
                filled += n
            }
            count = failed ? 0 : filled
        }
        return failed || bytes.count == capacity ? nil : bytes
        #else
        return nil
        #endif
    }

    /// Reads an article from bytes already in memory. `file.path` decides the format
    /// (`.html`/`.htm` are HTML; anything else is sniffed, then read as plain text).
    public func ingest(bytes: [UInt8], file: InputFile) throws -> Article {
        let (entry, manifestProblem) = manifestEntry(for: file)
        var doc: ExtractedDocument
        let plain: Bool
        if file.isHTML || (!file.isPlainText && HTMLSniffer.looksLikeHTML(bytes)) {
            doc = try HTMLReader.read(bytes: bytes, path: file.path)
            plain = false
        } else {
            doc = try PlainTextReader.read(bytes: bytes, path: file.path)
            plain = true
        }
        if let manifestProblem { doc.warnings.append(manifestProblem) }
        // The plain-text reader's blocks are collapsed already (PlainTextReader.read).
        return assembler.assemble(doc, file: file, manifest: entry, blocksCollapsed: plain)
    }

    /// The `--manifest` row, filled in from the row of a `manifest.csv` beside the file; and a
    /// warning when the manifest beside the file cannot be read.
    ///
    /// A batch given `--manifest` for the folder the manifest sits in (a benchmark corpus, the
    /// usual run) would look every file up twice and merge the row with itself: once per folder
    /// it is settled whether the manifest beside can add anything (``besideAddsNothing``), and
    /// when it cannot, the `--manifest` row is the answer.
    func manifestEntry(for file: InputFile) -> (Manifest.Entry?, String?) {
        guard let manifest, file.path != "-" else { return manifestEntryMerged(for: file) }
        let dir = PathText.deletingLastPathComponent(file.path)
        let addsNothing = besideAddsNothing.value(for: dir) {
            switch ManifestCache.shared.manifest(inFolder: dir.isEmpty ? "." : dir) {
            case .success(nil): return true
            case .success(let beside?): return (dir.isEmpty || manifest.folder == dir) && beside == manifest
            case .failure: return false
            }
        }
        return addsNothing ? (manifest.entry(for: file.path), nil) : manifestEntryMerged(for: file)
    }

    /// ``manifestEntry(for:)`` worked out in full: both rows looked up and merged.
    func manifestEntryMerged(for file: InputFile) -> (Manifest.Entry?, String?) {
        let given = manifest?.entry(for: file.path)
        guard file.path != "-" else { return (given, nil) }
        let dir = PathText.deletingLastPathComponent(file.path)
        let beside = ManifestCache.shared.manifest(inFolder: dir.isEmpty ? "." : dir)
        let besideEntry = (try? beside.get())?.entry(for: file.path, relativeTo: dir.isEmpty ? nil : dir)
        var problem: String?
        if case .failure(let error) = beside { problem = "manifest beside the file ignored: \(error)" }
        guard let given else { return (besideEntry, problem) }
        guard let besideEntry else { return (given, problem) }
        var merged = given
        merged.metadata = given.metadata.filled(from: besideEntry.metadata)
        merged.id = given.id ?? besideEntry.id
        return (merged, problem)
    }
}

/// Remembers `manifest.csv` files found beside the inputs, so each is read once.
final class ManifestCache: @unchecked Sendable {
    static let shared = ManifestCache()
    private let lock = NSLock()
    private var cache: [String: Result<Manifest?, IngestError>] = [:]

    /// nil inside: no manifest in the folder; a failure: one that cannot be read.
    func manifest(inFolder dir: String) -> Result<Manifest?, IngestError> {
        lock.lock(); defer { lock.unlock() }
        if let m = cache[dir] { return m }
        let path = (dir as NSString).appendingPathComponent("manifest.csv")
        let m: Result<Manifest?, IngestError>
        if FileManager.default.fileExists(atPath: path) {
            do { m = .success(try Manifest.load(path: path)) } catch let e as IngestError { m = .failure(e) } catch {
                m = .failure(IngestError(path: path, reason: "\(error)"))
            }
        } else {
            m = .success(nil)
        }
        cache[dir] = m
        return m
    }
}

/// A yes-or-no per folder, worked out once by the first file that asks.
final class FolderFlags: @unchecked Sendable {
    private let lock = NSLock()
    private var flags: [String: Bool] = [:]

    func value(for folder: String, _ decide: () -> Bool) -> Bool {
        lock.lock()
        if let known = flags[folder] { lock.unlock(); return known }
        lock.unlock()
        // Decided outside the lock (it may read a file); two threads may both decide, alike.
        let decided = decide()
        lock.lock(); defer { lock.unlock() }
        flags[folder] = decided
        return decided
    }
}

/// Decides whether bytes without a telling file name are HTML.
enum HTMLSniffer {
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") || head.contains("<p>")
    }
}
