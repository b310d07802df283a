import ArgumentParser
import Crosscheck
import Foundation

struct Check: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case json, markdown }

    static let configuration = CommandConfiguration(
        abstract: "Runs the whole pipeline on articles and prints the cross-check report.",
        discussion: """
        Examples:
          crosscheck check seeds --format json
          crosscheck check articles/ --manifest articles/manifest.csv --output report.json --format json
          cat page.html | crosscheck check - --format markdown
        """
    )

    @Argument(help: "Article files or folders (.txt, .md, .html, .htm); - for standard input.")
    var paths: [String]

    @Option(help: "A manifest.csv (path,outlet,published,language,url) that wins over the pages' own metadata.")
    var manifest: String?

    @Option(help: "Output format.")
    var format: Format = .json

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    func run() throws {
        let pipeline = try makePipeline(manifest: manifest)
        let result = pipeline.check(paths: paths)
        for p in result.problems { warn("crosscheck: \(p)") }
        for a in result.articles { for w in a.warnings { warn("crosscheck: \(a.path): \(w)") } }
        if result.articles.isEmpty {
            warn("crosscheck: no readable article in \(paths.joined(separator: " "))")
            throw ExitCode(2)
        }
        switch format {
        case .json:
            var data = try JSONReportWriter.data(result.report)
            data.append(0x0A)
            try emit(data, to: output)
        case .markdown:
            try emit(Data(MarkdownReportWriter.render(result.report).utf8), to: output)
        }
    }
}

func makePipeline(manifest: String?) throws -> Pipeline {
    do { return try Pipeline(options: .init(manifestPath: manifest)) } catch {
        warn("crosscheck: \(error)")
        throw ExitCode(2)
    }
}
