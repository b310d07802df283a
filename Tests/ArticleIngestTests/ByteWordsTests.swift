import Foundation
import Testing
@testable import ArticleIngest

/// The eight-bytes-at-a-time helpers answer exactly as a byte-by-byte loop does, on random bytes
/// biased towards the bytes they look for (spaces, controls, 0xEF, terminals, lead bytes).
@Suite struct ByteWordsTests {
    /// The target's SplitMix64, shared with the reference corpus.
    typealias Generator = ReferenceCorpus.Generator

    static let interesting: [UInt8] = [0x20, 0x20, 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x00, 0x1B, 0x08, 0xEF, 0xBB, 0xBF,
                                       0x2E, 0x21, 0x3F, 0xE2, 0xE3, 0x80, 0xA6, 0x7F, 0xFF, 0x1F, 0x61, 0x41, 0xC2, 0xA0]

    static func randomBytes(_ rng: inout Generator, count: Int) -> [UInt8] {
        (0..<count).map { _ in
            Bool.random(using: &rng) ? interesting.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
        }
    }

    @Test func flagsAreExactForEveryByteValue() {
        for x in 0...255 {
            for position in 0..<8 {
                // One byte under test among bytes that never answer yes to the questions below.
                var v: UInt64 = 0x5555_5555_5555_5555
                v &= ~(UInt64(0xFF) << (8 * position))
                v |= UInt64(x) << (8 * position)
                let bit = UInt64(0x80) << (8 * position)
                #expect(ByteWords.zeros(v) == (x == 0 ? bit : 0))
                #expect(ByteWords.equal(v, 0xEF) == (x == 0xEF ? bit : 0))
                #expect(ByteWords.equal(v, 0x20) == (x == 0x20 ? bit : 0))
                #expect(ByteWords.less(v, than: 0x20) == (x < 0x20 ? bit : 0))
                #expect(ByteWords.less(v, than: 0x0D) == (x < 0x0D ? bit : 0))
                #expect(ByteWords.less(v, than: 0x80) & bit == (x < 0x80 ? bit : 0))
                #expect(ByteWords.less(v, than: 0x80) & ~bit == ByteWords.highs & ~bit)
            }
        }
    }

    @Test func countsFlaggedBytes() {
        var rng = Generator(seed: 9)
        for _ in 0..<2000 {
            let v = UInt64.random(in: 0...UInt64.max, using: &rng)
            let flags = v & ByteWords.highs
            #expect(ByteWords.count(flags) == flags.nonzeroBitCount)
        }
        #expect(ByteWords.count(ByteWords.highs) == 8)
        #expect(ByteWords.count(0) == 0)
    }

    /// The plain loops the fast versions replace.
    static func naiveWordCount(_ b: [UInt8], limit: Int) -> Int {
        var n = 0, inWord = false
        for c in b {
            if c == 0x20 || c == 0x09 || c == 0x0A { inWord = false } else if !inWord {
                inWord = true; n += 1
                if n >= limit { return limit }
            }
        }
        return n
    }

    static func naiveIsCollapsed(_ b: [UInt8]) -> Bool {
        var clean = b.first != 0x20 && b.last != 0x20
        if clean {
            for k in 0..<b.count {
                let c = b[k]
                if c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0xEF || (c == 0x20 && k + 1 < b.count && b[k + 1] == 0x20) {
                    clean = false; break
                }
            }
        }
        return clean
    }

    static func naiveOnlyTextControls(_ b: [UInt8]) -> Bool {
        b.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x1B }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func scansAgreeWithByteLoops(seed: UInt64) {
        var rng = Generator(seed: seed)
        for _ in 0..<4000 {
            let bytes = Self.randomBytes(&rng, count: Int.random(in: 0...40, using: &rng))
            bytes.withUnsafeBufferPointer { b in
                for limit in [1, 3, 16, 26, Int.max] {
                    #expect(UTF8Scan.wordCount(b, limit: limit) == Self.naiveWordCount(bytes, limit: limit), "\(bytes)")
                }
                #expect(Shape.isCollapsed(b) == Self.naiveIsCollapsed(bytes), "\(bytes)")
                for from in [0, min(3, bytes.count)] {
                    let naive = bytes[from...].firstIndex(of: 0x0A) ?? bytes.count
                    #expect(UTF8Scan.find(0x0A, in: b, from: from, to: bytes.count) == naive)
                }
            }
            #expect(TextDecoder.onlyTextControls(bytes[...]) == Self.naiveOnlyTextControls(bytes), "\(bytes)")
        }
    }

    static func naivePlainlySpaced(_ b: [UInt8]) -> Bool {
        !b.contains { $0 == 0x09 || $0 == 0x0B || $0 == 0x0C || $0 == 0xEF } && !zip(b, b.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
    }

    /// A plainly spaced text's lines are collapsed exactly when they neither start nor end with a
    /// space, which is what the plain-text reader relies on.
    @Test(arguments: [4, 5, 6] as [UInt64])
    func plainlySpacedAgreesAndDecidesLines(seed: UInt64) {
        var rng = Generator(seed: seed)
        var plain = 0
        for _ in 0..<4000 {
            let count = Int.random(in: 0...60, using: &rng)
            // Mostly letters and single spaces, so that many texts are plainly spaced.
            var bytes: [UInt8] = Int.random(in: 0..<3, using: &rng) == 0
                ? Self.randomBytes(&rng, count: count)
                : (0..<count).map { _ in [0x61, 0x62, 0x20, 0x0A, 0xC3, 0xA9, 0x2E][Int.random(in: 0..<7, using: &rng)] }
            if bytes.last.map({ $0 >= 0x80 }) ?? false { bytes.removeLast() }
            bytes.withUnsafeBufferPointer { b in
                let answer = Shape.isPlainlySpaced(b)
                #expect(answer == Self.naivePlainlySpaced(bytes), "\(bytes)")
                guard answer else { return }
                plain += 1
                for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                    let edge = line.first == 0x20 || line.last == 0x20
                    Array(line).withUnsafeBufferPointer { l in #expect(Shape.isCollapsed(l) == !edge, "\(bytes)") }
                }
            }
        }
        #expect(plain > 500)
    }

    @Test func collapsedStringsComeBackAsThemselves() {
        for s in ["", "a", "a b", "a  b", " a", "a ", "a\tb", "Ｆｕｌｌ", "x\u{FEFF}y", "line\nbreak", "ok text here, fine."] {
            let collapsed = Shape.collapseSpaces(s)
            #expect(Shape.collapseSpaces(collapsed) == collapsed)
            let clean = s.withUTF8Bytes { Shape.isCollapsed($0) }
            if clean { #expect(collapsed == s) }
        }
    }

    @Test func slicesEqualDecodedBytes() {
        let text = "Læs også: 3\u{202F}260 soldats — “déployés” 日本語 e\u{301}"
        let bytes = Array(text.utf8)
        text.withUTF8Bytes { b in
            for lo in 0...bytes.count {
                for hi in lo...bytes.count {
                    let slice = text.utf8Slice(lo..<hi, bytes: b)
                    let decoded = String(decoding: bytes[lo..<hi], as: UTF8.self)
                    #expect(Array(slice.utf8) == Array(decoded.utf8), "\(lo)..<\(hi)")
                }
            }
        }
    }

    @Test func decoderFastPathKeepsEveryAnswer() throws {
        // Texts that take the fast path and texts that must not: a carriage return, a NUL, a BOM,
        // Windows-1252 bytes, UTF-16 with and without a BOM.
        let cases: [[UInt8]] = [
            Array("plain\ttext\nwith lines\u{0C}and \u{1B} escape\n".utf8),
            [0xEF, 0xBB, 0xBF] + Array("bom text".utf8),
            Array("crlf\r\nline".utf8),
            Array("caf".utf8) + [0xE9] + Array(" au lait".utf8),
            [0xFF, 0xFE, 0x61, 0x00, 0x62, 0x00],
            Array("a\0b\0c\0d\0e\0f\0g\0h\0".utf8),
            Array("bell \u{07} here".utf8),
        ]
        for bytes in cases {
            let fast = try? TextDecoder.decode(bytes, path: "x.txt")
            let reference = try? OriginalTextDecoder.decode(bytes, path: "x.txt")
            #expect(fast?.text == reference?.text && fast?.warning == reference?.warning
                    && fast?.encoding.rawValue == reference?.encoding.rawValue, "\(bytes)")
        }
    }
}
