import ArgumentParser
import Crosscheck
import Foundation

/// `crosscheck rules`: lists the cross-reference rules, and checks rule files.
struct Rules: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

    static let configuration = CommandConfiguration(
        abstract: "Lists the cross-reference rules (id, verdicts, summary) and checks rule files.",
        discussion: """
        Examples:
          crosscheck rules
          crosscheck rules --rules my-rules/ --check
          crosscheck rules --format markdown

        --check lints every rule (ids, placeholders, cases present) and runs every rule's fire and \
        pass cases; it exits 1 when one fails. A rule file that cannot be read is reported as \
        file:line:column: problem, with exit code 2.
        """
    )

    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule file or folder added to the built-in rules (repeatable).", valueName: "file-or-dir"))
    var rulePaths: [String] = []

    @Flag(help: "Lint the rules and run their cases.")
    var check = false

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        var set: RuleSet
        do {
            set = try RuleSet.builtIn()
            for path in rulePaths { set = set.adding(try RuleSet.load(path: path)) }
        } catch {
            warn("crosscheck: \(error)")
            throw ExitCode(2)
        }
        switch format {
        case .markdown:
            FileHandle.standardOutput.write(Data(RuleDocs.ruleList(set).utf8))
        case .text:
            let width = set.rules.map(\.id.count).max() ?? 0
            let vwidth = set.rules.map { $0.verdicts.map(\.rawValue).joined(separator: ",").count }.max() ?? 0
            var out = ""
            for r in set.rules {
                let verdicts = r.verdicts.map(\.rawValue).joined(separator: ",")
                out += r.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                out += verdicts.padding(toLength: vwidth, withPad: " ", startingAt: 0) + "  " + r.summary + "\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
        guard check else { return }
        let problems = set.lint()
        let failures = set.runCases()
        for p in problems { warn("crosscheck: \(p)") }
        for f in failures { warn("crosscheck: \(f)") }
        let cases = set.rules.reduce(0) { $0 + $1.fire.count + $1.pass.count }
        warn("crosscheck: \(set.rules.count) rules, \(cases) cases, \(problems.count) lint problems, \(failures.count) failing cases")
        if !problems.isEmpty || !failures.isEmpty { throw ExitCode(1) }
    }
}
