import CrosscheckModel
import Foundation
import Yams

/// The rules the engine runs, in priority order, and the unit table that converts durations and
/// measures.
public struct RuleSet: Sendable, Hashable {
    /// Sorted by priority, then id.
    public private(set) var rules: [Rule]
    public var units: UnitTable
    /// Names of one source across languages, for the "one source, not two" note.
    public var sources: SourceTable

    public init(rules: [Rule], units: UnitTable = UnitTable(), sources: SourceTable = SourceTable()) {
        self.rules = rules.sorted { ($0.priority, $0.id) < ($1.priority, $1.id) }
        self.units = units
        self.sources = sources
    }

    /// The rules shipped in `Sources/CrossReference/Rules`, with their cases.
    public static func builtIn() throws -> RuleSet { try builtIn(cases: true) }

    /// The rules shipped in `Sources/CrossReference/Rules`.
    /// - Parameter cases: false to skip the rules' cases (`<id>.cases.yaml`): a run that only
    ///   cross-references needs none, and reading them is three quarters of loading the built-in
    ///   rules (the tests and `crosscheck rules` read them).
    public static func builtIn(cases: Bool) throws -> RuleSet {
        guard let url = Bundle.module.url(forResource: "Rules", withExtension: nil) else {
            throw RuleError(file: "Rules", problem: "the built-in rule folder is missing from the bundle")
        }
        return try load(path: url.path, label: "built-in", cases: cases)
    }

    /// ``load(path:label:cases:)`` with the cases.
    public static func load(path: String, label: String? = nil) throws -> RuleSet {
        try load(path: path, label: label, cases: true)
    }

    /// Reads a rule file or every `*.yaml` rule (and `units.tsv`,
    /// `unit-contexts.tsv`, `sources.tsv`) in a folder. `<id>.cases.yaml`
    /// files are the cases of the rule beside them.
    /// - Parameter label: the folder name used in ``Rule/source`` and errors (default: the path).
    /// - Parameter cases: false to skip the `<id>.cases.yaml` files (the rules get no cases).
    public static func load(path: String, label: String?, cases: Bool) throws -> RuleSet {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw RuleError(file: path, problem: "no such rule file or folder")
        }
        if !isDir.boolValue {
            let rule = try loadRule(path: path, display: label ?? path, cases: cases)
            return RuleSet(rules: [rule])
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path).sorted() } catch {
            throw RuleError(file: path, problem: "cannot list the folder: \(error.localizedDescription)")
        }
        let base = label ?? path
        var rules: [Rule] = []
        var seen: [String: String] = [:]
        var units = UnitTable()
        var sources = SourceTable()
        for name in names {
            let full = (path as NSString).appendingPathComponent(name)
            let display = (base as NSString).appendingPathComponent(name)
            if name == "units.tsv" {
                let contexts = units.contexts
                units = try UnitTable.parse(try readText(full, display: display), file: display)
                units.merge(UnitTable(contexts: contexts))
                continue
            }
            if name == "unit-contexts.tsv" {
                try units.parseContexts(try readText(full, display: display), file: display)
                continue
            }
            if name == "sources.tsv" {
                sources = try SourceTable.parse(try readText(full, display: display), file: display)
                continue
            }
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml"),
                  !name.hasSuffix(".cases.yaml"), !name.hasSuffix(".cases.yml") else { continue }
            let rule = try loadRule(path: full, display: display, cases: cases)
            if let other = seen[rule.id] {
                throw RuleError(file: display, line: 1, column: 1,
                                problem: "rule id '\(rule.id)' is already used by \(other)")
            }
            seen[rule.id] = display
            rules.append(rule)
        }
        return RuleSet(rules: rules, units: units, sources: sources)
    }

    /// This set with `other`'s rules added; a rule with an id already here replaces it, and
    /// `other`'s unit and source rows are added to the tables.
    public func adding(_ other: RuleSet) -> RuleSet {
        let replaced = Set(other.rules.map(\.id))
        var units = self.units
        units.merge(other.units)
        var sources = self.sources
        sources.merge(other.sources)
        return RuleSet(rules: rules.filter { !replaced.contains($0.id) } + other.rules, units: units, sources: sources)
    }

    /// The same set keeping only the rules whose id is in `ids`.
    public func only(_ ids: Set<String>) -> RuleSet {
        RuleSet(rules: rules.filter { ids.contains($0.id) }, units: units, sources: sources)
    }

    static func readText(_ path: String, display: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleError(file: display, problem: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleError(file: display, problem: "the file is not UTF-8 text")
        }
        return text
    }

    /// Reads one rule file and, when it exists and `cases` asks for it, its `<id>.cases.yaml` sibling.
    static func loadRule(path: String, display: String, cases: Bool = true) throws -> Rule {
        var rule = try RuleParser(file: display).parseRule(try readText(path, display: display))
        rule.source = display
        let stem = path.hasSuffix(".yml") ? String(path.dropLast(4)) : String(path.dropLast(5))
        let displayStem = display.hasSuffix(".yml") ? String(display.dropLast(4)) : String(display.dropLast(5))
        for ext in [".cases.yaml", ".cases.yml"] where cases && FileManager.default.fileExists(atPath: stem + ext) {
            let parser = RuleParser(file: displayStem + ext)
            let (fire, pass) = try parser.parseCases(try readText(stem + ext, display: displayStem + ext))
            rule.fire += fire
            rule.pass += pass
        }
        return rule
    }
}
