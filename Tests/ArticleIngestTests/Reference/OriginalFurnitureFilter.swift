// The furniture filter as it was before the byte-level rewrite (commit cbd9e25), kept verbatim
// (renamed) as the reference the rewritten filter is compared against.
import CrosscheckModel
@testable import ArticleIngest
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
struct OriginalFurnitureFilter: Sendable {
    /// One phrase of a furniture table.
    struct Phrase: Sendable, Hashable {
        /// Normalised (lowercase, single spaces) text without the trailing `…`.
        var key: String
        var reason: String
        /// True when the row ended in `…`: the block only has to start with it.
        var isPrefix: Bool
        /// True when the row started with `…`: the block only has to end with it.
        var isSuffix: Bool = false
        /// "da/furniture.tsv:12"
        var origin: String
    }

    /// What the filter decided for a document's blocks.
    struct Result: Sendable, Hashable {
        var kept: [Block]
        var dropped: [DroppedText]
        var byline: String?
    }

    let phrases: [Phrase]
    /// Whole-block phrases by key.
    let whole: [String: Phrase]
    /// Prefix phrases, longest first.
    let prefixes: [Phrase]
    /// Suffix phrases (`…/AFP`), longest first: credits at the end of a short block.
    let suffixes: [Phrase]
    /// Byline prefixes, normalised ("by", "af", "par").
    let bylinePrefixes: Set<String>
    /// `prefixes` as a byte trie of their keys, built once.
    let prefixTrie: OriginalPhraseTrie
    /// `suffixes` as a byte trie of their reversed keys, built once.
    let suffixTrie: OriginalPhraseTrie

    /// Builds the filter from table rows (phrase, reason) and byline prefixes.
    init(rows: [TableRow], bylinePrefixes: Set<String>) {
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
            let key = OriginalFurnitureFilter.normalize(text)
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
        self.prefixTrie = OriginalPhraseTrie(keys: prefixes.map { Array($0.key.utf8) })
        self.suffixTrie = OriginalPhraseTrie(keys: suffixes.map { Array($0.key.utf8.reversed()) })
    }

    // MARK: matching

    /// How a block matched a phrase.
    enum MatchKind: Sendable, Hashable {
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
    func match(_ block: String) -> Phrase? { matchKind(block)?.phrase }

    /// The furniture phrase a block is, and how it matched.
    func matchKind(_ block: String) -> (phrase: Phrase, kind: MatchKind)? {
        let words = OriginalShape.wordCount(block)
        // "(Photo: …)" and "[Foto: …]" are matched without their brackets.
        var key = OriginalFurnitureFilter.normalize(block)
        while let first = key.unicodeScalars.first, first == "(" || first == "[" {
            key = String(key.unicodeScalars.dropFirst())
        }
        guard !key.isEmpty else { return nil }
        let keyBytes = Array(key.utf8)
        if words <= 15 {
            // The tail without closing brackets and periods; candidates longest first, as listed.
            var tailEnd = keyBytes.count
            while tailEnd > 0, keyBytes[tailEnd - 1] == 0x29 || keyBytes[tailEnd - 1] == 0x5D || keyBytes[tailEnd - 1] == 0x2E { tailEnd -= 1 }
            for index in suffixTrie.matches(keyBytes, from: tailEnd, step: -1) {
                let p = suffixes[index]
                let keyCount = p.key.utf8.count
                guard tailEnd > keyCount else { continue }
                // The credit must follow a slash, a space or a bracket ("Jane Doe/AFP", "via Getty Images").
                let before = keyBytes[tailEnd - keyCount - 1]
                let keyStartsWord = p.key.unicodeScalars.first.map(OriginalFurnitureFilter.isWordScalar) ?? false
                if !keyStartsWord || before == 0x20 || before == 0x2F || before == 0x28 { return (p, .suffix) }
            }
        }
        for index in prefixTrie.matches(keyBytes, from: 0, step: 1) {
            let p = prefixes[index]
            let keyCount = p.key.utf8.count
            let next = keyCount < keyBytes.count ? OriginalFurnitureFilter.scalar(keyBytes, at: keyCount) : nil
            let boundary = next.map { !OriginalFurnitureFilter.isWordScalar($0) } ?? true
            let limit = p.reason == "cookie-banner" ? 150 : 40
            let phraseEndsInWord = p.key.unicodeScalars.last.map(OriginalFurnitureFilter.isWordScalar) ?? false
            if (boundary || !phraseEndsInWord) && words <= limit { return (p, .prefix) }
        }
        let bare = OriginalFurnitureFilter.stripTrailingPunctuation(key)
        if let p = whole[bare] { return (p, .whole) }
        if words <= 25 {
            // "Læs også: …", "Related | …", "Read more » …"
            let bareBytes = Array(bare.utf8)
            for sep in OriginalFurnitureFilter.labelSeparators {
                if let at = OriginalFurnitureFilter.firstIndex(of: sep, in: bareBytes),
                   let p = whole[OriginalFurnitureFilter.stripTrailingPunctuation(String(decoding: bareBytes[..<at], as: UTF8.self))] {
                    return (p, .label)
                }
            }
        }
        if words <= 15 {
            if let first = OriginalFurnitureFilter.firstGluedSegment(block),
               let p = whole[OriginalFurnitureFilter.stripTrailingPunctuation(OriginalFurnitureFilter.normalize(first))] {
                return (p, .glued)
            }
        }
        return nil
    }

    /// A byline block: a prefix from `bylines.tsv` followed by a few capitalised names.
    /// Returns the names ("Daniel Bellamy with AFP").
    func byline(_ block: String) -> String? {
        // Most blocks are prose: count words over the bytes first and skip the copying below.
        let quickWords = OriginalFurnitureFilter.bylineWordCount(block)
        guard quickWords >= 2, quickWords <= 12 else { return nil }
        let text = OriginalShape.collapseSpaces(block.replacingOccurrences(of: "\u{A0}", with: " "))
        let words = text.split(separator: " ")
        guard words.count >= 2, words.count <= 12 else { return nil }
        // The longest prefix of one to three words ("By", "Written by", "Skrevet af").
        var prefixWords = 0
        for n in stride(from: min(3, words.count - 1), through: 1, by: -1)
        where bylinePrefixes.contains(OriginalFurnitureFilter.normalize(words[0..<n].joined(separator: " "))) {
            prefixWords = n; break
        }
        guard prefixWords > 0 else { return nil }
        var names = words.dropFirst(prefixWords).joined(separator: " ")
        if let bar = names.firstIndex(where: { $0 == "|" || $0 == "\u{2022}" || $0 == "\u{00B7}" }) { names = String(names[..<bar]).trimmingSpaces }
        let nameWords = names.split(separator: " ")
        guard !nameWords.isEmpty, nameWords.count <= 9, OriginalShape.startsUppercase(String(nameWords[0])) else { return nil }
        // Names have no digits ("Af Afghanistans 34 provinser" is a sentence).
        guard !names.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let lower = nameWords.filter { OriginalShape.startsLowercase(String($0)) }.count
        guard lower <= 3, lower * 2 < nameWords.count else { return nil }
        // A sentence is not a byline.
        if let last = OriginalShape.lastMeaningful(names), last == "!" || last == "?" || last == ":" || last == ";" { return nil }
        if names.hasSuffix(".") && nameWords.count > 4 { return nil }
        if names.contains(", ") && nameWords.count > 6 { return nil }
        return names.hasSuffix(".") ? String(names.dropLast()) : names
    }

    /// The number of words `byline(_:)` would split the block into: runs between spaces, tabs,
    /// line breaks, U+000B, U+000C, U+FEFF and U+00A0. Stops counting past 13.
    static func bylineWordCount(_ s: String) -> Int {
        var n = 0
        var inWord = false
        var it = s.utf8.makeIterator()
        var pending: UInt8? = nil
        while let b = pending ?? it.next() {
            pending = nil
            var space = b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0B || b == 0x0C
            if b == 0xC2 {
                if let c = it.next() { if c == 0xA0 { space = true } else { pending = c } }
            } else if b == 0xEF {
                // U+FEFF is EF BB BF.
                if let c = it.next() {
                    if c == 0xBB, let d = it.next() {
                        if d == 0xBF { space = true } else { pending = d }
                    } else { pending = c }
                }
            }
            if space { inWord = false } else if !inWord { inWord = true; n += 1; if n > 13 { return n } }
        }
        return n
    }

    /// Sorts the blocks into kept and dropped.
    func filter(_ blocks: [Block], title: String?) -> Result {
        filter(blocks, titles: title.map { [$0] } ?? [])
    }

    /// Sorts the blocks into kept and dropped; a body block equal to one of `titles` near the top
    /// is the title repeated.
    func filter(_ blocks: [Block], titles: [String]) -> Result {
        var kept: [Block] = []
        var dropped: [DroppedText] = []
        var byline: String?
        let titleKeys = Set(titles.map { OriginalFurnitureFilter.stripTrailingPunctuation(OriginalFurnitureFilter.normalize($0)) }.filter { !$0.isEmpty })
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
                if OriginalFurnitureFilter.looksLikeListedHeadline(text) {
                    dropped.append(DroppedText(text: text, reason: reason))
                    continue
                }
                listReason = nil
            }
            if n < 3, kept.isEmpty, !titleKeys.isEmpty,
               titleKeys.contains(OriginalFurnitureFilter.stripTrailingPunctuation(OriginalFurnitureFilter.normalize(text))) {
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
        guard OriginalShape.wordCount(text) <= 24 else { return false }
        guard let last = OriginalShape.lastMeaningful(text) else { return true }
        return last != "." && last != "\u{2026}" && last != ":" && last != ";"
    }

    // MARK: normalisation

    /// Lowercase, one space between words, curly apostrophes straight, `word :` as `word:`.
    /// Only the first 400 bytes are looked at.
    ///
    /// Written over bytes: ASCII is lowercased in place, any other scalar through its own
    /// `lowercaseMapping` (what `String.lowercased()` does scalar by scalar), so no copy of the
    /// text is lowercased as a whole.
    static func normalize(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(min(s.utf8.count, 400))
        var pendingSpace = false
        func scan(_ scalars: String.UnicodeScalarView) {
            for c in scalars {
                let v = c.value
                if v < 0x80 {
                    switch v {
                    case 0x20, 0x09, 0x0A:
                        pendingSpace = !out.isEmpty
                    case 0x3A, 0x21, 0x3F, 0x3B:   // : ! ? ;
                        pendingSpace = false
                        out.append(UInt8(v))
                    default:
                        if pendingSpace { out.append(0x20); pendingSpace = false }
                        out.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 0x20) : UInt8(v))
                    }
                    continue
                }
                switch v {
                case 0xA0, 0x202F, 0x2009:
                    pendingSpace = !out.isEmpty
                case 0x2019, 0x2018:
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(0x27)
                default:
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    if c.properties.changesWhenLowercased {
                        out.append(contentsOf: c.properties.lowercaseMapping.utf8)
                    } else {
                        out.append(contentsOf: String(c).utf8)
                    }
                }
            }
        }
        if s.utf8.count > 400 {
            scan(String(decoding: s.utf8.prefix(400), as: UTF8.self).unicodeScalars)
        } else {
            scan(s.unicodeScalars)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Without trailing punctuation, closing quotes and spaces.
    static func stripTrailingPunctuation(_ s: String) -> String {
        let scalars = s.unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex {
            let before = scalars.index(before: end)
            let last = scalars[before]
            if isWordScalar(last) || last == "\u{A9}" { break }
            end = before
        }
        return end == scalars.endIndex ? s : String(scalars[..<end])
    }

    static let labelSeparators: [[UInt8]] = [":", " |", " »", " >", " –", " -"].map { Array($0.utf8) }

    /// Where `needle` first occurs in `bytes`.
    static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        let first = needle[0]
        var i = 0
        let last = bytes.count - needle.count
        outer: while i <= last {
            if bytes[i] == first {
                for k in 1..<needle.count where bytes[i + k] != needle[k] { i += 1; continue outer }
                return i
            }
            i += 1
        }
        return nil
    }

    /// The scalar starting at byte `i` of valid UTF-8.
    static func scalar(_ b: [UInt8], at i: Int) -> Unicode.Scalar? {
        let lead = b[i]
        var len = 1
        if lead >= 0xF0 { len = 4 } else if lead >= 0xE0 { len = 3 } else if lead >= 0xC0 { len = 2 }
        guard i + len <= b.count else { return nil }
        return String(decoding: b[i..<(i + len)], as: UTF8.self).unicodeScalars.first
    }

    /// The first of several labels glued together ("Share this articleComments" → "Share this
    /// article"), or nil when the block is one label.
    static func firstGluedSegment(_ s: String) -> String? {
        let scalars = s.unicodeScalars
        var prev: Unicode.Scalar?
        for i in scalars.indices {
            let c = scalars[i]
            if let p = prev, c.properties.isUppercase, p.properties.isLowercase || p == ":" {
                return String(scalars[..<i])
            }
            prev = c
        }
        return nil
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

/// Byte keys in a trie, for "which of these keys does the text start with", answered in one walk.
struct OriginalPhraseTrie: Sendable {
    /// Per node: (byte, child) pairs.
    private var children: [[(UInt8, Int32)]] = [[]]
    /// Per node: indices of the keys ending there, in the order given.
    private var ends: [[Int]] = [[]]

    init(keys: [[UInt8]]) {
        for (index, key) in keys.enumerated() {
            var node = 0
            for b in key {
                if let next = children[node].first(where: { $0.0 == b })?.1 {
                    node = Int(next)
                } else {
                    children.append([]); ends.append([])
                    children[node].append((b, Int32(children.count - 1)))
                    node = children.count - 1
                }
            }
            ends[node].append(index)
        }
    }

    /// Indices of the keys found in `bytes` walking from `from` (step 1: forwards from it;
    /// step -1: backwards from just before it), longest first, keys of one length in their order.
    func matches(_ bytes: [UInt8], from: Int, step: Int) -> [Int] {
        var found: [[Int]] = []
        var node = 0
        var i = step > 0 ? from : from - 1
        while i >= 0, i < bytes.count {
            guard let next = children[node].first(where: { $0.0 == bytes[i] })?.1 else { break }
            node = Int(next)
            if !ends[node].isEmpty { found.append(ends[node]) }
            i += step
        }
        return found.reversed().flatMap { $0 }
    }
}
