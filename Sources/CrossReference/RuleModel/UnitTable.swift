/// Units and how they convert: each unit belongs to a dimension (time, length, mass …) and has a
/// factor to the dimension's base unit. Read from `Rules/units.tsv` (unit, dimension, factor).
public struct UnitTable: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var dimension: String
        public var factor: Double
    }

    /// A unit written apart from its "per …" ("310 litres per square metre"): when the sentence
    /// after the figure holds one of `phrases`, the figure is in `compound` ("l/m²").
    public struct Context: Sendable, Hashable {
        public var compound: String
        /// Lowercased phrases.
        public var phrases: [String]
    }

    public private(set) var entries: [String: Entry]
    /// Per unit, the compound units its sentence may make of it (`unit-contexts.tsv`).
    public private(set) var contexts: [String: [Context]]

    public init(entries: [String: Entry] = [:], contexts: [String: [Context]] = [:]) {
        self.entries = entries
        self.contexts = contexts
    }

    /// The unit a figure is in, given the sentence after it: a compound unit when a context
    /// phrase of its unit follows ("310 Liter Regen pro Quadratmeter" is in l/m²), else `unit`.
    public func unit(_ unit: String, followedBy text: Substring) -> String {
        guard let list = contexts[unit] ?? contexts[unit.lowercased()] else { return unit }
        let lower = text.lowercased()
        for c in list where c.phrases.contains(where: { lower.contains($0) }) { return c.compound }
        return unit
    }

    public subscript(_ unit: String) -> Entry? { entries[unit] ?? entries[unit.lowercased()] }

    /// The factor that turns `from` into `to` when both are of one dimension.
    public func factor(from: String, to: String) -> Double? {
        guard let f = self[from], let t = self[to], f.dimension == t.dimension else { return nil }
        return f.factor / t.factor
    }

    mutating func merge(_ other: UnitTable) {
        entries.merge(other.entries) { _, new in new }
        contexts.merge(other.contexts) { old, new in new + old }
    }

    /// Parses rows `unit<TAB>compound unit<TAB>phrase<TAB>phrase…` (`unit-contexts.tsv`) into
    /// this table's contexts; `#` lines and blank lines are skipped.
    public mutating func parseContexts(_ text: String, file: String) throws {
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard cols.count >= 3 else {
                throw RuleError(file: file, line: i + 1, column: 1,
                                problem: "expected 'unit<TAB>compound unit<TAB>phrase…' with at least one phrase")
            }
            contexts[cols[0], default: []].append(Context(compound: cols[1], phrases: cols[2...].map { $0.lowercased() }))
        }
    }

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
