import CorpusKit
import Crosscheck
import Foundation

/// `crosscheck-bench xref --claims N`: cross-references N synthetic claims spread over many
/// facts, outlets and days, to check grouping stays near-linear.
enum CrossReferenceScale {
    static func articles(claims n: Int, seed: UInt64 = 7) -> [ReportedArticle] {
        var rng = SplitMix(seed: seed)
        let perArticle = 10
        let concepts = (0..<2000).map { "thing\($0)/captured" }
        var out: [ReportedArticle] = []
        out.reserveCapacity(n / perArticle + 1)
        var made = 0
        var a = 0
        while made < n {
            let day = 1 + Int(rng.next() % 28)
            let date = String(format: "2021-08-%02d", day)
            var claims: [Claim] = []
            for j in 0..<min(perArticle, n - made) {
                let concept = concepts[Int(rng.next() % UInt64(concepts.count))]
                let value = Double(10 + Int(rng.next() % 50))
                claims.append(Claim(id: "a\(a)#\(j + 1)", quote: String(Int(value)), sentence: "s", kind: .count,
                                    value: .exactly(value), subject: concept, asOf: date, article: "a\(a)",
                                    concept: concept, cumulative: true))
            }
            made += claims.count
            out.append(ReportedArticle(id: "a\(a)", outlet: "Outlet \(a % 50)", published: date, language: "en", claims: claims))
            a += 1
        }
        return out
    }

    static func run(claims n: Int) throws {
        let arts = articles(claims: n)
        let xref = try CrossReferencer()
        var findings: [Finding] = []
        let t = Measure.best(1) { findings = xref.findings(for: arts) }
        print("cross-reference: \(n) claims, \(findings.count) findings, \(String(format: "%.2f", t)) s, peak \(Measure.format(Measure.peakMB())) MB")
    }
}
