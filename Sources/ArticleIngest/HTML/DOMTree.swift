/// A parsed HTML page as a flat, pre-order array of nodes: plain Swift values, no libxml2.
///
/// Node `i`'s descendants are exactly the indices `i+1 ..< end(i)`, so "is inside" is a range
/// check and every walk is a loop over indices (pages nested 200,000 deep need no recursion).
/// Comments, processing instructions and the DTD are not kept.
struct DOMTree: Sendable {
    struct Node: Sendable {
        /// Lower-case element name; empty for a text node.
        var tag: String
        var parent: Int
        /// One past the last descendant.
        var end: Int
        /// Text nodes only.
        var text: String
        /// Range into ``DOMTree/attributes``.
        var attrStart: Int
        var attrCount: Int

        var isText: Bool { tag.isEmpty }
    }

    struct Attribute: Sendable {
        var name: String
        var value: String
    }

    var nodes: [Node] = []
    var attributes: [Attribute] = []

    var count: Int { nodes.count }

    func tag(_ i: Int) -> String { nodes[i].tag }
    func end(_ i: Int) -> Int { nodes[i].end }
    func parent(_ i: Int) -> Int { nodes[i].parent }
    func isText(_ i: Int) -> Bool { nodes[i].tag.isEmpty }

    /// The value of attribute `name` (lower case) on element `i`.
    func attr(_ i: Int, _ name: String) -> String? {
        let n = nodes[i]
        var k = n.attrStart
        let stop = n.attrStart + n.attrCount
        while k < stop {
            if attributes[k].name == name { return attributes[k].value }
            k += 1
        }
        return nil
    }

    /// The children of element `i`, in order.
    func children(_ i: Int) -> [Int] {
        var out: [Int] = []
        var j = i + 1
        let stop = nodes[i].end
        while j < stop {
            out.append(j)
            j = nodes[j].end
        }
        return out
    }

    /// True when `i` is `ancestor` or lies inside it.
    func isInside(_ i: Int, _ ancestor: Int) -> Bool {
        i >= ancestor && i < nodes[ancestor].end
    }

    /// The text under `i`: text nodes joined as they are, with a space at block boundaries and
    /// line breaks; cut after `limit` bytes.
    func text(of i: Int, limit: Int = Int.max, skipping skip: Set<String> = DOMTree.invisibleTags) -> String {
        if nodes[i].isText { return nodes[i].text }
        var out = ""
        var j = i + 1
        let stop = nodes[i].end
        while j < stop {
            let n = nodes[j]
            if n.isText {
                out += n.text
                if out.utf8.count >= limit { break }
                j += 1
            } else if skip.contains(n.tag) {
                j = n.end
            } else {
                // Block boundaries and line breaks read as spaces ("Home News" not "HomeNews").
                if !Self.inlineTags.contains(n.tag), out.utf8.last.map({ $0 != 0x20 }) ?? false { out += " " }
                j += 1
            }
        }
        return out
    }

    /// Elements that flow inside a line of text.
    static let inlineTags: Set<String> = [
        "a", "span", "b", "i", "em", "strong", "small", "big", "sup", "sub", "abbr", "acronym", "time", "mark",
        "u", "s", "strike", "cite", "q", "code", "font", "label", "del", "ins", "bdi", "bdo", "var", "kbd", "samp",
        "dfn", "tt", "data", "nobr",
    ]

    /// Elements whose text never shows on the page.
    static let invisibleTags: Set<String> = ["script", "style", "template", "noscript", "svg", "math", "head"]
}
