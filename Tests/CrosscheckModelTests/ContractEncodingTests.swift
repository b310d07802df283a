import CrosscheckModel
import Foundation
import Testing

@Suite struct ContractEncodingTests {
    func json(_ value: some Encodable) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value)
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func claimWritesContractFieldsEvenWhenNull() throws {
        let c = Claim(id: "a#1", quote: "ninth", sentence: "the ninth city", kind: .ordinal,
                      value: .exactly(9), article: "a")
        let o = try json(c)
        for key in ["id", "quote", "sentence", "kind", "value", "unit", "qualifier", "subject", "cited", "asOf"] {
            #expect(o.keys.contains(key), "missing \(key)")
        }
        #expect(o["unit"] is NSNull)
        #expect(o["kind"] as? String == "ordinal")
        #expect(o["qualifier"] as? String == "exact")
    }

    @Test func qualifierRawValuesAreTheContractsEnum() {
        #expect(Qualifier.allCases.map(\.rawValue) ==
                ["exact", "about", "more-than", "at-least", "less-than", "at-most", "nearly"])
        #expect(QuantityKind.allCases.map(\.rawValue) ==
                ["count", "ordinal", "percent", "fraction", "duration", "money", "measure", "date"])
    }

    @Test func claimRoundTrips() throws {
        let c = Claim(id: "a#2", quote: "12", sentence: "12 of the 34", kind: .count,
                      value: QuantityValue(number: 12, base: 34), qualifier: .atLeast,
                      subject: "provincial capitals captured", cited: "UN", asOf: "2021-08-13",
                      article: "a", concept: "provincial-capital/captured", cumulative: true)
        let back = try JSONDecoder().decode(Claim.self, from: JSONEncoder().encode(c))
        #expect(back == c)
    }
}
