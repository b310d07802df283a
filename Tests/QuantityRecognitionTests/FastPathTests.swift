import CrosscheckModel
import Foundation
import LanguageData
@testable import QuantityRecognition
import Testing
import TestSupport

/// The byte-level paths of the engine (digits read from bytes, lazy word keys, roots by skeleton
/// hash, walks in one flat buffer, kinds on trie nodes) against the readings they replace.
@Suite struct FastPathTests {
    /// Number keys as the tokenizer writes them: digit groups of any length joined by `.`, `,` or
    /// one space, sometimes led by a mark, sometimes longer than a Double holds exactly.
    static func numberKeys(count: Int, seed: UInt64) -> [String] {
        var g = SeededGenerator(seed: seed)
        var out: [String] = ["0", "007", "1.5", "3,000", "1.234.567,89", "100,000.0", "12,34,567.89", ".77", ",5",
                             "3 000,5", "3 000.5", "9007199254740993", "12345678901234567890", "0.1234567890123456789012",
                             "1.000.000", "1,2,3", "15.08.2021", "192.168.1.2", "01.10", "10.30"]
        let marks: [Character] = [".", ",", " "]
        for _ in 0..<count {
            var s = g.below(8) == 0 ? String(marks[g.below(2)]) : ""
            let groups = 1 + g.below(4)
            for k in 0..<groups {
                if k > 0 { s.append(marks[g.below(3)]) }
                let len = g.below(5) == 0 ? 1 + g.below(24) : 1 + g.below(4)
                for _ in 0..<len { s.append(Character(Unicode.Scalar(UInt8(0x30 + g.below(10))))) }
            }
            out.append(s)
        }
        return out
    }

    @Test(arguments: [(UInt8(ascii: "."), [UInt8(ascii: ","), 0x20]), (UInt8(ascii: ","), [UInt8(ascii: "."), 0x20]),
                      (UInt8(ascii: ","), [UInt8(ascii: ".")])])
    func digitsFromBytesReadAsTheGroupsDid(decimal: UInt8, groups: [UInt8]) {
        let marks = Set(groups)
        var differ: [String] = []
        for key in Self.numberKeys(count: 4000, seed: UInt64(decimal) << 8 | UInt64(groups.count)) {
            let fast = DigitNumber.parse(key, decimalMark: decimal, groupMarks: marks)
            let reference = DigitNumber.parseReference(key, decimalMark: decimal, groupMarks: marks)
            // the same value bit for bit (or both nil), and the same shape
            if fast?.value.bitPattern != reference?.value.bitPattern || fast?.integerDigits != reference?.integerDigits
                || fast?.hasGroupMarks != reference?.hasGroupMarks || fast?.hasDecimals != reference?.hasDecimals {
                differ.append(key)
            }
        }
        #expect(differ.isEmpty, "differ: \(differ.prefix(10))")
    }

    @Test func lazyWordKeysAreTheKeysTheTokenizerWrites() {
        let texts = ["The 3 Ministers said THREE-quarters of 1,200 Voters (45%) backed it.",
                     "Über 2,5 Millionen Menschen — dreihunderttausend — kamen am 3. März.",
                     "www.example.com/A1 had 10km h12 COP26 at 9:30 pm; Ærø og Åbenrå 1 000 kr."]
        for text in texts {
            var copy = text
            let (eager, lazy, filled) = copy.withUTF8 { b -> ([Token], [Token], [Token]) in
                let eager = Tokenizer.tokenize(bytes: b, decimalMark: UInt8(ascii: "."), spaceGroups: true)
                let lazy = Tokenizer.tokenize(bytes: b, decimalMark: UInt8(ascii: "."), spaceGroups: true, lazyWordKeys: true)
                let filled = lazy.map { t -> Token in
                    var t = t
                    if t.lazyKey { t.key = Tokenizer.wordKey(b, t); t.lazyKey = false; t.nonASCII = false }
                    return t
                }
                return (eager, lazy, filled)
            }
            #expect(filled == eager)
            // only words wait for their key; those beyond ASCII say so
            #expect(lazy.allSatisfy { !$0.lazyKey || $0.kind == .word && $0.key.isEmpty })
            #expect(lazy.contains { $0.lazyKey })
            #expect(lazy.allSatisfy { !$0.nonASCII || $0.lazyKey })
            #expect(zip(lazy, eager).allSatisfy { l, e in l.nonASCII == (l.lazyKey && e.key.utf8.contains { $0 >= 0x80 }) })
        }
    }

    /// The tokenizer hashes each ASCII word as it reads it: the hash is the gate's skeleton hash
    /// of the word's bytes, whatever their case, with or without digits.
    /// The one-pass folded key is the two-pass reference's, for words of every script and case,
    /// and for byte runs that are no valid UTF-8 at all.
    @Test func foldedKeysAreTheReferenceKeys() throws {
        let rec = try #require(Corpus.recognizer)
        var words = ["ÅRHUNDREDE", "Fünfundzwanzig", "ÉNORME", "żółć", "ĲSSEL", "Ÿ", "naïve", "İstanbul", "ΑΒΓ", "Привет",
                     "東京2020", "x\u{301}y", "ŁÓDŹ", "Œuvre", "straße", "STRASSE", "a", ""]
        for code in rec.lexicons.keys.sorted() {
            let lex = try #require(rec.lexicons[code])
            for key in lex.trie.nodes[0].next.keys.sorted() { words += [key, key.uppercased(), key.capitalized] }
        }
        for w in words {
            var copy = w
            copy.withUTF8 { b in
                #expect(Tokenizer.foldedKey(b, 0, b.count) == Tokenizer.foldedKeyReference(b, 0, b.count), "\(w)")
            }
        }
        var state: UInt64 = 7
        for length in 1...24 {
            for _ in 0..<40 {
                let bytes = (0..<length).map { _ -> UInt8 in
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    return UInt8(truncatingIfNeeded: state >> 40)
                }
                bytes.withUnsafeBufferPointer { b in
                    #expect(Tokenizer.foldedKey(b, 0, b.count) == Tokenizer.foldedKeyReference(b, 0, b.count), "\(bytes)")
                }
            }
        }
    }

    @Test func asciiWordsCarryTheirSkeletonHash() {
        var g = SeededGenerator(seed: 42)
        var texts = ["The 3 Ministers said THREE-quarters of 1,200 Voters (45%) backed it.",
                     "h12 COP26 G7 Über 2,5 Millionen Ærø og Åbenrå x y Z"]
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-éø")
        for _ in 0..<200 { texts.append(String((0..<(1 + g.below(40))).map { _ in letters[g.below(letters.count)] })) }
        for text in texts {
            var copy = text
            copy.withUTF8 { b in
                for lazy in [false, true] {
                    let tokens = Tokenizer.tokenize(bytes: b, decimalMark: UInt8(ascii: "."), spaceGroups: true, lazyWordKeys: lazy)
                    for t in tokens where t.kind == .word {
                        let ascii = b[t.start..<t.end].allSatisfy { $0 < 0x80 }
                        #expect(t.skeletonHash == (ascii ? QuantityGate.skeletonHash(b, t.start, t.end) : 0), "\(text)")
                    }
                }
            }
        }
    }

    /// Each trie node's first-byte filter lets every key of its edges through, and rules out
    /// a byte no ASCII-first key starts with when every key starts in ASCII.
    @Test(arguments: ["da", "de", "en", "es", "fr", "it", "nb", "nl", "pt", "sv"])
    func trieNodesKnowTheFirstBytesOfTheirEdges(code: String) throws {
        let lex = try GateTests.lexicon(code)
        var ruledOut = 0
        for node in lex.trie.nodes where !node.next.isEmpty {
            for key in node.next.keys { #expect(node.mayHaveChild(firstByte: key.utf8.first ?? 0x80), "\(key)") }
            let firsts = Set(node.next.keys.compactMap(\.utf8.first))
            #expect(node.mayHaveChild(firstByte: 0xC3))
            for b in UInt8(0)..<0x80 where !node.mayHaveChild(firstByte: b) {
                #expect(!firsts.contains(b))
                #expect(firsts.allSatisfy { $0 < 0x80 })
                ruledOut += 1
            }
        }
        #expect(ruledOut > 0)
    }

    @Test(arguments: ["da", "de", "en", "es", "fr", "it", "nb", "nl", "pt", "sv"])
    func everyRootIsFoundByItsSkeleton(code: String) throws {
        let lex = try GateTests.lexicon(code)
        for (key, node) in lex.trie.nodes[0].next {
            #expect(lex.skeletonRoots.node(QuantityGate.skeletonHash(of: key), key) == node, "\(key)")
        }
        // a word no table has is found nowhere, even under the hash of a table word
        let some = try #require(lex.trie.nodes[0].next.keys.sorted().first)
        #expect(lex.skeletonRoots.node(QuantityGate.skeletonHash(of: some), some + "zzq") == nil)
        #expect(lex.skeletonRoots.node(QuantityGate.skeletonHash(of: "zzqxw"), "zzqxw") == nil)
    }

    /// An ASCII word finds its root by bytes (any case) as the string look-up finds it; a word
    /// that is no table key finds none, or leaves the question to the string look-up (-2).
    @Test(arguments: ["da", "de", "en", "es", "fr", "it", "nb", "nl", "pt", "sv"])
    func asciiWordsFindTheirRootByBytes(code: String) throws {
        let lex = try GateTests.lexicon(code)
        let asciiKeys = lex.trie.nodes[0].next.keys.filter { k in
            !k.isEmpty && k.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        }
        #expect(!asciiKeys.isEmpty)
        for key in asciiKeys.sorted() {
            for spelling in [key, key.uppercased(), key.prefix(1).uppercased() + key.dropFirst()] {
                var word = spelling
                let found = word.withUTF8 { b in
                    lex.skeletonRoots.node(QuantityGate.skeletonHash(b, 0, b.count), ascii: b, 0, b.count)
                }
                // an equal ASCII key decides even when a key beyond ASCII shares the skeleton
                #expect(found == lex.trie.nodes[0].next[key], "\(spelling)")
            }
            // the key with one letter more: no root, or the string look-up decides
            var longer = key + "q"
            let other = longer.withUTF8 { b in
                lex.skeletonRoots.node(QuantityGate.skeletonHash(b, 0, b.count), ascii: b, 0, b.count)
            }
            let byString = lex.skeletonRoots.node(QuantityGate.skeletonHash(of: key + "q"), key + "q") ?? -1
            #expect(other == byString || other == -2, "\(key)q")
        }
    }

    /// The scanner's roots (ASCII words by bytes, with keys made only on demand) are the trie's
    /// roots of the keys the eager tokenizer writes.
    @Test(arguments: ["da", "de", "en", "es", "fr"])
    func scannerRootsAreTheTriesRoots(code: String) throws {
        let lex = try GateTests.lexicon(code)
        let texts = ["The 3 Ministers said THREE-quarters of 1,200 Voters (45%) backed it in March, about a third.",
                     "Über 2,5 Millionen Menschen — dreihunderttausend — kamen am 3. März, mehr als 40 Prozent.",
                     "Plus de trois millions, environ la moitié des 12,5 pour cent, entre 20 et 30 ans en Mars.",
                     "Omkring tre fjerdedele af de 1 000 kr. og mere end halvtreds procent i januar og FEBRUAR.",
                     "Más de cinco millones, la mitad, entre el 20 y el 30 por ciento en agosto o Septiembre.",
                     "Prices rose 3 000 $ or 1 234 567,5 € (+4 %, −2 %) - 5 ± 0,5 / 12.5% · 1\u{00A0}000\u{202F}000 kr. #1 & .5 + ,25 = 24/7"]
        for text in texts {
            let scanner = QuantityScanner(text: text, lexicon: lex)
            let eager = Tokenizer.tokenize(text, decimalMark: lex.decimalMark, spaceGroups: lex.spaceGroups)
            #expect(scanner.n == eager.count, "\(text)")
            for i in 0..<min(scanner.n, eager.count) {
                let t = eager[i]
                #expect(scanner.toks[i].start == t.start && scanner.toks[i].end == t.end && scanner.toks[i].kind == t.kind)
                let key = scanner.key(i)
                if key == t.key {
                    #expect(scanner.info[i].root == (lex.trie.root(t.key) ?? -1), "\(text) @\(i) \(t.key)")
                } else {
                    // a word read as the table word it misspells (accents)
                    #expect(lex.accentVariant(of: t.key) == key, "\(text) @\(i)")
                }
            }
        }
    }

    @Test func skeletonRootsChainKeysOfOneHashAndGrow() {
        var roots = SkeletonRoots()
        for k in 0..<300 { roots.insert(UInt64(k % 7 + 1), key: "k\(k)", node: Int32(k)) }
        for k in 0..<300 { #expect(roots.node(UInt64(k % 7 + 1), "k\(k)") == Int32(k)) }
        #expect(roots.node(2, "k0") == nil)       // k0 lives under hash 1
        #expect(roots.node(99, "k0") == nil)
    }

    @Test(arguments: ["da", "de", "en", "es", "fr", "it", "nb", "nl", "pt", "sv"])
    func trieNodesCarryTheKindsOfTheirEntries(code: String) throws {
        let lex = try GateTests.lexicon(code)
        for node in lex.trie.nodes {
            let joined = node.entries.reduce(UInt32(0)) { $0 | $1.meaning.kindBit }
            #expect(node.kinds == joined)
        }
        let samples: [Meaning] = [.cardinal(1, article: false, compoundOnly: false), .ordinal(1), .relativeOrdinal(0, reference: "end"),
                                  .scale(1000, attachedOnly: false), .fraction(2), .qualifier(.about, before: true),
                                  .vague(low: 1, high: 2, .about), .unit(.percent, "percent", before: false, after: true),
                                  .range(.to), .month(1), .weekday(1), .negative, .additiveJoiner, .compoundJoiner,
                                  .timeMarker(before: true), .decimalWord, .partitive, .ratio, .definiteArticle,
                                  .dateConnector, .unitModifier, .determiner]
        #expect(Set(samples.map(\.kindBit)).count == samples.count)
        #expect(samples.allSatisfy { $0.kindBit.nonzeroBitCount == 1 })
    }

    /// The scanner's walks (flat buffer, roots from init, kinds mask) answer as the trie's own
    /// longest-match walk over the same tokens.
    @Test(arguments: ["da", "de", "en", "es", "fr"])
    func scannerMatchesAsTheTrieWalks(code: String) throws {
        let lex = try GateTests.lexicon(code)
        let texts = ["more than 3 million people, or about half of the 12.5 percent, between 20 and 30 years",
                     "mehr als drei Millionen Menschen, etwa die Hälfte von 12,5 Prozent, zwischen 20 und 30 Jahren",
                     "mere end tre millioner mennesker, omkring halvdelen af 12,5 procent, mellem 20 og 30 år",
                     "más de tres millones de personas, cerca de la mitad del 12,5 por ciento, entre 20 y 30 años",
                     "plus de trois millions de personnes, environ la moitié des 12,5 pour cent, entre 20 et 30 ans"]
        let questions: [(UInt32, (Meaning) -> Bool)] = [
            (Meaning.Kinds.unit, { if case .unit = $0 { return true }; return false }),
            (Meaning.Kinds.qualifier, { if case .qualifier = $0 { return true }; return false }),
            (Meaning.Kinds.cardinal | Meaning.Kinds.scale, {
                switch $0 { case .cardinal, .scale: return true; default: return false }
            }),
            (Meaning.Kinds.range, { if case .range = $0 { return true }; return false }),
            (Meaning.Kinds.fraction, { if case .fraction = $0 { return true }; return false }),
        ]
        for text in texts {
            let scanner = QuantityScanner(text: text, lexicon: lex)
            let tokens = (0..<scanner.n).map { i -> Token in var t = scanner.toks[i]; t.key = scanner.key(i); t.lazyKey = false; return t }
            for i in 0..<scanner.n {
                for (kinds, accept) in questions {
                    let walked = lex.trie.longest(at: i, in: tokens, accept: accept)
                    let masked = scanner.match(i, kinds, accept)
                    let plain = scanner.match(i, accept)
                    #expect(masked?.end == walked?.end && masked?.entry == walked?.entry, "\(text) @\(i)")
                    #expect(plain?.end == walked?.end && plain?.entry == walked?.entry, "\(text) @\(i)")
                }
            }
        }
    }
}

/// The scanner's token memory: the tokens the tokenizer appends to it are the ones it returns
/// as an array, through growth past the first capacity, and an update in place sticks.
@Suite struct TokenBufferTests {
    @Test(arguments: [1, 4, 64])
    func holdsTheTokenizersTokens(capacity: Int) {
        let text = String(repeating: "Über 2,5 Millionen — 3 000 kr., THREE-quarters of 1,200 (45%) ½ www.x.com/A1. ", count: 9)
        var copy = text
        copy.withUTF8 { b in
            let array = Tokenizer.tokenize(bytes: b, decimalMark: UInt8(ascii: ","), spaceGroups: true, lazyWordKeys: true)
            var buffer = TokenBuffer(capacity: capacity)
            Tokenizer.tokenize(bytes: b, decimalMark: UInt8(ascii: ","), spaceGroups: true, lazyWordKeys: true, into: &buffer)
            defer { buffer.free() }
            #expect(buffer.count == array.count && array.count > 100)
            #expect(Array(buffer.tokens) == array)
            let tokens = buffer.tokens
            tokens[3].key = "a key long enough to live on the heap"
            tokens[3].lazyKey = false
            #expect(buffer.tokens[3].key == "a key long enough to live on the heap")
        }
    }
}
