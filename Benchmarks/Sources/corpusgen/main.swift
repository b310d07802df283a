import CorpusKit
import Foundation

// corpusgen --articles N --out DIR [--seed S] [--html-share 0.5] [--figure-share 0.3] [--chrome-bytes 20000] [--dense] [--megabytes MB]
let args = Array(CommandLine.arguments.dropFirst())
func value(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
guard let out = value("--out") else {
    FileHandle.standardError.write(Data("usage: corpusgen --articles N --out DIR [--seed S] [--html-share X] [--figure-share X] [--chrome-bytes N] [--dense] [--megabytes MB]\n".utf8))
    exit(2)
}
let articles = value("--articles").flatMap(Int.init) ?? 1000
let seed = value("--seed").flatMap(UInt64.init) ?? 42
var options = args.contains("--dense") ? CorpusWriter.Options.dense(articles: articles, seed: seed)
                                       : CorpusWriter.Options(articles: articles, seed: seed)
if let x = value("--figure-share").flatMap(Double.init) { options.figureShare = x }
if let x = value("--chrome-bytes").flatMap(Int.init) { options.chromeBytes = x }
if let x = value("--megabytes").flatMap(Double.init) { options.targetBytes = Int(x * 1_000_000) }
options.htmlShare = value("--html-share").flatMap(Double.init) ?? 0.5
let summary = try CorpusWriter(options: options).write(to: URL(fileURLWithPath: out))
print("corpusgen: \(summary.files) files, \(summary.bytes) bytes (text \(summary.textBytes), html \(summary.htmlBytes)) in \(out)")
