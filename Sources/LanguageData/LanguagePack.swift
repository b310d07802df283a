import Foundation

/// Everything the project knows about one language, read from its folder
/// (`Languages/<code>/`): the tables as rows, plus `language.json` settings.
///
/// The pack does not interpret the tables; each pipeline stage reads the tables it owns
/// (see docs/languages.md for the list of tables and their columns).
public struct LanguagePack: Sendable {
    /// ISO 639-1 code ("da").
    public let code: String
    /// The folder the pack was read from.
    public let directory: URL
    /// `language.json`, as a flat dictionary of settings (strings, numbers, booleans, string lists).
    public let settings: [String: LanguageSetting]
    private let tables: [String: [TableRow]]

    public init(code: String, directory: URL, settings: [String: LanguageSetting], tables: [String: [TableRow]]) {
        self.code = code
        self.directory = directory
        self.settings = settings
        self.tables = tables
    }

    /// The rows of a table file ("cardinals.tsv"); empty when the language has no such table.
    public func rows(_ table: String) -> [TableRow] { tables[table] ?? [] }

    /// The first field of every row of a table: for plain word lists (stop words, abbreviations).
    public func words(_ table: String) -> [String] { rows(table).compactMap { $0[0] } }

    /// Names of all tables the folder holds.
    public var tableNames: [String] { tables.keys.sorted() }

    public func string(_ key: String) -> String? {
        if case .string(let s)? = settings[key] { return s }
        return nil
    }

    public func strings(_ key: String) -> [String] {
        switch settings[key] {
        case .strings(let xs)?: return xs
        case .string(let s)?: return [s]
        default: return []
        }
    }

    public func bool(_ key: String) -> Bool {
        if case .bool(let b)? = settings[key] { return b }
        return false
    }

    public func number(_ key: String) -> Double? {
        if case .number(let n)? = settings[key] { return n }
        return nil
    }
}

/// A value in `language.json`.
public enum LanguageSetting: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case strings([String])
}

extension LanguageSetting: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let n = try? c.decode(Double.self) { self = .number(n); return }
        if let s = try? c.decode(String.self) { self = .string(s); return }
        self = .strings(try c.decode([String].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .bool(let b): try c.encode(b)
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        case .strings(let xs): try c.encode(xs)
        }
    }
}
