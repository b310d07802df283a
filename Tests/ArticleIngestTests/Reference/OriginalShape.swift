// Shape as it was before the byte-level rewrite (commit cbd9e25): the reference for the tests.
/// Small questions about the shape of a line of text, answered from its bytes and scalars.
enum OriginalShape {
    /// Closing quotes and brackets that may follow a sentence's final punctuation.
    static let closers: Set<Unicode.Scalar> = ["\"", "'", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{203A}", ")", "]", "}", "\u{201C}"]
    /// Punctuation that ends a sentence (or a clause that cannot be a heading).
    static let finals: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}", ":", ";", "\u{3002}"]

    /// Tabs and runs of spaces become one space; surrounding spaces go. U+00A0 is kept inside.
    static func collapseSpaces(_ s: String) -> String {
        var s = s
        return s.withUTF8 { b in
            // nothing to change (the common case for a paragraph): no copy
            var clean = b.first != 0x20 && b.last != 0x20
            if clean {
                var k = 0
                while k < b.count {
                    let c = b[k]
                    if c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0xEF
                        || (c == 0x20 && k + 1 < b.count && b[k + 1] == 0x20) { clean = false; break }
                    k += 1
                }
            }
            if clean { return String(decoding: b, as: UTF8.self) }
            return String(unsafeUninitializedCapacity: b.count) { out in
                var n = 0
                var pendingSpace = false
                var k = 0
                while k < b.count {
                    let c = b[k]
                    let bom = c == 0xEF && k + 2 < b.count && b[k + 1] == 0xBB && b[k + 2] == 0xBF    // U+FEFF
                    if c == 0x20 || c == 0x09 || c == 0x0C || c == 0x0B || c == 0x0A || bom {
                        pendingSpace = n > 0
                        k += bom ? 3 : 1
                        continue
                    }
                    if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                    out[n] = c
                    n += 1
                    k += 1
                }
                return n
            }
        }
    }

    /// The last scalar that is not a closing quote, bracket or space.
    static func lastMeaningful(_ s: String) -> Unicode.Scalar? {
        for c in s.unicodeScalars.reversed() where !closers.contains(c) && c != " " && c != "\u{A0}" {
            return c
        }
        return nil
    }

    /// Ends in `.`, `!`, `?`, `…`, `:` or `;`, closing quotes and brackets aside.
    static func endsSentence(_ s: String) -> Bool {
        guard let c = lastMeaningful(s) else { return false }
        return finals.contains(c)
    }

    static func startsLowercase(_ s: String) -> Bool {
        guard let c = s.unicodeScalars.first else { return false }
        return c.properties.isLowercase
    }

    static func startsUppercase(_ s: String) -> Bool {
        guard let c = s.unicodeScalars.first else { return false }
        return c.properties.isUppercase
    }

    /// Words separated by spaces.
    static func wordCount(_ s: String) -> Int {
        var n = 0
        var inWord = false
        for b in s.utf8 {
            if b == 0x20 || b == 0x09 || b == 0x0A { inWord = false } else if !inWord { inWord = true; n += 1 }
        }
        return n
    }

    /// Short, with a letter, and without final punctuation: a heading or a label.
    static func looksLikeHeading(_ s: String) -> Bool {
        let words = wordCount(s)
        guard words >= 1, words <= 16, s.utf8.count <= 140 else { return false }
        guard s.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return false }
        guard let last = lastMeaningful(s) else { return false }
        return !finals.contains(last) && last != ","
    }
}


