import CrosscheckModel

/// `--format markdown`: a fact-check report a journalist reads.
/// First version: a summary and each finding with its claims; the reports work extends it.
public enum MarkdownReportWriter {
    public static func render(_ report: Report) -> String {
        let claims = report.articles.flatMap { a in a.claims.map { (a, $0) } }
        let byID = Dictionary(claims.map { ($0.1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let conflicts = report.findings.filter { $0.verdict == .conflict }
        var out = "# Cross-check report\n\n"
        out += "\(report.articles.count) articles, \(claims.count) claims, \(report.findings.count) findings, \(conflicts.count) conflicts.\n\n"
        let ordered = conflicts + report.findings.filter { $0.verdict == .consistent } + report.findings.filter { $0.verdict == .agree }
        for f in ordered {
            out += "## \(f.verdict.rawValue.uppercased()): \(cell(f.explanation))\n\n"
            out += "Rule `\(f.rule)`\n\n"
            out += "| outlet | date | quote | figure | cited |\n|---|---|---|---|---|\n"
            for id in f.claims {
                guard let (a, c) = byID[id] else { continue }
                out += "| \(cell(a.outlet ?? a.id)) | \(c.asOf ?? a.published ?? "") | \(cell(c.quote)) | \(figure(c)) | \(cell(c.cited ?? "")) |\n"
            }
            out += "\n"
        }
        return out
    }

    static func figure(_ c: Claim) -> String {
        var s = c.qualifier == .exact ? "" : c.qualifier.rawValue + " "
        if let n = c.value.number { s += trim(n) } else { s += "\(c.value.low.map(trim) ?? "…")–\(c.value.high.map(trim) ?? "…")" }
        if let b = c.value.base { s += " of \(trim(b))" }
        if let u = c.unit { s += " \(u)" }
        return cell(s)
    }

    static func trim(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }

    /// Escapes a value for a Markdown table cell.
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
