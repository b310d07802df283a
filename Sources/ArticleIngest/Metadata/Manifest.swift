import Foundation

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
    public static func load(path: String) throws -> Manifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IngestError(path: path, reason: "manifest cannot be read")
        }
        let text = String(decoding: data, as: UTF8.self)
        var m = try parse(text, path: path)
        let dir = (path as NSString).deletingLastPathComponent
        m.folder = dir.isEmpty ? "." : dir
        return m
    }

    public static func parse(_ text: String, path: String) throws -> Manifest {
        var rows = CSV.rows(text)
        guard !rows.isEmpty else { return Manifest() }
        let header = rows.removeFirst().map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let pathCol = header.firstIndex(of: "path") else {
            throw IngestError(path: path, reason: "line 1: the header has no 'path' column")
        }
        func col(_ name: String) -> Int? { header.firstIndex(of: name) }
        var entries: [String: Entry] = [:]
        for row in rows {
            func cell(_ i: Int?) -> String? {
                guard let i, i < row.count else { return nil }
                let v = row[i].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            guard let p = cell(pathCol) else { continue }
            let md = PageMetadata(title: cell(col("title")), outlet: cell(col("outlet")),
                                  published: cell(col("published")), language: cell(col("language"))?.lowercased(),
                                  url: cell(col("url")), byline: nil)
            entries[p] = Entry(path: p, id: cell(col("id")), metadata: md)
        }
        return Manifest(entries: entries)
    }

    /// The entry for a file: by relative path, then by file name.
    public func entry(for filePath: String, relativeTo base: String? = nil) -> Entry? {
        let base = base ?? folder
        if let base, filePath.hasPrefix(base + "/"), let e = entries[String(filePath.dropFirst(base.count + 1))] {
            return e
        }
        if let e = entries[filePath] { return e }
        return entries[(filePath as NSString).lastPathComponent]
    }

    /// Merges another manifest in; the other's rows win.
    public func merging(_ other: Manifest) -> Manifest {
        Manifest(entries: entries.merging(other.entries) { _, new in new }, folder: other.folder ?? folder)
    }
}

/// A small RFC 4180 reader: quoted fields, doubled quotes, CRLF.
enum CSV {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var it = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let n = it.next() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = n }
                    } else { inQuotes = false }
                } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"": inQuotes = true
            case ",": row.append(field); field = ""
            case "\r": continue
            case "\n":
                row.append(field); field = ""
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row = []
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
