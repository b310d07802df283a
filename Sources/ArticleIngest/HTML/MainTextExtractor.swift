import CrosscheckModel

/// Finds an HTML page's main text, in the spirit of trafilatura and Readability.
///
/// 1. Furniture is cut from the tree: tags (script, nav, footer, form …), attributes (hidden,
///    `role=navigation` …) and class/id tokens (share, comments, cookie, related …), all from
///    ``HTMLVocabulary``. A token match never removes `html`, `body`, `article` or `main`, nor a
///    node that holds a main-content candidate or most of the page's text (layout wrappers such
///    as `class="page has-sidebar"`).
/// 2. One pass turns what is left into blocks (paragraphs, headings, list items, quotes; text
///    split on `<br><br>` too), each with its length and link length.
/// 3. The main region is the most specific main-content container (`[itemprop=articleBody]`,
///    content classes, `<article>`, `<main>`) that holds a fair share of the text; without one,
///    or when it holds far less text than the densest part of the page, text-density scoring
///    picks the region (plus siblings that score well).
/// 4. In the region, link lists, "read more" lists and the block repeating the title are dropped.
struct MainTextExtractor {
    let tree: DOMTree
    let vocabulary: HTMLVocabulary
    /// The page title and its parts ("Floods kill 41 - The Daily" gives both halves too), to drop
    /// the block that repeats the title and to learn which part is the headline.
    let titles: [String]

    /// Bounds on ``Result/dropped``.
    static let maxDropped = 100
    static let maxDroppedChars = 200

    struct Result {
        var blocks: [Block] = []
        var dropped: [DroppedText] = []
        /// The entry of ``titles`` that a block near the top repeated.
        var matchedTitle: String?
    }

    struct RawBlock {
        var text: String
        var role: Paragraph.Role
        /// The innermost block element holding the text.
        var element: Int
        /// The first text node's index (blocks come in increasing `pos`).
        var pos: Int
        var weight: Int
        var linkWeight: Int
        var commas: Int
        /// The text before a first single `<br>` (a headline set off by a line break).
        var firstLine: String?

        var linkDensity: Double { weight == 0 ? 0 : Double(linkWeight) / Double(weight) }
        var good: Int { max(0, weight - linkWeight) }
    }

    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3",
        "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead",
        "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "form", "fieldset",
        "address", "hr", "details", "summary", "center", "body", "html", "hgroup", "menu", "legend",
        "dialog", "frameset", "frame", "noframes", "option", "textarea", "listing", "plaintext", "xmp",
    ]
    /// Blocks whose score goes to their parent (they are paragraphs of something).
    static let paragraphTags: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "figcaption",
    ]
    static let neverDroppedByToken: Set<String> = ["html", "body", "article", "main"]

    // MARK: - Entry

    func extract() -> Result {
        let n = tree.count
        guard n > 0 else { return Result() }
        var body = 0
        for i in 0..<min(n, 4096) where tree.nodes[i].tag == "body" { body = i; break }
        if tree.nodes[body].tag != "body", let b = tree.nodes.firstIndex(where: { $0.tag == "body" }) { body = b }

        // Text weight per node, and whether a strong main-content candidate lies inside.
        var weight = [Int](repeating: 0, count: n)
        var priority = [Int](repeating: 0, count: n)
        var holdsStrong = [Bool](repeating: false, count: n)
        // Text in long paragraphs (<p> of 80+ characters): where an article's prose is.
        var prose = [Int](repeating: 0, count: n)
        // <article> elements below each node: an article holding articles is a list of teasers.
        var articlesInside = [Int](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            let node = tree.nodes[i]
            if node.isText {
                weight[i] = Self.nonSpaceCount(node.text)
            } else {
                priority[i] = vocabulary.contentPriority(tree, i)
                if priority[i] >= Self.strongPriority { holdsStrong[i] = true }
                if node.tag == "p" && weight[i] >= 80 { prose[i] = weight[i] }
            }
            let p = node.parent
            if p >= 0 {
                if !DOMTree.invisibleTags.contains(node.tag) { weight[p] += weight[i] }
                if holdsStrong[i] { holdsStrong[p] = true }
                prose[p] += prose[i]
                if node.tag == "article" { articlesInside[p] += 1 }
                articlesInside[p] += articlesInside[i]
            }
        }
        let pageWeight = max(1, weight[body])
        let pageProse = prose[body]

        // Furniture removal, pre-order so a parent decides before its children.
        var removed = [Bool](repeating: false, count: n)
        var reasons: [Int: String] = [:]
        var inArticle = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let node = tree.nodes[i]
            let p = node.parent
            if p >= 0 {
                if removed[p] { removed[i] = true; continue }
                inArticle[i] = inArticle[p]
            }
            if node.isText { continue }
            if node.tag == "article" || node.tag == "main" { inArticle[i] = true }
            let guarded = holdsStrong[i] || (weight[i] * 10 > pageWeight * 6 && pageWeight > 500)
            if let rule = vocabulary.tags[node.tag] {
                if rule.outsideArticleOnly && p >= 0 && inArticle[p] { continue }
                if rule.reason == "form" && guarded { continue }
                removed[i] = true
                if rule.visible { reasons[i] = rule.reason }
                continue
            }
            if Self.neverDroppedByToken.contains(node.tag) || (node.attrCount == 0 && !node.tag.contains("-")) { continue }
            if priority[i] >= Self.strongPriority { continue }
            // Custom elements (amp-ad, amp-social-share) are named like class tokens.
            let reason = vocabulary.attributeReason(tree, i)
                ?? vocabulary.boilerplateReason(classOrID: tree.attr(i, "class") ?? "")
                ?? vocabulary.boilerplateReason(classOrID: tree.attr(i, "id") ?? "")
                ?? (node.tag.contains("-") ? vocabulary.boilerplateReason(classOrID: node.tag) : nil)
            // A token on a wrapper that holds most of the page's prose ("page has-sidebar") is a
            // layout modifier, not furniture; comment sections may be long, so they stay dropped.
            let holdsProse = pageProse >= 400 && prose[i] * 2 > pageProse && !Self.alwaysDropped.contains(reason ?? "")
            if let reason, !(guarded || holdsProse) || reason == "hidden" {
                removed[i] = true
                reasons[i] = reason
            }
        }

        var result = Result()
        var droppedCount = 0
        func drop(_ text: String, _ reason: String) {
            guard droppedCount < Self.maxDropped else { return }
            // Cut the bytes first: a dropped block may be megabytes long.
            let limit = Self.maxDroppedChars * 4
            let head = text.utf8.count > limit ? String(decoding: text.utf8.prefix(limit), as: UTF8.self) : text
            let t = TextCollapser.collapse(head)
            guard !t.isEmpty else { return }
            droppedCount += 1
            let long = t.unicodeScalars.count > Self.maxDroppedChars || head.utf8.count < text.utf8.count
            result.dropped.append(DroppedText(text: long ? String(t.prefix(Self.maxDroppedChars)) + "…" : t, reason: reason))
        }

        // Blocks.
        var blocks: [RawBlock] = []
        do {
            struct Open { var end: Int; var element: Int; var role: Paragraph.Role? }
            var stack: [Open] = []
            var acc = TextCollapser()
            var pos = -1
            var linkEnd = -1
            var brRun = 0
            func flush() {
                defer { acc.reset(); pos = -1; brRun = 0 }
                guard let text = acc.text() else { return }
                let top = stack.last
                blocks.append(RawBlock(text: text, role: top?.role ?? .paragraph, element: top?.element ?? body,
                                       pos: pos, weight: acc.weight, linkWeight: acc.linkWeight, commas: acc.commas,
                                       firstLine: acc.firstLine()))
            }
            var i = body + 1
            let stop = tree.nodes[body].end
            while i < stop {
                while let top = stack.last, i >= top.end {
                    flush()
                    stack.removeLast()
                }
                let node = tree.nodes[i]
                if node.isText {
                    if pos < 0 { pos = i }
                    acc.append(node.text, inLink: i < linkEnd)
                    if weight[i] > 0 { brRun = 0 }
                    i += 1
                    continue
                }
                if removed[i] {
                    if let r = reasons[i], weight[i] > 0, droppedCount < Self.maxDropped {
                        drop(tree.text(of: i, limit: Self.maxDroppedChars * 2), r)
                    }
                    i = node.end
                    continue
                }
                let tag = node.tag
                if tag == "br" {
                    brRun += 1
                    if brRun >= 2 { flush() } else { acc.lineBreak() }
                } else if tag == "img" || tag == "input" || tag == "wbr" {
                    acc.space()
                } else if Self.blockTags.contains(tag) || priority[i] > 0 || tag.contains("-") {
                    flush()
                    let own = Self.role(of: tag)
                    stack.append(Open(end: node.end, element: i, role: own ?? stack.last?.role))
                } else if tag == "a", linkEnd <= i {
                    linkEnd = node.end
                }
                i += 1
            }
            flush()
        }

        // Prefix sums of good and link weight over blocks, for region totals.
        var cumGood = [0], cumAll = [0]
        cumGood.reserveCapacity(blocks.count + 1)
        cumAll.reserveCapacity(blocks.count + 1)
        for b in blocks {
            cumGood.append(cumGood.last! + b.good)
            cumAll.append(cumAll.last! + b.weight)
        }
        func blockRange(_ r: Int) -> Range<Int> {
            let lo = Self.lowerBound(blocks, r)
            let hi = Self.lowerBound(blocks, tree.nodes[r].end)
            return lo..<hi
        }
        func good(_ r: Int) -> Int { let br = blockRange(r); return cumGood[br.upperBound] - cumGood[br.lowerBound] }
        func all(_ r: Int) -> Int { let br = blockRange(r); return cumAll[br.upperBound] - cumAll[br.lowerBound] }

        // Text-density choice (Readability-like).
        var score: [Int: Double] = [:]
        for b in blocks where b.weight >= 25 && b.linkDensity < 0.5 {
            let s = 1 + Double(b.commas) + min(Double(b.weight) / 100, 3)
            var owner = b.element
            if Self.paragraphTags.contains(tree.nodes[owner].tag), tree.nodes[owner].parent >= 0 {
                owner = tree.nodes[owner].parent
            }
            score[owner, default: 0] += s
            let gp = tree.nodes[owner].parent
            if gp >= 0 && owner != body { score[gp, default: 0] += s / 2 }
        }
        var densest = -1
        var densestScore = 0.0
        for (node, s) in score {
            let a = all(node)
            let ld = a == 0 ? 0 : 1 - Double(good(node)) / Double(a)
            let adjusted = s * (1 - ld)
            if adjusted > densestScore || (adjusted == densestScore && node < densest) {
                densestScore = adjusted
                densest = node
            }
        }

        // Main-content candidates.
        var candidates: [(node: Int, priority: Int, good: Int)] = []
        for i in body..<tree.nodes[body].end where priority[i] > 0 && !removed[i] {
            if tree.nodes[i].tag == "article" && articlesInside[i] >= 2 { continue }
            let g = good(i)
            if g > 0 { candidates.append((i, priority[i], g)) }
        }
        var regions: [Int] = []
        var leadBlocks = Set<Int>()
        let maxGood = candidates.map(\.good).max() ?? 0
        // The most specific kind of container holding a fair share of the text; among several of
        // that kind, the first (an article comes before the teasers of related ones).
        let eligible = candidates.filter { Double($0.good) >= 0.3 * Double(maxGood) }
        let topPriority = eligible.map(\.priority).max() ?? 0
        if let best = eligible.first(where: { $0.priority == topPriority }) {
            let densestGood = densest >= 0 ? good(densest) : 0
            let agrees = densest < 0 || tree.isInside(densest, best.node) || tree.isInside(best.node, densest)
            // A dense region that is a list of containers like the chosen one (teasers) is no
            // better a choice.
            let listOfLikes = densest >= 0 && candidates.filter {
                $0.priority >= best.priority && tree.isInside($0.node, densest) && $0.node != densest
            }.count >= 2
            if agrees || listOfLikes || Double(best.good) >= 0.4 * Double(densestGood) {
                regions = [best.node]
                // The standfirst: prose paragraphs just before the body inside the enclosing
                // container (an <article> holding headline, lead and body).
                var up = tree.nodes[best.node].parent
                var steps = 0
                while up > body, steps < 5, priority[up] == 0 { up = tree.nodes[up].parent; steps += 1 }
                if up > body, priority[up] > 0 {
                    for k in Self.lowerBound(blocks, up)..<Self.lowerBound(blocks, best.node) {
                        let b = blocks[k]
                        if b.role == .paragraph && b.weight >= 40 && b.linkDensity < 0.2 && isStandfirst(b.element, within: up) {
                            leadBlocks.insert(k)
                        }
                    }
                }
                // Containers of the same kind close by (an article body split into chunks between
                // ads): same tag and class, within six levels of the chosen one.
                var scope = best.node
                for _ in 0..<6 where tree.nodes[scope].parent >= 0 { scope = tree.nodes[scope].parent }
                let cls = tree.attr(best.node, "class") ?? ""
                if tree.nodes[best.node].tag != "article", !cls.isEmpty {
                    for c in candidates where c.node != best.node && tree.isInside(c.node, scope)
                        && !tree.isInside(c.node, best.node) && !tree.isInside(best.node, c.node)
                        && tree.nodes[c.node].tag == tree.nodes[best.node].tag && (tree.attr(c.node, "class") ?? "") == cls {
                        regions.append(c.node)
                    }
                    regions.sort()
                }
            }
        }
        if regions.isEmpty, densest >= 0 {
            regions = [densest]
            let parent = tree.nodes[densest].parent
            if parent >= 0 && densest != body {
                let threshold = max(10, densestScore * 0.2)
                for sib in tree.children(parent) where sib != densest && !tree.nodes[sib].isText && !removed[sib] {
                    let s = score[sib] ?? 0
                    let a = all(sib)
                    let ld = a == 0 ? 1 : 1 - Double(good(sib)) / Double(a)
                    if s * (1 - ld) >= threshold || (tree.nodes[sib].tag == "p" && a > 80 && ld < 0.25) {
                        regions.append(sib)
                    }
                }
                regions.sort()
            }
        }
        if regions.isEmpty { regions = [body] }

        // Blocks in the regions, filtered.
        let titleKeys = titles.map(Self.comparisonKey)
        var titleDropped = false
        var inRelatedList = false
        var kept = 0
        var r = 0
        for (index, block) in blocks.enumerated() {
            var b = block
            while r < regions.count && b.pos >= tree.nodes[regions[r]].end { r += 1 }
            guard (r < regions.count && b.pos > regions[r]) || leadBlocks.contains(index) else {
                drop(b.text, "outside-main-text")
                continue
            }
            // A headline set off by <br> at the top of the block.
            if !titleDropped, kept < 3, let line = b.firstLine, titleKeys.contains(Self.comparisonKey(line)) {
                titleDropped = true
                result.matchedTitle = titles[titleKeys.firstIndex(of: Self.comparisonKey(line))!]
                drop(line, "title")
                let rest = b.text.utf8.dropFirst(line.utf8.count)
                b.text = TextCollapser.collapse(String(decoding: rest, as: UTF8.self))
                if b.text.isEmpty { continue }
            }
            let checkTitle = !titleDropped && kept < 3
            let checkRelated = (b.weight <= 80 || b.role == .heading) && b.text.utf8.count <= 4 * vocabulary.longestRelatedPhrase + 8
            let key = checkTitle || checkRelated ? Self.comparisonKey(b.text) : ""
            if checkTitle, !key.isEmpty, let t = titleKeys.firstIndex(of: key) ?? titleKeys.firstIndex(where: { tk in
                b.role == .heading && tk.contains(key) && key.utf8.count * 2 > tk.utf8.count
            }) {
                titleDropped = true
                result.matchedTitle = titles[t]
                drop(b.text, "title")
                continue
            }
            if b.weight < 160, b.text.utf8.count < 400, b.text.contains("©") {
                drop(b.text, "copyright")
                continue
            }
            if checkRelated, isRelatedHeading(key) {
                inRelatedList = true
                drop(b.text, "related-links")
                continue
            }
            if inRelatedList {
                if b.role == .listItem || b.linkDensity > 0.3 || b.weight < 25 {
                    drop(b.text, "related-links")
                    continue
                }
                inRelatedList = false
            }
            if b.linkDensity >= 0.6 || (b.role == .listItem && b.linkDensity >= 0.5) {
                drop(b.text, "links")
                continue
            }
            result.blocks.append(Block(text: b.text, role: b.role))
            kept += 1
        }
        return result
    }

    /// Element `i` or one of its ancestors below `limit` (at most three levels) is marked as a
    /// standfirst by its class or id.
    func isStandfirst(_ i: Int, within limit: Int) -> Bool {
        var e = i
        var steps = 0
        while e > limit, steps < 3 {
            if vocabulary.isStandfirst(classOrID: tree.attr(e, "class") ?? "")
                || vocabulary.isStandfirst(classOrID: tree.attr(e, "id") ?? "") { return true }
            e = tree.nodes[e].parent
            steps += 1
        }
        return false
    }

    static let strongPriority = 6
    /// Furniture reasons that win even over a node holding most of the prose.
    static let alwaysDropped: Set<String> = ["comments", "hidden"]

    static func role(of tag: String) -> Paragraph.Role? {
        switch tag {
        case "h1", "h2", "h3", "h4", "h5", "h6": return .heading
        case "li", "dt", "dd": return .listItem
        case "blockquote": return .quote
        default: return nil
        }
    }

    /// The first block index whose `pos` is at least `node`.
    static func lowerBound(_ blocks: [RawBlock], _ node: Int) -> Int {
        var lo = 0, hi = blocks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if blocks[mid].pos < node { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Lower case, letters and digits only, single spaces: for comparing a block with the title.
    /// Looks at the first 600 bytes only; ASCII goes byte by byte.
    static func comparisonKey(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(min(s.utf8.count, 600))
        var space = false
        var consumed = 0
        for scalar in s.unicodeScalars {
            consumed += 1
            if consumed > 600 { break }
            let v = scalar.value
            var alnum = false
            if v < 0x80 {
                let b = UInt8(v)
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { alnum = true }
                if b >= 0x41 && b <= 0x5A { alnum = true }
                if alnum {
                    if space && !out.isEmpty { out.append(0x20) }
                    space = false
                    out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                } else {
                    space = true
                }
                continue
            }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if space && !out.isEmpty { out.append(0x20) }
                space = false
                for l in scalar.properties.lowercaseMapping.utf8 { out.append(l) }
            } else {
                space = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A short heading such as "Read more" or "Læs også:" that introduces links to other articles.
    func isRelatedHeading(_ key: String) -> Bool {
        guard !key.isEmpty, key.utf8.count <= vocabulary.longestRelatedPhrase + 2 else { return false }
        return vocabulary.relatedPhrases.contains(key)
    }

    /// Characters that are not ASCII whitespace (UTF-8 continuation bytes not counted).
    static func nonSpaceCount(_ s: String) -> Int {
        var n = 0
        for b in s.utf8 where b > 0x20 && b & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
