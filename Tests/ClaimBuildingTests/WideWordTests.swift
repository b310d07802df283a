@testable import ClaimBuilding
import Foundation
import Testing
import TestSupport

/// Words beyond Latin and with typographic joiners take the tokenizer's byte path
/// (``ClaimTokenizer``'s `wideWord`, ``GreekCyrillicTable``, ``Vocabulary/otherID(_:)``): their
/// numbers and flags are those the string path gives (``ClaimTokenizer/tokenize(_:vocabulary:)``:
/// the key made by ``ClaimTokenizer/normalizedKey(_:)``, looked up by ``Vocabulary/id(of:)``).
@Suite struct WideWordTests {
    /// Greek and Cyrillic words, in composed and decomposed forms (й, ё, ά carry marks when
    /// decomposed), with the joiners a word may hold and the possessives.
    static let listed = ["тысяч", "человек", "погибли", "ёлка", "й", "район", "Σοφία", "άνθρωποι", "νεκροί", "οδός",
                         "3\u{202F}000", "млн", "ΣΣ", "ωmega", "б-в"]
    static let unlisted = ["Путин", "Москве", "ЁЛКА", "Й", "Ελλάδα", "ΆΝΘΡΩΠΟΙ", "Ѐ", "ѐx", "Ѷ", "і", "Ї", "Ғ", "ґ",
                           "Ӂ", "д\u{301}а", "д\u{483}", "don’t", "Trump’s", "farmers’", "l’État", "café’s", "Müller’s",
                           "e‐mail", "non‑stop", "Путин’s", "Путинs’", "дом’s", "ʼOkina", "aʼa", "тысяч’", "12\u{202F}345",
                           "12\u{00A0}345", "Straße‐Ю", "éд", "дé", "x‒y", "д\u{2020}", "ΣΑΣ’s", "Ωs", "ŉ", "Ա", "א",
                           "ن", "中文", "한국", "x\u{0338}"]

    static func vocabulary(withLexicon code: String?) -> Vocabulary {
        var v = code.flatMap { Support.builder.readers[$0]?.lexicon.vocabulary } ?? Vocabulary()
        for w in listed {
            _ = v.intern(ClaimTokenizer.normalizedKey(w))
            _ = v.intern(ClaimTokenizer.normalizedKey(w).decomposedStringWithCanonicalMapping)
        }
        _ = v.intern("д\u{301}а")     // a word whose composed form keeps a combining mark
        return v
    }

    @Test(arguments: [nil, "en", "de"] as [String?])
    func wideWordsAreNumberedAsTheirKeys(code: String?) {
        let vocabulary = Self.vocabulary(withLexicon: code)
        var spans: [TokenSpan] = [], ids: [Int32] = []
        var found = 0
        for word in Self.listed + Self.unlisted {
            let forms = [word, word.capitalized, word.uppercased(), word.lowercased(), word + "'s", word + "’s", word + "s’",
                         "x " + word + " y", "Число " + word + ", 12", word.decomposedStringWithCanonicalMapping,
                         word.precomposedStringWithCanonicalMapping]
            for text in forms {
                let (full, fullIDs) = ClaimTokenizer.tokenize(text, vocabulary: vocabulary)
                ClaimTokenizer.tokenizeSpans(text, vocabulary: vocabulary, into: &spans, ids: &ids)
                #expect(ids == fullIDs, "\(text)")
                #expect(spans == full.map(TokenSpan.init), "\(text)")
                let general = ClaimTokenizer.spans(text, vocabulary: vocabulary, asciiPath: false)
                #expect(general.ids == fullIDs, "\(text)")
                found += ids.filter { $0 >= 0 }.count
            }
        }
        #expect(found > 2 * Self.listed.count)   // the listed words are found, in several forms
    }

    /// The table's entries against the scalar properties they stand for.
    @Test func greekCyrillicEntriesAreTheScalarsLowercase() {
        var plain = 0
        for v in GreekCyrillicTable.first..<GreekCyrillicTable.end {
            let e = GreekCyrillicTable.entries[Int(v - GreekCyrillicTable.first)]
            guard e & GreekCyrillicTable.slow == 0 else { continue }
            plain += 1
            let u = Unicode.Scalar(v)!
            let lowered = String(String.UnicodeScalarView(u.properties.lowercaseMapping.unicodeScalars))
            #expect(String(Unicode.Scalar(e & 0x3FFF_FFFF)!) == lowered, "\(String(v, radix: 16))")
            #expect((e & GreekCyrillicTable.upper != 0) == u.properties.isUppercase, "\(String(v, radix: 16))")
            // its own decomposed form
            #expect(String(u).decomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([u]))
        }
        #expect(plain > 300)
        for v: UInt32 in [0x400, 0x419, 0x439, 0x451, 0x483, 0x386, 0x3AC, 0x390] {   // decomposable or marks
            #expect(GreekCyrillicTable.entries[Int(v - GreekCyrillicTable.first)] & GreekCyrillicTable.slow != 0,
                    "\(String(v, radix: 16))")
        }
    }

    /// General Punctuation U+2000…U+206F has no case: a punctuation token there is its own key.
    @Test func generalPunctuationIsItsOwnLowercase() {
        for v in UInt32(0x2000)..<0x2070 {
            let u = Unicode.Scalar(v)!
            #expect(!u.properties.changesWhenLowercased, "\(String(v, radix: 16))")
            let text = String(u)
            for t in ClaimTokenizer.tokenize("a " + text + " b") where !t.isWord {
                #expect(t.key == ClaimTokenizer.normalizedKey(t.text), "\(String(v, radix: 16))")
            }
        }
    }

    /// A key of Greek or Cyrillic letters is found by its bytes exactly when the dictionary
    /// finds it, and never equals an ASCII or Latin word.
    @Test func otherIDIsTheDictionaryAnswer() {
        let vocabulary = Self.vocabulary(withLexicon: "fr")
        for word in Self.listed + Self.unlisted + ["rain", "été", "ёлка", "е\u{308}лка"] {
            let key = ClaimTokenizer.normalizedKey(word)
            guard key.unicodeScalars.contains(where: { $0.value >= 0x250 }),
                  key.unicodeScalars.allSatisfy({ $0.value < 0x80 || GreekCyrillicTable.isPlain($0.value) || $0.value == 0x202F })
            else { continue }
            var k = key
            let id = k.withUTF8 { vocabulary.otherID($0) }
            #expect(id == vocabulary.id(of: key), "\(key)")
        }
    }

    /// The genitive filter turns a word away only when its key does not end in "s".
    @Test func keyMayEndInSHoldsForWideWords() {
        let vocabulary = Self.vocabulary(withLexicon: nil)
        var turnedAway = 0
        for word in Self.listed + Self.unlisted + ["Москвас", "Athens", "ΑΘΉΝΑΣ", "Σs", "Ѕ", "ѕ", "Ωs’", "Ωs's", "Üs", "дS"] {
            for text in [word, word.capitalized, word.uppercased(), word + "’s", "x " + word] {
                let full = ClaimTokenizer.tokenize(text, vocabulary: vocabulary).tokens
                var spans: [TokenSpan] = [], ids: [Int32] = []
                ClaimTokenizer.tokenizeSpans(text, vocabulary: vocabulary, into: &spans, ids: &ids)
                for (t, s) in zip(full, spans) where t.isWord {
                    if t.key.utf8.last == 0x73 { #expect(SentenceTokens.keyMayEndInS(s, text: text), "\(text)") }
                    if !SentenceTokens.keyMayEndInS(s, text: text) { turnedAway += 1 }
                }
            }
        }
        #expect(turnedAway > 20)
    }

    /// One-scalar punctuation keys are looked up by their scalar: the numbers the string path
    /// gives, for vocabularies listing such keys (composed, or as a scalar canonically equal).
    @Test func punctuationIsNumberedAsItsKey() {
        var scalars: [UInt32] = Array(0x80..<0xC0) + Array(0x2010..<0x2070) + [0x2BC, 0x387, 0x1FFD, 0x1FEF, 0x2000, 0x2212, 0x20AC]
        scalars = scalars.filter { Unicode.Scalar($0) != nil }
        for v in scalars where Vocabulary.punctuationSlot(v) != nil {
            let u = Unicode.Scalar(v)!
            #expect(String(u).decomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([u]), "\(String(v, radix: 16))")
            #expect(!u.properties.changesWhenLowercased, "\(String(v, radix: 16))")
        }
        for code in [nil, "en", "fr", "de"] as [String?] {
            var vocabulary = Self.vocabulary(withLexicon: code)
            for v: UInt32 in [0xAB, 0xBB, 0x2014, 0x201C, 0x2026, 0x387, 0x1FFD, 0xB2, 0x2019] {
                _ = vocabulary.intern(String(Unicode.Scalar(v)!))
            }
            var spans: [TokenSpan] = [], ids: [Int32] = []
            for v in scalars {
                let text = "a " + String(Unicode.Scalar(v)!) + " b\(String(Unicode.Scalar(v)!))"
                let (full, fullIDs) = ClaimTokenizer.tokenize(text, vocabulary: vocabulary)
                ClaimTokenizer.tokenizeSpans(text, vocabulary: vocabulary, into: &spans, ids: &ids)
                #expect(ids == fullIDs, "\(String(v, radix: 16))")
                #expect(spans == full.map(TokenSpan.init), "\(String(v, radix: 16))")
            }
            var k = "\u{B7}"
            #expect(k.withUTF8 { _ in vocabulary.punctuationID(Vocabulary.punctuationSlot(0xB7)!) } == vocabulary.id(of: "\u{B7}"))
            #expect(vocabulary.id(of: "\u{B7}") >= 0)   // listed as U+0387, which is canonically U+00B7
            #expect(vocabulary.punctuationID(Vocabulary.punctuationSlot(0x2014)!) == vocabulary.id(of: "—"))
        }
    }
}
