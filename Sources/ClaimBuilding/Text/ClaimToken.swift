/// A word or a punctuation mark of a sentence, as the claim builder sees it.
///
/// Offsets are UTF-8 byte offsets into the sentence, half-open. ``key`` is what the tables are
/// matched against: lowercased, typographic apostrophes made straight, a possessive `'s` taken off.
struct ClaimToken: Sendable, Hashable {
    var start: Int
    var end: Int
    /// The token as it stands.
    var text: String
    /// Lowercased, `’` → `'`, without a possessive `'s`.
    var key: String
    /// Letters or digits (not punctuation).
    var isWord: Bool
    /// Starts with an uppercase letter.
    var isCapitalized: Bool
    /// Ended in a possessive `'s` / `’s` (or a plural `s'`).
    var isPossessive: Bool
    /// Holds at least one digit.
    var hasDigit: Bool
}

/// Splits a sentence into ``ClaimToken``s by walking its Unicode scalars (never `Character`s).
///
/// A word is a run of letters, digits and combining marks; a hyphen or an apostrophe between two
/// word characters stays inside it (*Mazar-i-Sharif*, *don't*), and so do `.`, `,` and `/` between
/// two digits (*3,000*, *9/11*). A short elided prefix is its own token (*l'ONU* → `l'` `ONU`,
/// *d'habitants*). Every other non-space scalar is a one-scalar punctuation token.
enum ClaimTokenizer {
    static func tokenize(_ text: String) -> [ClaimToken] {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var offset = 0
        for s in text.unicodeScalars {
            scalars.append(s)
            offsets.append(offset)
            offset += UTF8.width(s)
        }
        offsets.append(offset)
        var tokens: [ClaimToken] = []
        var i = 0
        let n = scalars.count
        while i < n {
            let s = scalars[i]
            if isSpace(s) { i += 1; continue }
            if !isWordScalar(s) {
                let t = String(String.UnicodeScalarView(scalars[i..<i + 1]))
                tokens.append(ClaimToken(start: offsets[i], end: offsets[i + 1], text: t, key: normalizedKey(t),
                                         isWord: false, isCapitalized: false, isPossessive: false, hasDigit: false))
                i += 1
                continue
            }
            var j = i + 1
            while j < n {
                let c = scalars[j]
                if isWordScalar(c) { j += 1; continue }
                if j + 1 < n, isWordScalar(scalars[j + 1]) {
                    if isJoiner(c), isWordScalar(scalars[j - 1]) { j += 1; continue }
                    if isDigitJoiner(c), isDigit(scalars[j - 1]), isDigit(scalars[j + 1]) { j += 1; continue }
                }
                break
            }
            // a plural possessive keeps its apostrophe: "farmers’ groups"
            if j < n, isApostrophe(scalars[j]), j - i > 2, scalars[j - 1] == "s" || scalars[j - 1] == "S",
               j + 1 == n || !isWordScalar(scalars[j + 1]) {
                j += 1
            }
            // an elided article standing alone keeps its apostrophe: "l'", "d'", "qu'"
            if j < n, isApostrophe(scalars[j]), j - i <= 2, scalars[i..<j].allSatisfy({ $0.properties.isAlphabetic }) {
                j += 1
            }
            appendWord(scalars[i..<j], start: offsets[i], offsets: offsets, firstIndex: i, to: &tokens)
            i = j
        }
        return tokens
    }

    private static func appendWord(_ word: ArraySlice<Unicode.Scalar>, start: Int, offsets: [Int], firstIndex: Int,
                                   to tokens: inout [ClaimToken]) {
        // An elided article or preposition: at most two letters, then an apostrophe (l' d' qu' j').
        var split: Int?
        var k = word.startIndex
        var letters = 0
        while k < word.endIndex, letters <= 2 {
            if isApostrophe(word[k]) { split = k; break }
            letters += 1
            k += 1
        }
        if let split, split > word.startIndex, split + 1 < word.endIndex {
            let head = word[word.startIndex...split]
            let tail = word[(split + 1)...]
            tokens.append(makeWord(head, start: offsets[word.startIndex], end: offsets[split + 1]))
            tokens.append(makeWord(tail, start: offsets[split + 1], end: offsets[word.endIndex]))
            return
        }
        tokens.append(makeWord(word, start: offsets[word.startIndex], end: offsets[word.endIndex]))
    }

    private static func makeWord(_ word: ArraySlice<Unicode.Scalar>, start: Int, end: Int) -> ClaimToken {
        let text = String(String.UnicodeScalarView(word))
        var key = normalizedKey(text)
        var possessive = false
        if key.count > 2, key.hasSuffix("'s") {
            key.removeLast(2)
            possessive = true
        } else if key.count > 3, key.hasSuffix("s'") {
            key.removeLast(1)
            possessive = true
        }
        let first = word.first!
        return ClaimToken(start: start, end: end, text: text, key: key, isWord: true,
                          isCapitalized: first.properties.isUppercase, isPossessive: possessive,
                          hasDigit: word.contains(where: isDigit))
    }

    /// The form tables are matched in: lowercased, with typographic apostrophes made straight.
    static func normalizedKey(_ s: String) -> String {
        var out = ""
        for u in s.lowercased().unicodeScalars {
            switch u {
            case "\u{2019}", "\u{2018}", "\u{02BC}": out.unicodeScalars.append("'")
            case "\u{2010}", "\u{2011}": out.unicodeScalars.append("-")
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.properties.isWhitespace || s == "\u{200B}" || s == "\u{FEFF}"
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        isDigit(s) || s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark
    }

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" || s == "\u{02BC}" }

    private static func isJoiner(_ s: Unicode.Scalar) -> Bool {
        s == "-" || s == "\u{2010}" || s == "\u{2011}" || isApostrophe(s)
    }

    private static func isDigitJoiner(_ s: Unicode.Scalar) -> Bool {
        s == "." || s == "," || s == "/" || s == "\u{00A0}" || s == "\u{202F}"
    }
}
