import ArgumentParser
import Crosscheck
import Foundation

struct Ingest: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

    static let configuration = CommandConfiguration(
        abstract: "Shows what ingest made of each file: metadata, paragraphs, sentences, dropped furniture.",
        discussion: """
        Examples:
          crosscheck ingest seeds/002_e7ba0620bc3cd8b6.txt --format text
          crosscheck ingest pages/ --format json > ingest.json
        """
    )

    @Argument(help: "Article files or folders (.txt, .md, .html, .htm); - for standard input.")
    var paths: [String]

    @Option(help: "A manifest.csv that wins over the pages' own metadata.")
    var manifest: String?

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let pipeline = try makePipeline(manifest: manifest)
        let result = pipeline.ingest(paths: paths)
        for p in result.problems { warn("crosscheck: \(p)") }
        for a in result.articles { for w in a.warnings { warn("crosscheck: " + (w.hasPrefix(a.path) ? w : "\(a.path): \(w)")) } }
        if result.articles.isEmpty {
            warn("crosscheck: no readable article in \(paths.joined(separator: " "))")
            throw ExitCode(2)
        }
        switch format {
        case .json:
            var data = try IngestJSONWriter.data(result.articles)
            data.append(0x0A)
            try emit(data, to: output)
        case .text:
            try emit(Data(TextIngestWriter.render(result.articles).utf8), to: output)
        }
    }
}
