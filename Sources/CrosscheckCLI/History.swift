import ArgumentParser
import Crosscheck
import Foundation

struct HistoryCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Prints one fact's figures over time from a claim store.",
        discussion: """
        Matches claims whose subject or concept contains SUBJECT (case-insensitive), ordered by \
        the date each figure holds for.

        Examples:
          crosscheck history "provincial capitals" --store claims.sqlite
          crosscheck history person/killed --store claims.sqlite --format json
        """
    )

    @Argument(help: "Part of a subject (provincial capitals) or a concept key (person/killed).")
    var subject: String

    @Option(help: ArgumentHelp("The claim store written by `crosscheck check --store`.", valueName: "file.sqlite"))
    var store: String

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        guard FileManager.default.fileExists(atPath: store) else {
            warn("crosscheck: \(store): no such claim store")
            throw ExitCode(2)
        }
        let entries: [ClaimStore.HistoryEntry]
        do { entries = try ClaimStore(path: store).history(matching: subject) } catch {
            warn("crosscheck: \(error)")
            throw ExitCode(2)
        }
        switch format {
        case .json:
            struct Row: Encodable {
                var article: String, outlet: String?, published: String?, claim: Claim
            }
            var data = try JSONReportWriter.encoder().encode(entries.map {
                Row(article: $0.article.id, outlet: $0.article.outlet, published: $0.article.published, claim: $0.claim)
            })
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        case .text:
            if entries.isEmpty { print("no stored figure matches \"\(subject)\"") }
            for e in entries {
                let date = e.claim.asOf ?? e.article.published ?? "undated"
                let cited = e.claim.cited.map { " — \($0)" } ?? ""
                print("\(date)  \(ClaimText.figure(e.claim))  “\(e.claim.quote)”  \(e.article.outlet ?? e.article.id)\(cited)  [\(e.claim.id)]")
            }
        }
    }
}
