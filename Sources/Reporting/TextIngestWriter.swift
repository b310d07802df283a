import CrosscheckModel

/// `crosscheck ingest --format text`: what a person reads when a page comes out wrong.
public enum TextIngestWriter {
    public static func render(_ articles: [Article]) -> String {
        var out = ""
        for a in articles {
            out += "== \(a.id)  (\(a.path))\n"
            out += "title:     \(a.title ?? "-")\n"
            out += "outlet:    \(a.outlet ?? "-")\n"
            out += "published: \(a.published ?? "-")\n"
            out += "language:  \(a.language)\n"
            out += "url:       \(a.url ?? "-")\n"
            if let b = a.byline { out += "byline:    \(b)\n" }
            for w in a.warnings { out += "warning:   \(w)\n" }
            out += "\n"
            for p in a.paragraphs {
                out += (p.role == .heading ? "## " : "") + p.text + "\n\n"
            }
            out += "-- \(a.sentences.count) sentences, \(a.paragraphs.count) paragraphs\n"
            for d in a.dropped {
                out += "dropped [\(d.reason)]: \(d.text)\n"
            }
            out += "\n"
        }
        return out
    }
}
