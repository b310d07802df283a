/// Builds one block's text from text nodes: runs of ASCII whitespace become one space, soft
/// hyphens and zero-width characters go, and the ends are trimmed (no-break spaces included).
/// Works on UTF-8 bytes only.
struct TextCollapser {
    private(set) var buffer: [UInt8] = []
    private var pendingSpace = false
    /// Non-space bytes appended (the block's weight) and how many of them were inside links.
    private(set) var weight = 0
    private(set) var linkWeight = 0
    /// Commas seen (a cheap signal of running prose).
    private(set) var commas = 0

    var isEmpty: Bool { buffer.isEmpty }

    mutating func append(_ text: String, inLink: Bool) {
        var t = text
        t.withUTF8 { p in
            var i = 0
            let n = p.count
            while i < n {
                let b = p[i]
                if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B {
                    pendingSpace = true
                    i += 1
                    continue
                }
                // U+00AD soft hyphen
                if b == 0xC2, i + 1 < n, p[i + 1] == 0xAD { i += 2; continue }
                // U+200B zero-width space, U+FEFF
                if b == 0xE2, i + 2 < n, p[i + 1] == 0x80, p[i + 2] == 0x8B { i += 3; continue }
                if b == 0xEF, i + 2 < n, p[i + 1] == 0xBB, p[i + 2] == 0xBF { i += 3; continue }
                if pendingSpace {
                    if !buffer.isEmpty { buffer.append(0x20) }
                    pendingSpace = false
                }
                buffer.append(b)
                if b == 0x2C { commas += 1 }
                if b & 0xC0 != 0x80 {      // count characters, not bytes
                    weight += 1
                    if inLink { linkWeight += 1 }
                }
                i += 1
            }
        }
    }

    /// A break that reads as a space (`<br>`, an image between words).
    mutating func space() { pendingSpace = true }

    /// Where the first `<br>` fell (bytes of text before it), if any text came before one.
    private(set) var firstBreak: Int?

    /// A single line break: read as a space, but remembered so that a headline set off by `<br>`
    /// can be told from the text after it.
    mutating func lineBreak() {
        if firstBreak == nil && !buffer.isEmpty { firstBreak = buffer.count }
        pendingSpace = true
    }

    /// The collapsed text, trimmed of no-break spaces at both ends; nil when nothing is left.
    func text() -> String? {
        var s = 0, e = buffer.count
        while true {
            if s < e, buffer[s] == 0x20 { s += 1; continue }
            if s + 1 < e, buffer[s] == 0xC2, buffer[s + 1] == 0xA0 { s += 2; continue }
            break
        }
        while true {
            if e > s, buffer[e - 1] == 0x20 { e -= 1; continue }
            if e - 1 > s, buffer[e - 2] == 0xC2, buffer[e - 1] == 0xA0 { e -= 2; continue }
            break
        }
        guard s < e else { return nil }
        return String(decoding: buffer[s..<e], as: UTF8.self)
    }

    mutating func reset() {
        buffer.removeAll(keepingCapacity: true)
        pendingSpace = false
        weight = 0
        linkWeight = 0
        commas = 0
        firstBreak = nil
    }

    /// The text before the first line break (trimmed), if there was one.
    func firstLine() -> String? {
        guard let firstBreak else { return nil }
        var c = TextCollapser()
        c.buffer = Array(buffer[..<firstBreak])
        return c.text()
    }

    /// Collapses one string in one go.
    static func collapse(_ s: String) -> String {
        var c = TextCollapser()
        c.append(s, inLink: false)
        return c.text() ?? ""
    }
}
