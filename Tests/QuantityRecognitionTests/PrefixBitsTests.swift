import LanguageData
import Testing

/// The two-byte prefix filter in front of the table dictionaries: it may only ever turn away a
/// word that no table entry could equal.
@Suite struct PrefixBitsTests {
    func bits(_ words: [String]) -> PrefixBits {
        var b = PrefixBits()
        for w in words { b.insert(PrefixBits.prefix(of: w)) }
        return b
    }

    @Test func asciiPrefixesAreJudged() {
        let b = bits(["three", "thousand", "a", "dozen"])
        #expect(b.mayStart("thirty"))           // shares "th": let through (the dictionary decides)
        #expect(b.mayStart("a"))                // one-byte entry
        #expect(b.mayStart("dozens"))
        #expect(!b.mayStart("people"))
        #expect(!b.mayStart("ab"))              // "a" as one byte is not "ab"
        #expect(!b.mayStart(""))
    }

    @Test func nonASCIIKeysAreAlwaysLetThrough() {
        // a decomposed "é" (e + U+0301) equals a composed one as Swift compares strings, so a key
        // that is not ASCII in its first two bytes is never turned away
        let b = bits(["\u{E9}t\u{E9}"])
        #expect(b.mayStart("e\u{301}t\u{E9}"))
        #expect(b.mayStart("\u{E9}t\u{E9}"))
        #expect(b.mayStart("\u{F8}re"))
    }

    @Test func prefixOfShortStrings() {
        #expect(PrefixBits.prefix(of: "") == 0)
        #expect(PrefixBits.prefix(of: "a") == 0x6100)
        #expect(PrefixBits.prefix(of: "ab") == 0x6162)
        #expect(PrefixBits.prefix(of: "abc") == 0x6162)
    }
}
