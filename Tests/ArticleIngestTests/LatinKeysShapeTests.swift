import LanguageData
import Testing
@testable import ArticleIngest

/// The shape filter of ``LatinKeys`` only ever says "absent" for tokens both look-ups find absent.
@Suite struct LatinKeysShapeTests {
    static func ask(_ keys: LatinKeys<Int>, _ s: String) -> (mayHold: Bool, exact: Bool, lower: Bool) {
        Array(s.utf8).withUnsafeBufferPointer { b in
            func found(_ l: LatinKeys<Int>.Lookup) -> Bool { if case .found = l { return true } else { return false } }
            return (keys.mayHold(shape: LatinKeys<Int>.shape(b)), found(keys.lookup(b)), found(keys.lookupLowercased(b)))
        }
    }

    @Test func keysAndTheirCapitalsPass() {
        let table = ["dña.": 1, "bl.a.": 2, "Mr.": 3, "etc.": 4, "nº.": 5, "x.": 6, "Ævnt.": 7]
        let keys = LatinKeys(table)
        for key in table.keys {
            for variant in [key, key.uppercased(), key.prefix(1).uppercased() + key.dropFirst()] {
                let a = Self.ask(keys, variant)
                #expect(a.mayHold || (!a.exact && !a.lower), "\(variant)")
            }
            #expect(Self.ask(keys, key).mayHold, "\(key)")
        }
        #expect(Self.ask(keys, "DÑA.").lower)
        #expect(Self.ask(keys, "DÑA.").mayHold)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func filteredTokensAreAbsent(seed: UInt64) {
        var rng = ReferenceCorpus.Generator(seed: seed)   // the target's SplitMix64
        let alphabet: [String] = ["a", "b", "e", "r", "M", "D", "X", ".", "ñ", "Ñ", "é", "É", "ø", "Ø", "k", "t", "c"]
        let table = ["dña.": 1, "bl.a.": 2, "Mr.": 3, "etc.": 4, "Ét.": 5, "x.": 6, "kr.": 7, "ca.": 8, "Dr.": 9]
        let keys = LatinKeys(table)
        var filtered = 0
        for _ in 0..<20_000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 5 + 1) { s += alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            s += "."
            let a = Self.ask(keys, s)
            if !a.mayHold {
                filtered += 1
                #expect(!a.exact && !a.lower, "\(s)")
            }
        }
        #expect(filtered > 10_000)
    }
}
