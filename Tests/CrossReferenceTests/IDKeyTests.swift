@testable import CrossReference
import CrosscheckModel
import Testing
import TestSupport

/// Claim ids split on their bytes give what the general (Character and `Int(_:)`) split gives,
/// and ranking by the split keys is natural id order.
@Suite struct IDKeyTests {
    static let ids = ["a#1", "a#2", "a#10", "a#010", "a#", "a", "a#b", "a#+5", "a#-3", "x#y#7", "x#y#",
                      "n12#1234567890123456789", "n12#99999999999999999999", "é#3", "é#03", "e\u{301}#2",
                      "#5", "##", "b#12a", "b#1 2", "b#٣", "", "a#1"]

    static func generalSplit(_ id: String) -> (Substring, Int?) {
        guard let hash = id.lastIndex(of: "#"), let n = Int(id[id.index(after: hash)...]) else { return (id[...], nil) }
        return (id[..<hash], n)
    }

    @Test(arguments: ids)
    func byteSplitEqualsGeneralSplit(id: String) {
        let (prefix, number) = IDKey.split(id)
        let (expectedPrefix, expectedNumber) = Self.generalSplit(id)
        #expect(prefix == expectedPrefix)
        #expect(number == expectedNumber)
    }

    @Test func rankingIsNaturalIDOrderWithOneClassPerDistinctID() throws {
        // Ids the test helper can name an article for.
        let ids = Self.ids.filter { !$0.split(separator: "#").isEmpty }
        let claims = ids.enumerated().map { n, id in
            claim(id, "\(n + 1)", .count, Double(n + 1), concept: "person/killed", asOf: "2021-08-10")
        }
        let engine = try CrossReferencer().engine
        let figs = engine.figures(articles(claims))
        #expect(figs.count == claims.count)
        let byRank = figs.sorted { $0.rank < $1.rank }.map(\.claim.id)
        let expected = figs.map(\.claim.id).sorted(by: idLess)
        #expect(byRank == expected)
        #expect(Set(figs.map(\.rank)).count == figs.count)
        // Equal ids share a class, different ids do not.
        for x in figs { for y in figs { #expect((x.idClass == y.idClass) == (x.claim.id == y.claim.id)) } }
    }

    /// Enough figures for the ranking to be sorted in chunks on several threads: ranks are still
    /// natural id order, equal ids keep their figure order (the order one stable sort gives).
    @Test func rankingManyFiguresSortedInChunksIsNaturalIDOrder() throws {
        var claims: [Claim] = []
        for n in 0..<20_000 {
            // Prefixes, numbers and repeats in a scrambled order; a few ids without a number.
            let m = (n &* 7919) % 20_000
            let id = m % 11 == 0 ? "z\(m % 5)#x\(m % 3)" : "a\(m % 13)#\(m % 4_000)"
            claims.append(claim(id, "\(n + 1)", .count, Double(n + 1), concept: "person/killed", asOf: "2021-08-10"))
        }
        let engine = try CrossReferencer().engine
        let figs = engine.figures(articles(claims))
        #expect(figs.count == claims.count)
        let byRank = figs.sorted { $0.rank < $1.rank }.map(\.index)
        let expected = figs.sorted { idLess($0.claim.id, $1.claim.id) }.map(\.index)  // stable
        #expect(byRank == expected)
        #expect(Set(figs.map(\.rank)).count == figs.count)
    }

    /// Every id numbered (the ranking sorts packed integers): still natural id order, ids with
    /// one number in different spellings ("c#7", "c#07") ordered by their text, equal ids in
    /// figure order, one class per distinct id.
    @Test func rankingNumberedIDsSortedAsIntegersIsNaturalIDOrder() throws {
        var claims: [Claim] = []
        for n in 0..<20_000 {
            let m = (n &* 7919) % 20_000
            let id = m % 7 == 0 ? "c\(m % 3)#0\(m % 50)" : "c\(m % 3)#\(m % 3_000)"
            claims.append(claim(id, "\(n + 1)", .count, Double(n + 1), concept: "person/killed", asOf: "2021-08-10"))
        }
        let engine = try CrossReferencer().engine
        let figs = engine.figures(articles(claims))
        #expect(figs.count == claims.count)
        #expect(IDKey.packed(figs.map { IDKey(prefix: 0, number: IDKey.split($0.claim.id).1 ?? -1, hasNumber: true) }) != nil)
        let byRank = figs.sorted { $0.rank < $1.rank }.map(\.index)
        let expected = figs.sorted { idLess($0.claim.id, $1.claim.id) }.map(\.index)  // stable
        #expect(byRank == expected)
        let byClass = Dictionary(grouping: figs, by: \.idClass)
        #expect(byClass.count == Set(figs.map(\.claim.id)).count)
        for (_, list) in byClass { #expect(Set(list.map(\.claim.id)).count == 1) }
    }

    @Test func packedKeysNeedANumberAndRoom() {
        #expect(IDKey.packed([IDKey(prefix: 1, number: 5, hasNumber: true), IDKey(prefix: 0, number: 9, hasNumber: true)]) == [1 << 43 | 5, 9])
        #expect(IDKey.packed([IDKey(prefix: 1, number: 0, hasNumber: false)]) == nil)
        #expect(IDKey.packed([IDKey(prefix: 1, number: 1 << 43, hasNumber: true)]) == nil)
    }
}

/// The interner's few-recent look-up gives the ids the dictionary gives.
@Suite struct InternerTests {
    @Test func recentIDEqualsID() {
        var plain = Engine.Interner(), recent = Engine.Interner()
        var r = SeededGenerator(seed: 11)
        // A few strings asked in runs and alternations, and many asked once (the recent list turns over).
        for step in 0..<5_000 {
            let s = step % 5 == 0 ? "concept-\(Int.random(in: 0..<400, using: &r))" : ["amount", "rank", "money:EUR", "person/killed-in-\(step % 3)"][Int.random(in: 0..<4, using: &r)]
            #expect(recent.recentID(s) == plain.id(s))
        }
        #expect(recent.strings == plain.strings)
        #expect(recent.ids == plain.ids)
    }
}

/// Counting distinct outlets by sorting gives what a set gives.
@Suite struct DistinctCountTests {
    @Test func distinctCountEqualsSetCount() {
        var r = SeededGenerator(seed: 5)
        #expect(Engine.distinctCount([]) == 0)
        #expect(Engine.distinctCount([7]) == 1)
        for _ in 0..<200 {
            let values = (0..<Int.random(in: 0..<60, using: &r)).map { _ in Int.random(in: -5..<20, using: &r) }
            #expect(Engine.distinctCount(values) == Set(values).count)
        }
    }
}
