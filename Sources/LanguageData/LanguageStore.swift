import CrosscheckModel
import Foundation

/// Finds and loads the language folders.
///
/// The built-in folders ship as a resource of this module. `CROSSCHECK_LANGUAGES` (a folder of
/// language folders) replaces them, for lexicon authors trying out a change without a rebuild.
public struct LanguageStore: Sendable {
    public let root: URL
    public let packs: [String: LanguagePack]

    /// An error in a language folder, naming the file and line.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var line: Int?
        public var problem: String

        public init(file: String, line: Int?, problem: String) {
            self.file = file
            self.line = line
            self.problem = problem
        }

        public var description: String {
            line.map { "\(file):\($0): \(problem)" } ?? "\(file): \(problem)"
        }
    }

    /// The built-in languages (or those under `CROSSCHECK_LANGUAGES`).
    public static func builtIn() throws -> LanguageStore {
        if let dir = ProcessInfo.processInfo.environment["CROSSCHECK_LANGUAGES"], !dir.isEmpty {
            return try LanguageStore(root: URL(fileURLWithPath: dir))
        }
        return try shared.get()
    }

    /// Loaded once per process; packs are immutable.
    private static let shared: Result<LanguageStore, any Error> = Result {
        guard let url = Bundle.module.url(forResource: "Languages", withExtension: nil) else {
            throw LoadError(file: "Languages", line: nil, problem: "the built-in language folder is missing from the bundle")
        }
        return try LanguageStore(root: url)
    }

    /// Loads every folder under `root` whose name is a language code.
    public init(root: URL) throws {
        self.root = root
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: root.path).sorted()
        let folders: [String] = names.filter { name in
            var isDir: ObjCBool = false
            return !name.hasPrefix(".") && fm.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isDir)
                && isDir.boolValue
        }
        let loaded = try LanguageStore.inParallel(folders) {
            try LanguageStore.loadPack(code: $0, directory: root.appendingPathComponent($0))
        }
        let packs = Dictionary(uniqueKeysWithValues: zip(folders, loaded))
        self.packs = packs
    }

    /// Language codes available, sorted.
    public var codes: [String] { packs.keys.sorted() }

    public func pack(_ code: String) -> LanguagePack? { packs[code] }

    static func loadPack(code: String, directory: URL) throws -> LanguagePack {
        let fm = FileManager.default
        var tables: [String: [TableRow]] = [:]
        let files = try fm.contentsOfDirectory(atPath: directory.path).sorted()
        for file in files where file.hasSuffix(".tsv") || file.hasSuffix(".txt") {
            let url = directory.appendingPathComponent(file)
            tables[file] = try parseTable(url: url, name: file, language: code)
        }
        var settings: [String: LanguageSetting] = [:]
        let settingsURL = directory.appendingPathComponent("language.json")
        if fm.fileExists(atPath: settingsURL.path) {
            settings = try parseSettings(url: settingsURL, display: "\(code)/language.json")
        }
        return LanguagePack(code: code, directory: directory, settings: settings, tables: tables)
    }

    /// Splits a table file into rows. Fields are trimmed of surrounding spaces.
    public static func parseTable(url: URL, name: String, language: String) throws -> [TableRow] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LoadError(file: "\(language)/\(name)", line: nil, problem: "cannot be read: \(error.localizedDescription)")
        }
        guard String(validating: data, as: UTF8.self) != nil else {
            throw LoadError(file: "\(language)/\(name)", line: nil, problem: "is not UTF-8")
        }
        return data.withUnsafeBytes { raw in
            splitRows(raw.bindMemory(to: UInt8.self), name: name, language: language)
        }
    }

    /// The rows of a table's bytes (already checked to be UTF-8): one walk over the bytes, fields cut
    /// at tabs and trimmed of spaces (ASCII spaces and tabs, and Unicode space separators such as
    /// U+00A0) without building the line as a `String` first. This runs for every table at start-up.
    static func splitRows(_ bytes: UnsafeBufferPointer<UInt8>, name: String, language: String) -> [TableRow] {
        var rows: [TableRow] = []
        var lineNo = 0
        var lineStart = 0
        let n = bytes.count
        while lineStart < n {
            lineNo += 1
            var lineEnd = lineStart
            while lineEnd < n, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd + 1
            if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let (fs, fe) = trimmed(bytes, lineStart, lineEnd)
            if fs < fe, bytes[fs] != 0x23 {                       // not blank, not "#"
                var fields: [String] = []
                var a = lineStart
                while true {
                    var b = a
                    while b < lineEnd, bytes[b] != 0x09 { b += 1 }
                    let (s, e) = trimmed(bytes, a, b)
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<e]), as: UTF8.self))
                    if b >= lineEnd { break }
                    a = b + 1
                }
                rows.append(TableRow(fields: fields, table: name, line: lineNo, language: language))
            }
            lineStart = next
        }
        return rows
    }

    /// `lo..<hi` without leading and trailing spaces: ASCII space and tab, and any scalar of the
    /// Unicode category Zs (what `CharacterSet.whitespaces` holds).
    private static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> (Int, Int) {
        var s = lo, e = hi
        while s < e {
            if b[s] == 0x20 || b[s] == 0x09 { s += 1; continue }
            if b[s] >= 0x80, let w = spaceWidth(b, at: s, end: e) { s += w; continue }
            break
        }
        while e > s {
            if b[e - 1] == 0x20 || b[e - 1] == 0x09 { e -= 1; continue }
            if b[e - 1] >= 0x80 {
                var k = e - 1
                while k > s, b[k] & 0xC0 == 0x80 { k -= 1 }
                if let w = spaceWidth(b, at: k, end: e), k + w == e { e = k; continue }
            }
            break
        }
        return (s, e)
    }

    /// The byte width of the scalar at `i` when it is a space separator (Zs), else nil.
    private static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int? {
        let lead = b[i]
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard i + width <= end else { return nil }
        var it = UnsafeBufferPointer(rebasing: b[i..<(i + width)]).makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&it) else { return nil }
        return scalar.properties.generalCategory == .spaceSeparator ? width : nil
    }

    static func parseSettings(url: URL, display: String) throws -> [String: LanguageSetting] {
        let data = try Data(contentsOf: url)
        do {
            return try JSONDecoder().decode([String: LanguageSetting].self, from: data)
        } catch {
            throw LoadError(file: display, line: nil, problem: "is not a JSON object of strings, numbers, booleans and string lists: \(error)")
        }
    }
}

extension LanguageStore {
    /// `build` on every language's pack, one language per task on all cores (start-up time): the
    /// results by code. The first error in code order is the one thrown, as when the languages
    /// were built one after another.
    public func buildPerLanguage<T: Sendable>(_ build: @Sendable (LanguagePack) throws -> T) throws -> [String: T] {
        let codes = self.codes
        let packs = codes.map { self.packs[$0]! }
        let built = try LanguageStore.inParallel(Array(packs.indices)) { try build(packs[$0]) }
        return Dictionary(uniqueKeysWithValues: zip(codes, built))
    }

    /// `work` on each item on all cores, the results in item order; the first error in item order
    /// is thrown.
    static func inParallel<I: Sendable, T: Sendable>(_ items: [I], _ work: @Sendable (I) throws -> T) throws -> [T] {
        try IndexedSlots<Result<T, any Error>>.map(items.count) { i in Result { try work(items[i]) } }.map { try $0.get() }
    }
}
