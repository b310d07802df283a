import Benchmark
import CorpusKit
import Crosscheck
import Foundation

/// Keeps a result alive so the optimizer cannot drop the work (swift-benchmark 0.1.2 has no
/// public `blackHole`).
@inline(never)
func blackHole<T>(_ x: T) {
    withExtendedLifetime(x) {}
}

/// swift-benchmark suites over fixed inputs: recognition per language, claims, cross-reference.
enum MicroBenchmarks {
    static let sentences: [(String, String)] = [
        ("en", "Taliban fighters have taken more than a quarter of the country's 34 provincial capitals in less than a week, and at least 183 civilians were killed."),
        ("da", "Taliban kontrollerer nu cirka to tredjedele (65 procent) af landet og har indtaget den ottende provinshovedstad på seks dage."),
        ("es", "Los talibanes tomaron el control de 12 de las 34 capitales provinciales en apenas una semana, según la ONU."),
        ("fr", "Environ 360 000 personnes ont fui leurs foyers depuis le début de 2021, selon l'ONU, soit deux tiers de plus."),
        ("de", "Rund 3.000 Soldaten sollen in den nächsten 24 bis 48 Stunden verlegt werden, teilte das Pentagon mit."),
    ]

    static func register() {
        let pipeline = try! Pipeline()
        for (lang, s) in sentences {
            benchmark("recognize \(lang) sentence") {
                blackHole(pipeline.recognizer.recognize(s, language: lang))
            }
        }
        let arts = CrossReferenceScale.articles(claims: 10_000)
        let xref = try! CrossReferencer()
        benchmark("cross-reference 10k claims") {
            blackHole(xref.findings(for: arts))
        }
    }
}
