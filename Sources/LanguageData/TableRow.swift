/// One row of a language table: tab-separated fields, with where it came from.
///
/// Table files are UTF-8 text, one row per line, fields separated by a tab. Lines that are
/// blank or start with `#` are skipped. A row's ``origin`` ("da/ordinals.tsv:12") is what
/// `crosscheck explain` shows.
public struct TableRow: Sendable, Hashable {
    public var fields: [String]
    /// The table's file name, e.g. "ordinals.tsv".
    public var table: String
    /// 1-based line number in the file.
    public var line: Int
    /// The language code of the folder the table lives in.
    public var language: String

    public init(fields: [String], table: String, line: Int, language: String) {
        self.fields = fields
        self.table = table
        self.line = line
        self.language = language
    }

    /// Field `i`, or nil when the row is shorter or the field is empty.
    public subscript(_ i: Int) -> String? {
        i < fields.count && !fields[i].isEmpty ? fields[i] : nil
    }

    /// "da/ordinals.tsv:12"
    public var origin: String { "\(language)/\(table):\(line)" }
}
