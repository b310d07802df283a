import CrosscheckModel

/// `--format html`: the report as one self-contained page (no external scripts, fonts or
/// styles), readable on a phone, sortable by verdict.
///
/// Every byte that came from an article passes through ``escape(_:)``; article URLs become links
/// only when they are `http` or `https`.
public enum HTMLReportWriter {
    public static func render(_ report: Report) -> String {
        let index = ReportIndex(report)
        var h = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-\(sortScriptHash)'">
        <title>Cross-check report</title>
        <style>\(style)</style>
        </head>
        <body>
        <header><h1>Cross-check report</h1>
        <p class="summary"><span id="n-articles">\(report.articles.count)</span> articles ·
        <span id="n-claims">\(index.claimCount)</span> claims ·
        <span id="n-findings">\(report.findings.count)</span> facts compared ·
        <span id="n-conflicts" class="v-conflict">\(index.count(.conflict))</span> conflicts ·
        <span class="v-consistent">\(index.count(.consistent))</span> consistent ·
        <span class="v-agree">\(index.count(.agree))</span> agree</p>
        <p class="sort">Sort: <button type="button" data-sort="verdict">by verdict</button>
        <button type="button" data-sort="fact">by fact</button></p>
        </header>
        <main id="findings">

        """
        let rank: [Verdict: Int] = [.conflict: 0, .consistent: 1, .agree: 2]
        for f in index.orderedFindings {
            let name = index.factName(f)
            h += "<section class=\"finding v-\(f.verdict.rawValue)\" data-verdict=\"\(rank[f.verdict]!)\" data-fact=\"\(escape(name.lowercased()))\">\n"
            h += "<h2><span class=\"badge\">\(f.verdict.rawValue)</span> \(escape(name))</h2>\n"
            h += "<p class=\"why\">\(escape(f.explanation))</p>\n"
            h += "<p class=\"rule\">rule <code>\(escape(f.rule))</code>\(f.id.map { " · finding " + escape($0) } ?? "")</p>\n"
            h += "<div class=\"scroll\"><table><thead><tr><th>outlet</th><th>date</th><th>quote</th><th>figure</th><th>cited</th></tr></thead><tbody>\n"
            for id in f.claims {
                guard let (a, c) = index.claims[id] else { continue }
                let cited = [c.cited, c.agency.map { "via \($0)" }].compactMap { $0 }.joined(separator: " ")
                h += "<tr><td>\(escape(a.outlet ?? a.id))</td><td>\(escape(c.asOf ?? a.published ?? ""))</td>"
                h += "<td><q lang=\"\(escape(a.language))\">\(escape(c.quote))</q><div class=\"sentence\">\(escape(c.sentence))</div></td>"
                h += "<td>\(escape(ReportIndex.figure(c)))</td><td>\(escape(cited))</td></tr>\n"
            }
            h += "</tbody></table></div>\n</section>\n"
        }
        if report.findings.isEmpty { h += "<p>No figures to compare across these articles.</p>\n" }
        h += "</main>\n<section id=\"articles\"><h2>Articles</h2>\n<ul>\n"
        for a in report.articles {
            h += "<li><strong>\(escape(a.title ?? a.id))</strong> — \(escape(a.outlet ?? "unknown outlet")), \(escape(a.published ?? "undated")), \(escape(a.language)), \(a.claims.count) claims</li>\n"
        }
        h += "</ul></section>\n<script>\(sortScript)</script>\n</body>\n</html>\n"
        return h
    }

    /// Escapes text for HTML element content and double- or single-quoted attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static let style = """
    body{font:16px/1.45 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:0 .8rem;color:#222}
    h1{font-size:1.5rem}h2{font-size:1.15rem;margin:.2rem 0}
    .finding{border-left:.35rem solid #999;padding:.4rem .8rem;margin:1rem 0;background:#fafafa}
    .v-conflict{border-color:#c0392b}.v-consistent{border-color:#d68910}.v-agree{border-color:#1e8449}
    .badge{font-size:.75rem;text-transform:uppercase;padding:.1rem .4rem;border-radius:.3rem;color:#fff;background:#999}
    .v-conflict .badge{background:#c0392b}.v-consistent .badge{background:#d68910}.v-agree .badge{background:#1e8449}
    span.v-conflict{color:#c0392b;font-weight:bold}
    .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem}
    th,td{text-align:left;vertical-align:top;padding:.25rem .4rem;border-bottom:1px solid #ddd}
    .sentence{color:#666;font-size:.8rem}.rule{color:#666;font-size:.8rem}
    button{font:inherit;padding:.2rem .6rem}
    """

    static let sortScript = """
    document.querySelectorAll('button[data-sort]').forEach(function(b){b.addEventListener('click',function(){var k=b.getAttribute('data-sort');var m=document.getElementById('findings');var xs=Array.prototype.slice.call(m.querySelectorAll('section.finding'));xs.sort(function(x,y){var a=x.getAttribute('data-'+k),c=y.getAttribute('data-'+k);return a<c?-1:a>c?1:0;});xs.forEach(function(x){m.appendChild(x);});});});
    """

    /// SHA-256 of ``sortScript`` in base64, for the page's Content-Security-Policy: the one
    /// inline script allowed to run; anything injected would be blocked even if it got through.
    static let sortScriptHash: String = SHA256.base64(Array(sortScript.utf8))
}
