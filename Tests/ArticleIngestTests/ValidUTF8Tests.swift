import Foundation
import Testing
@testable import ArticleIngest

/// ``ValidUTF8`` answers as the standard library does: `check` accepts exactly what
/// `String(validating:as:)` accepts, and `string` gives the string `String(decoding:as:)` gives.
@Suite struct ValidUTF8Tests {
    typealias Generator = ReferenceCorpus.Generator

    /// Lead bytes, continuation bytes at the edges of their ranges, controls and ASCII.
    static let interesting: [UInt8] = [0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x1B, 0x1F, 0x20, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F,
                                       0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0,
                                       0xF1, 0xF3, 0xF4, 0xF5, 0xFF]

    static func randomBytes(_ rng: inout Generator, count: Int) -> [UInt8] {
        var out: [UInt8] = []
        while out.count < count {
            switch UInt8.random(in: 0...5, using: &rng) {
            case 0: out.append(interesting.randomElement(using: &rng)!)
            case 1: out.append(UInt8.random(in: 0...255, using: &rng))
            case 2:
                // A well-formed scalar, so longer valid runs occur.
                var v = UInt32.random(in: 0...0x10FFFF, using: &rng)
                if (0xD800...0xDFFF).contains(v) { v = 0xE9 }
                out += Array(String(Unicode.Scalar(v)!).utf8)
            default:
                out += Array("plain ASCII words ".utf8.prefix(Int.random(in: 1...18, using: &rng)))
            }
        }
        return out
    }

    static func textControlsOnly(_ b: [UInt8]) -> Bool {
        !b.contains { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0C && $0 != 0x1B }
    }

    @Test func checkAgreesWithTheStandardLibrary() {
        var rng = Generator(seed: 41)
        var valid = 0
        for _ in 0..<20_000 {
            let bytes = Self.randomBytes(&rng, count: Int.random(in: 0...40, using: &rng))
            let check = bytes.withUnsafeBufferPointer(ValidUTF8.check)
            let reference = String(validating: bytes, as: UTF8.self)
            #expect(check.valid == (reference != nil), "\(bytes)")
            if check.valid {
                valid += 1
                #expect(check.ascii == bytes.allSatisfy { $0 < 0x80 })
                #expect(check.onlyTextControls == Self.textControlsOnly(bytes))
            }
        }
        // Both answers occur often enough to mean something.
        #expect(valid > 1_000 && valid < 19_000)
    }

    /// Runs of two-byte scalars (Cyrillic, Greek) with ASCII between them, now and then broken
    /// by a bad or control byte: the run loop answers as the standard library does.
    @Test func twoByteRunsAgreeWithTheStandardLibrary() {
        var rng = Generator(seed: 43)
        let pieces = ["Москва ", "году, ", "ΣΑΣ", "Ёж", "é", "ß", ". ", "x", "\u{7F}", "“", "日", "\n", "\t"].map { Array($0.utf8) }
        var valid = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...12, using: &rng) { bytes += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            if Int.random(in: 0..<3, using: &rng) == 0, !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = Self.interesting.randomElement(using: &rng)!
            }
            if Int.random(in: 0..<4, using: &rng) == 0, !bytes.isEmpty { bytes.removeLast() }
            let check = bytes.withUnsafeBufferPointer(ValidUTF8.check)
            #expect(check.valid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            if check.valid {
                valid += 1
                #expect(check.ascii == bytes.allSatisfy { $0 < 0x80 })
                #expect(check.onlyTextControls == Self.textControlsOnly(bytes))
            }
        }
        #expect(valid > 5_000 && valid < 19_000)
    }

    @Test(arguments: [
        [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x61, 0xC3], [0x80],
    ] as [[UInt8]])
    func refusesIllFormedSequences(_ bytes: [UInt8]) {
        // Also after eight ASCII bytes, where the word-at-a-time loop hands over.
        for prefix in [[], Array("12345678".utf8), Array("1234567".utf8)] as [[UInt8]] {
            #expect(!(prefix + bytes).withUnsafeBufferPointer(ValidUTF8.check).valid)
        }
    }

    @Test(arguments: ["", "a", "plain ascii line, longer than fifteen", "Häuser", "naïve café – “quoted” …", "日本語の文。",
                      "emoji 😀 and 𝄞", "\u{10FFFF}\u{D7FF}\u{E000}", "tab\there\u{0C}and\u{1B}"])
    func stringsEqualDecodedOnes(_ text: String) {
        let bytes = Array(text.utf8)
        let check = bytes.withUnsafeBufferPointer(ValidUTF8.check)
        #expect(check.valid)
        let made = bytes.withUnsafeBufferPointer { ValidUTF8.string($0) }
        #expect(made == text)
        #expect(Array(made.utf8) == bytes)
        #expect(made.hashValue == text.hashValue)
        #expect(made.count == text.count)
        // Every slice at scalar boundaries.
        bytes.withUnsafeBufferPointer { b in
            for lo in 0...b.count where lo == b.count || b[lo] & 0xC0 != 0x80 {
                for hi in lo...b.count where hi == b.count || b[hi] & 0xC0 != 0x80 {
                    let piece = ValidUTF8.string(b, lo..<hi)
                    let reference = String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
                    #expect(piece == reference)
                    #expect(piece.unicodeScalars.count == reference.unicodeScalars.count)
                }
            }
        }
    }

    @Test func decoderStillRefusesAndRepairs() throws {
        // Not UTF-8: read as Windows-1252 with a warning, as before.
        let latin: [UInt8] = Array("Caf".utf8) + [0xE9, 0x0A]
        let decoded = try TextDecoder.decode(latin, path: "x.txt")
        #expect(decoded.text == "Café\n")
        #expect(decoded.warning != nil)
        // A byte order mark is dropped, a carriage return normalised.
        let bom = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Hä\r\nb".utf8), path: "y.txt")
        #expect(bom.text == "Hä\nb")
        #expect(bom.warning == nil)
    }
}
