import CrossReference
import Testing

/// Runs every built-in rule's `fire` and `pass` cases (Rules/<id>.cases.yaml).
@Suite struct RuleCaseTests {
    static let builtIn: RuleSet = (try? RuleSet.builtIn()) ?? RuleSet(rules: [])

    @Test func builtInRulesLoad() throws {
        let set = try RuleSet.builtIn()
        #expect(set.rules.count >= 9)
    }

    @Test(arguments: builtIn.rules.map(\.id))
    func casesOfRule(_ id: String) throws {
        let set = try RuleSet.builtIn()
        let one = set.only([id])
        let rule = try #require(one.rules.first)
        #expect(!rule.fire.isEmpty && !rule.pass.isEmpty)
        for failure in one.runCases() {
            Issue.record("\(failure)")
        }
    }
}
