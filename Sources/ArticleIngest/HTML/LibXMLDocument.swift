import CLibXML2

/// The one place libxml2 is touched: parses HTML bytes and copies the tree into a ``DOMTree``.
///
/// The libxml2 document lives exactly as long as this object and is freed in `deinit`; nothing of
/// libxml2 leaves this file. The parser never loads external entities, DTDs or the network
/// (`NONET`, no `NOENT`, no `DTDLOAD`; the HTML parser never expands DTD entities anyway), runs
/// with `RECOVER` and with errors silenced, and with `XML_PARSE_HUGE` so that deep nesting and
/// huge text nodes are kept rather than silently cut.
final class LibXMLDocument {
    private let doc: htmlDocPtr

    /// Parse options: NOERROR | NOWARNING | NONET | RECOVER | HUGE.
    static let options: Int32 = Int32(
        HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_RECOVER.rawValue | XML_PARSE_HUGE.rawValue
    )

    /// `xmlInitParser()` once per process, before any parse on any thread.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `bytes` declared as `encoding` (an iconv name such as "UTF-8"); nil when libxml2
    /// builds no document at all.
    init?(bytes: [UInt8], encoding: String) {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max), Self.initialized else { return nil }
        // The error handler is per thread in libxml2 2.9: install a silent one on this thread so
        // that encoder errors (which bypass NOERROR) never reach stderr.
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                htmlReadMemory(p, Int32(buf.count), nil, encoding, Self.options)
            }
        }
        guard let parsed else { return nil }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    /// True when libxml2 (through iconv) can decode `encoding`.
    static func supports(encoding: String) -> Bool {
        _ = initialized
        guard let handler = xmlFindCharEncodingHandler(encoding) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// Copies the element and text nodes under the root element into a ``DOMTree`` with an
    /// iterative pre-order walk.
    func tree() -> DOMTree {
        var tree = DOMTree()
        guard let root = xmlDocGetRootElement(doc) else { return tree }
        tree.nodes.reserveCapacity(1024)
        var names: [UnsafePointer<UInt8>: String] = [:]
        var open: [Int] = []          // elements whose `end` is not known yet
        var cur: xmlNodePtr = root
        walk: while true {
            var descend = false
            switch cur.pointee.type {
            case XML_ELEMENT_NODE:
                let idx = tree.nodes.count
                let tag: String
                if let np = cur.pointee.name {
                    if let known = names[np] { tag = known } else {
                        let s = Self.lowercased(String(cString: np))
                        names[np] = s
                        tag = s.isEmpty ? "unknown" : s
                    }
                } else { tag = "unknown" }
                let attrStart = tree.attributes.count
                var a = cur.pointee.properties
                while let attr = a {
                    if let an = attr.pointee.name {
                        let name = Self.lowercased(String(cString: an))
                        if Self.keptAttributes.contains(name) {
                            tree.attributes.append(.init(name: name, value: Self.attributeValue(attr)))
                        }
                    }
                    a = attr.pointee.next
                }
                tree.nodes.append(.init(tag: tag, parent: open.last ?? -1, end: idx + 1, text: "",
                                        attrStart: attrStart, attrCount: tree.attributes.count - attrStart))
                if cur.pointee.children != nil {
                    open.append(idx)
                    descend = true
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let c = cur.pointee.content {
                    let idx = tree.nodes.count
                    tree.nodes.append(.init(tag: "", parent: open.last ?? -1, end: idx + 1,
                                            text: String(cString: c), attrStart: 0, attrCount: 0))
                }
            default:
                break
            }
            if descend, let child = cur.pointee.children {
                cur = child
                continue
            }
            // Next sibling, or climb, closing each element we leave.
            var n: xmlNodePtr = cur
            while true {
                if n == root { break walk }
                if let next = n.pointee.next {
                    cur = next
                    continue walk
                }
                guard let up = n.pointee.parent else { break walk }
                if let p = open.popLast() { tree.nodes[p].end = tree.nodes.count }
                n = up
            }
        }
        while let p = open.popLast() { tree.nodes[p].end = tree.nodes.count }
        return tree
    }

    /// The attributes the extractor reads; the rest are not copied.
    static let keptAttributes: Set<String> = [
        "class", "id", "itemprop", "itemtype", "role", "rel", "property", "name", "content", "href",
        "datetime", "charset", "http-equiv", "lang", "xml:lang", "type", "hidden", "aria-hidden", "style",
        "pubdate", "aria-label", "data-component", "data-testid", "data-role",
    ]

    private static func attributeValue(_ attr: xmlAttrPtr) -> String {
        var out = ""
        var c = attr.pointee.children
        while let t = c {
            if let s = t.pointee.content { out += String(cString: s) }
            c = t.pointee.next
        }
        return out
    }

    /// ASCII lower-casing (tag and attribute names are ASCII; libxml2 already lowers HTML tags).
    static func lowercased(_ s: String) -> String {
        var needs = false
        for b in s.utf8 where b >= 0x41 && b <= 0x5A { needs = true; break }
        guard needs else { return s }
        return String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
