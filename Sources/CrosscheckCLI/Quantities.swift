import ArgumentParser
import Crosscheck
import Foundation

struct Quantities: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reads one phrase per line and prints the quantities of each as one JSON array per line.",
        discussion: """
        The line protocol of the conformance checker (shared/conformance/README.md): exactly one \
        output line per input line, in order.

        Examples:
          echo "more than a quarter of the capitals" | crosscheck quantities --lang en
          python3 ../shared/conformance/check.py --cmd '.build/release/crosscheck quantities --lang da' \\
              ../shared/conformance/duckling/da
        """
    )

    @Option(help: "Language of every line (ISO 639-1). Without it each line's language is identified.")
    var lang: String?

    @Flag(inversion: .prefixedNo, help: "Report relative ordinals (last, next, penultimate) as ordinals with value end-1, current+1 ….")
    var relativeOrdinals = true

    func run() throws {
        let pipeline = try makePipeline(manifest: nil)
        let out = FileHandle.standardOutput
        var buffer = Data()
        while let line = readLine(strippingNewline: true) {
            let language = lang ?? pipeline.identifyLanguage(line)
            let found = pipeline.recognizer.recognize(line, language: language,
                                                      options: .init(relativeOrdinals: relativeOrdinals))
            buffer.append(ConformanceLine.render(found))
            buffer.append(0x0A)
            if buffer.count > 1 << 16 { out.write(buffer); buffer.removeAll(keepingCapacity: true) }
        }
        out.write(buffer)
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Shows every quantity found in a text and the table rows and patterns that produced it.",
        discussion: """
        Examples:
          crosscheck explain "Taliban kontrollerer nu cirka to tredjedele (65 procent)" --lang da
          crosscheck explain "the ninth city to be invaded since Friday" --lang en
        """
    )

    @Argument(help: "The text to scan.")
    var text: String

    @Option(help: "Language of the text (ISO 639-1). Without it the language is identified.")
    var lang: String?

    func run() throws {
        let pipeline = try makePipeline(manifest: nil)
        let language = lang ?? pipeline.identifyLanguage(text)
        let found = pipeline.recognizer.recognize(text, language: language)
        print("language: \(language)")
        if found.isEmpty { print("no quantity found") }
        for q in found {
            var value = ""
            if let n = q.value.number { value = "\(n)" }
            if q.value.isRange { value = "\(q.value.low.map { "\($0)" } ?? "-∞") … \(q.value.high.map { "\($0)" } ?? "∞")" }
            print("⟦\(q.text)⟧ [\(q.start), \(q.end)) \(q.kind.rawValue) \(value)\(q.unit.map { " " + $0 } ?? "") \(q.qualifier.rawValue)")
            for t in q.trace { print("    \(t)") }
        }
    }
}
