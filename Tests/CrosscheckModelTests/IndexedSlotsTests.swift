import CrosscheckModel
import Testing

/// The package's one parallel result store: results come back in index order whatever order the
/// threads finish in, and every index is written exactly once.
@Suite struct IndexedSlotsTests {
    @Test(arguments: [0, 1, 2, 7, 1_000])
    func mapKeepsIndexOrder(_ n: Int) {
        let squares = IndexedSlots<Int>.map(n) { $0 * $0 }
        #expect(squares == (0..<n).map { $0 * $0 })
    }

    @Test func slotsWrittenOutOfOrderAreReadInOrder() {
        let slots = IndexedSlots<String>(count: 5)
        for i in [3, 0, 4, 1, 2] { slots.set(i, "s\(i)") }
        #expect(slots.values() == ["s0", "s1", "s2", "s3", "s4"])
    }

    @Test func theFirstErrorInIndexOrderIsTheOneSeen() {
        struct Failed: Error, Equatable { let i: Int }
        let results = IndexedSlots<Result<Int, Failed>>.map(100) { i in i % 30 == 29 ? .failure(Failed(i: i)) : .success(i) }
        let first = results.first { if case .failure = $0 { true } else { false } }
        #expect(first.map { if case .failure(let e) = $0 { e.i } else { -1 } } == 29)
    }
}
