import CorpusKit
import Foundation

// corpusgen --articles N --out DIR [--seed S] [--html-share 0.5]
let args = Array(CommandLine.arguments.dropFirst())
func value(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
guard let out = value("--out") else {
    FileHandle.standardError.write(Data("usage: corpusgen --articles N --out DIR [--seed S] [--html-share X]\n".utf8))
    exit(2)
}
var options = CorpusWriter.Options()
options.articles = value("--articles").flatMap(Int.init) ?? 1000
options.seed = value("--seed").flatMap(UInt64.init) ?? 42
options.htmlShare = value("--html-share").flatMap(Double.init) ?? 0.5
let summary = try CorpusWriter(options: options).write(to: URL(fileURLWithPath: out))
print("corpusgen: \(summary.files) files, \(summary.bytes) bytes (text \(summary.textBytes), html \(summary.htmlBytes)) in \(out)")
