@testable import ClaimBuilding

/// The claim tokenizer as it was before it decoded into stack scratch with per-scalar classes
/// (main at 3c1d01f): the reference the tokenizer is checked against, token for token.
enum ReferenceTokenizer {
    static func tokenize(_ text: String) -> [ClaimToken] {
        var text = text
        return text.withUTF8 { tokenize(bytes: $0) }
    }

    /// The tokenizer over the sentence's UTF-8 bytes: scalars are decoded once (ASCII without a
    /// table lookup), and each token's text and key are made from its bytes.
    static func tokenize(bytes: UnsafeBufferPointer<UInt8>) -> [ClaimToken] {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(bytes.count)
        offsets.reserveCapacity(bytes.count + 1)
        var p = 0
        while p < bytes.count {
            let b = bytes[p]
            if b < 0x80 {
                scalars.append(Unicode.Scalar(b))
                offsets.append(p)
                p += 1
                continue
            }
            let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            var v = UInt32(b) & (width == 4 ? 0x07 : width == 3 ? 0x0F : 0x1F)
            for k in 1..<width where p + k < bytes.count { v = v << 6 | (UInt32(bytes[p + k]) & 0x3F) }
            scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
            offsets.append(p)
            p += width
        }
        offsets.append(bytes.count)
        var tokens: [ClaimToken] = []
        tokens.reserveCapacity(scalars.count / 4 + 1)
        var i = 0
        let n = scalars.count
        while i < n {
            let s = scalars[i]
            if isSpace(s) { i += 1; continue }
            if !isWordScalar(s) {
                let t = makeText(bytes, offsets[i], offsets[i + 1])
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
            if j < n, isApostrophe(scalars[j]), j - i <= 2, scalars[i..<j].allSatisfy(isLetter) {
                j += 1
            }
            appendWord(scalars[i..<j], bytes: bytes, offsets: offsets, to: &tokens)
            i = j
        }
        return tokens
    }

    private static func appendWord(_ word: ArraySlice<Unicode.Scalar>, bytes: UnsafeBufferPointer<UInt8>, offsets: [Int],
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
            tokens.append(makeWord(head, bytes: bytes, start: offsets[word.startIndex], end: offsets[split + 1]))
            tokens.append(makeWord(tail, bytes: bytes, start: offsets[split + 1], end: offsets[word.endIndex]))
            return
        }
        tokens.append(makeWord(word, bytes: bytes, start: offsets[word.startIndex], end: offsets[word.endIndex]))
    }

    private static func makeText(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private static func makeWord(_ word: ArraySlice<Unicode.Scalar>, bytes: UnsafeBufferPointer<UInt8>,
                                 start: Int, end: Int) -> ClaimToken {
        let text = makeText(bytes, start, end)
        let first = word.first!
        let capitalized = first.value < 0x80 ? (first.value >= 0x41 && first.value <= 0x5A) : first.properties.isUppercase
        let own = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if let (key, possessive) = asciiKey(own, text: text) {
            return ClaimToken(start: start, end: end, text: text, key: key, isWord: true,
                              isCapitalized: capitalized, isPossessive: possessive,
                              hasDigit: word.contains(where: isDigit))
        }
        var key = normalizedKey(text)
        var possessive = false
        if key.utf8.count > 2, key.utf8.last == 0x73, key.hasSuffix("'s"), key.count > 2 {     // …'s
            key.removeLast(2)
            possessive = true
        } else if key.utf8.count > 3, key.utf8.last == 0x27, key.hasSuffix("s'"), key.count > 3 {  // …s'
            key.removeLast(1)
            possessive = true
        }
        return ClaimToken(start: start, end: end, text: text, key: key, isWord: true,
                          isCapitalized: capitalized, isPossessive: possessive,
                          hasDigit: word.contains(where: isDigit))
    }

    /// The key of a plain-ASCII word from its bytes, lowercased byte by byte and without a
    /// possessive `'s` (or the apostrophe of a plural `s'`), and whether one was taken off; nil
    /// for a word that is not plain ASCII (``normalizedKey(_:)`` makes its key).
    private static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> (String, Bool)? {
        var upper = false
        for b in bytes {
            if b >= 0x80 { return nil }
            if b >= 0x41 && b <= 0x5A { upper = true }
        }
        let n = bytes.count
        var keep = n
        if n > 2, bytes[n - 1] | 0x20 == 0x73, bytes[n - 2] == 0x27 {            // …'s
            keep = n - 2
        } else if n > 3, bytes[n - 1] == 0x27, bytes[n - 2] | 0x20 == 0x73 {     // …s'
            keep = n - 1
        }
        guard upper || keep < n else { return (text, false) }
        let key = String(unsafeUninitializedCapacity: keep) { out in
            for k in 0..<keep {
                let b = bytes[k]
                out[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            }
            return keep
        }
        return (key, keep < n)
    }

    static func normalizedKey(_ s: String) -> String { ClaimTokenizer.normalizedKey(s) }
    static func isSpace(_ s: Unicode.Scalar) -> Bool { ClaimTokenizer.isSpace(s) }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { ClaimTokenizer.isDigit(s) }
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool { ClaimTokenizer.isWordScalar(s) }
    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { ClaimTokenizer.isApostrophe(s) }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        return s.properties.isAlphabetic
    }

    private static func isJoiner(_ s: Unicode.Scalar) -> Bool {
        s == "-" || s == "\u{2010}" || s == "\u{2011}" || isApostrophe(s)
    }

    private static func isDigitJoiner(_ s: Unicode.Scalar) -> Bool {
        s == "." || s == "," || s == "/" || s == "\u{00A0}" || s == "\u{202F}"
    }
}
