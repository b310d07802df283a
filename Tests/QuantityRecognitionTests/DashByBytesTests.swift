@testable import QuantityRecognition
import Testing

/// ``QuantityScanner/isDash(_:)`` judges a symbol by the text's bytes; it must say what the
/// judgement by the token's key says, for every dash, minus and look-alike.
@Suite struct DashByBytesTests {
    static let texts = [
        "24-48 and 24–48 and 24—48 and 24‐48 and 24‑48 and 24−48 and 24―48 and 24‒48",
        "- 5, − 5, – 5, — 5, ‐5, ‑5, ‒5, ―5, ⁃5, ˗5, ﹣5, －5, _5, ~5, ‿5, •5, …5, ‰5, ‹5",
        "Covid-19, F-16, 11-S, 2-1, 1990–2000, -504, − 1.200.000, a 45-year-old, five-day",
        "x", "", "—", "−", "¾-½ € $ % £ ¥ ° © ® ™ ← → ∑ ≤ ≥",
    ]

    @Test(arguments: ["en", "da", "de", "es", "fr"])
    func bytesAndKeysAgree(code: String) throws {
        let lex = try GateTests.lexicon(code)
        var dashes = 0
        for text in Self.texts {
            let scanner = QuantityScanner(text: text, lexicon: lex)
            for i in 0...scanner.n {
                let byBytes = scanner.isDash(i)
                #expect(byBytes == scanner.isDashByKey(i), "\(code): \(text) @\(i)")
                if byBytes { dashes += 1 }
            }
        }
        // hyphen-minus, U+2010, U+2011, U+2013, U+2014 and U+2212 all count
        #expect(dashes >= 20)
    }
}
