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
        var packs: [String: LanguagePack] = [:]
        for name in names where !name.hasPrefix(".") {
            var isDir: ObjCBool = false
            let dir = root.appendingPathComponent(name)
            guard fm.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else { continue }
            packs[name] = try LanguageStore.loadPack(code: name, directory: dir)
        }
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
        guard let text = String(data: data, encoding: .utf8) else {
            throw LoadError(file: "\(language)/\(name)", line: nil, problem: "is not UTF-8")
        }
        var rows: [TableRow] = []
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            rows.append(TableRow(fields: fields, table: name, line: lineNo, language: language))
        }
        return rows
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
