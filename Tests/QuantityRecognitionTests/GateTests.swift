import CrosscheckModel
import Foundation
import LanguageData
@testable import QuantityRecognition
import Testing

/// The gate in front of the scanner may let through a sentence with no quantity, but must never
/// stop one the scanner would read.
@Suite struct GateTests {
    static func lexicon(_ code: String) throws -> Lexicon {
        let rec = try #require(Corpus.recognizer)
        return try #require(rec.lexicons[code])
    }

    static func passes(_ lex: Lexicon, _ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { lex.mayHoldQuantity($0) }
    }

    static func scan(_ lex: Lexicon, _ text: String) -> [Quantity] {
        let scanner = QuantityScanner(text: text, lexicon: lex, relativeOrdinals: true)
        return scanner.run()
    }

    /// Texts built from every phrase of a language's tables, written the ways a text may write
    /// them: as is, capitalized, in capitals, decomposed (NFD), without accents, after an article,
    /// inside a sentence.
    static func probes(_ pack: LanguagePack) -> [String] {
        let tables = ["cardinals.tsv", "ordinals.tsv", "scales.tsv", "fractions.tsv", "vague.tsv", "qualifiers.tsv",
                      "units.tsv", "ranges.tsv", "months.tsv", "weekdays.tsv"]
        var phrases: [String] = []
        for t in tables { phrases += pack.rows(t).compactMap { $0[0] } }
        let articles = pack.rows("cardinals.tsv").filter { ($0[2] ?? "").contains("article") }.compactMap { $0[0] }
        // closed compounds (*dreihundertzwanzig*, *toogtyve*): table words glued, with a joiner too
        let words = (pack.rows("cardinals.tsv") + pack.rows("ordinals.tsv") + pack.rows("scales.tsv"))
            .compactMap { $0[0] }.filter { !$0.contains(" ") && !$0.contains("-") }
        let joiners = pack.strings("compoundJoiners")
        var glued: [String] = []
        for (i, a) in words.enumerated() {
            for step in [1, 7, 13] {
                let b = words[(i * step + 3) % words.count]
                glued.append(a + b)
                for j in joiners.prefix(2) { glued.append(a + j + b) }
            }
        }
        var out: [String] = glued.map { "x \($0) y" } + glued.map { $0.uppercased() }
        for p in phrases {
            out += [p, p.capitalized, p.uppercased(), p.decomposedStringWithCanonicalMapping,
                    p.folding(options: .diacriticInsensitive, locale: nil), "x \(p) y"]
            for a in articles.prefix(3) { out.append("\(a) \(p)") }
        }
        return out
    }

    @Test(arguments: ["da", "de", "en", "es", "fr", "it", "nb", "nl", "pt", "sv"])
    func neverStopsWhatTheScannerReads(code: String) throws {
        let lex = try Self.lexicon(code)
        let pack = try #require(Corpus.store?.pack(code))
        let texts = Self.probes(pack) + Corpus.cases.filter { $0.language == code }.map(\.input)
        #expect(texts.count > 100)
        var stopped = 0
        for t in texts where !Self.passes(lex, t) {
            stopped += 1
            let found = Self.scan(lex, t)
            #expect(found.isEmpty, "gate stopped '\(t)' but the scanner reads \(found.map(\.text))")
        }
        // the probes are figures: the gate lets almost all of them through, but it is not a no-op
        #expect(stopped < texts.count / 2)
    }

    /// The scanner skips the table look-ups of a word whose skeleton hash the gate does not know:
    /// every table word, in capitals or decomposed, must hash to a known skeleton.
    @Test(arguments: ["da", "de", "en", "es", "fr", "it", "nb", "nl", "pt", "sv"])
    func everyTableWordHasAKnownSkeleton(code: String) throws {
        let lex = try Self.lexicon(code)
        var checked = 0
        for key in lex.trie.nodes[0].next.keys {
            // only the forms the scanner itself takes for the table word (capital µ is Greek Μ)
            for form in [key, key.uppercased(), key.decomposedStringWithCanonicalMapping]
            where Tokenizer.tokenize(form).map(\.key) == [key] {
                var copy = form
                let flags = copy.withUTF8 { lex.gate.flags(ofHash: QuantityGate.skeletonHash($0, 0, $0.count)) }
                #expect(flags & QuantityGate.known != 0, "\(code): \(form)")
                checked += 1
            }
        }
        #expect(checked > 300)
        // the scanner's walks stop at a word without the any-key mark: every key at every depth has it
        for node in lex.trie.nodes {
            for key in node.next.keys where Tokenizer.tokenize(key).map(\.key) == [key] {
                var copy = key
                let flags = copy.withUTF8 { lex.gate.flags(ofHash: QuantityGate.skeletonHash($0, 0, $0.count)) }
                #expect(flags & QuantityGate.anyKey != 0, "\(code): \(key)")
            }
        }
    }

    /// Every input of the public conformance suites (../shared/conformance, when it is beside the
    /// checkout): the gate never stops one the scanner reads something in.
    @Test func neverStopsAConformanceCase() throws {
        let root = Corpus.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance")
        let fm = FileManager.default
        guard fm.fileExists(atPath: root.path) else {
            print("GateTests: ../shared/conformance is not beside the checkout; skipped")
            return
        }
        let rec = try #require(Corpus.recognizer)
        var checked = 0, stopped = 0
        for suite in ["duckling", "recognizers"] {
            let suiteDir = root.appendingPathComponent(suite)
            for lang in ((try? fm.contentsOfDirectory(atPath: suiteDir.path)) ?? []).sorted() {
                let dir = suiteDir.appendingPathComponent(lang)
                for file in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() where file.hasSuffix(".jsonl") {
                    let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
                    for line in text.split(separator: "\n") {
                        guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                              let input = obj["input"] as? String, !input.isEmpty,
                              let box = rec.box(String(lang.prefix(2))) else { continue }
                        checked += 1
                        guard !Self.passes(box.lexicon, input) else { continue }
                        stopped += 1
                        let found = Self.scan(box.lexicon, input).map(\.text)
                        #expect(found.isEmpty, "\(suite)/\(lang)/\(file): gate stopped '\(input)', the scanner reads \(found)")
                    }
                }
            }
        }
        #expect(checked > 10_000)
        #expect(stopped > 0)
    }

    @Test func stopsProseWithoutFigures() throws {
        let cases: [(String, String)] = [
            ("en", "The decision was criticised by the opposition, which called it too late."),
            ("en", "Talks are expected to resume at the end of the week in the capital."),
            ("da", "Beslutningen blev kritiseret af oppositionen, som kalder den alt for sen."),
            ("de", "Die Entscheidung wurde von der Opposition scharf kritisiert."),
            ("fr", "La décision a été vivement critiquée par l'opposition, qui la juge trop tardive."),
            ("es", "La decisión fue duramente criticada por la oposición."),
        ]
        for (code, text) in cases {
            let lex = try Self.lexicon(code)
            let found = Self.scan(lex, text).count, passed = Self.passes(lex, text)
            #expect(found == 0, "\(code): \(text)")
            #expect(!passed, "\(code): the gate let through '\(text)'")
        }
    }

    @Test func letsFiguresThrough() throws {
        let cases: [(String, String)] = [
            ("en", "Police said a dozen people were hurt."),
            ("en", "It took them A DAY to get there."),
            ("en", "Nine cities have fallen."),
            ("da", "Det er den ottende provinshovedstad."),
            ("da", "Der kom toogtyve mennesker."),
            ("de", "Es kamen dreihundertzwanzig Menschen."),
            ("fr", "Un tiers des habitants est parti."),
            ("es", "Murieron trés personas."),
            ("it", "La riunione è durata mezz'ora."),
            ("en", "It rose by ½ point."),
            ("en", "It is 2021."),
        ]
        for (code, text) in cases {
            let lex = try Self.lexicon(code)
            let found = Self.scan(lex, text).count, passed = Self.passes(lex, text)
            #expect(found > 0, "\(code): the scanner reads nothing in '\(text)'")
            #expect(passed, "\(code): the gate stopped '\(text)'")
        }
    }

    @Test func skeletonsIgnoreCaseAccentsAndComposition() {
        func hash(_ s: String) -> UInt64 {
            var h = QuantityGate.seed
            for u in s.unicodeScalars { if let k = QuantityGate.skeleton(u.value) { h = QuantityGate.mix(h, k) } }
            return h
        }
        #expect(hash("décimas") == hash("decimas"))
        #expect(hash("DÉCIMAS") == hash("de\u{301}cimas"))
        #expect(hash("Hälfte") == hash("halfte"))
        #expect(hash("før") != hash("for"))        // ø has no decomposition: it stays itself
        #expect(hash("tres") != hash("tren"))
        #expect(hash("Kč") == hash("kc\u{30C}"))
        #expect(hash("złoty") != hash("zloty"))
    }

    @Test func tableJoinsFlagsAndGrows() {
        var table = SkeletonTable()
        for k in UInt64(1)...500 { table.insert(k &* 0x1234_5678_9ABC_DEF1, UInt8(k % 7 + 1)) }
        for k in UInt64(1)...500 { #expect(table.flags(k &* 0x1234_5678_9ABC_DEF1) == UInt8(k % 7 + 1)) }
        #expect(table.flags(42) == 0)
        table.insert(7, 1)
        table.insert(7, 4)
        #expect(table.flags(7) == 5)
        table.insert(0, 2)                          // 0 marks an empty slot: it is stored as 1
        #expect(table.flags(0) & 2 != 0)
    }

    @Test func aLanguageWithOtherLettersIsNotGated() {
        var gate = QuantityGate()
        gate.add("five", QuantityGate.strong)
        #expect(gate.enabled)
        gate.add("złoty", QuantityGate.known)          // ł has no decomposition: one skeleton
        #expect(gate.enabled)
        gate.add("пятый", QuantityGate.strong)         // й is и with a breve: a text may write either
        #expect(!gate.enabled)
    }
}

@Suite struct TableNumberTests {
    @Test func underscoresGroupDigitsAndOtherFormsParse() {
        #expect(Lexicon.parseTableNumber("1_000_000") == 1_000_000)
        #expect(Lexicon.parseTableNumber("1e9") == 1e9)
        #expect(Lexicon.parseTableNumber("0.5") == 0.5)
        #expect(Lexicon.parseTableNumber("12") == 12)
        #expect(Lexicon.parseTableNumber("twelve") == nil)
        #expect(Lexicon.parseTableNumber("") == nil)
    }
}

/// The gate's eight-bytes-at-a-time digit test says what a byte-by-byte look says, for a digit
/// at every place of buffers of every length up to 40, among bytes of every value.
@Suite struct DigitScanTests {
    @Test func holdsDigitMatchesAByteByByteLook() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        var checked = 0
        for length in 0...40 {
            for trial in 0..<60 {
                // bytes that are never digits (every value but 0x30…0x39), then maybe one digit
                var bytes = (0..<length).map { _ -> UInt8 in
                    let v = UInt8(truncatingIfNeeded: next())
                    return v &- 0x30 < 10 ? v &+ 10 : v
                }
                if trial % 2 == 1, length > 0 { bytes[Int(next() % UInt64(length))] = 0x30 + UInt8(next() % 10) }
                let expected = bytes.contains { $0 >= 0x30 && $0 <= 0x39 }
                #expect(bytes.withUnsafeBufferPointer { Lexicon.holdsDigit($0) } == expected, "\(bytes)")
                checked += 1
            }
        }
        // the neighbours of the digits, alone
        for v in [0x2F, 0x3A, 0x00, 0xFF, 0xB0, 0xB9, 0x10, 0x1A] as [UInt8] {
            #expect(![UInt8](repeating: v, count: 17).withUnsafeBufferPointer { Lexicon.holdsDigit($0) })
        }
        #expect(checked == 41 * 60)
    }
}

@Suite struct PieceTrieTests {
    func splits(_ t: PieceTrie, _ w: String) -> Bool {
        var copy = w
        return copy.withUTF8 { t.splits($0) }
    }

    @Test func splitsIntoTwoPiecesOrMoreWithBacktracking() {
        var t = PieceTrie()
        for p in ["drei", "hundert", "und", "zwanzig", "ein", "eins", "s"] { t.insert(p) }
        #expect(splits(t, "dreihundert"))
        #expect(splits(t, "DreiHundertUndZwanzig"))
        #expect(splits(t, "einsundzwanzig"))
        #expect(splits(t, "einshundert"))           // "ein" + "s" + … or "eins" + …: either way
        #expect(!splits(t, "hundert"))              // one piece is no compound
        #expect(!splits(t, "dreihunderter"))
        #expect(!splits(t, "xdrei"))
        t.insert("fünf")
        #expect(splits(t, "fünfdrei"))
        #expect(splits(t, "FU\u{308}NFDREI"))                // decomposed, in capitals
        #expect(splits(t, "funfdrei"))              // coarser than the scanner: only more gets through
        #expect(!splits(t, "fnfdrei"))
    }

    @Test func findsEverySplitTheScannerFinds() throws {
        let rec = try #require(Corpus.recognizer)
        for code in rec.lexicons.keys.sorted() {
            let lex = try #require(rec.lexicons[code])
            let words = lex.pieces.keys.sorted()
            var checked = 0
            for (i, a) in words.enumerated() {
                for b in [words[(i * 7 + 3) % words.count], words[(i * 13 + 5) % words.count], "x", a] {
                    for w in [a + b, a + b + "s", String((a + b).dropLast())] where w.utf8.count >= 4 {
                        // the scanner's greedy split stops at a word that is one piece (*achtzehn*):
                        // the trie may say yes where the scanner says no, never the other way
                        if lex.splitCompound(w) != nil {
                            #expect(splits(lex.pieceSkeletons, w), "\(code): \(w)")
                            if !w.contains("ß") {           // ß has no one-letter capital
                                #expect(splits(lex.pieceSkeletons, w.decomposedStringWithCanonicalMapping.uppercased()), "\(code): \(w)")
                            }
                        }
                        checked += 1
                    }
                }
            }
            #expect(checked > 0 || words.isEmpty)
        }
    }

    /// The fast split (ASCII slots from the bytes, raw buffers) answers as the scalar-by-scalar
    /// reference on words of every shape: pieces glued, in capitals, decomposed, with symbols and
    /// letters beyond Latin, and longer than ``PieceTrie/longest``.
    @Test func theFastSplitAnswersAsTheReference() throws {
        let rec = try #require(Corpus.recognizer)
        var differ: [String] = []
        var yes = 0, no = 0
        for code in rec.lexicons.keys.sorted() {
            let lex = try #require(rec.lexicons[code])
            let words = lex.pieces.keys.sorted()
            guard !words.isEmpty else { continue }
            var samples: [String] = []
            for (i, a) in words.enumerated() {
                let b = words[(i * 11 + 1) % words.count], c = words[(i * 5 + 2) % words.count]
                samples += [a + b, a + b + c, a.uppercased() + b, (a + b).decomposedStringWithCanonicalMapping,
                            a + "-" + b, a + "x" + b, String((a + b + c).dropFirst()), a + "ø" + b, a + "д" + b,
                            a + "\u{301}" + b, String(repeating: a, count: 70 / max(a.count, 1) + 1), a]
            }
            for w in samples {
                var copy = w
                let (fast, reference) = copy.withUTF8 { (lex.pieceSkeletons.splits($0), lex.pieceSkeletons.splitsReference($0)) }
                if fast != reference { differ.append("\(code): \(w)") }
                if reference { yes += 1 } else { no += 1 }
            }
        }
        #expect(differ.isEmpty, "\(differ.prefix(10))")
        #expect(yes > 100 && no > 100)
    }
}
