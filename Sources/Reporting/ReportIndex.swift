import CrosscheckModel

/// Lookups every human-facing writer needs: claims by id with their article, findings in reading
/// order (conflicts, then consistent, then agree), and a one-line figure for a claim.
struct ReportIndex {
    let report: Report
    let claims: [String: (article: ReportedArticle, claim: Claim)]

    init(_ report: Report) {
        self.report = report
        var claims: [String: (ReportedArticle, Claim)] = [:]
        for a in report.articles { for c in a.claims where claims[c.id] == nil { claims[c.id] = (a, c) } }
        self.claims = claims
    }

    var claimCount: Int { report.articles.reduce(0) { $0 + $1.claims.count } }

    /// Conflicts first, then consistent, then agree; the report's order within each.
    var orderedFindings: [Finding] {
        let rank: [Verdict: Int] = [.conflict: 0, .consistent: 1, .agree: 2]
        return report.findings.enumerated()
            .sorted { (rank[$0.element.verdict]!, $0.offset) < (rank[$1.element.verdict]!, $1.offset) }
            .map(\.element)
    }

    func count(_ v: Verdict) -> Int { report.findings.filter { $0.verdict == v }.count }

    /// A fact's name: the subject of its first claim that has one.
    func factName(_ f: Finding) -> String {
        for id in f.claims { if let s = claims[id]?.claim.subject, !s.isEmpty { return s } }
        return f.claims.compactMap { claims[$0]?.claim.quote }.first ?? f.rule
    }

    /// "more than 0.25 of 34", "24–48 hour", "about 360000".
    static func figure(_ c: Claim) -> String {
        var s = ""
        switch c.qualifier {
        case .exact: break
        case .about: s = "about "
        case .moreThan: s = "more than "
        case .atLeast: s = "at least "
        case .lessThan: s = "less than "
        case .atMost: s = "at most "
        case .nearly: s = "nearly "
        }
        if let n = c.value.number {
            s += number(n)
        } else {
            s += "\(c.value.low.map(number) ?? "…")–\(c.value.high.map(number) ?? "…")"
        }
        if c.kind == .ordinal { s += " (ordinal)" }
        if let b = c.value.base { s += " of \(number(b))" }
        if let u = c.unit, u != "percent" { s += " \(u)" } else if c.unit == "percent" { s += " %" }
        return s
    }

    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        let r = (x * 10000).rounded() / 10000
        return String(r)
    }
}
