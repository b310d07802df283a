import CrossReference
import Foundation
import Testing

/// docs/rules.md lists the built-in rules as generated from the rule files. Run with
/// CROSSCHECK_REGENERATE_DOCS=1 to rewrite the list after changing a rule.
@Suite struct RuleDocsTests {
    @Test func rulesDocumentIsFresh() throws {
        let url = packageRoot.appendingPathComponent("docs/rules.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let fresh = try #require(RuleDocs.regenerate(text, with: try RuleSet.builtIn()), "docs/rules.md lacks the generated-list markers")
        if ProcessInfo.processInfo.environment["CROSSCHECK_REGENERATE_DOCS"] == "1" {
            try fresh.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(fresh == text, "docs/rules.md is stale: run CROSSCHECK_REGENERATE_DOCS=1 swift test --filter RuleDocsTests")
        for rule in try RuleSet.builtIn().rules {
            #expect(text.contains("### \(rule.id)"))
        }
    }
}
