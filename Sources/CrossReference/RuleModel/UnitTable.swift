/// Units and how they convert: each unit belongs to a dimension (time, length, mass …) and has a
/// factor to the dimension's base unit. Read from `Rules/units.tsv` (unit, dimension, factor).
public struct UnitTable: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var dimension: String
        public var factor: Double
    }

    public private(set) var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) { self.entries = entries }

    public subscript(_ unit: String) -> Entry? { entries[unit] ?? entries[unit.lowercased()] }

    /// The factor that turns `from` into `to` when both are of one dimension.
    public func factor(from: String, to: String) -> Double? {
        guard let f = self[from], let t = self[to], f.dimension == t.dimension else { return nil }
        return f.factor / t.factor
    }

    mutating func merge(_ other: UnitTable) { entries.merge(other.entries) { _, new in new } }

    /// Parses tab-separated rows `unit dimension factor`; `#` lines and blank lines are skipped.
    public static func parse(_ text: String, file: String) throws -> UnitTable {
        var entries: [String: Entry] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cols.count >= 3, let factor = Double(cols[2]), factor > 0 else {
                throw RuleError(file: file, line: i + 1, column: 1,
                                problem: "expected 'unit<TAB>dimension<TAB>factor' with a positive factor")
            }
            entries[cols[0]] = Entry(dimension: cols[1], factor: factor)
        }
        return UnitTable(entries: entries)
    }
}

import Foundation
