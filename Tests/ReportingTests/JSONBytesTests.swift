import Foundation
@testable import Reporting
import Testing

/// The byte buffer's integers, short copies and escaping against the plain answers: `String(v)`
/// for integers, the string's own bytes for raw text.
@Suite struct JSONBytesTests {
    static var edgeIntegers: [Int] {
        var out = [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, Int.max, Int.min, Int.max - 1, Int.min + 1, -1, -9, -10, -100]
        var p = 1
        for _ in 0..<18 {
            p *= 10
            out += [p - 1, p, p + 1, -p, -(p - 1)]
        }
        return out
    }

    @Test func integersAsSwiftPrintsThem() {
        var rng = SystemRandomNumberGenerator()
        let random = (0..<2_000).map { _ in Int.random(in: Int.min...Int.max, using: &rng) >> Int.random(in: 0...62, using: &rng) }
        for v in Self.edgeIntegers + random {
            var b = JSONBytes(capacity: 1)
            b.integer(v)
            #expect(String(decoding: b.bytes, as: UTF8.self) == String(v))
        }
    }

    @Test func stringsOfEveryShortLengthCopyExactly() {
        // Lengths 0 to 40 cover the one-byte, four-byte, eight-byte, sixteen-byte and memcpy moves;
        // an escape at every position checks the runs around it.
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP".utf8)
        for n in 0...40 {
            let plain = String(decoding: letters.prefix(n), as: UTF8.self)
            var b = JSONBytes(capacity: 1)
            b.string(plain)
            #expect(String(decoding: b.bytes, as: UTF8.self) == "\"" + plain + "\"")
            for at in 0..<n {
                var chars = Array(letters.prefix(n))
                chars[at] = 0x22
                var c = JSONBytes(capacity: 1)
                c.string(String(decoding: chars, as: UTF8.self))
                var expected = Array(letters.prefix(at)) + [0x5C, 0x22] + Array(letters.prefix(n).dropFirst(at + 1))
                expected = [0x22] + expected + [0x22]
                #expect(Array(c.bytes) == expected)
            }
        }
    }
}
