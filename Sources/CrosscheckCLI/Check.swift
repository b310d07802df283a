import ArgumentParser
import Crosscheck
import Foundation

struct Check: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case json, markdown, html, csv, claimreview }
    enum FailOn: String, ExpressibleByArgument, CaseIterable { case conflict, never }

    static let configuration = CommandConfiguration(
        abstract: "Runs the whole pipeline on articles and prints the cross-check report.",
        discussion: """
        Examples:
          crosscheck check seeds --format json
          crosscheck check articles/ --manifest articles/manifest.csv --output report.json --format json
          cat page.html | crosscheck check - --format markdown
          crosscheck check today/ --format html --output report.html
          crosscheck check today/ --format json --fail-on conflict   # CI: exit 1 on a conflict
          crosscheck check today/ --store claims.sqlite --format json # against every earlier batch
        """
    )

    @Argument(help: "Article files or folders (.txt, .md, .html, .htm); - for standard input.")
    var paths: [String]

    @Option(help: "A manifest.csv (path,outlet,published,language,url) that wins over the pages' own metadata.")
    var manifest: String?

    @Option(help: "Output format (default: markdown on a terminal, json otherwise).")
    var format: Format?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding at this level exists.")
    var failOn: FailOn = .never

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: ArgumentHelp("A SQLite claim store: the batch is checked against every article stored before it, then stored.", valueName: "file.sqlite"))
    var store: String?

    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule file or folder added to the built-in rules (repeatable).", valueName: "file-or-dir"))
    var rulePaths: [String] = []

    func run() throws {
        let pipeline = try makePipeline(manifest: manifest, rules: rulePaths)
        let result: Pipeline.CheckResult
        let bar = ProgressBar.make()
        defer { bar?.0.finish() }
        if let store {
            let claimStore: ClaimStore
            do { claimStore = try ClaimStore(path: store) } catch {
                warn("crosscheck: \(error)")
                throw ExitCode(2)
            }
            do {
                let stored = try pipeline.check(paths: paths, store: claimStore, progress: bar?.1)
                bar?.0.finish()
                result = stored.check
                let o = stored.outcome
                warn("crosscheck: store \(store): \(o.added.count) added, \(o.replaced.count) replaced, \(o.unchanged.count) unchanged")
                for id in o.replaced { warn("crosscheck: store: \(id) changed since it was stored; the new version replaces it") }
            } catch {
                warn("crosscheck: \(error); the store is unchanged")
                throw ExitCode(2)
            }
        } else {
            result = pipeline.check(paths: paths, progress: bar?.1)
            bar?.0.finish()
        }
        for p in result.problems { warn("crosscheck: \(p)") }
        for w in result.warnings { warn("crosscheck: " + w) }
        if result.report.articles.isEmpty {
            warn("crosscheck: no readable article in \(paths.joined(separator: " "))")
            throw ExitCode(2)
        }
        let chosen = format ?? (output == nil && isatty(STDOUT_FILENO) != 0 ? .markdown : .json)
        switch chosen {
        case .json:
            // Streamed in pieces of about 1 MB, so a large batch's JSON is never whole in memory.
            if let output {
                try emitStreamed(to: output) { write in
                    try JSONReportWriter.write(result.report, trailingNewline: true, to: write)
                }
            } else {
                try JSONReportWriter.write(result.report, trailingNewline: true) { FileHandle.standardOutput.write(Data($0)) }
            }
        case .markdown:
            try emit(Data(MarkdownReportWriter.render(result.report).utf8), to: output)
        case .html:
            try emit(Data(HTMLReportWriter.render(result.report).utf8), to: output)
        case .csv:
            try emit(Data(CSVReportWriter.render(result.report).utf8), to: output)
        case .claimreview:
            var data = try ClaimReviewWriter.data(result.report)
            data.append(0x0A)
            try emit(data, to: output)
        }
        if failOn == .conflict, result.report.findings.contains(where: { $0.verdict == .conflict }) {
            throw ExitCode(1)
        }
    }
}

func makePipeline(manifest: String?, rules: [String] = []) throws -> Pipeline {
    do { return try Pipeline(options: .init(manifestPath: manifest, rulePaths: rules)) } catch {
        warn("crosscheck: \(error)")
        throw ExitCode(2)
    }
}
