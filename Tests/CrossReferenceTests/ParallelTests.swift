@testable import CrossReference
import Testing

/// The chunked helpers the engine runs on several threads: whatever the chunking, the result is
/// the one a plain sequential loop gives.
@Suite struct ParallelTests {
    /// A fixed pseudo-random sequence (no seed-dependent expectations: results are compared
    /// with the plain library calls).
    static func numbers(_ n: Int, seed: UInt64 = 12345) -> [Int] {
        var x = seed
        return (0..<n).map { _ in
            x = x &* 6364136223846793005 &+ 1442695040888963407
            return Int((x >> 33) % 1000)
        }
    }

    @Test(arguments: [0, 1, 7, 1000, 100_000])
    func chunksCoverEveryIndexOnceInOrder(count: Int) {
        let chunks = Parallel.map(count, minimum: 10) { r in Array(r) }
        #expect(chunks.flatMap { $0 } == Array(0..<count))
        #expect(chunks.allSatisfy { !$0.isEmpty } || count == 0)
    }

    @Test func rangesSplitEvenly() {
        for chunks in 1...9 {
            let ranges = (0..<chunks).map { Parallel.range($0, of: chunks, count: 100) }
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == 100)
            for (x, y) in zip(ranges, ranges.dropFirst()) { #expect(x.upperBound == y.lowerBound) }
            #expect(ranges.map(\.count).max()! - ranges.map(\.count).min()! <= 1)
        }
    }

    /// Pairs (value, position) ordered by value then position: a total order with many equal
    /// values, so that a sort that lost the position tie-break would be caught.
    @Test(arguments: [0, 1, 2, 5000, 200_000])
    func parallelSortEqualsPlainSort(count: Int) {
        let items = Self.numbers(count).enumerated().map { (value: $0.element, position: $0.offset) }
        let less: @Sendable ((value: Int, position: Int), (value: Int, position: Int)) -> Bool = {
            ($0.value, $0.position) < ($1.value, $1.position)
        }
        let expected = items.sorted(by: less)
        let got = Parallel.sorted(items, minimum: 1000, by: less)
        #expect(got.map(\.position) == expected.map(\.position))
    }

    @Test func mergeKeepsTheFirstListsItemsFirstOnTies() {
        let x = [(1, "x1"), (3, "x3"), (3, "x3b")], y = [(0, "y0"), (3, "y3"), (4, "y4")]
        let merged = Parallel.merge(x, y) { $0.0 < $1.0 }
        #expect(merged.map(\.1) == ["y0", "x1", "x3", "x3b", "y3", "y4"])
    }

    @Test(arguments: [0, 1, 59, 60, 61, 5000])
    func selectionIsTheSortedPrefix(count: Int) {
        let items = Self.numbers(count, seed: 99).enumerated().map { (support: $0.element, key: $0.offset) }
        let greater: ((support: Int, key: Int), (support: Int, key: Int)) -> Bool = {
            ($0.support, -$0.key) > ($1.support, -$1.key)
        }
        for n in [0, 1, 60] {
            let expected = Array(items.sorted(by: greater).prefix(n))
            #expect(Selection.first(n, of: items, by: greater).map(\.key) == expected.map(\.key))
        }
        // Ascending input: every item beats the worst kept one (the costly case).
        let ascending = (0..<count).map { (support: $0, key: $0) }
        #expect(Selection.first(60, of: ascending, by: greater).map(\.key)
                == Array(ascending.sorted(by: greater).prefix(60)).map(\.key))
    }
}
