import Testing
@testable import ClaimBuilding
import CrosscheckModel

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

/// The scratch arrays and the in-place filter the reader uses between sentences.
@Suite struct ScratchTests {
    @Test(arguments: [[Int](), [1], [2], [1, 2, 3, 4, 5, 6], [2, 4, 6], [1, 3, 5], [5, 2, 8, 1, 1, 4, 7]])
    func keepOnlyIsRemoveAllWithTheOppositeTest(_ xs: [Int]) {
        var a = xs.map { "n\($0)" }
        var b = a
        a.keepOnly { Int($0.dropFirst())! % 2 == 1 }
        b.removeAll { Int($0.dropFirst())! % 2 != 1 }
        #expect(a == b)
    }

    @Test func takeEmptiesTheSlotAndKeepsTheMemory() {
        var slot = Array(0..<100)
        let capacity = slot.capacity
        var taken = ReadingScratch.take(&slot)
        #expect(slot.isEmpty && taken.isEmpty && taken.capacity >= capacity)
        ReadingScratch.fill(&taken, 7, 3)
        #expect(taken == [7, 7, 7])
    }

    @Test func aSharedScratchArrayIsCopiedNotChanged() {
        // a sentence still holding the array keeps its contents when the next one refills it
        let scratch = ReadingScratch()
        scratch.quantityAt = [1, 2, 3]
        let held = scratch.quantityAt
        var next = ReadingScratch.take(&scratch.quantityAt)
        ReadingScratch.fill(&next, -1, 2)
        #expect(held == [1, 2, 3])
        #expect(next == [-1, -1])
    }

    @Test func reuseSetsThePrefixAndKeepsTheRestAndTheMemory() {
        var slot = Array(0..<100)
        let capacity = slot.capacity
        var taken = ReadingScratch.reuse(&slot, -1, 3)
        #expect(slot.isEmpty && taken.count == 100 && taken.capacity >= capacity)
        #expect(Array(taken[0..<3]) == [-1, -1, -1] && taken[3] == 3 && taken[99] == 99)
        taken = ReadingScratch.reuse(&taken, 5, 120)   // longer than before: grown
        #expect(taken.count == 120 && taken.allSatisfy { $0 == 5 })
        var empty: [Int] = []
        #expect(ReadingScratch.reuse(&empty, 1, 0).isEmpty)
    }

    @Test func aSharedArrayIsCopiedNotChangedByReuse() {
        let scratch = ReadingScratch()
        scratch.nextBreak = [1, 2, 3]
        let held = scratch.nextBreak
        let next = ReadingScratch.reuse(&scratch.nextBreak, -1, 2)
        #expect(held == [1, 2, 3])
        #expect(next == [-1, -1, 3])
    }

    @Test func claimsReadWithOneScratchAreThoseReadWithFreshOnes() throws {
        let builder = Support.builder
        let sentences = [
            "At least 30 people were killed and 12 of the 34 provincial capitals fell, officials said on Wednesday.",
            "“We counted 4,000 displaced families,” he said.",
            "The UN said 250 soldiers and 1,000 firefighters were deployed in six days.",
            "Prices rose 0.4% from January and 3.2% from a year earlier, according to Reuters.",
        ]
        let reader = try #require(builder.readers["en"])
        let scratch = ReadingScratch()
        var shared: [Claim] = []
        var fresh: [Claim] = []
        for (i, text) in sentences.enumerated() {
            let q = builder.recognizer.recognize(text, language: "en")
            let slot = SentenceSlot(text: text, offset: i * 200, previous: i > 0 ? sentences[i - 1] : nil,
                                    next: i + 1 < sentences.count ? sentences[i + 1] : nil)
            reader.appendClaims(in: slot, quantities: q, published: "2021-08-12", to: &shared, scratch: scratch)
            fresh += reader.claims(in: slot, quantities: q, published: "2021-08-12")
        }
        #expect(shared.count >= 6)
        #expect(shared == fresh)
    }
}

@Suite struct ReaderCacheTests {
    @Test func sameBytesIsByteEqualityNotCanonicalEquivalence() {
        #expect(SentenceReader.sameBytes("AFP", "AFP"))
        #expect(!SentenceReader.sameBytes("AFP", "AFp"))
        #expect(!SentenceReader.sameBytes("AFP", "AFP "))
        #expect(!SentenceReader.sameBytes("caf\u{E9}", "cafe\u{301}"))   // equal as Strings, not as bytes
        #expect(SentenceReader.sameBytes("", ""))
        let long = String(repeating: "Ministry of Defence ", count: 4)
        #expect(SentenceReader.sameBytes(long, String(long.utf8.map { Character(Unicode.Scalar($0)) })))
    }

    @Test func subjectsAreTheSameAskedAgain() throws {
        let catalog = try ConceptCatalog.builtIn()
        let keys = Array(catalog.knownFacts.keys).sorted().prefix(400) + ["no-such-thing", "person/no-such-event"]
        let first = keys.map { catalog.subject(of: $0) }
        let again = keys.map { catalog.subject(of: $0) }
        #expect(first == again)
        #expect(catalog.subject(of: "no-such-thing") == nil)
    }
}
