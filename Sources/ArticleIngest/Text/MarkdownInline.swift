/// Removes Markdown's inline syntax from one line: emphasis markers, code backticks, link and
/// image syntax (`[text](url)` keeps `text`, `![alt](url)` is removed), autolinks (`<url>`).
enum MarkdownInline {
    static func strip(_ line: String) -> String {
        let s = Array(line.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func isSpace(_ c: Unicode.Scalar?) -> Bool {
            guard let c else { return true }
            return c == " " || c == "\t" || c == "\u{A0}"
        }
        func isWordy(_ c: Unicode.Scalar?) -> Bool {
            guard let c else { return false }
            return c.properties.isAlphabetic || ("0"..."9").contains(c)
        }
        /// The index of the `]` closing the bracket opened at `open`, nested brackets counted.
        /// Searches at most `reach` scalars, so a line of unclosed brackets stays linear.
        let reach = 1000
        func closeBracket(_ open: Int) -> Int? {
            var depth = 0
            var j = open
            while j < min(s.count, open + reach) {
                if s[j] == "\\" { j += 2; continue }
                if s[j] == "[" { depth += 1 } else if s[j] == "]" { depth -= 1; if depth == 0 { return j } }
                j += 1
            }
            return nil
        }
        func closeParen(_ open: Int) -> Int? {
            var depth = 0
            var j = open
            while j < min(s.count, open + reach) {
                if s[j] == "(" { depth += 1 } else if s[j] == ")" { depth -= 1; if depth == 0 { return j } }
                j += 1
            }
            return nil
        }
        while i < s.count {
            let c = s[i]
            let prev: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
            let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
            switch c {
            case "\\" where next.map { "\\`*_{}[]()#+-.!<>".unicodeScalars.contains($0) } ?? false:
                out.append(next!); i += 2; continue
            case "!" where next == "[":
                if let close = closeBracket(i + 1), close + 1 < s.count, s[close + 1] == "(", let end = closeParen(close + 1) {
                    i = end + 1; continue
                }
            case "[":
                if let close = closeBracket(i) {
                    let inner = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                    if close + 1 < s.count, s[close + 1] == "(", let end = closeParen(close + 1) {
                        out.append(contentsOf: strip(inner).unicodeScalars); i = end + 1; continue
                    }
                    if close + 1 < s.count, s[close + 1] == "[", let end = closeBracket(close + 1) {
                        out.append(contentsOf: strip(inner).unicodeScalars); i = end + 1; continue
                    }
                }
            case "<":
                if let end = s[i..<min(s.count, i + reach)].firstIndex(of: ">") {
                    let inner = String(String.UnicodeScalarView(s[(i + 1)..<end]))
                    if inner.hasPrefix("http://") || inner.hasPrefix("https://") || inner.hasPrefix("mailto:") {
                        out.append(contentsOf: inner.unicodeScalars); i = end + 1; continue
                    }
                }
            case "`":
                i += 1; continue
            case "*", "_":
                var run = 1
                while i + run < s.count && s[i + run] == c { run += 1 }
                let before: Unicode.Scalar? = prev
                let after: Unicode.Scalar? = i + run < s.count ? s[i + run] : nil
                // Opening: not followed by a space; closing: not preceded by one. `_` only at word edges.
                let opens = !isSpace(after) && (c == "*" || !isWordy(before))
                let closes = !isSpace(before) && (c == "*" || !isWordy(after))
                if run <= 3 && (opens || closes) && !(isSpace(before) && isSpace(after)) {
                    i += run; continue
                }
                for _ in 0..<run { out.append(c) }
                i += run; continue
            default:
                break
            }
            out.append(c)
            i += 1
        }
        var result = String(out)
        while result.hasSuffix(" ") || result.hasSuffix("\\") { result.removeLast() }
        return result
    }
}
