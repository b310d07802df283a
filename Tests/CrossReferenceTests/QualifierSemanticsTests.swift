import CrossReference
import CrosscheckModel
import Testing

/// Hedged figures as intervals, through the built-in rules: each row is two claims of one fact on
/// one day in two outlets and the verdict they must get.
@Suite struct QualifierSemanticsTests {
    struct Row: CustomStringConvertible, Sendable {
        let a: Claim
        let b: Claim
        let want: Verdict
        var description: String { "\(a.quote) ~ \(b.quote)" }
    }

    static func c(_ quote: String, _ kind: QuantityKind, _ n: Double, _ q: Qualifier = .exact, unit: String? = nil,
                  base: Double? = nil, concept: String = "x/counted") -> Claim {
        claim("?", quote, kind, n, base: base, unit: unit, qualifier: q, concept: concept, asOf: "2021-08-11")
    }

    static let rows: [Row] = [
        Row(a: c("more than a quarter", .fraction, 0.25, .moreThan, base: 34), b: c("8", .count, 8), want: .conflict),
        Row(a: c("more than a quarter", .fraction, 0.25, .moreThan, base: 34), b: c("9", .count, 9), want: .agree),
        Row(a: c("12 of 34", .count, 12, base: 34), b: c("more than a quarter", .fraction, 0.25, .moreThan), want: .agree),
        Row(a: c("at least 183", .count, 183, .atLeast), b: c("183", .count, 183), want: .agree),
        Row(a: c("at least 183", .count, 183, .atLeast), b: c("182", .count, 182), want: .conflict),
        Row(a: c("about 360,000", .count, 360_000, .about), b: c("380,000", .count, 380_000), want: .agree),
        Row(a: c("about 360,000", .count, 360_000, .about), b: c("450,000", .count, 450_000), want: .conflict),
        Row(a: c("nearly 20", .count, 20, .nearly), b: c("19", .count, 19), want: .agree),
        Row(a: c("nearly 20", .count, 20, .nearly), b: c("21", .count, 21), want: .conflict),
        Row(a: c("at most 10", .count, 10, .atMost), b: c("11", .count, 11), want: .conflict),
        Row(a: c("less than 10", .count, 10, .lessThan), b: c("9", .count, 9), want: .agree),
        Row(a: c("8", .count, 8), b: c("9", .count, 9), want: .conflict),
        Row(a: c("3,000", .count, 3000), b: c("three thousand", .count, 3000), want: .agree),
        Row(a: c("3,000", .count, 3000), b: c("2,800", .count, 2800), want: .agree),
        Row(a: c("two thirds", .fraction, 0.6667, .about), b: c("65 percent", .percent, 65, .about, unit: "percent"), want: .agree),
        Row(a: c("two thirds", .fraction, 0.6667), b: c("50 percent", .percent, 50, unit: "percent"), want: .conflict),
        Row(a: c("twenty years", .duration, 20, unit: "year"), b: c("two decades", .duration, 2, unit: "decade"), want: .agree),
        Row(a: c("nearly twenty years", .duration, 20, .nearly, unit: "year"), b: c("two decades", .duration, 2, unit: "decade"), want: .agree),
        Row(a: c("about 20 years", .duration, 20, .about, unit: "year"), b: c("nearly twenty years", .duration, 20, .nearly, unit: "year"), want: .agree),
        Row(a: c("six days", .duration, 6, unit: "day"), b: c("less than a week", .duration, 1, .lessThan, unit: "week"), want: .agree),
        Row(a: c("eight days", .duration, 8, unit: "day"), b: c("less than a week", .duration, 1, .lessThan, unit: "week"), want: .conflict),
        Row(a: c("24 hours", .duration, 24, unit: "hour"), b: c("a day", .duration, 1, unit: "day"), want: .agree),
        Row(a: c("$5 million", .money, 5_000_000, unit: "USD"), b: c("$5.2 million", .money, 5_200_000, unit: "USD"), want: .agree),
        Row(a: c("$5 million", .money, 5_000_000, unit: "USD"), b: c("$8 million", .money, 8_000_000, unit: "USD"), want: .conflict),
        Row(a: c("$5 million", .money, 5_000_000, unit: "USD"), b: c("$5,000", .money, 5_000, unit: "USD"), want: .conflict),
    ]

    @Test(arguments: rows)
    func verdict(_ row: Row) throws {
        var a = row.a, b = row.b
        a.id = "a#1"; a.article = "a"
        b.id = "b#1"; b.article = "b"
        let x = try CrossReferencer()
        let f = x.compare("a#1", "b#1", in: articles([a, b]))
        #expect(f?.verdict == row.want, "\(row): \(f?.explanation ?? "no finding")")
    }

    @Test func differentCurrenciesAreNeverCompared() throws {
        let a = claim("a#1", "$5 million", .money, 5_000_000, unit: "USD", concept: "aid")
        let b = claim("b#1", "€9 million", .money, 9_000_000, unit: "EUR", concept: "aid")
        #expect(try CrossReferencer().compare("a#1", "b#1", in: articles([a, b])) == nil)
    }
}
