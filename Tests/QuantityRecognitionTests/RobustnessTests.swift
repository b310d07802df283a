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

    // Hang guards: a quadratic scan of these inputs would take minutes. They assert what is found,
    // not how fast (speed is measured by the bench package, never by a test).
    @Test(.timeLimit(.minutes(1)))
    func longParagraphOfNumbersIsRead() throws {
        let recognizer = try #require(Corpus.recognizer)
        let text = (1...40_000).map(String.init).joined(separator: " ")
        let found = recognizer.recognize(text, language: "en")
        #expect(found.count >= 30_000, "\(found.count) quantities in 40,000 numbers")
        #expect(found.allSatisfy { $0.start < $0.end })
    }

    @Test(.timeLimit(.minutes(1)))
    func longLineOfWordsIsRead() throws {
        let recognizer = try #require(Corpus.recognizer)
        let text = String(repeating: "word ", count: 160_000) + "and 12 more"
        let found = recognizer.recognize(text, language: "en")
        #expect(found.map(\.value.number) == [12])
    }
}
