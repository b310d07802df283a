/// Small questions about the shape of a line of text, answered from its bytes and scalars.
enum Shape {
    /// Closing quotes and brackets that may follow a sentence's final punctuation.
    static let closers: Set<Unicode.Scalar> = ["\"", "'", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{203A}", ")", "]", "}", "\u{201C}"]
    /// Punctuation that ends a sentence (or a clause that cannot be a heading).
    static let finals: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}", ":", ";", "\u{3002}"]

    /// Tabs and runs of spaces become one space; surrounding spaces go. U+00A0 is kept inside.
    static func collapseSpaces(_ s: String) -> String {
        if s.isEmpty { return s }
        var s = s
        let collapsed: String? = s.withUTF8 { b in
            // nothing to change (the common case for a paragraph): no copy
            if isCollapsed(b) { return nil }
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
        // Nothing to change: the string itself, not a copy.
        return collapsed ?? s
    }

    /// Whether ``collapseSpaces(_:)`` leaves `b` as it is: no space first or last, no tab,
    /// line feed, U+000B, U+000C or 0xEF byte (U+FEFF's first), no two spaces in a row.
    /// Eight bytes at a time (``ByteWords``); the few words holding a flagged byte are looked at
    /// byte by byte.
    static func isCollapsed(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.first != 0x20 && b.last != 0x20 else { return false }
        var i = 0
        var prevSpace = false
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            // The high bit of the byte before this word when it was a space.
            var before: UInt64 = 0
            while i &+ 8 <= b.count {
                let v = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let spaces = ByteWords.equal(v, 0x20)
                // A control byte (any below 0x20), 0xEF or two spaces: the rest is looked at byte by byte.
                if ByteWords.less(v, than: 0x20) | ByteWords.equal(v, 0xEF) | (spaces & (spaces >> 8 | before)) != 0 { break }
                before = (spaces >> 63) << 7
                i &+= 8
            }
            prevSpace = before != 0
        }
        while i < b.count {
            let c = b[i]
            if c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0xEF || (c == 0x20 && prevSpace) { return false }
            prevSpace = c == 0x20
            i += 1
        }
        return true
    }

    /// Whether the text has no tab, U+000B, U+000C, no 0xEF byte (U+FEFF's first) and no two
    /// spaces in a row: then a piece of it without a line feed is ``isCollapsed(_:)`` exactly when
    /// it neither starts nor ends with a space. One pass per text instead of one per line: the
    /// four bytes by `memchr`, the spaces eight pairs at a time (the word at `i` and the word at
    /// `i + 1` are both spaces at some byte: two spaces in a row).
    static func isPlainlySpaced(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        if UTF8Scan.find(0x09, in: b, from: 0, to: n) < n || UTF8Scan.find(0x0B, in: b, from: 0, to: n) < n
            || UTF8Scan.find(0x0C, in: b, from: 0, to: n) < n || UTF8Scan.find(0xEF, in: b, from: 0, to: n) < n { return false }
        var i = 0
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            let spaces: UInt64 = 0x2020_2020_2020_2020
            // Sixteen pairs at a time: the vector at `i` and the one at `i + 1` both spaces at some byte.
            let space16 = SIMD16<UInt8>(repeating: 0x20)
            while i &+ 17 <= n {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let w = raw.loadUnaligned(fromByteOffset: i &+ 1, as: SIMD16<UInt8>.self)
                if any((v .== space16) .& (w .== space16)) { return false }
                i &+= 16
            }
            while i &+ 9 <= n {
                let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) ^ spaces
                let y = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i &+ 1, as: UInt64.self)) ^ spaces
                // A zero byte of x | y: a space at i + k and at i + k + 1 (the classic zero-byte test,
                // exact as a yes or no).
                let z = x | y
                if (z &- ByteWords.ones) & ~z & ByteWords.highs != 0 { return false }
                i &+= 8
            }
        }
        while i + 1 < n {
            if b[i] == 0x20 && b[i + 1] == 0x20 { return false }
            i += 1
        }
        return true
    }

    /// The last scalar that is not a closing quote, bracket or space.
    static func lastMeaningful(_ s: String) -> Unicode.Scalar? {
        s.withUTF8Bytes { b in
            var end = b.count
            while end > 0 {
                let start = UTF8Scan.scalarStart(before: end, in: b, from: 0)
                guard let (c, _) = UTF8Scan.scalar(b, start, end) else { return nil }
                if !isCloser(c) && c != " " && c != "\u{A0}" { return c }
                end = start
            }
            return nil
        }
    }

    /// One of ``closers``, without hashing.
    @inline(__always)
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x201D, 0x2019, 0x00BB, 0x203A, 0x201C: return true
        default: return false
        }
    }

    /// One of ``finals``, without hashing.
    @inline(__always)
    static func isFinal(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x3A, 0x3B, 0x3002: return true
        default: return false
        }
    }

    /// Ends in `.`, `!`, `?`, `…`, `:` or `;`, closing quotes and brackets aside.
    static func endsSentence(_ s: String) -> Bool {
        guard let c = lastMeaningful(s) else { return false }
        return isFinal(c)
    }

    static func startsLowercase(_ s: String) -> Bool {
        guard let c = s.unicodeScalars.first else { return false }
        return UTF8Scan.isLowercase(c)
    }

    static func startsUppercase(_ s: String) -> Bool {
        guard let c = s.unicodeScalars.first else { return false }
        return UTF8Scan.isUppercase(c)
    }

    /// Words separated by spaces.
    static func wordCount(_ s: String) -> Int {
        s.withUTF8Bytes { UTF8Scan.wordCount($0) }
    }

    /// Words separated by spaces, counted up to `limit`.
    static func wordCount(_ s: String, limit: Int) -> Int {
        s.withUTF8Bytes { UTF8Scan.wordCount($0, limit: limit) }
    }

    /// Short, with a letter, and without final punctuation: a heading or a label.
    static func looksLikeHeading(_ s: String) -> Bool {
        guard s.utf8.count <= 140 else { return false }
        let words = wordCount(s, limit: 17)
        guard words >= 1, words <= 16 else { return false }
        guard hasLetter(s) else { return false }
        guard let last = lastMeaningful(s) else { return false }
        return !isFinal(last) && last != ","
    }

    /// Whether some scalar is alphabetic.
    static func hasLetter(_ s: String) -> Bool {
        s.withUTF8Bytes { b in
            var i = 0
            while i < b.count {
                let c = b[i]
                if c < 0x80 {
                    if c | 0x20 >= 0x61 && c | 0x20 <= 0x7A { return true }
                    i += 1
                    continue
                }
                guard let (scalar, len) = UTF8Scan.scalar(b, i, b.count) else { return false }
                if scalar.properties.isAlphabetic { return true }
                i += len
            }
            return false
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and no-break spaces.
    var trimmingSpaces: String {
        // Nothing to trim (the common case): the first byte starts no space scalar and the last
        // ends none (U+00A0 is C2 A0, U+FEFF is EF BB BF).
        let untouched: Bool? = utf8.withContiguousStorageIfAvailable { b in
            guard let first = b.first, let last = b.last else { return false }
            return first != 0x20 && first != 0x09 && first != 0x0A && first != 0x0D && first != 0xC2 && first != 0xEF
                && last != 0x20 && last != 0x09 && last != 0x0A && last != 0x0D && last != 0xA0 && last != 0xBF
        }
        if untouched == true { return String(self) }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !Self.isSpace($0) })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    private static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\u{A0}" || c == "\n" || c == "\r" || c == "\u{FEFF}"
    }
}
