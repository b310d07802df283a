import CrosscheckModel

/// A rule case that did not give what it should.
public struct CaseFailure: Sendable, Hashable, CustomStringConvertible {
    public var rule: String
    public var source: String
    public var line: Int
    public var name: String
    public var problem: String

    public var description: String { "\(source): case '\(name)' (line \(line)): \(problem)" }
}

extension RuleSet {
    /// Problems that make a rule set unfit: duplicate or non-kebab-case ids, unknown
    /// placeholders, verdicts without messages, rules without `fire` or `pass` cases.
    public func lint() -> [String] {
        var problems: [String] = []
        var seen: [String: String] = [:]
        for rule in rules {
            if let other = seen[rule.id] { problems.append("\(rule.source): rule id '\(rule.id)' is also used by \(other)") }
            seen[rule.id] = rule.source
            if !RuleParser.isKebabCase(rule.id) { problems.append("\(rule.source): id '\(rule.id)' is not kebab-case") }
            if rule.summary.isEmpty || rule.summary.contains("\n") {
                problems.append("\(rule.source): the summary must be one non-empty line")
            }
            for v in rule.verdicts {
                guard let m = rule.messages[v] else { problems.append("\(rule.source): no message for \(v.rawValue)"); continue }
                for bad in MessageTemplate.unknownPlaceholders(in: m) {
                    problems.append("\(rule.source): the \(v.rawValue) message uses an unknown placeholder {\(bad)}")
                }
                if !rule.op.possibleVerdicts.contains(v) {
                    problems.append("\(rule.source): operator \(rule.op.rawValue) never gives \(v.rawValue)")
                }
            }
            for bad in MessageTemplate.unknownPlaceholders(in: rule.revisedMessage ?? "") {
                problems.append("\(rule.source): the revised message uses an unknown placeholder {\(bad)}")
            }
            if rule.fire.isEmpty { problems.append("\(rule.source): no 'fire' case (a case that must give the rule's verdict)") }
            if rule.pass.isEmpty { problems.append("\(rule.source): no 'pass' case (a case that must give no finding)") }
            for c in rule.fire where !rule.verdicts.contains(c.expect ?? .agree) {
                problems.append("\(rule.source): case '\(c.name)' expects \(c.expect?.rawValue ?? "?"), which the rule never gives")
            }
        }
        return problems
    }

    /// Runs every rule's cases with that rule alone (and this set's unit table): a `fire` case
    /// must give a finding of the rule with the expected verdict naming both of its claims; a
    /// `pass` case must give no finding of the rule naming both.
    public func runCases() -> [CaseFailure] {
        var failures: [CaseFailure] = []
        for rule in rules {
            let alone = RuleSet(rules: [rule], units: units, sources: sources)
            for (c, fire) in rule.fire.map({ ($0, true) }) + rule.pass.map({ ($0, false) }) {
                let x = CrossReferencer(rules: alone, concepts: ConceptHierarchy(broader: c.broader, totals: c.totals))
                let findings = x.findings(for: c.articles).filter {
                    $0.rule == rule.id && $0.claims.contains(c.between[0]) && $0.claims.contains(c.between[1])
                }
                let got = findings.map(\.verdict.rawValue).joined(separator: ", ")
                if fire, !findings.contains(where: { $0.verdict == c.expect }) {
                    failures.append(CaseFailure(rule: rule.id, source: rule.source, line: c.line, name: c.name,
                                                problem: "expected \(c.expect!.rawValue), got \(got.isEmpty ? "no finding" : got)"))
                }
                if !fire, !findings.isEmpty {
                    failures.append(CaseFailure(rule: rule.id, source: rule.source, line: c.line, name: c.name,
                                                problem: "expected no finding, got \(got): \(findings[0].explanation)"))
                }
            }
        }
        return failures
    }
}
