import Foundation

/// Reads what a page says about itself, most specific source first:
/// JSON-LD (`NewsArticle`, `Article`, `ReportageNewsArticle` and kin, also inside `@graph` and
/// arrays) → OpenGraph / `article:` meta → `<meta name="date">` and kin → `<time datetime>` →
/// `<title>` → `<html lang>` → `<link rel="canonical">` → `og:url`.
struct HTMLMetadataReader {
    let tree: DOMTree

    struct Found {
        var metadata = PageMetadata()
        /// The first `<h1>`'s text.
        var h1: String?
        var warnings: [String] = []
    }

    /// Meta names (lower case) that carry the publication date, best first.
    static let dateMetaNames = [
        "article:published_time", "og:published_time", "date", "pubdate", "publishdate", "publish-date",
        "publish_date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dc.date.created",
        "parsely-pub-date", "sailthru.date", "article.published", "published-date", "datepublished",
        "citation_publication_date", "originalpublicationdate", "cxenseparse:recs:publishtime",
        "article:published", "og:article:published_time", "publication_date", "dcterms.created",
    ]

    func read() -> Found {
        var found = Found()
        var meta: [String: String] = [:]         // first value per lower-cased name/property/itemprop
        var jsonLD: [String] = []
        var titleText: String?
        var htmlLang: String?
        var canonical: String?
        var timeDate: String?
        var itempropDate: String?
        var authorLink: String?
        var i = 0
        while i < tree.count {
            let node = tree.nodes[i]
            if node.isText { i += 1; continue }
            switch node.tag {
            case "html":
                if htmlLang == nil { htmlLang = tree.attr(i, "lang") ?? tree.attr(i, "xml:lang") }
            case "svg", "math":
                i = node.end
                continue
            case "title":
                if titleText == nil { titleText = TextCollapser.collapse(tree.text(of: i, limit: 2000)) }
            case "meta":
                let content = tree.attr(i, "content") ?? ""
                for key in ["property", "name", "itemprop", "http-equiv"] {
                    if let k = tree.attr(i, key)?.lowercased(), !k.isEmpty, !content.isEmpty, meta[k] == nil {
                        meta[k] = content
                    }
                }
            case "link":
                if canonical == nil, let rel = tree.attr(i, "rel")?.lowercased(),
                   rel.split(separator: " ").contains("canonical"), let href = tree.attr(i, "href"), !href.isEmpty {
                    canonical = href
                }
            case "script":
                if let t = tree.attr(i, "type")?.lowercased(), t.contains("ld+json"), jsonLD.count < 32 {
                    jsonLD.append(tree.text(of: i, limit: 2_000_000, skipping: []))
                }
                i = node.end
                continue
            case "time":
                if let dt = tree.attr(i, "datetime") {
                    if tree.attr(i, "itemprop")?.lowercased() == "datepublished" || tree.attr(i, "pubdate") != nil {
                        if itempropDate == nil { itempropDate = dt }
                    } else if timeDate == nil {
                        timeDate = dt
                    }
                }
            case "h1":
                if found.h1 == nil {
                    let t = TextCollapser.collapse(tree.text(of: i, limit: 2000))
                    if !t.isEmpty { found.h1 = t }
                }
            case "a":
                if authorLink == nil, let rel = tree.attr(i, "rel")?.lowercased(), rel.split(separator: " ").contains("author") {
                    let t = TextCollapser.collapse(tree.text(of: i, limit: 200))
                    if !t.isEmpty { authorLink = t }
                }
            default:
                if itempropDate == nil, tree.attr(i, "itemprop")?.lowercased() == "datepublished" {
                    itempropDate = tree.attr(i, "datetime") ?? tree.attr(i, "content")
                }
            }
            i += 1
        }

        var md = PageMetadata()
        // 1. JSON-LD
        for text in jsonLD {
            if let ld = JSONLDReader.article(in: text) { md = md.filled(from: ld); break }
        }
        // 2. meta tags
        let site = clean(meta["og:site_name"]) ?? clean(meta["application-name"]) ?? clean(meta["publisher"])
        md.outlet = md.outlet ?? site
        md.title = md.title ?? clean(meta["og:title"]) ?? clean(meta["twitter:title"])
        if md.published == nil {
            for name in Self.dateMetaNames {
                if let v = meta[name], let d = DateNormalizer.isoDate(v) { md.published = d; break }
            }
        }
        if md.published == nil, let v = itempropDate ?? timeDate, let d = DateNormalizer.isoDate(v) { md.published = d }
        md.title = md.title ?? clean(titleText)
        if let t = md.title { md.title = Self.strippingSiteSuffix(t, site: md.outlet, h1: found.h1) }
        md.language = md.language ?? htmlLang.flatMap(Self.languageCode)
            ?? meta["content-language"].flatMap(Self.languageCode) ?? meta["og:locale"].flatMap(Self.languageCode)
            ?? meta["language"].flatMap(Self.languageCode)
        md.url = md.url ?? clean(canonical) ?? clean(meta["og:url"])
        if md.published == nil, let url = md.url { md.published = Self.dateInURL(url) }
        md.byline = md.byline ?? clean(meta["author"]) ?? clean(meta["article:author"]).flatMap { $0.hasPrefix("http") ? nil : $0 }
            ?? clean(meta["byl"]) ?? authorLink
        found.metadata = md
        return found
    }

    private func clean(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = TextCollapser.collapse(s)
        return t.isEmpty ? nil : t
    }

    static let titleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "]

    /// The two halves of a title around its last separator ("A - B" → ("A", "B")).
    static func titleParts(_ title: String) -> [(String, String)] {
        var out: [(String, String)] = []
        for sep in titleSeparators {
            guard let r = title.range(of: sep, options: .backwards) else { continue }
            let head = String(title[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
            let tail = String(title[r.upperBound...]).trimmingCharacters(in: .whitespaces)
            if !head.isEmpty && !tail.isEmpty { out.append((head, tail)) }
        }
        return out
    }

    /// "Floods kill 41 | The Daily Ledger" → "Floods kill 41" when the suffix is the site name
    /// (or the part before it is the page's `<h1>`).
    static func strippingSiteSuffix(_ title: String, site: String?, h1: String?) -> String {
        for sep in titleSeparators {
            guard let r = title.range(of: sep, options: .backwards) else { continue }
            let head = String(title[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
            let tail = String(title[r.upperBound...]).trimmingCharacters(in: .whitespaces)
            guard !head.isEmpty else { continue }
            if let site, tail.caseInsensitiveCompare(site) == .orderedSame || sameSite(tail, site) { return head }
            if let h1, head == h1 { return head }
            if let site, let r2 = title.range(of: sep), title[..<r2.lowerBound].trimmingCharacters(in: .whitespaces)
                .caseInsensitiveCompare(site) == .orderedSame {
                return String(title[r2.upperBound...]).trimmingCharacters(in: .whitespaces)
            }
        }
        return title
    }

    /// "The Daily Ledger" and "dailyledger.com" name the same site.
    private static func sameSite(_ a: String, _ b: String) -> Bool {
        func key(_ s: String) -> String {
            var k = s.lowercased()
            for suffix in [".com", ".org", ".net", ".co.uk", ".dk", ".de", ".es", ".fr"] where k.hasSuffix(suffix) {
                k = String(k.dropLast(suffix.count))
            }
            if k.hasPrefix("www.") { k = String(k.dropFirst(4)) }
            if k.hasPrefix("the ") { k = String(k.dropFirst(4)) }
            return String(k.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
        }
        let ka = key(a), kb = key(b)
        return !ka.isEmpty && ka == kb
    }

    /// The last resort for a date: a news URL's `/2019/11/19/` (or `/2019-11-19/`) path part.
    static func dateInURL(_ url: String) -> String? {
        let parts = url.split(separator: "/").map(String.init)
        var k = 0
        while k < parts.count {
            if parts[k].count == 4, let y = Int(parts[k]), (1990...2099).contains(y),
               k + 2 < parts.count, parts[k + 1].count == 2, let m = Int(parts[k + 1]), (1...12).contains(m),
               parts[k + 2].count == 2, let d = Int(parts[k + 2]), (1...31).contains(d) {
                return DateNormalizer.isoDate("\(parts[k])-\(parts[k + 1])-\(parts[k + 2])")
            }
            if parts[k].count == 10, let iso = DateNormalizer.isoDate(parts[k]), iso.count == 10 { return iso }
            k += 1
        }
        return nil
    }

    /// "en-US" → "en", "da_DK" → "da"; nil for anything that is not a language code.
    static func languageCode(_ raw: String) -> String? {
        let t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let primary = t.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "," || $0 == ";" }).first.map(String.init) ?? ""
        let lower = primary.lowercased()
        guard (2...3).contains(lower.count), lower.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return nil }
        return lower
    }
}
