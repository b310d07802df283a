import Testing
@testable import ClaimBuilding

/// The byte-hashed tables that stand in for dictionaries on the reading path answer exactly what
/// the dictionaries answer.
@Suite struct KeyTableTests {
    @Test func byteKeysNumberInOrderAndFindOnlyWhatWasAdded() throws {
        var t = ByteKeyTable(capacity: 4)
        let words = (0..<500).map { "concept-\($0)" }
        for (i, w) in words.enumerated() {
            let r = t.add(w)
            let added = try #require(r)
            #expect(added.number == Int32(i) && added.isNew)
        }
        #expect(t.count == 500)
        for (i, w) in words.enumerated() { #expect(t.number(of: w) == Int32(i)) }
        // a key added again keeps its number
        let r7 = t.add("concept-7")
        let again = try #require(r7)
        #expect(again.number == 7 && !again.isNew)
        #expect(t.number(of: "concept-500") == nil)
        #expect(t.number(of: "concept-") == nil)
        #expect(t.number(of: "") == nil)
        #expect(t.number(of: "Concept-1") == nil)
    }

    @Test func twoPartKeysAreNotTheirJoinedText() throws {
        var t = ByteKeyTable(capacity: 8)
        let ra = t.add("killed", "person")
        let a = try #require(ra)
        let rb = t.add("killed", "soldier")
        let b = try #require(rb)
        #expect(a.number != b.number)
        #expect(t.number(of: "killed", "person") == a.number)
        #expect(t.number(of: "killed", "soldier") == b.number)
        #expect(t.number(of: "killed", "perso") == nil)
        #expect(t.number(of: "kille", "dperson") == nil)
        #expect(t.number(of: "killedperson") == nil)
        #expect(t.number(of: "person", "killed") == nil)
    }

    @Test func keysBeyondASCIIAreNotHeld() {
        var t = ByteKeyTable(capacity: 8)
        let r1 = t.add("café")
        let r2 = t.add("x", "naïve")
        #expect(r1 == nil && r2 == nil)
        #expect(t.count == 0)
        _ = t.add("cafe")
        #expect(t.number(of: "café") == nil)
        #expect(t.number(of: "cafe\u{301}") == nil)
        #expect(t.number(of: "cafe") == 0)
    }

    @Test func catalogFactsMatchTheDictionary() throws {
        let catalog = try ConceptCatalog.builtIn()
        var keys = Array(catalog.knownFacts.keys).sorted()
        keys += ["unknown-thing", "person/unknown-event", "", "/", "person/", "Person", "person/killed/x"]
        for key in keys {
            let fast = catalog.facts(of: key)
            let slow = catalog.knownFacts[key]
            if let slow {
                #expect(fast.thing == slow.thing && fast.event == slow.event && fast.thingClass == slow.thingClass
                        && fast.isDuration == slow.isDuration && fast.isRank == slow.isRank
                        && fast.isCumulative == slow.isCumulative, "\(key)")
            }
            #expect(catalog.isRank(key) == fast.isRank, "\(key)")
            #expect(catalog.isCumulative(key) == fast.isCumulative, "\(key)")
        }
        for (event, byThing) in catalog.knownApplies {
            for (thing, applies) in byThing { #expect(catalog.event(event, appliesTo: thing) == applies, "\(event) \(thing)") }
        }
    }

    @Test func edgesFindWhatWasInsertedAcrossGrowth() {
        var e = EdgeTable()
        #expect(e.value(0) == nil)
        var expected: [UInt64: Int32] = [:]
        for n in 0..<3000 {
            let key = UInt64(n % 97) << 32 | UInt64(n * 7919 % 5003)
            e.insert(key, Int32(n))
            expected[key] = Int32(n)
        }
        #expect(e.count == expected.count)
        for (k, v) in expected { #expect(e.value(k) == v) }
        #expect(e.value(UInt64(200) << 32) == nil)
        // replacing keeps one entry
        let some = expected.keys.first!
        e.insert(some, -5)
        #expect(e.value(some) == -5)
        #expect(e.count == expected.count)
    }
}
