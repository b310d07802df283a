import Foundation
import Testing
@testable import ArticleIngest

/// The case table answers exactly as the standard library's Unicode properties, and the scalars
/// the furniture filter takes as "surely normal form C" are so by Foundation's normalisation.
@Suite struct CaseTableTests {
    /// Every scalar the table or the caseless ranges answer, and a sample of the rest.
    static var answered: [Unicode.Scalar] {
        var list: [Unicode.Scalar] = []
        for v in UInt32(0)..<0x800 { if let s = Unicode.Scalar(v) { list.append(s) } }
        for v in UInt32(0x800)..<0xE000 where CaseTable.isCaseless(v) { if let s = Unicode.Scalar(v) { list.append(s) } }
        return list
    }

    @Test func lowercaseAgreesWithTheProperties() {
        var changed = 0
        for s in Self.answered {
            let p = s.properties
            let lower = CaseTable.lowercase(s.value)
            if p.changesWhenLowercased {
                let mapping = Array(p.lowercaseMapping.unicodeScalars)
                if mapping.count == 1 {
                    #expect(lower == mapping[0].value, "U+\(String(s.value, radix: 16))")
                    changed += 1
                } else {
                    #expect(lower == CaseTable.ask, "U+\(String(s.value, radix: 16))")
                }
            } else {
                #expect(lower == s.value, "U+\(String(s.value, radix: 16))")
            }
        }
        // Latin, Greek and Cyrillic capitals: hundreds change.
        #expect(changed > 400)
        #expect(CaseTable.lowercase(0x0416) == 0x0436)    // Ж → ж
        #expect(CaseTable.lowercase(0x0130) == CaseTable.ask)    // İ → i + U+0307
        #expect(CaseTable.lowercase(0x212A) == CaseTable.ask)    // Kelvin: outside, ask
        #expect(CaseTable.lowercase(0xAC00) == 0xAC00)
    }

    @Test func caseFlagsAgreeWithTheProperties() {
        var upper = 0, lower = 0
        for s in Self.answered + ["\u{212A}", "\u{1D400}", "\u{10400}", "\u{A640}", "\u{2C00}", "\u{1F600}"] {
            let p = s.properties
            #expect(CaseTable.isUppercase(s) == p.isUppercase, "U+\(String(s.value, radix: 16))")
            #expect(CaseTable.isLowercase(s) == p.isLowercase, "U+\(String(s.value, radix: 16))")
            #expect(CaseTable.isWordScalar(s) == (p.isAlphabetic || p.numericType != nil), "U+\(String(s.value, radix: 16))")
            if s.value < CaseTable.limit {
                let flags = CaseTable.caseFlags(below: s.value, CaseTable.entries)
                #expect(flags.upper == p.isUppercase && flags.lower == p.isLowercase, "U+\(String(s.value, radix: 16))")
            }
            if CaseTable.isUppercase(s) { upper += 1 }
            if CaseTable.isLowercase(s) { lower += 1 }
        }
        #expect(upper > 400 && lower > 400)
    }

    /// Scalars that come after the first in some canonical decomposition (combining marks, jamo):
    /// the ones that may compose with what comes before them.
    static let trailing: Set<UInt32> = {
        var set = Set<UInt32>()
        for v in UInt32(0xA0)..<0x20000 {
            guard let s = Unicode.Scalar(v) else { continue }
            let d = String(s).decomposedStringWithCanonicalMapping.unicodeScalars
            for t in d.dropFirst() { set.insert(t.value) }
        }
        return set
    }()

    @Test func nfcStartersAreTheirOwnNormalFormAndComposeWithNothing() {
        var checked = 0
        for v in UInt32(0x300)..<0x10000 where FurnitureFilter.isNFCStarter(v) {
            guard let s = Unicode.Scalar(v) else { Issue.record("U+\(String(v, radix: 16)) is no scalar"); continue }
            let text = String(s)
            #expect(Array(text.precomposedStringWithCanonicalMapping.unicodeScalars) == [s], "U+\(String(v, radix: 16))")
            #expect(s.properties.canonicalCombiningClass == .notReordered, "U+\(String(v, radix: 16))")
            #expect(!Self.trailing.contains(v), "U+\(String(v, radix: 16))")
            checked += 1
        }
        #expect(checked > 30000)
        #expect(!FurnitureFilter.isNFCStarter(0x301) && !FurnitureFilter.isNFCStarter(0x37E) && !FurnitureFilter.isNFCStarter(0x11A8))
    }

    @Test(arguments: [
        ("Поделиться", true), ("“Share” — now", true), ("日本語", true), ("한국어", true), ("Cafe\u{301}", false),
        ("\u{212A}elvin", false), ("plain", true), ("가\u{11A8}", false), (";\u{37E}", false),
    ])
    func surelyNFCSaysMaybeNotForMarks(text: String, sure: Bool) {
        #expect(text.withUTF8Bytes(FurnitureFilter.isSurelyNFC) == sure)
        // Whatever it says, "sure" must mean the text is its own normal form C.
        if sure { #expect(Array(text.precomposedStringWithCanonicalMapping.utf8) == Array(text.utf8)) }
    }
}
