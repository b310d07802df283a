// The plain-text reader as it was before the byte-level rewrite (commit cbd9e25), kept verbatim
// (renamed, with the old Shape) as the reference the rewritten reader is compared against.
import CrosscheckModel
@testable import ArticleIngest

/// Reads a plain-text (`.txt`) or Markdown (`.md`) article into an ``ExtractedDocument``.
///
/// - The bytes are decoded by ``TextDecoder`` (UTF-8, UTF-16, Windows-1252 fallback with a warning).
/// - A crawl header at the start of the first line (`date 2021-08 …`) and a Markdown front
///   matter block (`---` / `title: …` / `---`) are metadata, not text.
/// - The first non-empty line is the title.
/// - Blank lines separate paragraphs. Inside a paragraph, a line that looks like a heading (short,
///   no final punctuation) is a block of its own; a line cut mid-sentence is joined to the next.
/// - Markdown: `#` headings, list items, quotes, emphasis and link syntax removed.
///
/// Furniture and bylines are left in the blocks: ``ArticleAssembler`` removes them for every format.
enum OriginalPlainTextReader {
    static func read(bytes: [UInt8], path: String) throws -> ExtractedDocument {
        let decoded = try OriginalTextDecoder.decode(bytes, path: path)
        let lower = path.lowercased()
        let markdown = lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
        var doc = read(text: decoded.text, markdown: markdown)
        if let w = decoded.warning { doc.warnings.insert(w, at: 0) }
        return doc
    }

    /// Structures decoded text.
    static func read(text: String, markdown: Bool) -> ExtractedDocument {
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
        var metadata = PageMetadata()
        var warnings: [String] = []
        if let fm = OriginalFrontMatter.take(&lines) {
            metadata = fm.metadata
            warnings += fm.warnings
        }
        OriginalCrawlHeader.take(&lines, into: &metadata)

        var blocks = markdown ? OriginalMarkdownBlocks.blocks(lines) : plainBlocks(lines)
        var title: String?
        // The first line is the title; in Markdown with a front-matter title, only a heading is.
        // A first line of more than 40 words is the body itself (a crawl without a headline).
        if let first = blocks.first, !markdown || metadata.title == nil || first.role == .heading,
           OriginalShape.wordCount(first.text) <= 40 {
            title = first.text
            blocks.removeFirst()
        }
        return ExtractedDocument(metadata: metadata, title: title, blocks: blocks, dropped: [], warnings: warnings)
    }

    // MARK: plain text

    static func plainBlocks(_ lines: [String]) -> [Block] {
        var blocks: [Block] = []
        var group: [String] = []
        var isFirstLine = true
        func flush() {
            guard !group.isEmpty else { return }
            var current = ""
            for (n, line) in group.enumerated() {
                if current.isEmpty {
                    current = line
                } else {
                    current += " " + line
                }
                let isLast = n == group.count - 1
                if isLast || !joins(line, group[n + 1]) || isFirstLine {
                    let role: Paragraph.Role = OriginalShape.looksLikeHeading(current) ? .heading : .paragraph
                    blocks.append(Block(text: current, role: role))
                    current = ""
                    isFirstLine = false
                }
            }
            group.removeAll()
        }
        for raw in lines {
            let line = OriginalShape.collapseSpaces(raw)
            // A line of only symbols ("=====", "* * *") is a rule: it separates, it is not text.
            if line.isEmpty || !line.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
                flush()
            } else {
                group.append(line)
            }
        }
        flush()
        return blocks
    }

    /// Whether a single line break between `line` and `next` is a soft wrap inside one paragraph.
    static func joins(_ line: String, _ next: String) -> Bool {
        if OriginalShape.endsSentence(line) { return false }
        if line.hasSuffix(",") || line.hasSuffix("-") && !line.hasSuffix(" -") { return true }
        if OriginalShape.startsLowercase(next) { return true }
        // A long line that stops mid-sentence was wrapped, unless a heading or a label follows it;
        // a short one is a heading or a label itself.
        guard line.utf8.count >= 60 else { return false }
        return next.utf8.count >= 60 || !OriginalShape.looksLikeHeading(next)
    }
}

/// `date 2021-08` (and `url …`) at the very start of the first line: the crawler's header.
enum OriginalCrawlHeader {
    static func take(_ lines: inout [String], into metadata: inout PageMetadata) {
        guard let i = lines.firstIndex(where: { !OriginalShape.collapseSpaces($0).isEmpty }) else { return }
        var rest = Substring(OriginalShape.collapseSpaces(lines[i]))
        var found = false
        while true {
            let parts = rest.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            guard parts.count >= 2 else { break }
            let key = parts[0].lowercased()
            var value = String(parts[1])
            // "2021-08-11T10:30:00Z" → "2021-08-11"
            if value.utf8.count > 10, isISODate(String(value.prefix(10))), value.dropFirst(10).first == "T" {
                value = String(value.prefix(10))
            }
            if key == "date" || key == "published", isISODate(value) {
                if metadata.published == nil { metadata.published = value }
            } else if key == "url", value.hasPrefix("http") {
                if metadata.url == nil { metadata.url = value }
            } else { break }
            found = true
            rest = parts.count > 2 ? parts[2] : ""
        }
        if found { lines[i] = String(rest) }
    }

    /// `2021`, `2021-08` or `2021-08-11`.
    static func isISODate(_ s: String) -> Bool {
        let b = Array(s.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.upperBound <= b.count && b[r].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        switch b.count {
        case 4: return digits(0..<4)
        case 7: return digits(0..<4) && b[4] == 0x2D && digits(5..<7)
        case 10: return digits(0..<4) && b[4] == 0x2D && digits(5..<7) && b[7] == 0x2D && digits(8..<10)
        default: return false
        }
    }
}

/// A YAML-like front matter block at the top of a file: `---`, `key: value` lines, `---`.
enum OriginalFrontMatter {
    static func take(_ lines: inout [String]) -> (metadata: PageMetadata, warnings: [String])? {
        guard let first = lines.firstIndex(where: { !$0.trimmingSpaces.isEmpty }),
              lines[first].trimmingSpaces == "---",
              let end = lines[(first + 1)...].firstIndex(where: { $0.trimmingSpaces == "---" || $0.trimmingSpaces == "..." }),
              end - first <= 40
        else { return nil }
        var md = PageMetadata()
        for line in lines[(first + 1)..<end] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingSpaces.lowercased()
            var value = line[line.index(after: colon)...].trimmingSpaces
            if value.count >= 2, let f = value.first, let l = value.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
                value = String(value.dropFirst().dropLast())
            }
            guard !value.isEmpty else { continue }
            switch key {
            case "title": md.title = MarkdownInline.strip(value)
            case "date", "published", "pubdate": md.published = String(value.prefix(10))
            case "url", "link", "canonical": md.url = value
            case "author", "byline", "authors": md.byline = value
            case "lang", "language": md.language = value
            case "outlet", "source", "site", "publisher": md.outlet = value
            default: break
            }
        }
        lines.removeSubrange(first...end)
        return (md, [])
    }
}

/// Markdown block structure: ATX and setext headings, list items, quotes, fences, rules.
enum OriginalMarkdownBlocks {
    static func blocks(_ lines: [String]) -> [Block] {
        var blocks: [Block] = []
        var para: [String] = []
        var paraRole: Paragraph.Role = .paragraph
        var inFence = false
        func flush() {
            if !para.isEmpty {
                let text = OriginalShape.collapseSpaces(MarkdownInline.strip(para.joined(separator: " ")))
                if !text.isEmpty { blocks.append(Block(text: text, role: paraRole)) }
            }
            para.removeAll()
            paraRole = .paragraph
        }
        for raw in lines {
            let line = raw.trimmingSpaces
            if line.hasPrefix("```") || line.hasPrefix("~~~") { flush(); inFence.toggle(); continue }
            if inFence { continue }
            if line.isEmpty { flush(); continue }
            // Setext underline: the paragraph so far is a heading.
            if !para.isEmpty, paraRole == .paragraph, line.allSatisfy({ $0 == "=" }) || (line.allSatisfy({ $0 == "-" }) && line.count >= 2) {
                paraRole = .heading; flush(); continue
            }
            if isRule(line) { flush(); continue }
            if line.hasPrefix("#") {
                let hashes = line.prefix { $0 == "#" }.count
                let rest = line.dropFirst(hashes)
                if hashes <= 6, rest.isEmpty || rest.first == " " {
                    flush()
                    var t = rest.trimmingSpaces
                    while t.hasSuffix("#") { t.removeLast() }
                    para = [t.trimmingSpaces]; paraRole = .heading; flush()
                    continue
                }
            }
            if let item = listItem(line) {
                flush(); para = [item]; paraRole = .listItem; continue
            }
            if line.hasPrefix(">") {
                let t = line.drop { $0 == ">" || $0 == " " }
                if paraRole != .quote { flush(); paraRole = .quote }
                para.append(String(t)); continue
            }
            if isReferenceDefinition(line) { continue }
            if paraRole == .quote { flush() }
            para.append(line)
        }
        flush()
        return blocks
    }

    static func isRule(_ line: String) -> Bool {
        let chars = line.filter { $0 != " " }
        guard chars.count >= 3, let c = chars.first, c == "-" || c == "*" || c == "_" else { return false }
        return chars.allSatisfy { $0 == c }
    }

    /// `- item`, `* item`, `+ item`, `1. item`, `1) item`: the item's text.
    static func listItem(_ line: String) -> String? {
        let u = Array(line.utf8)
        if u.count >= 2, u[0] == 0x2D || u[0] == 0x2A || u[0] == 0x2B, u[1] == 0x20 {
            return String(decoding: u[2...], as: UTF8.self).trimmingSpaces
        }
        var i = 0
        while i < u.count && i < 9 && u[i] >= 0x30 && u[i] <= 0x39 { i += 1 }
        if i > 0, i + 1 < u.count, u[i] == 0x2E || u[i] == 0x29, u[i + 1] == 0x20 {
            return String(decoding: u[(i + 2)...], as: UTF8.self).trimmingSpaces
        }
        return nil
    }

    /// `[ref]: https://…`
    static func isReferenceDefinition(_ line: String) -> Bool {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return false }
        let after = line[line.index(after: close)...]
        return after.hasPrefix(":") && !after.dropFirst().trimmingSpaces.contains(" ")
    }
}
