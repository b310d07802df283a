import CrosscheckModel

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
enum PlainTextReader {
    static func read(bytes: [UInt8], path: String) throws -> ExtractedDocument {
        let decoded = try TextDecoder.decode(bytes, path: path)
        let markdown = isMarkdownPath(path)
        var doc = read(text: decoded.text, markdown: markdown)
        if let w = decoded.warning { doc.warnings.insert(w, at: 0) }
        return doc
    }

    /// Whether the lowercased path ends in `.md` or `.markdown`. A path whose last ten bytes
    /// (or all, when fewer) are ASCII is answered from them: ASCII lowercases byte by byte, and
    /// with an ASCII byte before the suffix no character reaches across it. Any other path is
    /// lowercased as a `String`, as before.
    static func isMarkdownPath(_ path: String) -> Bool {
        let known: Bool? = path.withUTF8Bytes { b in
            let n = b.count
            for k in max(0, n - 10)..<n where b[k] >= 0x80 { return nil }
            func ends(_ suffix: StaticString) -> Bool {
                let m = suffix.utf8CodeUnitCount
                guard n >= m else { return false }
                let p = suffix.utf8Start
                for k in 0..<m where (b[n - m + k] &- 0x41 < 26 ? b[n - m + k] | 0x20 : b[n - m + k]) != p[k] { return false }
                return true
            }
            return ends(".md") || ends(".markdown")
        }
        if let known { return known }
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    /// Structures decoded text.
    static func read(text: String, markdown: Bool) -> ExtractedDocument {
        var lines = Self.lines(text)
        var metadata = PageMetadata()
        var warnings: [String] = []
        if let fm = FrontMatter.take(&lines) {
            metadata = fm.metadata
            warnings += fm.warnings
        }
        CrawlHeader.take(&lines, into: &metadata)

        var blocks = markdown ? MarkdownBlocks.blocks(lines)
            : plainBlocks(lines, plainlySpaced: text.withUTF8Bytes(Shape.isPlainlySpaced))
        var title: String?
        // The first line is the title; in Markdown with a front-matter title, only a heading is.
        // A first line of more than 40 words is the body itself (a crawl without a headline).
        if let first = blocks.first, !markdown || metadata.title == nil || first.role == .heading,
           Shape.wordCount(first.text, limit: 41) <= 40 {
            title = first.text
            blocks.removeFirst()
        }
        return ExtractedDocument(metadata: metadata, title: title, blocks: blocks, dropped: [], warnings: warnings)
    }

    /// The text's lines (split at line feeds, empty ones kept), each a `String` of its own.
    static func lines(_ text: String) -> [String] {
        text.withUTF8Bytes { b in
            var lines: [String] = []
            // Room for lines of 32 bytes on average, reserved once.
            lines.reserveCapacity(b.count / 32 + 1)
            var start = 0
            while true {
                let i = UTF8Scan.find(0x0A, in: b, from: start, to: b.count)
                // A line feed is ASCII: every line is a whole run of the text's scalars.
                lines.append(i == start ? "" : text.utf8Slice(start..<i, bytes: b))
                if i == b.count { return lines }
                start = i + 1
            }
        }
    }

    // MARK: plain text

    /// `plainlySpaced`: the text the lines come from is ``Shape/isPlainlySpaced(_:)`` (so is every
    /// line, and every piece the crawl header leaves of one): a line is then collapsed already
    /// unless it starts or ends with a space, which is answered without scanning it.
    static func plainBlocks(_ lines: [String], plainlySpaced: Bool = false) -> [Block] {
        var blocks: [Block] = []
        blocks.reserveCapacity(lines.count / 2 + 1)
        var group: [String] = []
        var isFirstLine = true
        for raw in lines {
            // First and last byte from the bytes (the UTF-8 view's `last` walks indices).
            let plainEnds = plainlySpaced && raw.withUTF8Bytes { b in b.first != 0x20 && b.last != 0x20 }
            let line = plainEnds ? raw : Shape.collapseSpaces(raw)
            // A line of only symbols ("=====", "* * *") is a rule: it separates, it is not text.
            if line.isEmpty || !hasWordScalar(line) {
                flush(&group, into: &blocks, isFirstLine: &isFirstLine)
            } else {
                group.append(line)
            }
        }
        flush(&group, into: &blocks, isFirstLine: &isFirstLine)
        return blocks
    }

    /// The blocks of one group of consecutive lines: each line joined to the next where the
    /// break is a soft wrap (the first line always stands alone). Written as a function of its
    /// own (not a closure over the caller's variables), so no access to them is checked at run time.
    private static func flush(_ group: inout [String], into blocks: inout [Block], isFirstLine: inout Bool) {
        guard !group.isEmpty else { return }
        // Most groups are one line (a paragraph per line, blank lines between): the line is moved
        // out as the block, without the join loop and the array's bulk removal.
        if group.count == 1 {
            let line = group.removeLast()
            blocks.append(Block(text: line, role: Shape.looksLikeHeading(line) ? .heading : .paragraph))
            isFirstLine = false
            return
        }
        var current = ""
        for (n, line) in group.enumerated() {
            if current.isEmpty {
                current = line
            } else {
                current += " " + line
            }
            let isLast = n == group.count - 1
            if isLast || !joins(line, group[n + 1]) || isFirstLine {
                let role: Paragraph.Role = Shape.looksLikeHeading(current) ? .heading : .paragraph
                blocks.append(Block(text: current, role: role))
                current = ""
                isFirstLine = false
            }
        }
        group.removeAll(keepingCapacity: true)
    }

    /// Whether some scalar is a letter or a digit.
    static func hasWordScalar(_ line: String) -> Bool {
        line.withUTF8Bytes { b in
            // Most lines start with an ASCII letter or digit (read from the bytes: the UTF-8
            // view's `first` costs about a hundred instructions).
            if let first = b.first, (first | 0x20) &- 0x61 < 26 || first &- 0x30 < 10 { return true }
            var i = 0
            while i < b.count {
                guard let (c, len) = UTF8Scan.scalar(b, i, b.count) else { return false }
                if UTF8Scan.isWordScalar(c) { return true }
                i += len
            }
            return false
        }
    }

    /// `line.hasSuffix(suffix)` for an ASCII suffix, answered from the bytes when the byte before
    /// it is ASCII too (then no grapheme cluster reaches across it).
    static func hasASCIISuffix(_ line: String, _ suffix: StaticString) -> Bool {
        let answer: Bool? = line.withUTF8Bytes { b in
            let k = suffix.utf8CodeUnitCount
            guard b.count >= k else { return false }
            let p = suffix.utf8Start
            for j in 0..<k where b[b.count - k + j] != p[j] { return false }
            if b.count == k || b[b.count - k - 1] < 0x80 { return true }
            return nil
        }
        return answer ?? line.hasSuffix(suffix.description)
    }

    /// Whether a single line break between `line` and `next` is a soft wrap inside one paragraph.
    static func joins(_ line: String, _ next: String) -> Bool {
        if Shape.endsSentence(line) { return false }
        if hasASCIISuffix(line, ",") || hasASCIISuffix(line, "-") && !hasASCIISuffix(line, " -") { return true }
        if Shape.startsLowercase(next) { return true }
        // A long line that stops mid-sentence was wrapped, unless a heading or a label follows it;
        // a short one is a heading or a label itself.
        guard line.utf8.count >= 60 else { return false }
        return next.utf8.count >= 60 || !Shape.looksLikeHeading(next)
    }
}

/// `date 2021-08` (and `url …`) at the very start of the first line: the crawler's header.
enum CrawlHeader {
    static func take(_ lines: inout [String], into metadata: inout PageMetadata) {
        // Most files start with a line whose first byte is no space (so the collapsed line starts
        // with it, and it is the first line that is not blank) and not the first letter of a
        // header key: no header, without collapsing the line.
        if let first = lines.first, let c = first.withUTF8Bytes({ $0.first }),
           c != 0x20, c != 0x09, c != 0x0A, c != 0x0B, c != 0x0C, c != 0xEF,
           c | 0x20 != 0x64, c | 0x20 != 0x70, c | 0x20 != 0x75 {
            return
        }
        guard let i = lines.firstIndex(where: { !Shape.collapseSpaces($0).isEmpty }) else { return }
        let line = Shape.collapseSpaces(lines[i])
        // A header's first key is "date", "published" or "url" (any case) and a space: the line
        // must start with one of them in ASCII (no other scalar lowercases or is canonically
        // equal to one of their letters), so almost every first line is answered from its bytes.
        guard startsWithHeaderKey(line) else { return }
        var rest = Substring(line)
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

    /// Whether `line` starts with `date `, `published ` or `url `, ASCII letters in any case.
    static func startsWithHeaderKey(_ line: String) -> Bool {
        line.withUTF8Bytes { b in
            for key in headerKeys where b.count > key.count && b[key.count] == 0x20 {
                var k = 0
                while k < key.count, b[k] | 0x20 == key[k] { k += 1 }
                if k == key.count { return true }
            }
            return false
        }
    }

    static let headerKeys: [[UInt8]] = ["date", "published", "url"].map { Array($0.utf8) }

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
enum FrontMatter {
    static func take(_ lines: inout [String]) -> (metadata: PageMetadata, warnings: [String])? {
        guard let first = lines.firstIndex(where: { trimmedSpaces($0) != nil }),
              trimmedSpaces(lines[first]) == "---",
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

    /// `line.trimmingSpaces` when it is three ASCII bytes or fewer ("---"), "" for any other
    /// non-blank line, nil for a blank one; read from the bytes, without building the trimmed line.
    static func trimmedSpaces(_ line: String) -> String? {
        line.withUTF8Bytes { b in
            var lo = 0, hi = b.count
            // Spaces, tabs, line ends, U+00A0 (C2 A0) and U+FEFF (EF BB BF), as trimmingSpaces takes them.
            func spaceAt(_ i: Int) -> Int {
                let c = b[i]
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { return 1 }
                if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
                if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return 3 }
                return 0
            }
            while lo < hi { let w = spaceAt(lo); if w == 0 { break }; lo += w }
            while lo < hi {
                let c = b[hi - 1]
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { hi -= 1; continue }
                if c == 0xA0, hi - 2 >= lo, b[hi - 2] == 0xC2 { hi -= 2; continue }
                if c == 0xBF, hi - 3 >= lo, b[hi - 3] == 0xEF, b[hi - 2] == 0xBB { hi -= 3; continue }
                break
            }
            guard lo < hi else { return nil }
            return hi - lo <= 3 ? String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self) : ""
        }
    }
}

/// Markdown block structure: ATX and setext headings, list items, quotes, fences, rules.
enum MarkdownBlocks {
    static func blocks(_ lines: [String]) -> [Block] {
        var blocks: [Block] = []
        var para: [String] = []
        var paraRole: Paragraph.Role = .paragraph
        var inFence = false
        func flush() {
            if !para.isEmpty {
                let text = Shape.collapseSpaces(MarkdownInline.strip(para.joined(separator: " ")))
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
