import Foundation
import Testing
@testable import ArticleIngest

/// The sixteen-bytes-at-a-time scans (word counts, ASCII and spacing tests, UTF-8 checking, the
/// sentence splitter's search for terminals) answer exactly as byte-by-byte loops do, on inputs
/// long enough to take the vector paths: long runs of plain bytes with the bytes the scans look
/// for dropped in at random places, including the first and last bytes of a vector.
@Suite struct VectorScanTests {
    typealias Generator = ReferenceCorpus.Generator

    /// Plain text with, at random places, bytes that one of the scans stops at.
    static func longBytes(_ rng: inout Generator, count: Int, rare: [UInt8]) -> [UInt8] {
        let plain = Array("plain words of text, which run on and on ".utf8)
        var out: [UInt8] = []
        while out.count < count {
            if Int.random(in: 0..<12, using: &rng) == 0 {
                out.append(rare.randomElement(using: &rng)!)
            } else {
                out += plain.prefix(Int.random(in: 1...plain.count, using: &rng))
            }
        }
        return Array(out.prefix(count))
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func wordCountsAgreeWithTheByteLoop(seed: UInt64) {
        var rng = Generator(seed: seed)
        for _ in 0..<3000 {
            let count = Int.random(in: 0...200, using: &rng)
            let bytes = Bool.random(using: &rng)
                ? Self.longBytes(&rng, count: count, rare: [0x20, 0x20, 0x09, 0x0A, 0x41, 0xC3, 0xA9])
                : ByteWordsTests.randomBytes(&rng, count: count)
            bytes.withUnsafeBufferPointer { b in
                for limit in [1, 2, 13, 16, 17, 26, 151, Int.max] {
                    #expect(UTF8Scan.wordCount(b, limit: limit) == ByteWordsTests.naiveWordCount(bytes, limit: limit), "\(bytes) \(limit)")
                }
            }
        }
        // A space as the byte just before a vector, a word starting at its first byte.
        for lead in 0...3 {
            let text = Array((String(repeating: " ", count: lead) + String(repeating: "ab ", count: 30)).utf8)
            text.withUnsafeBufferPointer { b in
                #expect(UTF8Scan.wordCount(b) == 30)
                #expect(UTF8Scan.wordCount(b, limit: 26) == 26)
            }
        }
    }

    @Test(arguments: [4, 5] as [UInt64])
    func asciiAndSpacingAgreeWithTheByteLoops(seed: UInt64) {
        var rng = Generator(seed: seed)
        for _ in 0..<3000 {
            let count = Int.random(in: 0...200, using: &rng)
            let bytes = Self.longBytes(&rng, count: count, rare: [0x20, 0x09, 0x0B, 0x0C, 0xEF, 0xC3, 0x80, 0xFF])
            bytes.withUnsafeBufferPointer { b in
                for from in [0, min(5, count)] {
                    let to = Int.random(in: from...count, using: &rng)
                    #expect(UTF8Scan.isASCII(b, from, to) == bytes[from..<to].allSatisfy { $0 < 0x80 }, "\(bytes) \(from) \(to)")
                }
                #expect(Shape.isPlainlySpaced(b) == ByteWordsTests.naivePlainlySpaced(bytes), "\(bytes)")
            }
        }
    }

    @Test func highBytesAreFoundAnywhere() {
        var rng = Generator(seed: 7)
        for _ in 0..<3000 {
            let bytes = Self.longBytes(&rng, count: Int.random(in: 0...120, using: &rng), rare: [0xC3, 0xC4, 0xFF, 0x80])
            for low: UInt8 in [0x80, 0xC4, 0xFF] {
                #expect(bytes.withUnsafeBufferPointer { FurnitureFilter.hasByte(from: low, in: $0) } == bytes.contains { $0 >= low }, "\(bytes) \(low)")
            }
        }
    }

    @Test func utf8CheckAgreesWithTheStandardLibraryOnLongText() {
        var rng = Generator(seed: 6)
        var valid = 0
        for _ in 0..<4000 {
            let count = Int.random(in: 0...200, using: &rng)
            let bytes = Self.longBytes(&rng, count: count, rare: [0x0A, 0x09, 0x1F, 0x00, 0x7F, 0x80, 0xC3, 0xE2, 0xF0, 0xFF])
            let check = bytes.withUnsafeBufferPointer(ValidUTF8.check)
            #expect(check.valid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            if check.valid {
                valid += 1
                #expect(check.ascii == bytes.allSatisfy { $0 < 0x80 })
                #expect(check.onlyTextControls == ValidUTF8Tests.textControlsOnly(bytes))
            }
        }
        #expect(valid > 500 && valid < 3_900)
    }

    /// Terminals at every offset of a vector: each sentence starts where the period before it left off.
    @Test func terminalsAtEveryOffsetOfAVectorAreFound() {
        let splitter = SentenceSplitter(languages: TextTestSupport.store, language: "en")
        for pad in 0..<40 {
            for terminal in [".", "!", "?", "\u{2026}", "\u{3002}"] {
                let first = String(repeating: "a", count: pad + 1) + terminal
                let text = first + " The next one starts here" + terminal + " And another one."
                let sentences = splitter.split(text)
                #expect(sentences.map(\.text) == [first, "The next one starts here" + terminal, "And another one."], "\(pad) \(terminal)")
            }
        }
    }
}
