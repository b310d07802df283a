import Foundation

/// Reads article metadata from one `<script type="application/ld+json">` block.
///
/// Finds the first object typed as an article (`NewsArticle`, `Article`, `ReportageNewsArticle`,
/// their schema.org kin such as `BlogPosting` or `AnalysisNewsArticle`), looking through arrays,
/// `@graph` and nested objects without recursion, and resolves `{"@id": …}` references to
/// objects elsewhere in the block (a publisher given once in the graph). Malformed JSON gives nil.
enum JSONLDReader {
    static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "backgroundnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting", "liveblogposting",
        "report", "techarticle", "scholarlyarticle", "socialmediaposting", "satiricalarticle",
    ]

    static func article(in text: String) -> PageMetadata? {
        guard let json = parse(text) else { return nil }
        // Collect every object, breadth first, bounded.
        var objects: [[String: Any]] = []
        var queue: [Any] = [json]
        var k = 0
        while k < queue.count, objects.count < 2000 {
            let item = queue[k]
            k += 1
            if let dict = item as? [String: Any] {
                objects.append(dict)
                for (_, v) in dict where v is [String: Any] || v is [Any] { queue.append(v) }
            } else if let array = item as? [Any] {
                queue.append(contentsOf: array)
            }
        }
        var byID: [String: [String: Any]] = [:]
        for o in objects { if let id = o["@id"] as? String, o.count > 1, byID[id] == nil { byID[id] = o } }
        guard let art = objects.first(where: { types($0).contains(where: articleTypes.contains) }) else { return nil }

        func resolve(_ v: Any?) -> Any? {
            if let d = v as? [String: Any], d.count == 1, let id = d["@id"] as? String, let full = byID[id] { return full }
            return v
        }
        func name(_ v: Any?) -> String? {
            let v = resolve(v)
            if let s = v as? String { return nonEmpty(s) }
            if let d = v as? [String: Any] { return (d["name"] as? String).flatMap(nonEmpty) }
            if let a = v as? [Any] {
                let names = a.compactMap { name($0) }
                return names.isEmpty ? nil : names.joined(separator: ", ")
            }
            return nil
        }
        var md = PageMetadata()
        md.title = (art["headline"] as? String).flatMap(nonEmpty) ?? (art["name"] as? String).flatMap(nonEmpty)
        md.published = string(art["datePublished"]).flatMap(DateNormalizer.isoDate)
            ?? string(art["dateCreated"]).flatMap(DateNormalizer.isoDate)
        md.outlet = name(art["publisher"]).map { $0.components(separatedBy: ", ").first ?? $0 }
        if md.outlet == nil, let site = objects.first(where: { types($0).contains("website") }) {
            md.outlet = (site["name"] as? String).flatMap(nonEmpty)
        }
        md.language = language(art["inLanguage"])
        md.byline = name(art["author"]).map { $0.hasPrefix("http") ? "" : $0 }.flatMap(nonEmpty)
        md.url = url(art["url"]) ?? url(art["mainEntityOfPage"])
        return md
    }

    private static func parse(_ raw: String) -> Any? {
        var t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        for (open, close) in [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")] {
            if t.hasPrefix(open) { t = String(t.dropFirst(open.count)) }
            if t.hasSuffix(close) { t = String(t.dropLast(close.count)) }
        }
        t = t.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.hasSuffix(";") { t = String(t.dropLast()) }
        guard !t.isEmpty else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(t.utf8), options: [.fragmentsAllowed])
    }

    private static func types(_ o: [String: Any]) -> [String] {
        if let s = o["@type"] as? String { return [tail(s)] }
        if let a = o["@type"] as? [Any] { return a.compactMap { ($0 as? String).map(tail) } }
        return []
    }

    /// "http://schema.org/NewsArticle" → "newsarticle".
    private static func tail(_ s: String) -> String {
        let last = s.split(separator: "/").last.map(String.init) ?? s
        return (last.split(separator: ":").last.map(String.init) ?? last).lowercased()
    }

    private static func string(_ v: Any?) -> String? {
        if let s = v as? String { return s }
        if let a = v as? [Any], let s = a.first as? String { return s }
        if let d = v as? [String: Any], let s = d["@value"] as? String { return s }
        return nil
    }

    private static func language(_ v: Any?) -> String? {
        if let s = v as? String { return HTMLMetadataReader.languageCode(s) }
        if let d = v as? [String: Any] {
            for key in ["alternateName", "@value", "name"] {
                if let s = d[key] as? String, let c = HTMLMetadataReader.languageCode(s) { return c }
            }
        }
        if let a = v as? [Any] { return a.lazy.compactMap { language($0) }.first }
        return nil
    }

    private static func url(_ v: Any?) -> String? {
        if let s = v as? String, s.hasPrefix("http") { return s }
        if let d = v as? [String: Any] { return url(d["@id"]) ?? url(d["url"]) }
        if let a = v as? [Any] { return a.lazy.compactMap { url($0) }.first }
        return nil
    }

    private static func nonEmpty(_ s: String) -> String? {
        let t = TextCollapser.collapse(s)
        return t.isEmpty ? nil : t
    }
}
