import ClaimBuilding
import CrosscheckModel
import LanguageData
import QuantityRecognition

/// Shared builder and helpers: sentences with the quantity marked `⟦…⟧`, so the claim logic is
/// tested on hand-made quantities, independent of the recognizer.
enum Support {
    static let store: LanguageStore = try! LanguageStore.builtIn()
    static let builder: ClaimBuilder = try! ClaimBuilder(languages: store, recognizer: QuantityRecognizer(languages: store))

    /// A quantity spec: what the recognizer would have said about one marked span.
    struct Q {
        var kind: QuantityKind
        var value: QuantityValue
        var unit: String?
        var qualifier: Qualifier = .exact

        static func count(_ n: Double, _ q: Qualifier = .exact) -> Q { Q(kind: .count, value: .exactly(n), qualifier: q) }
        static func ordinal(_ n: Double) -> Q { Q(kind: .ordinal, value: .exactly(n)) }
        static func duration(_ n: Double, _ unit: String, _ q: Qualifier = .exact) -> Q {
            Q(kind: .duration, value: .exactly(n), unit: unit, qualifier: q)
        }
        static func percent(_ n: Double, _ q: Qualifier = .exact) -> Q { Q(kind: .percent, value: .exactly(n), unit: "percent", qualifier: q) }
        static func fraction(_ n: Double, _ q: Qualifier = .exact) -> Q { Q(kind: .fraction, value: .exactly(n), qualifier: q) }
        static let date = Q(kind: .date, value: QuantityValue())
    }

    /// Removes the `⟦ ⟧` markers and pairs each marked span with its spec, in order.
    static func quantities(_ marked: String, _ specs: [Q]) -> (String, [Quantity]) {
        var text = ""
        var spans: [(Int, Int)] = []
        var open = 0
        for ch in marked {
            if ch == "⟦" { open = text.utf8.count } else if ch == "⟧" { spans.append((open, text.utf8.count)) } else { text.append(ch) }
        }
        precondition(spans.count == specs.count, "\(spans.count) marked spans, \(specs.count) specs in: \(marked)")
        let bytes = Array(text.utf8)
        let qs = zip(spans, specs).map { span, q in
            Quantity(text: String(decoding: bytes[span.0..<span.1], as: UTF8.self), start: span.0, end: span.1,
                     kind: q.kind, value: q.value, unit: q.unit, qualifier: q.qualifier)
        }
        return (text, qs)
    }

    /// The claims of one marked sentence.
    static func claims(_ marked: String, _ specs: [Q], language: String, published: String? = "2021-08-11",
                       inTitle: Bool = false, previous: String? = nil, next: String? = nil) -> [Claim] {
        let (text, qs) = quantities(marked, specs)
        return builder.claims(sentence: text, quantities: qs, language: language, published: published,
                              inTitle: inTitle, previous: previous, next: next)
    }

    /// The single claim of a sentence with one marked quantity.
    static func claim(_ marked: String, _ spec: Q, language: String, published: String? = "2021-08-11",
                      previous: String? = nil, next: String? = nil) -> Claim? {
        let cs = claims(marked, [spec], language: language, published: published, previous: previous, next: next)
        return cs.count == 1 ? cs[0] : nil
    }
}
