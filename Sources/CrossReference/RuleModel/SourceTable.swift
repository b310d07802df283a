import Foundation

/// Names of one source across languages and spellings ("UN", "ONU", "Vereinte Nationen"; "AFP",
/// "Agence France-Presse"), so that claims citing it in different languages are recognised as
/// one source. Read from `Rules/sources.tsv`: one source a line, its display name first, then
/// its other names, tab-separated.
public struct SourceTable: Sendable, Hashable {
    /// Normalised name → display name of its source.
    public private(set) var names: [String: String]

    public init(names: [String: String] = [:]) { self.names = names }

    /// A source name for comparison: lowercased, without a leading article ("the", "la", "die" …
    /// are not stripped by language: only an exact table entry or the bare name matches) and
    /// without surrounding punctuation.
    public static func normalise(_ s: String) -> String {
        var k = s.lowercased().trimmingCharacters(in: trimmed)
        if k.hasPrefix("the ") { k = String(k.dropFirst(4)) }
        return k
    }

    /// Built once: a union of character sets costs more than the rest of ``normalise(_:)``.
    private static let trimmed = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters)

    /// The key claims are grouped by: the source's display name when the table knows the name,
    /// else the normalised name itself.
    public func key(_ s: String) -> String {
        let k = SourceTable.normalise(s)
        return names[k].map { "=" + $0 } ?? k
    }

    /// The display name of a known source.
    public func displayName(_ s: String) -> String? { names[SourceTable.normalise(s)] }

    mutating func merge(_ other: SourceTable) { names.merge(other.names) { _, new in new } }

    /// Parses rows `display name<TAB>other name<TAB>…`; `#` lines and blank lines are skipped.
    public static func parse(_ text: String, file: String) throws -> SourceTable {
        var names: [String: String] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard cols.count >= 2 else {
                throw RuleError(file: file, line: i + 1, column: 1,
                                problem: "expected 'display name<TAB>other name…' with at least two names")
            }
            for name in cols {
                let k = normalise(name)
                if let other = names[k], other != cols[0] {
                    throw RuleError(file: file, line: i + 1, column: 1,
                                    problem: "the name '\(name)' already belongs to '\(other)'")
                }
                names[k] = cols[0]
            }
        }
        return SourceTable(names: names)
    }
}
