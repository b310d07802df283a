#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

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

    @inline(__always)
    private mutating func copy(_ p: UnsafePointer<UInt8>, _ n: Int) {
        reserve(n)
        (base + count).update(from: p, count: n)
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
        var s = s
        s.withUTF8 { escaped($0) }
    }

    mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        let n = utf8.count
        reserve(n + 2)
        base[count] = 0x22
        count += 1
        guard let src = utf8.baseAddress else { byte(0x22); return }
        var runStart = 0
        var i = 0
        while i < n {
            let b = src[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C { i += 1; continue }
            if i > runStart { copy(src + runStart, i - runStart) }
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
            i += 1
            runStart = i
        }
        if n > runStart { copy(src + runStart, n - runStart) }
        byte(0x22)
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

    @inline(__always)
    private mutating func unsigned(_ v: UInt) {
        if v < 10 { byte(0x30 &+ UInt8(truncatingIfNeeded: v)); return }
        var digits = 0
        var t = v
        while t > 0 { digits += 1; t /= 10 }
        reserve(digits)
        var at = count + digits
        t = v
        while t > 0 {
            at -= 1
            base[at] = 0x30 &+ UInt8(truncatingIfNeeded: t % 10)
            t /= 10
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
        if x.magnitude < Self.exactIntegers, x.rounded(.towardZero) == x {
            if x == 0 {
                if x.sign == .minus { raw("-0") } else { byte(0x30) }
            } else {
                integer(Int(x))
            }
            return
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
