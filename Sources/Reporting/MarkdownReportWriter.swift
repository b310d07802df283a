import CrosscheckModel

/// `--format markdown`: a fact-check report a journalist reads.
///
/// A summary first, then the conflicts, then the consistent and agreeing facts; each fact has a
/// table (outlet, date, the exact quote, the resolved figure, who is cited) and the rule's reason.
/// Quotes keep their original language.
public enum MarkdownReportWriter {
    public static func render(_ report: Report) -> String {
        let index = ReportIndex(report)
        var out = "# Cross-check report\n\n"
        out += "- Articles: \(report.articles.count)\n"
        out += "- Claims: \(index.claimCount)\n"
        out += "- Facts compared: \(report.findings.count)\n"
        out += "- Conflicts: \(index.count(.conflict)), consistent: \(index.count(.consistent)), agree: \(index.count(.agree))\n\n"
        var current: Verdict? = nil
        for f in index.orderedFindings {
            if f.verdict != current {
                current = f.verdict
                out += "## " + heading(f.verdict) + "\n\n"
            }
            out += "### \(f.verdict.rawValue.uppercased()): \(inline(index.factName(f)))\n\n"
            out += "\(inline(f.explanation))  \n*Rule `\(f.rule)`\(f.id.map { ", finding \($0)" } ?? "")*\n\n"
            out += "| outlet | date | quote | figure | cited |\n|---|---|---|---|---|\n"
            for id in f.claims {
                guard let (a, c) = index.claims[id] else { continue }
                let outlet = a.outlet ?? a.id
                let cited = [c.cited, c.agency.map { "via \($0)" }].compactMap { $0 }.joined(separator: " ")
                out += "| \(cell(outlet)) | \(cell(c.asOf ?? a.published ?? "")) | \(cell("“" + c.quote + "”")) | \(cell(ReportIndex.figure(c))) | \(cell(cited)) |\n"
            }
            out += "\n"
        }
        if report.findings.isEmpty { out += "No figures to compare across these articles.\n\n" }
        out += "## Claims by article\n\n"
        for a in report.articles {
            out += "### \(inline(a.title ?? a.id))\n\n"
            out += "\(inline(a.outlet ?? "unknown outlet")), \(a.published ?? "undated"), \(a.language), `\(a.id)`\n\n"
            if a.claims.isEmpty { out += "No claims.\n\n"; continue }
            out += "| claim | quote | figure | subject | cited | as of |\n|---|---|---|---|---|---|\n"
            for c in a.claims {
                out += "| \(cell(c.id)) | \(cell(c.quote)) | \(cell(ReportIndex.figure(c))) | \(cell(c.subject ?? "")) | \(cell(c.cited ?? "")) | \(cell(c.asOf ?? "")) |\n"
            }
            out += "\n"
        }
        return out
    }

    static func heading(_ v: Verdict) -> String {
        switch v {
        case .conflict: return "Conflicts"
        case .consistent: return "Consistent"
        case .agree: return "Agreements"
        }
    }

    /// Escapes a value for a Markdown table cell: pipes, line breaks, and markup characters that
    /// would otherwise turn article text into links, HTML or emphasis.
    static func cell(_ s: String) -> String {
        inline(s).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Escapes article text for Markdown running text.
    static func inline(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "\n", "\r", "\t": out += " "
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#":
                out += "\\"
                out.unicodeScalars.append(ch)
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
