import CrosscheckModel
import Foundation
@testable import QuantityRecognition
import Testing

/// Hostile and pathological input: lists of numbers, overflowing values, very long lines.
@Suite struct RobustnessTests {
    func keys(_ s: String) -> [String] { Tokenizer.tokenize(s).map(\.key) }

    func find(_ text: String, _ lang: String = "en") throws -> [Quantity] {
        try #require(Corpus.recognizer).recognize(text, language: lang)
    }

    static func allFinite(_ qs: [Quantity]) -> Bool {
        qs.allSatisfy { QuantityScanner.isFinite($0.value) }
    }

    @Test func aListOfNumbersIsNoDigitGrouping() {
        #expect(keys("1 2 3 4") == ["1", "2", "3", "4"])
        #expect(keys("101 102 103 104 105 106") == ["101", "102", "103", "104", "105", "106"])
        #expect(keys("997 998 999 1000") == ["997", "998", "999", "1000"])
        #expect(keys("1 000 000 people") == ["1 000 000", "people"])
        #expect(keys("1 000 000 000 000 euros") == ["1 000 000 000 000", "euros"])
        #expect(keys("in 2021 300 people") == ["in", "2021", "300", "people"])
        // more groups than any grouping needs: a list
        #expect(keys("1 000 000 000 000 000").count > 1)
    }

    @Test func countingParagraphStaysFinite() throws {
        let text = (1...3000).map(String.init).joined(separator: " ")
        let qs = try find(text)
        #expect(RobustnessTests.allFinite(qs))
        #expect(qs.allSatisfy { ($0.value.number ?? 0) <= 3000 })
    }

    @Test(arguments: [
        String(repeating: "9", count: 400),
        String(repeating: "123,", count: 200) + "456",
        "1e400", "1.5e99999999999", "10^400", "1x10^400", "2.5 billion billion billion billion billion billion billion billion billion billion billion billion billion billion billion billion billion billion billion billion billion billion billion billion billion billion billion",
        "1/0 and 0/0", "between 1e300 and 1e400 people", "point " + String(repeating: "trillion ", count: 40),
    ])
    func neverANonFiniteValue(_ text: String) throws {
        #expect(RobustnessTests.allFinite(try find(text)))
        #expect(RobustnessTests.allFinite(try find(text, "da")))
    }

    @Test func longParagraphOfNumbersIsLinear() throws {
        let recognizer = try #require(Corpus.recognizer)
        func seconds(_ count: Int) -> Double {
            let text = (1...count).map(String.init).joined(separator: " ")
            let t0 = Date()
            _ = recognizer.recognize(text, language: "en")
            return Date().timeIntervalSince(t0)
        }
        let small = max(seconds(5_000), 0.001)
        let big = seconds(40_000)
        #expect(big < small * 24 + 0.05, "5k numbers \(small)s, 40k numbers \(big)s")
    }

    @Test func longLineOfWordsIsLinear() throws {
        let recognizer = try #require(Corpus.recognizer)
        func seconds(_ words: Int) -> Double {
            let text = String(repeating: "word ", count: words)
            let t0 = Date()
            _ = recognizer.recognize(text, language: "en")
            return Date().timeIntervalSince(t0)
        }
        _ = seconds(1000)
        let small = max(seconds(20_000), 0.001)
        let big = seconds(160_000)
        // eight times the text: well under the 64× of a quadratic scan
        #expect(big < small * 24 + 0.05, "20k words \(small)s, 160k words \(big)s")
    }
}
