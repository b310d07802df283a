@testable import ClaimBuilding
import Testing
import TestSupport

/// The eight-bytes-at-a-time word table against a dictionary of the same words: the same number
/// (or none) for every query, lowercased or not, short and long, read with and without room for
/// whole chunks past the word; and the vocabulary's packed look-up against its byte look-up.
@Suite struct PackedWordTableTests {
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'-.@[`{".utf8)

    static func lower(_ w: [UInt8]) -> [UInt8] { w.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }

    /// `word` looked up inside a larger buffer at `offset`, with `after` bytes of noise after it.
    static func lookUp(_ table: PackedWordTable, _ word: [UInt8], offset: Int, after: Int) -> Int32 {
        let buffer = Array(repeating: UInt8(ascii: "Z"), count: offset) + word + Array(repeating: UInt8(ascii: "Q"), count: after)
        return buffer.withUnsafeBufferPointer { b in
            table.number(lowering: b.baseAddress! + offset, count: word.count, available: word.count + after)
        }
    }

    @Test func findsExactlyTheWordsAddedWhateverTheirCaseAndLength() {
        var rng = SeededGenerator(seed: 7)
        let table = PackedWordTable()
        var reference: [[UInt8]: Int32] = [:]
        var added: [[UInt8]] = []
        for n in 0..<3000 {
            let length = 1 + rng.below(n % 5 == 0 ? 30 : 10)
            let word = Self.lower((0..<length).map { _ in Self.alphabet[rng.below(Self.alphabet.count)] })
            table.insert(word, number: Int32(n))
            if reference[word] == nil { reference[word] = Int32(n) }
            added.append(word)
        }
        #expect(table.count == reference.count)
        // every word added, in its case and upper-cased, with and without room past it
        for word in added {
            let upper = word.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
            for after in [0, 3, 9] {
                #expect(Self.lookUp(table, word, offset: 1, after: after) == reference[word], "\(word)")
                #expect(Self.lookUp(table, upper, offset: 5, after: after) == reference[word], "\(upper)")
            }
            // one byte shorter or longer is another word
            if word.count > 1 {
                let shorter = Array(word.dropLast())
                #expect(Self.lookUp(table, shorter, offset: 0, after: 8) == reference[shorter] ?? -1)
            }
            let longer = word + [UInt8(ascii: "x")]
            #expect(Self.lookUp(table, longer, offset: 0, after: 0) == reference[longer] ?? -1)
        }
        // random queries, mostly absent
        for _ in 0..<20000 {
            let length = 1 + rng.below(20)
            let word = (0..<length).map { _ in Self.alphabet[rng.below(Self.alphabet.count)] }
            #expect(Self.lookUp(table, word, offset: rng.below(4), after: rng.below(10)) == reference[Self.lower(word)] ?? -1)
        }
    }

    @Test func aCopyKeepsItsWordsWhenTheOriginalGrows() {
        let table = PackedWordTable()
        table.insert(Array("according".utf8), number: 0)
        table.insert(Array("said".utf8), number: 1)
        let copy = table.copy()
        for n in 2..<500 { table.insert(Array("word\(n)".utf8), number: Int32(n)) }
        #expect(Self.lookUp(copy, Array("SAID".utf8), offset: 0, after: 0) == 1)
        #expect(Self.lookUp(copy, Array("According".utf8), offset: 2, after: 20) == 0)
        #expect(Self.lookUp(copy, Array("word7".utf8), offset: 0, after: 0) == -1)
        #expect(Self.lookUp(table, Array("word7".utf8), offset: 0, after: 0) == 7)
        #expect(Self.lookUp(table, Array("said".utf8), offset: 0, after: 0) == 1)
        // the empty word only when added
        #expect(Self.lookUp(table, [], offset: 0, after: 4) == -1)
        table.insert([], number: 600)
        #expect(Self.lookUp(table, [], offset: 0, after: 4) == 600)
    }

    @Test func theVocabularysPackedLookUpIsItsByteLookUp() throws {
        for code in ["en", "da", "de", "fr", "es"] {
            let vocabulary = try #require(Support.builder.readers[code]).lexicon.vocabulary
            var rng = SeededGenerator(seed: 11)
            var queries = vocabulary.words.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }
            #expect(queries.count > 100)
            for w in queries.prefix(2000) {
                queries.append(w.map { $0 >= 0x61 && $0 <= 0x7A && rng.below(2) == 0 ? $0 - 0x20 : $0 })
                if w.count > 1 { queries.append(Array(w.dropFirst())) }
                queries.append(w + Array("s".utf8))
            }
            for q in queries {
                let want = q.withUnsafeBufferPointer { vocabulary.asciiID(lowering: $0) }
                let got = q.withUnsafeBufferPointer { vocabulary.packedID(lowering: $0.baseAddress!, count: q.count, available: q.count) }
                #expect(got == want, "\(code): \(String(decoding: q, as: UTF8.self))")
            }
        }
    }

    /// Random text heavy in the bytes the cut looks at (joiners, apostrophes, digits, s/S,
    /// spaces, controls, typographic marks and letters beyond ASCII next to ASCII ones) and real
    /// lines: the reader's cut (the all-ASCII one for an ASCII text) gives the spans and word
    /// numbers of the general cut, and both those of the full tokenizer.
    @Test func theASCIICutIsTheGeneralCut() throws {
        let pieces = ["a", "b", "S", "s", "l", "qu", "D", "x", "1", "2", "0", "9", "'", "'s", "s'", "-", ".", ",", "/",
                      " ", "  ", "\t", "\n", "(", ")", ";", "%", "$", "\u{0}", "\u{7F}", "_", "@", "[", "`", "{",
                      "said", "According", "to", "the", "UN", "UN's", "farmers'", "don't", "3,000", "9/11", "l'ONU",
                      "Mazar-i-Sharif", "government", "GOVERNMENTS'", "internationally", "per", "cent", "million",
                      "\u{2019}", "\u{2019}s", "\u{201C}", "\u{201D}", "\u{E9}", "\u{C9}", "\u{DF}", "\u{A0}", "\u{202F}",
                      "\u{2014}", "\u{130}", "\u{2BC}", "\u{2010}", "\u{3C3}", "\u{6771}", "e\u{301}", "\u{2009}",
                      "d\u{2019}", "S\u{2019}", "p\u{E5}", "gr\u{F6}\u{DF}te"]
        var rng = SeededGenerator(seed: 3)
        var texts = try TokenSpanTests.texts()
        #expect(texts.contains { $0.utf8.allSatisfy { $0 < 0x80 } } && texts.contains { $0.utf8.contains { $0 >= 0x80 } })
        for _ in 0..<3000 {
            texts.append((0..<(1 + rng.below(24))).map { _ in pieces[rng.below(pieces.count)] }.joined())
        }
        for code in ["en", "da", "fr"] {
            let vocabulary = try #require(Support.builder.readers[code]).lexicon.vocabulary
            for text in texts {
                let fast = ClaimTokenizer.spans(text, vocabulary: vocabulary, asciiPath: true)
                let general = ClaimTokenizer.spans(text, vocabulary: vocabulary, asciiPath: false)
                #expect(fast.spans == general.spans, "\(code): \(text.debugDescription)")
                #expect(fast.ids == general.ids, "\(code): \(text.debugDescription)")
                let (full, fullIDs) = ClaimTokenizer.tokenize(text, vocabulary: vocabulary)
                #expect(fast.spans == full.map(TokenSpan.init) && fast.ids == fullIDs, "\(code): \(text.debugDescription)")
            }
        }
    }

    /// Long texts with non-ASCII words here and there between long ASCII stretches: the reader's
    /// cut takes the ASCII stretches straight from their bytes and only the words around the
    /// non-ASCII bytes through the general loop; the spans and word numbers are those of the
    /// general loop over the whole text.
    @Test func theMixedCutIsTheGeneralCut() throws {
        let ascii = ["said", "According", "to", "the", "UN's", "farmers'", "don't", "3,000", "9/11", "l'ONU", "S", "s",
                     "Mazar-i-Sharif", "12.5", "per", "cent", "-", "'", ",", ".", "(", ")", "\"", "x'", "qu'", "1 000"]
        let other = ["\u{E9}t\u{E9}", "\u{C9}cole", "gro\u{DF}", "\u{2019}", "d\u{2019}Afrique", "\u{2019}s", "\u{201C}",
                     "\u{201D}", "\u{A0}", "3\u{202F}000", "\u{2014}", "\u{130}stanbul", "e\u{301}", "\u{2009}", "\u{3C3}\u{3CC}",
                     "\u{6771}\u{4EAC}", "p\u{E5}", "farmers\u{2019}", "\u{1F600}", "\u{AB}", "\u{BB}", "\u{2010}"]
        let spaces = [" ", " ", " ", "  ", "\t", "\n", "\r\n", "", "\u{A0}"]
        var rng = SeededGenerator(seed: 11)
        var texts: [String] = []
        for _ in 0..<1500 {
            var text = ""
            for _ in 0..<(1 + rng.below(120)) {
                text += rng.below(12) == 0 ? other[rng.below(other.count)] : ascii[rng.below(ascii.count)]
                text += spaces[rng.below(spaces.count)]
            }
            texts.append(text)
        }
        #expect(texts.filter { $0.utf8.contains { $0 >= 0x80 } && $0.utf8.count > 200 }.count > 100)
        for code in ["en", "da", "fr"] {
            let vocabulary = try #require(Support.builder.readers[code]).lexicon.vocabulary
            for text in texts {
                let fast = ClaimTokenizer.spans(text, vocabulary: vocabulary, asciiPath: true)
                let general = ClaimTokenizer.spans(text, vocabulary: vocabulary, asciiPath: false)
                #expect(fast.spans == general.spans, "\(code): \(text.debugDescription)")
                #expect(fast.ids == general.ids, "\(code): \(text.debugDescription)")
            }
        }
    }

    @Test func isASCIIIsEveryByteBelow0x80() {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<2000 {
            var bytes = (0..<rng.below(40)).map { _ in UInt8(rng.below(0x80)) }
            if !bytes.isEmpty, rng.below(2) == 0 { bytes[rng.below(bytes.count)] |= 0x80 }
            let want = bytes.allSatisfy { $0 < 0x80 }
            #expect(bytes.withUnsafeBufferPointer { ClaimTokenizer.isASCII($0) } == want)
        }
    }
}
