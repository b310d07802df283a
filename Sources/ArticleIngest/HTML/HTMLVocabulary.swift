import Foundation

/// The HTML extractor's vocabularies, read once from `Sources/ArticleIngest/Vocabulary/*.tsv`.
///
/// Every rule about which parts of a page are furniture and which hold the article is here as
/// data; the Swift code only knows how to match a class/id token, an attribute or a tag.
/// See `docs/html-extraction.md` for the file formats.
struct HTMLVocabulary: Sendable {
    enum TokenMatch: Sendable { case part, whole }

    struct TagRule: Sendable {
        var reason: String
        /// Dropped only outside `<article>` / `<main>`.
        var outsideArticleOnly: Bool
        /// Its text is shown on a page (worth listing in `dropped`).
        var visible: Bool
    }

    struct AttributeRule: Sendable {
        var attribute: String
        /// "*" matches any value; "~x" any value containing x; otherwise the whole value or one of
        /// its space-separated tokens, case-insensitively.
        var value: String
        var reason: String
    }

    struct ContentRule: Sendable {
        var kind: String   // tag, class, id, itemprop, role
        var value: String
        var priority: Int
    }

    /// class/id token → (reason, how it matches).
    var boilerplateTokens: [String: (reason: String, match: TokenMatch)] = [:]
    /// class/id tokens of a standfirst (the lead paragraph set above the body).
    var standfirstTokens: [String: (reason: String, match: TokenMatch)] = [:]
    var tags: [String: TagRule] = [:]
    var attributeRules: [AttributeRule] = []
    var contentRules: [ContentRule] = []
    /// kind → lower-cased value → priority.
    var contentIndex: [String: [String: Int]] = [:]
    /// ``contentIndex``'s tag table, and its attribute tables in the order they are consulted
    /// (set once the tables are read).
    var contentTags: [String: Int] = [:]
    var contentAttributes: [(String, [String: Int])] = []
    /// Lower-cased heading phrases that introduce lists of other articles ("read more", "læs også").
    var relatedPhrases: Set<String> = []
    /// Longest phrase in ``relatedPhrases``, in bytes.
    var longestRelatedPhrase = 0

    static let shared: HTMLVocabulary = {
        guard let dir = Bundle.module.url(forResource: "Vocabulary", withExtension: nil) else {
            return HTMLVocabulary()
        }
        return HTMLVocabulary(folder: dir)
    }()

    init() {}

    init(folder: URL) {
        for row in Self.rows(folder.appendingPathComponent("boilerplate.tsv")) where row.count >= 2 {
            let match: TokenMatch = row.count >= 3 && row[2] == "whole" ? .whole : .part
            boilerplateTokens[row[0].lowercased()] = (row[1], match)
        }
        for row in Self.rows(folder.appendingPathComponent("standfirst.tsv")) where !row.isEmpty {
            let match: TokenMatch = row.count >= 2 && row[1] == "whole" ? .whole : .part
            standfirstTokens[row[0].lowercased()] = ("standfirst", match)
        }
        for row in Self.rows(folder.appendingPathComponent("drop-tags.tsv")) where row.count >= 2 {
            tags[row[0].lowercased()] = TagRule(reason: row[1],
                                                outsideArticleOnly: row.count >= 3 && row[2] == "outside-article",
                                                visible: !(row.count >= 4 && row[3] == "invisible"))
        }
        for row in Self.rows(folder.appendingPathComponent("boilerplate-attributes.tsv")) where row.count >= 3 {
            attributeRules.append(AttributeRule(attribute: row[0].lowercased(), value: row[1].lowercased(), reason: row[2]))
        }
        for row in Self.rows(folder.appendingPathComponent("main-content.tsv")) where row.count >= 3 {
            let rule = ContentRule(kind: row[0].lowercased(), value: row[1].lowercased(), priority: Int(row[2]) ?? 1)
            contentRules.append(rule)
            contentIndex[rule.kind, default: [:]][rule.value] = max(rule.priority, contentIndex[rule.kind]?[rule.value] ?? 0)
        }
        for row in Self.rows(folder.appendingPathComponent("related-headings.tsv")) where !row.isEmpty {
            let p = MainTextExtractor.comparisonKey(row[0])
            guard !p.isEmpty else { continue }
            relatedPhrases.insert(p)
            longestRelatedPhrase = max(longestRelatedPhrase, p.utf8.count)
        }
        contentTags = contentIndex["tag"] ?? [:]
        contentAttributes = ["class", "id", "itemprop", "role"].compactMap { k in contentIndex[k].map { (k, $0) } }
    }

    /// Tab-separated rows; blank lines and lines starting with "#" are skipped.
    static func rows(_ url: URL) -> [[String]] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var out: [[String]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let l = line.hasSuffix("\r") ? line.dropLast() : line
            if l.isEmpty || l.hasPrefix("#") { continue }
            out.append(l.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            })
        }
        return out
    }

    // MARK: - Matching

    /// The boilerplate reason for a class or id attribute value, if one of its tokens (or a part
    /// of one, split on "-", "_" and lower-to-upper case changes) is in the vocabulary.
    func boilerplateReason(classOrID value: String) -> String? {
        Self.match(value, in: boilerplateTokens)
    }

    /// True when a class or id value marks a standfirst (lead paragraph, "chapô", "manchet").
    func isStandfirst(classOrID value: String) -> Bool {
        Self.match(value, in: standfirstTokens) != nil
    }

    static func match(_ value: String, in boilerplateTokens: [String: (reason: String, match: TokenMatch)]) -> String? {
        guard !value.isEmpty else { return nil }
        for token in value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            let whole = token.lowercased()
            if let hit = boilerplateTokens[whole] { return hit.reason }
            let parts = Self.parts(of: token)
            guard parts.count > 1 else { continue }
            for (k, part) in parts.enumerated() {
                if let hit = boilerplateTokens[part], hit.match == .part { return hit.reason }
                if k + 1 < parts.count {
                    if let hit = boilerplateTokens[part + "-" + parts[k + 1]], hit.match == .part { return hit.reason }
                    if let hit = boilerplateTokens[part + parts[k + 1]], hit.match == .part { return hit.reason }
                }
            }
        }
        return nil
    }

    /// "social-share_bar" → ["social", "share", "bar"]; "relatedPosts" → ["related", "posts"].
    static func parts(of token: Substring) -> [String] {
        var out: [String] = []
        var cur: [UInt8] = []
        var prevLower = false
        for b in token.utf8 {
            if b == 0x2D || b == 0x5F || b == 0x3A || b == 0x2E {   // - _ : .
                if !cur.isEmpty { out.append(String(decoding: cur, as: UTF8.self)); cur.removeAll() }
                prevLower = false
                continue
            }
            let isUpper = b >= 0x41 && b <= 0x5A
            if isUpper && prevLower, !cur.isEmpty {
                out.append(String(decoding: cur, as: UTF8.self)); cur.removeAll()
            }
            prevLower = (b >= 0x61 && b <= 0x7A)
            cur.append(isUpper ? b | 0x20 : b)
        }
        if !cur.isEmpty { out.append(String(decoding: cur, as: UTF8.self)) }
        return out
    }

    /// The reason an attribute rule drops element `i`, if any.
    func attributeReason(_ tree: DOMTree, _ i: Int) -> String? {
        let n = tree.nodes[i]
        guard n.attrCount > 0 else { return nil }
        for rule in attributeRules {
            guard let v = tree.attr(i, rule.attribute) else { continue }
            if rule.value == "*" { return rule.reason }
            let lv = v.lowercased()
            if rule.value.hasPrefix("~") {
                if Self.containsIgnoringSpaces(lv, String(rule.value.dropFirst())) { return rule.reason }
            } else if lv == rule.value || lv.split(separator: " ").contains(where: { $0 == rule.value }) {
                return rule.reason
            }
        }
        return nil
    }

    /// `haystack` contains `needle` once spaces are removed from both ("display: none").
    private static func containsIgnoringSpaces(_ haystack: String, _ needle: String) -> Bool {
        let h = haystack.utf8.filter { $0 != 0x20 }
        let n = Array(needle.utf8.filter { $0 != 0x20 })
        guard !n.isEmpty, h.count >= n.count else { return false }
        var i = 0
        while i + n.count <= h.count {
            if h[i] == n[0] && Array(h[i..<(i + n.count)]) == n { return true }
            i += 1
        }
        return false
    }

    /// The main-content priority of element `i` (0 when it is no candidate).
    func contentPriority(_ tree: DOMTree, _ i: Int) -> Int {
        var best = contentTags[tree.tag(i)] ?? 0
        guard tree.nodes[i].attrCount > 0 else { return best }
        for (kind, table) in contentAttributes {
            guard var v = tree.attr(i, kind), !v.isEmpty else { continue }
            // split at spaces and lower-case over the bytes; a token is looked up as a (mostly
            // small, inline) String made from its bytes
            v.withUTF8 { b in
                var start = 0
                while start < b.count {
                    while start < b.count, b[start] == 0x20 { start += 1 }
                    var end = start
                    var ascii = true
                    while end < b.count, b[end] != 0x20 { if b[end] >= 0x80 { ascii = false }; end += 1 }
                    guard end > start else { break }
                    let slice = UnsafeBufferPointer(rebasing: b[start..<end])
                    let key = ascii
                        ? String(unsafeUninitializedCapacity: slice.count) { out in
                            for (k, c) in slice.enumerated() { out[k] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
                            return slice.count
                        }
                        : String(decoding: slice, as: UTF8.self).lowercased()
                    if let p = table[key] { best = max(best, p) }
                    start = end
                }
            }
        }
        return best
    }



}
