import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `manifest.csv`: per-file metadata that wins over what a page says.
///
/// Columns `path,outlet,published,language,url` (a header row names them; more columns are
/// ignored, empty cells are ignored). Rows are matched by file name, or by path relative to the
/// manifest's folder.
public struct Manifest: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var path: String
        public var id: String?
        public var metadata: PageMetadata
    }

    public var entries: [String: Entry]
    /// The folder the manifest was read from: rows may name files relative to it.
    public var folder: String?

    public init(entries: [String: Entry] = [:], folder: String? = nil) {
        self.entries = entries
        self.folder = folder
    }

    /// Reads a manifest file; errors name the file and line.
    ///
    /// A file read before in this process, unchanged since (same device, inode, size and change
    /// times), gives the rows read then (see `ManifestFiles`): a batch given `--manifest` for the
    /// folder its inputs are in reads that file once, not again as the manifest beside them, and
    /// the two rows dictionaries share their storage, so comparing them costs nothing.
    public static func load(path: String) throws -> Manifest {
        let identity = ManifestFiles.identity(of: path)
        let dir = (path as NSString).deletingLastPathComponent
        let folder = dir.isEmpty ? "." : dir
        if let identity, let entries = ManifestFiles.shared.entries(for: identity) {
            return Manifest(entries: entries, folder: folder)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IngestError(path: path, reason: "manifest cannot be read")
        }
        let text = String(decoding: data, as: UTF8.self)
        var m = try parse(text, path: path)
        m.folder = folder
        // Remembered only when the file still is what it was before it was read.
        if let identity, ManifestFiles.identity(of: path) == identity {
            ManifestFiles.shared.remember(m.entries, for: identity)
        }
        return m
    }

    public static func parse(_ text: String, path: String) throws -> Manifest {
        var rows = CSV.rows(text)
        guard !rows.isEmpty else { return Manifest() }
        let header = rows.removeFirst().map { trimmed($0).lowercased() }
        guard let pathCol = header.firstIndex(of: "path") else {
            throw IngestError(path: path, reason: "line 1: the header has no 'path' column")
        }
        func col(_ name: String) -> Int? { header.firstIndex(of: name) }
        let titleCol = col("title"), outletCol = col("outlet"), publishedCol = col("published")
        let languageCol = col("language"), urlCol = col("url"), idCol = col("id")
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(rows.count)
        for row in rows {
            func cell(_ i: Int?) -> String? {
                guard let i, i < row.count else { return nil }
                let v = trimmed(row[i])
                return v.isEmpty ? nil : v
            }
            guard let p = cell(pathCol) else { continue }
            let md = PageMetadata(title: cell(titleCol), outlet: cell(outletCol),
                                  published: cell(publishedCol), language: cell(languageCol)?.lowercased(),
                                  url: cell(urlCol), byline: nil)
            entries[p] = Entry(path: p, id: cell(idCol), metadata: md)
        }
        return Manifest(entries: entries)
    }

    /// `cell.trimmingCharacters(in: .whitespaces)`; a cell that starts and ends with an ASCII
    /// byte other than space and tab (or is empty) has nothing to trim and is returned as it is.
    static func trimmed(_ cell: String) -> String {
        let plain = cell.withUTF8Bytes { b in
            guard let first = b.first, let last = b.last else { return true }
            return first < 0x80 && first != 0x20 && first != 0x09 && last < 0x80 && last != 0x20 && last != 0x09
        }
        return plain ? cell : cell.trimmingCharacters(in: .whitespaces)
    }

    /// The entry for a file: by relative path, then by file name.
    public func entry(for filePath: String, relativeTo base: String? = nil) -> Entry? {
        let base = base ?? folder
        if let base {
            // ASCII paths without a carriage return: characters are bytes, so the prefix test and
            // the dropped characters are answered from the bytes.
            let relative: String?? = filePath.withUTF8Bytes { p in
                base.withUTF8Bytes { b in
                    guard Manifest.isPlainASCII(p), Manifest.isPlainASCII(b) else { return nil }
                    guard p.count > b.count, p[b.count] == 0x2F, memcmp(p.baseAddress!, b.baseAddress ?? p.baseAddress!, b.count) == 0 else { return .some(nil) }
                    return .some(String(decoding: UnsafeBufferPointer(rebasing: p[(b.count + 1)...]), as: UTF8.self))
                }
            }
            if let relative {
                if let relative, let e = entries[relative] { return e }
            } else if filePath.hasPrefix(base + "/"), let e = entries[String(filePath.dropFirst(base.count + 1))] {
                return e
            }
        }
        if let e = entries[filePath] { return e }
        return entries[(filePath as NSString).lastPathComponent]
    }

    /// ASCII without a carriage return (the one ASCII pair that makes one character).
    static func isPlainASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        !b.contains { $0 >= 0x80 || $0 == 0x0D }
    }

    /// Merges another manifest in; the other's rows win.
    public func merging(_ other: Manifest) -> Manifest {
        Manifest(entries: entries.merging(other.entries) { _, new in new }, folder: other.folder ?? folder)
    }
}

/// The rows of manifest files already read, by the file's identity (device, inode, size, and
/// modification and status-change times to the nanosecond): a file changed since gives another
/// identity and is read again.
final class ManifestFiles: @unchecked Sendable {
    struct Identity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var modifiedNanos: Int64
        var changed: Int64
        var changedNanos: Int64
    }

    static let shared = ManifestFiles()
    private let lock = NSLock()
    private var rows: [Identity: [String: Manifest.Entry]] = [:]

    /// The identity of the regular file at `path`, nil when it cannot be read by `stat` or is not a regular file.
    static func identity(of path: String) -> Identity? {
        #if canImport(Glibc)
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        return Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                        modified: Int64(st.st_mtim.tv_sec), modifiedNanos: Int64(st.st_mtim.tv_nsec),
                        changed: Int64(st.st_ctim.tv_sec), changedNanos: Int64(st.st_ctim.tv_nsec))
        #else
        return nil
        #endif
    }

    func entries(for identity: Identity) -> [String: Manifest.Entry]? {
        lock.lock(); defer { lock.unlock() }
        return rows[identity]
    }

    func remember(_ entries: [String: Manifest.Entry], for identity: Identity) {
        lock.lock(); defer { lock.unlock() }
        rows[identity] = entries
    }
}

/// A small RFC 4180 reader: quoted fields, doubled quotes, CRLF. Reads the UTF-8 bytes: every
/// character it looks for is ASCII, and the bytes between them are copied as they are.
enum CSV {
    static func rows(_ text: String) -> [[String]] {
        text.withUTF8Bytes { b in
            var rows: [[String]] = []
            var row: [String] = []
            // Room for as many cells as the widest row so far, reserved once per row rather
            // than grown cell by cell (four allocations for a row of five).
            var width = 0
            @inline(__always) func nextRow(_ row: inout [String]) {
                width = Swift.max(width, row.count)
                row = []
                row.reserveCapacity(width)
            }
            // A field with no quote and no carriage return is the bytes from `start` to here;
            // the first quote or carriage return moves it into `field`, read byte by byte.
            var field: [UInt8] = []
            var start = 0
            var copied = false
            var inQuotes = false
            func take(_ end: Int) -> String {
                if !copied { return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self) }
                defer { field.removeAll(keepingCapacity: true); copied = false }
                return String(decoding: field, as: UTF8.self)
            }
            var i = 0
            while i < b.count {
                let c = b[i]
                i += 1
                if !copied {
                    switch c {
                    case 0x2C: row.append(take(i - 1)); start = i; continue
                    case 0x0A:
                        row.append(take(i - 1)); start = i
                        if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                        nextRow(&row)
                        continue
                    case 0x22, 0x0D:
                        field.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<(i - 1)]))
                        copied = true
                    default: continue
                    }
                }
                if inQuotes {
                    if c == 0x22 {
                        if i < b.count, b[i] == 0x22 { field.append(0x22); i += 1 } else { inQuotes = false }
                    } else { field.append(c) }
                    continue
                }
                switch c {
                case 0x22: inQuotes = true
                case 0x2C: row.append(take(i - 1)); start = i
                case 0x0D: continue
                case 0x0A:
                    row.append(take(i - 1)); start = i
                    if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                    nextRow(&row)
                default: field.append(c)
                }
            }
            let pending = copied ? !field.isEmpty : start < b.count
            if pending || !row.isEmpty { row.append(take(b.count)); rows.append(row) }
            return rows
        }
    }
}
