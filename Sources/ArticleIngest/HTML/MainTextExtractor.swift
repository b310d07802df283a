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
        guard tree.count > 0 else { return Result() }
        let body = bodyIndex()
        let facts = analyse()
        let furniture = markFurniture(facts, body: body)
        var dropped = DroppedList()
        let blocks = makeBlocks(body: body, facts: facts, furniture: furniture, dropped: &dropped)
        let totals = BlockTotals(tree: tree, blocks: blocks)
        let (regions, lead) = chooseRegions(body: body, facts: facts, furniture: furniture, blocks: blocks, totals: totals)
        return filter(blocks, regions: regions, lead: lead, dropped: dropped)
    }

    /// The `<body>` element (libxml2 always makes one; the root when it does not).
    func bodyIndex() -> Int {
        let n = tree.count
        for i in 0..<min(n, 4096) where tree.nodes[i].tag == "body" { return i }
        return tree.nodes.firstIndex(where: { $0.tag == "body" }) ?? 0
    }

    // MARK: - 1. Weights

    /// Per-node facts from one reverse pass (children before parents).
    struct Facts {
        /// Visible non-space characters below the node.
        var weight: [Int]
        /// Main-content priority (0 for none).
        var priority: [Int]
        /// A strong main-content container is the node or lies inside it.
        var holdsStrong: [Bool]
        /// Text in long paragraphs (`<p>` of 80+ characters): where an article's prose is.
        var prose: [Int]
        /// `<article>` elements below the node: an article holding articles is a list of teasers.
        var articlesInside: [Int]
    }

    func analyse() -> Facts {
        let n = tree.count
        var f = Facts(weight: .init(repeating: 0, count: n), priority: .init(repeating: 0, count: n),
                      holdsStrong: .init(repeating: false, count: n), prose: .init(repeating: 0, count: n),
                      articlesInside: .init(repeating: 0, count: n))
        for i in stride(from: n - 1, through: 0, by: -1) {
            let node = tree.nodes[i]
            if node.isText {
                f.weight[i] = Self.nonSpaceCount(node.text)
            } else {
                f.priority[i] = vocabulary.contentPriority(tree, i)
                if f.priority[i] >= Self.strongPriority { f.holdsStrong[i] = true }
                if node.tag == "p" && f.weight[i] >= 80 { f.prose[i] = f.weight[i] }
            }
            let p = node.parent
            guard p >= 0 else { continue }
            if !DOMTree.invisibleTags.contains(node.tag) { f.weight[p] += f.weight[i] }
            if f.holdsStrong[i] { f.holdsStrong[p] = true }
            f.prose[p] += f.prose[i]
            if node.tag == "article" { f.articlesInside[p] += 1 }
            f.articlesInside[p] += f.articlesInside[i]
        }
        return f
    }

    // MARK: - 2. Furniture

    struct Furniture {
        /// The node lies in a removed subtree.
        var removed: [Bool]
        /// Why each removed subtree root with visible text went.
        var reasons: [Int: String]
    }

    /// Pre-order, so a parent decides before its children.
    func markFurniture(_ f: Facts, body: Int) -> Furniture {
        let n = tree.count
        let pageWeight = max(1, f.weight[body])
        let pageProse = f.prose[body]
        var out = Furniture(removed: .init(repeating: false, count: n), reasons: [:])
        var inArticle = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let node = tree.nodes[i]
            let p = node.parent
            if p >= 0 {
                if out.removed[p] { out.removed[i] = true; continue }
                inArticle[i] = inArticle[p]
            }
            if node.isText { continue }
            if node.tag == "article" || node.tag == "main" { inArticle[i] = true }
            let guarded = f.holdsStrong[i] || (f.weight[i] * 10 > pageWeight * 6 && pageWeight > 500)
            if let rule = vocabulary.tags[node.tag] {
                if rule.outsideArticleOnly && p >= 0 && inArticle[p] { continue }
                if rule.reason == "form" && guarded { continue }   // ASP.NET wraps the page in a form
                out.removed[i] = true
                if rule.visible { out.reasons[i] = rule.reason }
                continue
            }
            if Self.neverDroppedByToken.contains(node.tag) || (node.attrCount == 0 && !node.tag.contains("-")) { continue }
            if f.priority[i] >= Self.strongPriority { continue }
            // Custom elements (amp-ad, amp-social-share) are named like class tokens.
            let reason = vocabulary.attributeReason(tree, i)
                ?? vocabulary.boilerplateReason(classOrID: tree.attr(i, "class") ?? "")
                ?? vocabulary.boilerplateReason(classOrID: tree.attr(i, "id") ?? "")
                ?? (node.tag.contains("-") ? vocabulary.boilerplateReason(classOrID: node.tag) : nil)
            guard let reason else { continue }
            // A token on a wrapper that holds most of the page's prose ("page has-sidebar") is a
            // layout modifier, not furniture; comment sections may be long, so they stay dropped.
            let holdsProse = pageProse >= 400 && f.prose[i] * 2 > pageProse && !Self.alwaysDropped.contains(reason)
            if !(guarded || holdsProse) || reason == "hidden" {
                out.removed[i] = true
                out.reasons[i] = reason
            }
        }
        return out
    }

    /// What was dropped, bounded in count and length.
    struct DroppedList {
        var items: [DroppedText] = []
        var isFull: Bool { items.count >= MainTextExtractor.maxDropped }

        mutating func add(_ text: String, _ reason: String) {
            guard !isFull else { return }
            // Cut the bytes first: a dropped block may be megabytes long.
            let limit = MainTextExtractor.maxDroppedChars * 4
            let head = text.utf8.count > limit ? String(decoding: text.utf8.prefix(limit), as: UTF8.self) : text
            let t = TextCollapser.collapse(head)
            guard !t.isEmpty else { return }
            let long = t.unicodeScalars.count > MainTextExtractor.maxDroppedChars || head.utf8.count < text.utf8.count
            items.append(DroppedText(text: long ? String(t.prefix(MainTextExtractor.maxDroppedChars)) + "…" : t, reason: reason))
        }
    }

    // MARK: - 3. Blocks

    func makeBlocks(body: Int, facts: Facts, furniture: Furniture, dropped: inout DroppedList) -> [RawBlock] {
        struct Open { var end: Int; var element: Int; var role: Paragraph.Role? }
        var blocks: [RawBlock] = []
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
                if facts.weight[i] > 0 { brRun = 0 }
                i += 1
                continue
            }
            if furniture.removed[i] {
                if let r = furniture.reasons[i], facts.weight[i] > 0, !dropped.isFull {
                    dropped.add(tree.text(of: i, limit: Self.maxDroppedChars * 2), r)
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
            } else if Self.blockTags.contains(tag) || facts.priority[i] > 0 || tag.contains("-") {
                flush()
                stack.append(Open(end: node.end, element: i, role: Self.role(of: tag) ?? stack.last?.role))
            } else if tag == "a", linkEnd <= i {
                linkEnd = node.end
            }
            i += 1
        }
        flush()
        return blocks
    }

    /// Text totals of any subtree, from prefix sums over the blocks (which come in node order).
    struct BlockTotals {
        let tree: DOMTree
        let blocks: [RawBlock]
        private var cumGood: [Int] = [0]
        private var cumAll: [Int] = [0]

        init(tree: DOMTree, blocks: [RawBlock]) {
            self.tree = tree
            self.blocks = blocks
            cumGood.reserveCapacity(blocks.count + 1)
            cumAll.reserveCapacity(blocks.count + 1)
            for b in blocks {
                cumGood.append(cumGood.last! + b.good)
                cumAll.append(cumAll.last! + b.weight)
            }
        }

        func range(_ r: Int) -> Range<Int> {
            MainTextExtractor.lowerBound(blocks, r)..<MainTextExtractor.lowerBound(blocks, tree.nodes[r].end)
        }
        /// Characters outside links below `r`.
        func good(_ r: Int) -> Int { let b = range(r); return cumGood[b.upperBound] - cumGood[b.lowerBound] }
        /// All characters below `r`.
        func all(_ r: Int) -> Int { let b = range(r); return cumAll[b.upperBound] - cumAll[b.lowerBound] }
        func linkDensity(_ r: Int) -> Double? {
            let a = all(r)
            return a == 0 ? nil : 1 - Double(good(r)) / Double(a)
        }
    }

    // MARK: - 4. The main region

    /// Readability-like scores: every prose block scores for its container (a paragraph's parent)
    /// and half for the one above; the best by `score × (1 − link density)` wins.
    func densest(body: Int, blocks: [RawBlock], totals: BlockTotals) -> (node: Int, score: Double, scores: [Int: Double]) {
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
        var best = -1
        var bestScore = 0.0
        for (node, s) in score {
            let adjusted = s * (1 - (totals.linkDensity(node) ?? 0))
            if adjusted > bestScore || (adjusted == bestScore && node < best) {
                bestScore = adjusted
                best = node
            }
        }
        return (best, bestScore, score)
    }

    /// The regions (subtrees) holding the main text, in order, and stand-first blocks just above.
    func chooseRegions(body: Int, facts: Facts, furniture: Furniture, blocks: [RawBlock],
                       totals: BlockTotals) -> (regions: [Int], lead: Set<Int>) {
        let dense = densest(body: body, blocks: blocks, totals: totals)
        var candidates: [(node: Int, priority: Int, good: Int)] = []
        for i in body..<tree.nodes[body].end where facts.priority[i] > 0 && !furniture.removed[i] {
            if tree.nodes[i].tag == "article" && facts.articlesInside[i] >= 2 { continue }
            let g = totals.good(i)
            if g > 0 { candidates.append((i, facts.priority[i], g)) }
        }
        var regions: [Int] = []
        var lead = Set<Int>()
        let maxGood = candidates.map(\.good).max() ?? 0
        // The most specific kind of container holding a fair share of the text; among several of
        // that kind, the first (an article comes before the teasers of related ones).
        let eligible = candidates.filter { Double($0.good) >= 0.3 * Double(maxGood) }
        let topPriority = eligible.map(\.priority).max() ?? 0
        if let best = eligible.first(where: { $0.priority == topPriority }) {
            let densestGood = dense.node >= 0 ? totals.good(dense.node) : 0
            let agrees = dense.node < 0 || tree.isInside(dense.node, best.node) || tree.isInside(best.node, dense.node)
            // A dense region that is a list of containers like the chosen one (teasers) is no
            // better a choice.
            let listOfLikes = dense.node >= 0 && candidates.filter {
                $0.priority >= best.priority && tree.isInside($0.node, dense.node) && $0.node != dense.node
            }.count >= 2
            if agrees || listOfLikes || Double(best.good) >= 0.4 * Double(densestGood) {
                regions = [best.node]
                // The standfirst: marked paragraphs just before the body inside the enclosing
                // container (an <article> holding headline, lead and body).
                var up = tree.nodes[best.node].parent
                var steps = 0
                while up > body, steps < 5, facts.priority[up] == 0 { up = tree.nodes[up].parent; steps += 1 }
                if up > body, facts.priority[up] > 0 {
                    for k in Self.lowerBound(blocks, up)..<Self.lowerBound(blocks, best.node) {
                        let b = blocks[k]
                        if b.role == .paragraph && b.weight >= 40 && b.linkDensity < 0.2 && isStandfirst(b.element, within: up) {
                            lead.insert(k)
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
        if regions.isEmpty, dense.node >= 0 {
            // Density alone: the densest node and its siblings that score well.
            regions = [dense.node]
            let parent = tree.nodes[dense.node].parent
            if parent >= 0 && dense.node != body {
                let threshold = max(10, dense.score * 0.2)
                for sib in tree.children(parent) where sib != dense.node && !tree.nodes[sib].isText && !furniture.removed[sib] {
                    let s = dense.scores[sib] ?? 0
                    let ld = totals.linkDensity(sib) ?? 1
                    if s * (1 - ld) >= threshold || (tree.nodes[sib].tag == "p" && totals.all(sib) > 80 && ld < 0.25) {
                        regions.append(sib)
                    }
                }
                regions.sort()
            }
        }
        if regions.isEmpty { regions = [body] }
        return (regions, lead)
    }

    // MARK: - 5. Block filters

    func filter(_ blocks: [RawBlock], regions: [Int], lead: Set<Int>, dropped: DroppedList) -> Result {
        var result = Result()
        var dropped = dropped
        let titleKeys = titles.map(Self.comparisonKey)
        var titleDropped = false
        var inRelatedList = false
        var kept = 0
        var r = 0
        for (index, block) in blocks.enumerated() {
            var b = block
            while r < regions.count && b.pos >= tree.nodes[regions[r]].end { r += 1 }
            guard (r < regions.count && b.pos > regions[r]) || lead.contains(index) else {
                dropped.add(b.text, "outside-main-text")
                continue
            }
            // A headline set off by <br> at the top of the block.
            if !titleDropped, kept < 3, let line = b.firstLine, let t = titleKeys.firstIndex(of: Self.comparisonKey(line)) {
                titleDropped = true
                result.matchedTitle = titles[t]
                dropped.add(line, "title")
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
                dropped.add(b.text, "title")
                continue
            }
            if b.weight < 160, b.text.utf8.count < 400, b.text.contains("©") {
                dropped.add(b.text, "copyright")
                continue
            }
            if checkRelated, isRelatedHeading(key) {
                inRelatedList = true
                dropped.add(b.text, "related-links")
                continue
            }
            if inRelatedList {
                if b.role == .listItem || b.linkDensity > 0.3 || b.weight < 25 {
                    dropped.add(b.text, "related-links")
                    continue
                }
                inRelatedList = false
            }
            if b.linkDensity >= 0.6 || (b.role == .listItem && b.linkDensity >= 0.5) {
                dropped.add(b.text, "links")
                continue
            }
            result.blocks.append(Block(text: b.text, role: b.role))
            kept += 1
        }
        result.dropped = dropped.items
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
        var s = s
        return s.withUTF8 { b in
            var n = 0
            for c in b where c > 0x20 && c & 0xC0 != 0x80 { n += 1 }
            return n
        }
    }
}
