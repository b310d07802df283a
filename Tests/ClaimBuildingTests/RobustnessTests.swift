import ClaimBuilding
import CrosscheckModel
import Testing

/// Odd input never crashes the reader: empty text, spans past the end, overlapping spans,
/// punctuation runs, every language folder.
@Suite struct RobustnessTests {
    @Test(arguments: ["en", "da", "es", "fr", "de", "sv", "nb", "nl", "pt", "it", "zz"])
    func oddSpansAndTextsGiveNoCrash(_ language: String) {
        let texts = ["", " ", "(((", "12 of", "of the 34", "l'", "’s", "A, , ,", "“”", "— – -", "1 2 3 4 5 6 7 8 9",
                     "Afghanistan’s third (65 %) of the, 12 af de 34 – on Friday; since Monday: 3.000",
                     "Ifølge , sagde Det oplyser", "según el miércoles la", "à l'AFP a déclaré"]
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return n <= 0 ? 0 : Int((seed >> 33) % UInt64(n))
        }
        for text in texts {
            let n = text.utf8.count
            for _ in 0..<20 {
                var qs: [Quantity] = []
                for _ in 0..<next(4) {
                    let a = next(n + 3) - 1, b = next(n + 3) - 1
                    let kind = QuantityKind.allCases[next(QuantityKind.allCases.count)]
                    qs.append(Quantity(text: "x", start: a, end: b, kind: kind,
                                       value: next(2) == 0 ? .exactly(Double(next(50))) : .between(1, nil),
                                       qualifier: Qualifier.allCases[next(Qualifier.allCases.count)]))
                }
                let claims = Support.builder.claims(sentence: text, quantities: qs, language: language,
                                                    published: ["2021-08-11", "2021-08", "garbage", nil][next(4)],
                                                    previous: texts[next(texts.count)], next: texts[next(texts.count)])
                #expect(claims.count <= qs.count)
            }
        }
    }
}
