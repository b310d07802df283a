/// The rule list of docs/rules.md, generated from the rule files.
public enum RuleDocs {
    public static let beginMarker = "<!-- BEGIN GENERATED RULE LIST (swift test regenerates it: see RuleDocsTests) -->"
    public static let endMarker = "<!-- END GENERATED RULE LIST -->"

    /// One section per rule, in priority order.
    public static func ruleList(_ set: RuleSet) -> String {
        var out = "| priority | id | operator | verdicts | summary |\n|---:|---|---|---|---|\n"
        for r in set.rules {
            out += "| \(r.priority) | [`\(r.id)`](#\(r.id)) | `\(r.op.rawValue)` | \(r.verdicts.map(\.rawValue).joined(separator: ", ")) | \(r.summary) |\n"
        }
        for r in set.rules {
            out += "\n### \(r.id)\n\n\(r.summary)\n\n"
            if let d = r.details?.trimmingCharacters(in: .whitespacesAndNewlines), !d.isEmpty { out += d + "\n\n" }
            var applies: [String] = []
            if let kinds = r.applies.kinds { applies.append("kinds " + kinds.map(\.rawValue).sorted().joined(separator: ", ")) }
            if r.applies.concepts != ["*"] { applies.append("concepts " + r.applies.concepts.map { "`\($0)`" }.joined(separator: ", ")) }
            if !r.applies.excludeConcepts.isEmpty {
                applies.append("not concepts " + r.applies.excludeConcepts.map { "`\($0)`" }.joined(separator: ", "))
            }
            applies.append("scope `\(r.applies.scope.rawValue)`")
            applies.append("time `\(r.applies.time.rawValue)`")
            if let c = r.applies.cumulative { applies.append(c ? "running counts only" : "no running counts") }
            out += "- Applies to: " + applies.joined(separator: "; ") + ".\n"
            out += "- Operator: `\(r.op.rawValue)`"
            let params = r.parameters.values.keys.sorted()
            if !params.isEmpty {
                out += " with " + params.map { "`\($0)` = \(describe(r.parameters.values[$0]!))" }.joined(separator: ", ")
            }
            out += ".\n"
            for v in r.verdicts {
                out += "- \(v.rawValue): \(r.messages[v] ?? "")\n"
            }
            if let revised = r.revisedMessage { out += "- consistent, as a revision: \(revised)\n" }
            out += "- Cases: \(r.fire.count) that fire (" + r.fire.map { "“\($0.name)”" }.joined(separator: ", ")
            out += "), \(r.pass.count) that pass (" + r.pass.map { "“\($0.name)”" }.joined(separator: ", ") + ").\n"
        }
        return out
    }

    static func describe(_ v: ParameterValue) -> String {
        switch v {
        case .number(let x): return FigureText.number(x)
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .list(let l): return "[" + l.map(describe).joined(separator: ", ") + "]"
        }
    }

    /// `document` with the text between the markers replaced by the current rule list.
    public static func regenerate(_ document: String, with set: RuleSet) -> String? {
        guard let begin = document.range(of: beginMarker), let end = document.range(of: endMarker),
              begin.upperBound <= end.lowerBound else { return nil }
        return String(document[..<begin.upperBound]) + "\n\n" + ruleList(set) + "\n" + String(document[end.lowerBound...])
    }
}

import Foundation
