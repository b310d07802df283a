#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scalars and small character classes read straight from UTF-8 bytes, so the hot paths of
/// ingest (furniture matching, sentence splitting, line structure) need no `String` per piece.
///
/// ASCII is answered from the byte; anything else goes through `Unicode.Scalar.Properties`, so
/// every answer is the one the scalar-level code would give.
enum UTF8Scan {
    /// The byte length a lead byte announces, the way the ingest code has always counted it
    /// (a continuation byte counts as 1, any byte from 0xF0 up as 4).
    @inline(__always)
    static func sequenceLength(lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    /// The scalar starting at byte `i`, decoded as `String(decoding: b[i..<i+len], as: UTF8.self)`
    /// would decode its first scalar, and the length counted by ``sequenceLength(lead:)``; nil when
    /// that length runs past `end`.
    @inline(__always)
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        let lead = b[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let len = sequenceLength(lead: lead)
        guard i + len <= end else { return nil }
        if let s = wellFormed(b, i, lead, len) { return (s, len) }
        return (String(decoding: UnsafeBufferPointer(rebasing: b[i..<(i + len)]), as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}", len)
    }

    /// The scalar of a well-formed multi-byte sequence, nil for anything else.
    @inline(__always)
    private static func wellFormed(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ lead: UInt8, _ len: Int) -> Unicode.Scalar? {
        @inline(__always) func cont(_ k: Int) -> UInt32? {
            let c = b[i + k]
            return c & 0xC0 == 0x80 ? UInt32(c & 0x3F) : nil
        }
        switch len {
        case 2:
            guard lead >= 0xC2, let c1 = cont(1) else { return nil }
            return Unicode.Scalar(UInt32(lead & 0x1F) << 6 | c1)
        case 3:
            guard let c1 = cont(1), let c2 = cont(2) else { return nil }
            let v = UInt32(lead & 0x0F) << 12 | c1 << 6 | c2
            guard v >= 0x800 else { return nil }
            return Unicode.Scalar(v)   // nil for surrogates
        case 4:
            guard lead <= 0xF4, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) else { return nil }
            let v = UInt32(lead & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            guard v >= 0x10000 else { return nil }
            return Unicode.Scalar(v)
        default:
            return nil
        }
    }

    /// Where the scalar ending just before `end` starts (continuation bytes skipped back to their lead).
    @inline(__always)
    static func scalarStart(before end: Int, in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = end - 1
        while i > start, b[i] & 0xC0 == 0x80, end - i < 4 { i -= 1 }
        return i
    }

    /// Letters and digits (`isAlphabetic` or a numeric type), what furniture matching calls a word scalar.
    @inline(__always)
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A) }
        return CaseTable.isWordScalar(c)
    }

    @inline(__always)
    static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return CaseTable.isUppercase(c)
    }

    @inline(__always)
    static func isLowercase(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return CaseTable.isLowercase(c)
    }

    /// Runs of bytes other than space, tab and line feed (``Shape/wordCount(_:)``), counted up to
    /// `limit` (a larger count is reported as `limit`).
    ///
    /// Eight bytes at a time: a word starts at each byte that is not a space and follows a space
    /// (or the start), so the starts of a word of bytes are counted from its space flags.
    @inline(__always)
    static func wordCount(_ b: UnsafeBufferPointer<UInt8>, limit: Int = .max) -> Int {
        var n = 0
        var i = 0
        // The high bit set: the byte before the next word was a space (or there was none).
        var before: UInt64 = 0x80
        // Sixteen bytes at a time from byte 1 (after byte 0 by itself): a word starts at each
        // byte that is not a space where the byte before it (the vector one byte back) is one.
        if b.count >= 17, let base = b.baseAddress {
            let first = base[0]
            if first != 0x20 && first != 0x09 && first != 0x0A {
                n = 1
                if n >= limit { return limit }
            }
            let space = SIMD16<UInt8>(repeating: 0x20), tab = SIMD16<UInt8>(repeating: 0x09)
            let lf = SIMD16<UInt8>(repeating: 0x0A), zero = SIMD16<UInt8>(repeating: 0)
            i = 1
            while i + 16 <= b.count {
                let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
                let p = UnsafeRawPointer(base + i - 1).loadUnaligned(as: SIMD16<UInt8>.self)
                let starts = ((p .== space) .| (p .== tab) .| (p .== lf)) .& .!((v .== space) .| (v .== tab) .| (v .== lf))
                n += Int(zero.replacing(with: 1, where: starts).wrappedSum())
                if n >= limit { return limit }
                i += 16
            }
            let last = base[i - 1]
            before = last == 0x20 || last == 0x09 || last == 0x0A ? 0x80 : 0
        }
        while i + 8 <= b.count {
            let v = ByteWords.load(b, i)
            let spaces = ByteWords.equal(v, 0x20) | ByteWords.equal(v, 0x09) | ByteWords.equal(v, 0x0A)
            let starts = ~spaces & ByteWords.highs & (spaces << 8 | before)
            n += ByteWords.count(starts)
            if n >= limit { return limit }
            before = spaces >> 56
            i += 8
        }
        var inWord = before == 0
        for c in UnsafeBufferPointer(rebasing: b[i...]) {
            if c == 0x20 || c == 0x09 || c == 0x0A {
                inWord = false
            } else if !inWord {
                inWord = true
                n += 1
                if n >= limit { return limit }
            }
        }
        return n
    }
}

extension UTF8Scan {
    /// `key` written with scalars below `limit` only (U+0300 or lower), when it has such a
    /// canonically equivalent form: each character is kept when it already is, or replaced by
    /// the one scalar below `limit` it is canonically equal to ("e" + U+0301 → "é"); nil when
    /// some character has none. Text written below U+0300 is in normal form C, so this is what
    /// such text must equal byte for byte to equal `key` as a `String`.
    static func canonicalForm(_ key: String, below limit: UInt32) -> String? {
        precondition(limit <= 0x300)
        var out = String.UnicodeScalarView()
        for ch in key {
            if ch.unicodeScalars.allSatisfy({ $0.value < limit }) {
                out.append(contentsOf: ch.unicodeScalars)
                continue
            }
            guard let c = (0..<limit).lazy.compactMap(Unicode.Scalar.init).first(where: { Character($0) == ch }) else { return nil }
            out.append(c)
        }
        return String(out)
    }
}

extension UTF8Scan {
    /// Whether `b[from..<end]` is all ASCII, eight bytes at a time.
    @inline(__always)
    static func isASCII(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Bool {
        var i = from
        var high: UInt64 = 0
        // Sixteen bytes at a time (one vector OR each) for all but the last few.
        if end - from >= 32, let base = b.baseAddress {
            var acc = SIMD16<UInt8>(repeating: 0)
            while i + 16 <= end {
                acc |= UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
                i += 16
            }
            if any(acc .>= SIMD16<UInt8>(repeating: 0x80)) { return false }
        }
        while i + 8 <= end {
            high |= ByteWords.load(b, i)
            i += 8
        }
        while i < end {
            high |= UInt64(b[i])
            i += 1
        }
        return high & ByteWords.highs == 0
    }

    /// The first index from `from` up to `end` where `b` holds `byte` (`end` when none), by `memchr`.
    @inline(__always)
    static func find(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
        guard from < end, let base = b.baseAddress else { return end }
        guard let p = memchr(base + from, Int32(byte), end - from) else { return end }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }
}

extension String {
    /// The bytes `range` of the string (`bytes` are its UTF-8, as `withUTF8Bytes` gives them) as a
    /// `String` of their own: `String(decoding: bytes[range], as: UTF8.self)`. When both ends
    /// fall on scalar boundaries the slice is valid UTF-8 (the string's bytes are) and is copied
    /// without validating it again (``ValidUTF8/string(_:_:)``); otherwise it is decoded.
    @inline(__always)
    func utf8Slice(_ range: Range<Int>, bytes: UnsafeBufferPointer<UInt8>) -> String {
        let lo = range.lowerBound, hi = range.upperBound
        if (lo == bytes.count || bytes[lo] & 0xC0 != 0x80) && (hi == bytes.count || bytes[hi] & 0xC0 != 0x80) {
            return ValidUTF8.string(bytes, range)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Runs `body` over the string's UTF-8 bytes without copying a native string.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let r = try utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = self
        return try copy.withUTF8(body)
    }
}
