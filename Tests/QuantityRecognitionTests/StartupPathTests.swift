import Foundation
import LanguageData
@testable import QuantityRecognition
import Testing

/// The start-up shortcuts of ``Lexicon/init(pack:)`` against what they stand for: the key of a
/// one-word phrase without the tokenizer, accents stripped over bytes, the skeleton hash over
/// bytes, the reducibility test for ASCII keys.
@Suite struct StartupPathTests {
    /// Every phrase of every table of every language, and a few made-up ones.
    static func phrases() throws -> [String] {
        let store = try LanguageStore.builtIn()
        var out = ["Km", "CO2", "m2", "A$", "km/h", "2nd", "x", "", "ÉTÉ", "mañana", "über", "trés", "Ǆemal", "naïve", "ñ", "é",
                   "cafe\u{301}", "àèìòù", "âêîôû", "äëïöü", "áéíóú", "ÀÈ", "ãõ", "ý", "Ab9c", "9ab"]
        for code in store.codes {
            let pack = try #require(store.pack(code))
            for t in pack.tableNames { out += pack.rows(t).compactMap { $0[0] } }
        }
        return out
    }

    @Test func asciiWordKeyIsTheTokenizersKey() throws {
        var fast = 0
        for p in try Self.phrases() {
            let ts = Tokenizer.tokenize(p, spaceGroups: false)
            if let keys = Lexicon.asciiWordKeys(p) {
                fast += 1
                #expect(ts.map(\.key) == keys, "\(p)")
                // no token of such a phrase is glued to the one before
                #expect(ts.allSatisfy { $0.kind == .word && $0.spaceBefore }, "\(p)")
            }
        }
        #expect(fast > 1000)
        #expect(Lexicon.asciiWordKeys("Hundred") == ["hundred"])
        #expect(Lexicon.asciiWordKeys(" two  Words ") == ["two", "words"])
        #expect(Lexicon.asciiWordKeys("9a") == nil)
        #expect(Lexicon.asciiWordKeys("a-b") == nil)
        #expect(Lexicon.asciiWordKeys("  ") == nil)
    }

    /// The old scalar-by-scalar version.
    static func referenceStrip(_ s: String) -> String? {
        guard s.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        var changed = false
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let base: Unicode.Scalar? = switch u.value {
            case 0xE0...0xE2, 0xE4: "a"
            case 0xE8...0xEB: "e"
            case 0xEC...0xEF: "i"
            case 0xF2...0xF4, 0xF6: "o"
            case 0xF9...0xFC: "u"
            default: nil
            }
            if let base { out.append(base); changed = true } else { out.append(u) }
        }
        return changed ? String(out) : nil
    }

    @Test func stripAccentsMatchesTheScalarVersion() throws {
        var texts = try Self.phrases()
        texts += (0xC0...0x17F).map { String(Unicode.Scalar(UInt32($0))!) + "x" }
        for t in texts {
            let a = Lexicon.stripAccents(t), b = Self.referenceStrip(t)
            #expect(a == b && a.map { Array($0.utf8) } == b.map { Array($0.utf8) }, "\(t)")
        }
        #expect(Lexicon.stripAccents("décimas") == "decimas")
        #expect(Lexicon.stripAccents("ñ") == nil)
    }

    @Test func skeletonHashOverBytesMatchesScalars() throws {
        for t in try Self.phrases() {
            var h = QuantityGate.seed
            for s in t.unicodeScalars { if let k = QuantityGate.skeleton(s.value) { h = QuantityGate.mix(h, k) } }
            #expect(QuantityGate.skeletonHash(of: t) == h, "\(t)")
        }
    }

    @Test func reducibleShortcutAgrees() throws {
        for t in try Self.phrases() where t.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(QuantityGate.reducible(t))
        }
        #expect(!QuantityGate.reducible("e\u{301}"))
    }

    /// The trie insert that reads or makes each edge in one hash: phrases sharing a start share
    /// nodes, an edge first written glued stays attached-only until a spaced phrase uses it.
    @Test func trieInsertSharesAndTracksAttachedEdges() {
        var trie = TokenTrie()
        let e1 = Entry(meaning: .negative, origin: "t:1"), e2 = Entry(meaning: .ratio, origin: "t:2")
        trie.insert([("a", false), ("$", true)], e1)
        #expect(trie.nodes.count == 3)
        let a = Int(trie.nodes[0].next["a"]!)
        #expect(trie.nodes[a].attachedOnly == ["$"])
        trie.insert([("a", false), ("$", false)], e2)
        #expect(trie.nodes.count == 3)
        #expect(trie.nodes[a].attachedOnly.isEmpty)
        let d = Int(trie.nodes[a].next["$"]!)
        #expect(trie.nodes[d].entries == [e1, e2])
        trie.insert([("a", false), ("$", false)], e2)
        #expect(trie.nodes[d].entries == [e1, e2])
        trie.insert([("b", false)], e1)
        #expect(trie.nodes.count == 4)
        #expect(trie.entries(of: "b") == [e1])
    }
}
