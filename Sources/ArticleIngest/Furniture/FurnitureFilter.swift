import CrosscheckModel
import Foundation
import LanguageData

/// Finds page furniture among an article's blocks: share and comment prompts, cookie banners,
/// copyright lines and image credits, newsletter prompts, "related" lists with the headlines under
/// them, bylines, and the title repeated as the first line of the body.
///
/// The phrases are data: `furniture.tsv` of every language folder (phrase, reason) plus the
/// language-neutral `Vocabulary/furniture-common.tsv`; byline prefixes come from `bylines.tsv`.
/// A phrase ending in `…` matches any block that starts with it; one starting with `…` matches a
/// short block (at most 15 words) that ends with it (`…/AFP`); any other phrase must be the
/// whole block (trailing punctuation aside), the block's label before a colon, or the first of
/// several labels glued together ("Share this articleComments").
public struct FurnitureFilter: Sendable {
    /// One phrase of a furniture table.
    public struct Phrase: Sendable, Hashable {
        /// Normalised (lowercase, single spaces) text without the trailing `…`.
        public var key: String
        public var reason: String
        /// True when the row ended in `…`: the block only has to start with it.
        public var isPrefix: Bool
        /// True when the row started with `…`: the block only has to end with it.
        public var isSuffix: Bool = false
        /// "da/furniture.tsv:12"
        public var origin: String
    }

    /// What the filter decided for a document's blocks.
    public struct Result: Sendable, Hashable {
        public var kept: [Block]
        public var dropped: [DroppedText]
        public var byline: String?
    }

    public let phrases: [Phrase]
    /// Whole-block phrases by key.
    let whole: [String: Phrase]
    /// Prefix phrases, longest first.
    let prefixes: [Phrase]
    /// Suffix phrases (`…/AFP`), longest first: credits at the end of a short block.
    let suffixes: [Phrase]
    /// Byline prefixes, normalised ("by", "af", "par").
    public let bylinePrefixes: Set<String>

    /// Builds the filter from every language's tables and the shared table.
    public init(languages: LanguageStore) {
        var rows: [TableRow] = []
        var bylines = Set<String>()
        for code in languages.codes {
            guard let pack = languages.pack(code) else { continue }
            rows += pack.rows("furniture.tsv")
            for w in pack.words("bylines.tsv") { bylines.insert(FurnitureFilter.normalize(w)) }
        }
        rows += FurnitureFilter.commonRows()
        self.init(rows: rows, bylinePrefixes: bylines)
    }

    /// Builds the filter from table rows (phrase, reason) and byline prefixes.
    public init(rows: [TableRow], bylinePrefixes: Set<String>) {
        var phrases: [Phrase] = []
        for row in rows {
            guard var text = row[0] else { continue }
            let reason = row[1] ?? "boilerplate"
            var isPrefix = false, isSuffix = false
            for ellipsis in ["…", "..."] where text.hasSuffix(ellipsis) {
                text = String(text.dropLast(ellipsis.count)); isPrefix = true
            }
            for ellipsis in ["…", "..."] where !isPrefix && text.hasPrefix(ellipsis) {
                text = String(text.dropFirst(ellipsis.count)); isSuffix = true
            }
            let key = FurnitureFilter.normalize(text)
            guard !key.isEmpty else { continue }
            phrases.append(Phrase(key: key, reason: reason, isPrefix: isPrefix, isSuffix: isSuffix, origin: row.origin))
        }
        self.phrases = phrases
        var whole: [String: Phrase] = [:]
        for p in phrases where !p.isPrefix && !p.isSuffix && whole[p.key] == nil { whole[p.key] = p }
        self.whole = whole
        self.prefixes = phrases.filter(\.isPrefix).sorted { $0.key.utf8.count > $1.key.utf8.count }
        self.suffixes = phrases.filter(\.isSuffix).sorted { $0.key.utf8.count > $1.key.utf8.count }
        self.bylinePrefixes = bylinePrefixes
    }

    /// Rows of `Vocabulary/furniture-common.tsv` (language-neutral patterns such as `©`).
    static func commonRows() -> [TableRow] {
        guard let url = Bundle.module.url(forResource: "furniture-common", withExtension: "tsv", subdirectory: "Vocabulary")
            ?? Bundle.module.url(forResource: "furniture-common", withExtension: "tsv")
        else { return [] }
        return (try? LanguageStore.parseTable(url: url, name: "furniture-common.tsv", language: "xx")) ?? []
    }

    // MARK: matching

    /// How a block matched a phrase.
    public enum MatchKind: Sendable, Hashable {
        /// The block is the phrase ("Related News", "Comments!").
        case whole
        /// The phrase labels the block before a colon or bar ("Læs også: …").
        case label
        /// The phrase is the first of several labels glued together ("Share this articleComments").
        case glued
        /// The block starts with a `…` phrase ("Copyright …").
        case prefix
        /// A short block ends with a `…` phrase ("Jane Doe/AFP").
        case suffix
    }

    /// The furniture phrase a block is, if any.
    public func match(_ block: String) -> Phrase? { matchKind(block)?.phrase }

    /// The furniture phrase a block is, and how it matched.
    public func matchKind(_ block: String) -> (phrase: Phrase, kind: MatchKind)? {
        let words = Shape.wordCount(block)
        // "(Photo: …)" and "[Foto: …]" are matched without their brackets.
        var key = FurnitureFilter.normalize(block)
        while let first = key.unicodeScalars.first, first == "(" || first == "[" {
            key = String(key.unicodeScalars.dropFirst())
        }
        guard !key.isEmpty else { return nil }
        if words <= 15 {
            var tail = key
            while let last = tail.unicodeScalars.last, last == ")" || last == "]" || last == "." { tail = String(tail.unicodeScalars.dropLast()) }
            for p in suffixes where tail.hasSuffix(p.key) && tail.utf8.count > p.key.utf8.count {
                // The credit must follow a slash, a space or a bracket ("Jane Doe/AFP", "via Getty Images").
                let before = tail.utf8.dropLast(p.key.utf8.count).last
                let keyStartsWord = p.key.unicodeScalars.first.map(FurnitureFilter.isWordScalar) ?? false
                if !keyStartsWord || before == 0x20 || before == 0x2F || before == 0x28 { return (p, .suffix) }
            }
        }
        for p in prefixes where key.hasPrefix(p.key) {
            let next = String(Substring(key.utf8.dropFirst(p.key.utf8.count))).unicodeScalars.first
            let boundary = next.map { !FurnitureFilter.isWordScalar($0) } ?? true
            let limit = p.reason == "cookie-banner" ? 150 : 40
            let phraseEndsInWord = p.key.unicodeScalars.last.map(FurnitureFilter.isWordScalar) ?? false
            if (boundary || !phraseEndsInWord) && words <= limit { return (p, .prefix) }
        }
        let bare = FurnitureFilter.stripTrailingPunctuation(key)
        if let p = whole[bare] { return (p, .whole) }
        if words <= 25 {
            // "Læs også: …", "Related | …", "Read more » …"
            for sep in [":", " |", " »", " >", " –", " -"] {
                if let r = bare.range(of: sep), let p = whole[FurnitureFilter.stripTrailingPunctuation(String(bare[..<r.lowerBound]))] {
                    return (p, .label)
                }
            }
        }
        if words <= 15 {
            let segments = FurnitureFilter.gluedSegments(block)
            if segments.count > 1, let p = whole[FurnitureFilter.stripTrailingPunctuation(FurnitureFilter.normalize(segments[0]))] {
                return (p, .glued)
            }
        }
        return nil
    }

    /// A byline block: a prefix from `bylines.tsv` followed by a few capitalised names.
    /// Returns the names ("Daniel Bellamy with AFP").
    public func byline(_ block: String) -> String? {
        let text = Shape.collapseSpaces(block.replacingOccurrences(of: "\u{A0}", with: " "))
        let words = text.split(separator: " ")
        guard words.count >= 2, words.count <= 12 else { return nil }
        // The longest prefix of one to three words ("By", "Written by", "Skrevet af").
        var prefixWords = 0
        for n in stride(from: min(3, words.count - 1), through: 1, by: -1)
        where bylinePrefixes.contains(FurnitureFilter.normalize(words[0..<n].joined(separator: " "))) {
            prefixWords = n; break
        }
        guard prefixWords > 0 else { return nil }
        var names = words.dropFirst(prefixWords).joined(separator: " ")
        if let bar = names.firstIndex(where: { $0 == "|" || $0 == "\u{2022}" || $0 == "\u{00B7}" }) { names = String(names[..<bar]).trimmingSpaces }
        let nameWords = names.split(separator: " ")
        guard !nameWords.isEmpty, nameWords.count <= 9, Shape.startsUppercase(String(nameWords[0])) else { return nil }
        // Names have no digits ("Af Afghanistans 34 provinser" is a sentence).
        guard !names.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let lower = nameWords.filter { Shape.startsLowercase(String($0)) }.count
        guard lower <= 3, lower * 2 < nameWords.count else { return nil }
        // A sentence is not a byline.
        if let last = Shape.lastMeaningful(names), last == "!" || last == "?" || last == ":" || last == ";" { return nil }
        if names.hasSuffix(".") && nameWords.count > 4 { return nil }
        if names.contains(", ") && nameWords.count > 6 { return nil }
        return names.hasSuffix(".") ? String(names.dropLast()) : names
    }

    /// Sorts the blocks into kept and dropped.
    public func filter(_ blocks: [Block], title: String?) -> Result {
        filter(blocks, titles: title.map { [$0] } ?? [])
    }

    /// Sorts the blocks into kept and dropped; a body block equal to one of `titles` near the top
    /// is the title repeated.
    public func filter(_ blocks: [Block], titles: [String]) -> Result {
        var kept: [Block] = []
        var dropped: [DroppedText] = []
        var byline: String?
        let titleKeys = Set(titles.map { FurnitureFilter.stripTrailingPunctuation(FurnitureFilter.normalize($0)) }.filter { !$0.isEmpty })
        /// Set after a "Related" or "Comments" heading: the short lines under it are its list.
        var listReason: String?
        for (n, block) in blocks.enumerated() {
            let text = block.text
            if let (p, kind) = matchKind(text) {
                dropped.append(DroppedText(text: text, reason: p.reason))
                let sectionStart = kind == .whole && (p.reason == "related-links" || p.reason == "comments")
                if sectionStart { listReason = p.reason }
                continue
            }
            if let reason = listReason {
                if FurnitureFilter.looksLikeListedHeadline(text) {
                    dropped.append(DroppedText(text: text, reason: reason))
                    continue
                }
                listReason = nil
            }
            if n < 3, kept.isEmpty, !titleKeys.isEmpty,
               titleKeys.contains(FurnitureFilter.stripTrailingPunctuation(FurnitureFilter.normalize(text))) {
                dropped.append(DroppedText(text: text, reason: "title"))
                continue
            }
            if byline == nil, n < 8 || n >= blocks.count - 3, let names = self.byline(text) {
                byline = names
                dropped.append(DroppedText(text: text, reason: "byline"))
                continue
            }
            kept.append(block)
        }
        return Result(kept: kept, dropped: dropped, byline: byline)
    }

    /// A headline under a "Related" heading: at most 24 words, not ending in a period (a
    /// question or an exclamation is a headline too). Real prose ends the list.
    static func looksLikeListedHeadline(_ text: String) -> Bool {
        guard Shape.wordCount(text) <= 24 else { return false }
        guard let last = Shape.lastMeaningful(text) else { return true }
        return last != "." && last != "\u{2026}" && last != ":" && last != ";"
    }

    // MARK: normalisation

    /// Lowercase, one space between words, curly apostrophes straight, `word :` as `word:`.
    /// Only the first 400 bytes are looked at.
    static func normalize(_ s: String) -> String {
        var prefix = s
        if s.utf8.count > 400 {
            prefix = String(decoding: s.utf8.prefix(400), as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for c in prefix.lowercased().unicodeScalars {
            switch c {
            case " ", "\t", "\n", "\u{A0}", "\u{202F}", "\u{2009}":
                pendingSpace = !out.isEmpty
            case "\u{2019}", "\u{2018}":
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append("'")
            case ":", "!", "?", ";":
                pendingSpace = false
                out.append(c)
            default:
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(c)
            }
        }
        return String(out)
    }

    /// Without trailing punctuation, closing quotes and spaces.
    static func stripTrailingPunctuation(_ s: String) -> String {
        var scalars = Array(s.unicodeScalars)
        while let last = scalars.last, !(last.properties.isAlphabetic || last.properties.numericType != nil) {
            if last == "\u{A9}" { break }
            scalars.removeLast()
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Labels glued together by a page's markup: "Share this articleComments" → two segments.
    static func gluedSegments(_ s: String) -> [String] {
        var segments: [String] = []
        var current = String.UnicodeScalarView()
        var prev: Unicode.Scalar?
        for c in s.unicodeScalars {
            if let p = prev, c.properties.isUppercase, p.properties.isLowercase || p == ":" {
                segments.append(String(current)); current = String.UnicodeScalarView()
            }
            current.append(c)
            prev = c
        }
        segments.append(String(current))
        return segments
    }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil
    }
}
