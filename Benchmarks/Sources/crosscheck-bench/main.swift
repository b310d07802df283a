import Benchmark
import CorpusKit
import Crosscheck
import Foundation

// crosscheck-bench report --corpus DIR [--runs 3]   stage table (docs/performance.md)
// crosscheck-bench e2e --corpus DIR                 one end-to-end run: bytes, s, MB/s, peak MB
// crosscheck-bench xref --claims 1000000            cross-reference scaling
// crosscheck-bench guard [--max-ratio R]            CI guard: a fixed small corpus, timed as a
//                                                   ratio against a byte scan in the same run
// crosscheck-bench [swift-benchmark options]        the micro-benchmarks
let args = Array(CommandLine.arguments.dropFirst())
func value(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

switch args.first {
case "report":
    try StageReport.run(corpus: value("--corpus") ?? "/tmp/crosscheck-corpus", runs: value("--runs").flatMap(Int.init) ?? 3)
case "e2e":
    try StageReport.endToEnd(corpus: value("--corpus") ?? "/tmp/crosscheck-corpus")
case "xref":
    try CrossReferenceScale.run(claims: value("--claims").flatMap(Int.init) ?? 1_000_000)
case "guard":
    exit(try PerformanceGuard.run(maxRatio: value("--max-ratio").flatMap(Double.init)))
default:
    MicroBenchmarks.register()
    Benchmark.main()
}
