@testable import CrossReference
import Testing

/// The byte tests behind the `parenthesis` scope and the sentence look-ups of the pair loop.
@Suite struct PairContextTests {
    /// The reading of the scope before it walked bytes in place: arrays of the sentence's bytes.
    static func reference(_ sentence: String, _ qa: String, _ qb: String) -> Bool {
        func range(_ n: [UInt8], _ h: [UInt8]) -> Range<Int>? {
            guard !n.isEmpty, n.count <= h.count else { return nil }
            for i in 0...(h.count - n.count) where Array(h[i..<(i + n.count)]) == n { return i..<(i + n.count) }
            return nil
        }
        let s = Array(sentence.utf8)
        guard let ra = range(Array(qa.utf8), s), let rb = range(Array(qb.utf8), s) else { return false }
        let (first, second) = ra.lowerBound <= rb.lowerBound ? (ra, rb) : (rb, ra)
        guard first.upperBound <= second.lowerBound else { return false }
        let between = s[first.upperBound..<second.lowerBound]
        guard let open = between.firstIndex(of: 0x28) else { return false }
        return between[between.startIndex..<open].allSatisfy { $0 == 0x20 || $0 == 0x2C }
            && !between[(open + 1)...].contains(0x29) && between[(open + 1)...].count <= 24
    }

    @Test(arguments: [
        ("Taliban took 8 (nine by AFP's count) cities", "8", "nine", true),
        ("Taliban took 8, (nine) cities", "8", "nine", true),
        ("nine (8) cities", "8", "nine", true),             // the quotes in either order
        ("8 cities (nine)", "8", "nine", false),            // a word before the parenthesis
        ("8 (see above) nine", "8", "nine", false),         // closed before the second quote
        ("8 nine", "8", "nine", false),                     // no parenthesis
        ("8 (according to the latest count of the ministry, nine", "8", "nine", false), // too far
        ("8 (nine", "8", "ten", false),                     // a quote not in the sentence
        ("8 (nine", "", "nine", false),                     // an empty quote
        ("Faizabad, la neuvième (9e) ville", "neuvième", "9e", true),
    ])
    func parenthesisScope(sentence: String, a: String, b: String, expected: Bool) {
        #expect(PairContext.inParentheses(sentence: sentence, a, b) == expected)
        #expect(Self.reference(sentence, a, b) == expected)
    }

    @Test func agreesWithTheArrayReadingOnGeneratedSentences() {
        // every pair of quotes over sentences made of a few pieces, spaces, commas and parentheses
        let pieces = ["8", "nine", " ", ",", "(", ")", "x", "é", "12"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % n
        }
        for _ in 0..<2_000 {
            let sentence = (0..<(1 + next(12))).map { _ in pieces[next(pieces.count)] }.joined()
            for qa in ["8", "nine", "12", "x"] {
                for qb in ["8", "nine", "é"] {
                    #expect(PairContext.inParentheses(sentence: sentence, qa, qb) == Self.reference(sentence, qa, qb),
                            "\(sentence) / \(qa) / \(qb)")
                }
            }
        }
        #expect(PairContext.range(of: "ne", in: "nine") == 2..<4)
        #expect(PairContext.range(of: "", in: "nine") == nil)
        #expect(PairContext.range(of: "nines", in: "nine") == nil)
    }
}
