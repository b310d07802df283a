import CrosscheckModel

/// `--format csv`: one row per claim, for spreadsheets (RFC 4180, UTF-8, CRLF line ends).
///
/// Columns: article, outlet, date, language, quote, kind, number, low, high, base, unit,
/// qualifier, subject, cited, asOf, findings (finding ids separated by spaces). A cell that a
/// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is prefixed
/// with `'`, because article text is untrusted.
public enum CSVReportWriter {
    public static let columns = ["article", "outlet", "date", "language", "quote", "kind", "number", "low", "high",
                                 "base", "unit", "qualifier", "subject", "cited", "asOf", "findings"]

    public static func render(_ report: Report) -> String {
        var findingsOf: [String: [String]] = [:]
        for (i, f) in report.findings.enumerated() {
            for c in f.claims { findingsOf[c, default: []].append(f.id ?? "F\(i + 1)") }
        }
        var out = columns.joined(separator: ",") + "\r\n"
        for a in report.articles {
            for c in a.claims {
                let row: [String] = [
                    a.id, a.outlet ?? "", a.published ?? "", a.language, c.quote, c.kind.rawValue,
                    c.value.number.map(ReportIndex.number) ?? "", c.value.low.map(ReportIndex.number) ?? "",
                    c.value.high.map(ReportIndex.number) ?? "", c.value.base.map(ReportIndex.number) ?? "",
                    c.unit ?? "", c.qualifier.rawValue, c.subject ?? "", c.cited ?? "", c.asOf ?? "",
                    (findingsOf[c.id] ?? []).joined(separator: " "),
                ]
                out += row.map(field).joined(separator: ",") + "\r\n"
            }
        }
        return out
    }

    static func field(_ raw: String) -> String {
        var s = raw
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(s) == nil {
            s = "'" + s
        }
        if s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
