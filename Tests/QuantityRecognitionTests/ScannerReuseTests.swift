import CrosscheckModel
import Foundation
import LanguageData
@testable import QuantityRecognition
import Testing

/// One scanner (and one ``TokenBuffer``) reused from text to text reads each text exactly as a
/// fresh scanner reads it.
@Suite struct ScannerReuseTests {
    static let texts = [
        "Über 2,5 Millionen Menschen — dreihunderttausend — kamen am 3. März, mehr als 40 Prozent.",
        "The 3 Ministers said THREE-quarters of 1,200 Voters (45%) backed it in March, about a third.",
        "",
        "No figure here at all, only words and more words and a few more words to make it long enough to grow the buffers beyond their first size: one, two.",
        "Between 20 and 30 people, 1 hour and 45 minutes, 2-1, 15/08/2021, ½, 1.3x10^6 and 12 kr.",
        "x",
        "Omkring tre fjerdedele af de 1 000 kr. og mere end halvtreds procent i januar og FEBRUAR.",
    ]

    @Test(arguments: ["en", "de", "da"])
    func aReusedScannerReadsAsAFreshOne(code: String) throws {
        let lex = try GateTests.lexicon(code)
        let box = LexiconBox(lex)
        let reused = QuantityScanner(box: box)
        // twice over, so every text follows a longer and a shorter one
        for text in Self.texts + Self.texts.reversed() {
            for relative in [false, true] {
                let fresh = QuantityScanner(text: text, box: box, relativeOrdinals: relative).run()
                reused.load(text: text, box: box, relativeOrdinals: relative)
                let again = reused.run()
                #expect(again == fresh, "\(code): \(text)")
                #expect(reused.n == Tokenizer.tokenize(text, decimalMark: lex.decimalMark, spaceGroups: lex.spaceGroups).count)
                reused.out = []
            }
        }
    }

    @Test func theThreadsScannerGivesTheRecognizersReadings() throws {
        let lex = try GateTests.lexicon("de")
        let box = LexiconBox(lex)
        for text in Self.texts where !text.isEmpty {
            let fresh = QuantityScanner(text: text, box: box).run()
            #expect(QuantityScanner.scan(text, box: box, relativeOrdinals: false) == fresh)
            #expect(QuantityScanner.scan(text, box: box, relativeOrdinals: false) == fresh)
        }
    }

    /// A sentence's lexicon found by its packed code is the lexicon of that code; a regional
    /// code falls back to its base, an unknown one to English.
    @Test func lexiconsAreFoundByTheirPackedCode() throws {
        let rec = try #require(Corpus.recognizer)
        #expect(QuantityRecognizer.packedCode("en") == 0x6E65)
        #expect(QuantityRecognizer.packedCode("") == 0)
        #expect(QuantityRecognizer.packedCode("abcdefgh") == 0x6867_6665_6463_6261)
        #expect(QuantityRecognizer.packedCode("abcdefghi") == nil)
        #expect(rec.packedBoxes.map(\.code) == rec.packedBoxes.map(\.code).sorted())
        #expect(rec.packedBoxes.count == rec.boxes.count)
        for (code, box) in rec.boxes {
            #expect(rec.box(code) === box, "\(code)")
        }
        #expect(rec.box("es-mx") === rec.boxes["es"])
        #expect(rec.box("zz") === rec.boxes["en"])
    }

    @Test func aTokenBufferEmptiedKeepsWorking() {
        var buffer = TokenBuffer(capacity: 2)
        defer { buffer.free() }
        for round in 0..<3 {
            for k in 0..<(10 * (round + 1)) {
                buffer.append(Token(kind: .word, start: k, end: k + 1, key: String(repeating: "é", count: 20 + k), spaceBefore: true))
            }
            #expect(buffer.count == 10 * (round + 1))
            #expect(buffer.tokens.map(\.start) == Array(0..<(10 * (round + 1))))
            #expect(buffer.tokens.last?.key.count == 20 + 10 * (round + 1) - 1)
            buffer.removeAll()
            #expect(buffer.count == 0)
            #expect(buffer.tokens.isEmpty)
        }
        buffer.reserve(1000)
        buffer.append(Token(kind: .number, start: 0, end: 1, key: "1", spaceBefore: true))
        #expect(buffer.tokens.map(\.key) == ["1"])
    }
}
