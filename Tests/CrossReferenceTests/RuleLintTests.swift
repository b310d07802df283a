import CrossReference
import CrosscheckModel
import Foundation
import Testing

@Suite struct RuleLintTests {
    @Test func builtInRuleSetIsClean() throws {
        let set = try RuleSet.builtIn()
        #expect(set.lint() == [])
        let ids = set.rules.map(\.id)
        #expect(Set(ids).count == ids.count)
        // Every operator of the closed set is used by some built-in rule.
        #expect(Set(set.rules.map(\.op)) == Set(RuleOperator.allCases))
        #expect(set.units.factor(from: "decade", to: "year") == 10)
    }

    static let validRule = """
        id: my-rule
        summary: Test rule.
        operator: interval-overlap
        verdicts: [agree, conflict]
        message: "{a.outlet} says {a.quote}; {b.outlet} says {b.quote}"
        fire:
          - expect: conflict
            claims:
              - {id: a#1, kind: count, number: 8, concept: x/y}
              - {id: b#1, kind: count, number: 9, concept: x/y}
        pass:
          - claims:
              - {id: a#1, kind: count, number: 8, concept: x/y}
              - {id: b#1, kind: count, number: 9, concept: x/z}
        """

    @Test func aUserRuleLoadsAndRunsItsCases() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.validRule.write(to: dir.appendingPathComponent("my-rule.yaml"), atomically: true, encoding: .utf8)
        let set = try RuleSet.load(path: dir.path)
        #expect(set.rules.map(\.id) == ["my-rule"])
        #expect(set.lint() == [])
        #expect(set.runCases() == [])
    }

    /// (file text, expected line, words the problem must contain)
    static let broken: [(String, Int, String)] = [
        (validRule.replacingOccurrences(of: "id: my-rule", with: "id: My_Rule"), 1, "kebab-case"),
        (validRule.replacingOccurrences(of: "operator: interval-overlap", with: "operator: vibes"), 3, "unknown operator 'vibes'"),
        (validRule.replacingOccurrences(of: "{b.quote}\"", with: "{b.qoute}\""), 5, "unknown placeholder {b.qoute}"),
        (validRule.replacingOccurrences(of: "verdicts: [agree, conflict]", with: "verdicts: [agree, consistent]"), 4, "never gives 'consistent'"),
        (validRule.replacingOccurrences(of: "summary: Test rule.", with: "summary: Test rule.\nsevertiy: high"), 3, "unknown key 'severtiy'"),
        (validRule.replacingOccurrences(of: "  - expect: conflict", with: "  - expect: conflict\n   bad: [unclosed"), 8, "YAML"),
        (validRule.replacingOccurrences(of: "number: 8,", with: "number: eight,"), 9, "must be a number"),
    ]

    @Test(arguments: 0..<broken.count)
    func aBrokenRuleNamesFileLineAndProblem(_ i: Int) throws {
        let (text, line, words) = Self.broken[i]
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("my-rule.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try RuleSet.load(path: file.path)
            Issue.record("case \(i) loaded without an error")
        } catch let e as RuleError {
            #expect(e.file == file.path)
            #expect(e.line == line, "\(e)")
            #expect(e.description.contains(words), "\(e)")
            #expect(e.description.hasPrefix("\(file.path):\(line):"))
        }
    }

    @Test func duplicateIdsInAFolderAreAnError() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.validRule.write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try Self.validRule.write(to: dir.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: RuleError.self) { try RuleSet.load(path: dir.path) }
    }

    @Test func lintFindsRulesWithoutCases() {
        let rule = Rule(id: "no-cases", summary: "x", op: .restatement, verdicts: [.agree],
                        messages: [.agree: "{a.quote} and {b.nonsense}"], source: "no-cases.yaml")
        let problems = RuleSet(rules: [rule]).lint()
        #expect(problems.contains { $0.contains("no 'fire' case") })
        #expect(problems.contains { $0.contains("no 'pass' case") })
        #expect(problems.contains { $0.contains("{b.nonsense}") })
    }

    @Test func aUserRuleReplacesTheBuiltInWithTheSameId() throws {
        let builtIn = try RuleSet.builtIn()
        let mine = Rule(id: "scale-slip", summary: "off", priority: 1, op: .scaleSlip, verdicts: [.conflict],
                        messages: [.conflict: "slip"], source: "mine.yaml")
        let merged = builtIn.adding(RuleSet(rules: [mine]))
        #expect(merged.rules.count == builtIn.rules.count)
        #expect(merged.rules.first?.source == "mine.yaml")
    }

    @Test func aMissingPathIsAnError() {
        #expect(throws: RuleError.self) { try RuleSet.load(path: "/nonexistent/rules") }
    }
}
