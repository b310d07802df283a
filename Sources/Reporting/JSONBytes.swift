#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Bytes rendered by a ``JSONBytes`` on another thread, handed over with their `malloc` buffer
/// (freed with this object) rather than copied into an array.
final class RenderedBytes: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    let count: Int

    init(base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    deinit { free(base) }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}

/// A growable byte buffer on `malloc`, written through a raw pointer, with the pieces of JSON the
/// report writer needs: indentation, escaped strings and numbers in Foundation's `JSONEncoder`
/// form. Its bytes become a `Data` without a copy (``takeData()``).
struct JSONBytes: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 64)
        guard let p = malloc(self.capacity) else { fatalError("JSONBytes: out of memory (\(self.capacity) bytes)") }
        base = p.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

    /// The bytes written so far, handed to `Data` without a copy; the buffer is gone afterwards.
    consuming func takeData() -> Data {
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        discard self
        return data
    }

    /// The bytes written so far as a ``RenderedBytes`` that owns them (no copy); the buffer is
    /// gone afterwards.
    consuming func takeRendered() -> RenderedBytes {
        let r = RenderedBytes(base: base, count: count)
        discard self
        return r
    }

    /// The bytes written so far, for a caller that copies them out (see ``reset()``).
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Forgets the bytes written, keeping the memory.
    mutating func reset() { count = 0 }

    /// Room for `n` more bytes.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(n) }
    }

    @inline(never)
    private mutating func grow(_ n: Int) {
        var c = capacity
        while c < count + n { c *= 2 }
        guard let p = realloc(base, c) else { fatalError("JSONBytes: out of memory (\(c) bytes)") }
        base = p.assumingMemoryBound(to: UInt8.self)
        capacity = c
    }

    @inline(__always)
    mutating func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    @inline(__always)
    mutating func raw(_ s: StaticString) {
        copy(s.utf8Start, s.utf8CodeUnitCount)
    }

    /// Appends bytes written elsewhere (a piece rendered on another thread).
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let p = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: p, byteCount: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    private mutating func copy(_ p: UnsafePointer<UInt8>, _ n: Int) {
        reserve(n)
        let to = UnsafeMutableRawPointer(base + count)
        let from = UnsafeRawPointer(p)
        if n >= 8 && n <= 16 {
            // Most keys, indents and words: two overlapping eight-byte moves instead of a call.
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 && n < 8 {
            // Short ids, numbers and words: two overlapping four-byte moves.
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: n - 4, as: UInt32.self)
        } else if n > 16 && n <= 32 {
            // Two overlapping sixteen-byte moves, as four eight-byte ones.
            let a = from.loadUnaligned(as: UInt64.self)
            let b = from.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            let c = from.loadUnaligned(fromByteOffset: n - 16, as: UInt64.self)
            let d = from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            to.storeBytes(of: a, as: UInt64.self)
            to.storeBytes(of: b, toByteOffset: 8, as: UInt64.self)
            to.storeBytes(of: c, toByteOffset: n - 16, as: UInt64.self)
            to.storeBytes(of: d, toByteOffset: n - 8, as: UInt64.self)
        } else if n < 4 {
            for k in 0..<n { to.storeBytes(of: p[k], toByteOffset: k, as: UInt8.self) }
        } else {
            to.copyMemory(from: p, byteCount: n)
        }
        count += n
    }

    private static let spaces: StaticString = "\n                                                                "

    /// A line break and `indent` spaces (Foundation's pretty printing: two spaces a level).
    @inline(__always)
    mutating func newline(_ indent: Int) {
        var left = indent + 1
        var from = Self.spaces.utf8Start
        let most = Self.spaces.utf8CodeUnitCount
        while left > most {   // deeper than the report ever goes; kept correct anyway
            copy(from, most)
            left -= most
            from = Self.spaces.utf8Start + 1
        }
        copy(from, left)
    }

    /// `newline(indent)` followed by a key already quoted with its separator, e.g. `"id" : `.
    @inline(__always)
    mutating func key(_ indent: Int, _ quotedKey: StaticString) {
        newline(indent)
        raw(quotedKey)
    }

    /// An empty array or object as Foundation prints it: the opening bracket, a blank line, and the
    /// closing bracket at `indent`.
    mutating func empty(_ open: UInt8, _ close: UInt8, _ indent: Int) {
        byte(open)
        byte(0x0A)
        newline(indent)
        byte(close)
    }

    mutating func null() { raw("null") }

    // MARK: Strings

    /// Hex digits for `\u00XX`.
    private static let hex: StaticString = "0123456789abcdef"

    /// `s` as a JSON string, escaped as Foundation's `JSONEncoder` with `.withoutEscapingSlashes`
    /// does: `"` and `\` with a backslash; backspace, form feed, newline, carriage return and tab as
    /// `\b \f \n \r \t`; the other control characters below U+0020 as `\u00XX` (lowercase hex);
    /// everything else, `/`, DEL, U+2028/U+2029 and all non-ASCII included, as raw UTF-8.
    mutating func string(_ s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ escaped($0) }) == nil {
            var copy = s
            copy.withUTF8 { escaped($0) }
        }
    }

    mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        let n = utf8.count
        reserve(n + 2)
        base[count] = 0x22
        count += 1
        guard let src = utf8.baseAddress else { byte(0x22); return }
        var runStart = 0
        var i = 0
        let space = SIMD16<UInt8>(repeating: 0x20)
        let quote = SIMD16<UInt8>(repeating: 0x22)
        let backslash = SIMD16<UInt8>(repeating: 0x5C)
        while i < n {
            // Sixteen bytes at a time while none of them needs escaping (one vector compare) …
            while i + 16 <= n {
                let v = UnsafeRawPointer(src + i).loadUnaligned(as: SIMD16<UInt8>.self)
                if any((v .< space) .| (v .== quote) .| (v .== backslash)) { break }
                i += 16
            }
            // … then eight at a time.
            while i + 8 <= n, !Self.needsEscape(UnsafeRawPointer(src + i).loadUnaligned(as: UInt64.self)) { i += 8 }
            // The last few bytes as the string's last eight, when it has eight.
            if i < n, i + 8 > n, n >= 8, !Self.needsEscape(UnsafeRawPointer(src + n - 8).loadUnaligned(as: UInt64.self)) { i = n; break }
            let stop = Swift.min(i + 8, n)
            while i < stop {
                let b = src[i]
                if b < 0x20 || b == 0x22 || b == 0x5C { break }
                i += 1
            }
            if i == stop { continue }
            if i > runStart { copy(src + runStart, i - runStart) }
            escape(src[i])
            i += 1
            runStart = i
        }
        if n > runStart { copy(src + runStart, n - runStart) }
        byte(0x22)
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any of the eight bytes in `w` is below 0x20, `"` or `\` (exact, no false positive
    /// on the word as a whole: a byte's high bit is set only when some byte qualifies).
    @inline(__always)
    private static func needsEscape(_ w: UInt64) -> Bool { escapeBits(w) != 0 }

    /// Non-zero when any of the eight bytes in `w` needs escaping (``needsEscape(_:)``).
    @inline(__always)
    private static func escapeBits(_ w: UInt64) -> UInt64 {
        let control = (w &- ones &* 0x20) & ~w
        let q = w ^ (ones &* 0x22), bs = w ^ (ones &* 0x5C)
        let quote = (q &- ones) & ~q
        let backslash = (bs &- ones) & ~bs
        return (control | quote | backslash) & highs
    }

    /// The escape for one byte below 0x20, `"` or `\`.
    private mutating func escape(_ b: UInt8) {
        reserve(6)
        let p = base + count
        p[0] = 0x5C
        switch b {
        case 0x22: p[1] = 0x22; count += 2
        case 0x5C: p[1] = 0x5C; count += 2
        case 0x0A: p[1] = 0x6E; count += 2
        case 0x0D: p[1] = 0x72; count += 2
        case 0x09: p[1] = 0x74; count += 2
        case 0x08: p[1] = 0x62; count += 2
        case 0x0C: p[1] = 0x66; count += 2
        default:
            p[1] = 0x75; p[2] = 0x30; p[3] = 0x30
            p[4] = Self.hex.utf8Start[Int(b >> 4)]
            p[5] = Self.hex.utf8Start[Int(b & 0xF)]
            count += 6
        }
    }

    // MARK: Numbers

    /// A decimal integer.
    mutating func integer(_ v: Int) {
        if v < 0 {
            byte(0x2D)
            // the magnitude of Int.min does not fit an Int; UInt's does
            unsigned(UInt(bitPattern: 0 &- v))
        } else {
            unsigned(UInt(v))
        }
    }

    /// "00" … "99": two digits a step.
    private static let digitPairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    @inline(__always)
    private mutating func unsigned(_ v: UInt) {
        if v < 10 { byte(0x30 &+ UInt8(truncatingIfNeeded: v)); return }
        var digits = 2
        var limit: UInt = 100
        while digits < 20 && v >= limit {
            digits += 1
            if digits == 20 { break }
            limit &*= 10
        }
        reserve(digits)
        var at = count + digits
        var t = v
        let pairs = Self.digitPairs.utf8Start
        while t >= 100 {
            let r = Int(t % 100)
            t /= 100
            at -= 2
            base[at] = pairs[2 * r]
            base[at + 1] = pairs[2 * r + 1]
        }
        if t >= 10 {
            at -= 2
            base[at] = pairs[2 * Int(t)]
            base[at + 1] = pairs[2 * Int(t) + 1]
        } else {
            at -= 1
            base[at] = 0x30 &+ UInt8(truncatingIfNeeded: t)
        }
        count += digits
    }

    /// 2^53: every integer below it is a `Double`, and Swift prints such a value in full (the
    /// exponent form starts above it).
    private static let exactIntegers: Double = 9_007_199_254_740_992

    /// A number as Foundation's `JSONEncoder` writes it: Swift's shortest round-trip `description`
    /// without a trailing `.0` (`12`, `0.1`, `1e+16`, `-0`), and `null` (where Foundation throws)
    /// for NaN and ±infinity.
    ///
    /// Whole numbers below 2^53 (almost every figure in a report) are written as integers here;
    /// the rest go through `description`.
    mutating func number(_ x: Double) {
        if x.magnitude < Self.exactIntegers {   // false for NaN
            let i = Int(x)
            if Double(i) == x {
                if i == 0 && x.sign == .minus { raw("-0") } else { integer(i) }
                return
            }
        }
        guard x.isFinite else { null(); return }
        var s = x.description
        s.withUTF8 { u in
            var n = u.count
            if n >= 2, u[n - 2] == 0x2E, u[n - 1] == 0x30 { n -= 2 }
            if let p = u.baseAddress { copy(p, n) }
        }
    }
}
