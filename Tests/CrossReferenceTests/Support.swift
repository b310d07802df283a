import CrossReference
import CrosscheckModel
import Foundation

/// Compact claim construction for tests.
func claim(_ id: String, _ quote: String, _ kind: QuantityKind, _ number: Double? = nil, low: Double? = nil,
           high: Double? = nil, base: Double? = nil, unit: String? = nil, qualifier: Qualifier = .exact,
           concept: String?, place: String? = nil, asOf: String? = nil, cumulative: Bool = false,
           cited: String? = nil, agency: String? = nil, inTitle: Bool = false, revised: Bool = false,
           sentence: String? = nil) -> Claim {
    Claim(id: id, quote: quote, sentence: sentence ?? quote, kind: kind,
          value: QuantityValue(number: number, low: low, high: high, base: base), unit: unit, qualifier: qualifier,
          cited: cited, asOf: asOf, article: String(id.split(separator: "#")[0]), concept: concept, place: place,
          cumulative: cumulative, agency: agency, inTitle: inTitle, revised: revised)
}

/// Articles built from claims, grouped by the article part of their ids.
func articles(_ claims: [Claim], outlets: [String: String] = [:], published: [String: String] = [:]) -> [ReportedArticle] {
    var order: [String] = []
    var byArticle: [String: [Claim]] = [:]
    for c in claims {
        if byArticle[c.article] == nil { order.append(c.article) }
        byArticle[c.article, default: []].append(c)
    }
    return order.map {
        ReportedArticle(id: $0, outlet: outlets[$0] ?? "Outlet \($0.uppercased())", published: published[$0],
                        language: "en", claims: byArticle[$0]!)
    }
}

/// The package root, found from this file's path.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("crossref-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The verdicts findings give a pair of claim ids.
func verdicts(_ findings: [Finding], _ x: String, _ y: String) -> Set<Verdict> {
    Set(findings.filter { $0.claims.contains(x) && $0.claims.contains(y) }.map(\.verdict))
}
