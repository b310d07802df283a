import CrosscheckModel
import Foundation
import LanguageData
import Testing
@testable import ArticleIngest

/// The byline test's first-word check, the case table inside `normalize` and the normal-form-C
/// trie of whole phrases decide exactly as the `String`-level filter (Reference/
/// OriginalFurnitureFilter.swift) on blocks built to reach them: bylines with odd separators
/// and marks, Cyrillic, Greek and CJK text, curly quotes and dashes.
@Suite struct FurnitureFastPathTests {
    static let filter = FurnitureEquivalenceTests.filter
    static let reference = FurnitureEquivalenceTests.reference

    static let prefixes = ["By", "BY", "by", "Written by", "Written  by", "Reporting\u{A0}by", "Af", "Skrevet af", "Text:", "Text :",
                           "Text", "Von", "Par", "Por", "Di", "Door", "Av", "Skrevet\u{2009}av", "(By", "By:", "By -", "Bÿ"]
    static let names = ["Jane", "Doe", "Иван", "Петров", "Ólafur", "van", "der", "Berg", "AFP", "with", "og", "und", "|", "•",
                        "·", "and", "Reuters", "2021", "Lars", "Ω", "日本", "Ǆemal", "x\u{308}", "\u{301}Jane", "said."]
    static let separators = [" ", " ", " ", "  ", "\t", "\n", "\u{A0}", "\u{FEFF}", "\u{0B}", "\u{0C}", " \u{301}", "\u{2009}",
                             "\u{202F}", " :", ": ", ",", " ,", "\u{200D} "]
    static let cyrillic = ["Поделиться", "Читайте", "также", "Комментарии", "Фото:", "ТАСС", "—", "«Известия»", "“", "”",
                           "Москва", "в", "году", "Ёж", "Й", "ΣΑΣ", "Ελλάδα", "日本語", "한국어", "€", "…", "Share", "Related"]

    static func byline(_ corpus: inout ReferenceCorpus) -> String {
        var s = corpus.chance(6) ? corpus.pick(separators) : ""
        s += corpus.chance(5) ? corpus.pick(corpus.phrases) : corpus.pick(prefixes)
        for _ in 0..<Int.random(in: 0...8, using: &corpus.rng) {
            s += corpus.pick(separators)
            s += corpus.chance(4) ? corpus.pick(ReferenceCorpus.words) : corpus.pick(names)
        }
        return s
    }

    @Test(arguments: [21, 22, 23] as [UInt64])
    func bylineAgrees(seed: UInt64) {
        var corpus = ReferenceCorpus(seed: seed, store: FurnitureEquivalenceTests.store)
        var found = 0, ruledOut = 0
        for _ in 0..<4000 {
            let block = corpus.chance(4) ? corpus.block(maxPieces: 6) : Self.byline(&corpus)
            let new = Self.filter.byline(block)
            let old = Self.reference.byline(block)
            #expect(new == old, "\(block.debugDescription)")
            if old != nil { found += 1 }
            if Self.filter.bylineFirstWordRulesOut(block) {
                ruledOut += 1
                #expect(old == nil, "ruled out a byline: \(block.debugDescription)")
            }
        }
        // The blocks are built to be bylines often and to be ruled out often.
        #expect(found > 150)
        #expect(ruledOut > 400)
    }

    @Test func firstWordsAreCutAtSpacesAndPunctuation() {
        let f = FurnitureFilter(rows: [], bylinePrefixes: ["written by", "text:", "by"])
        #expect(!f.bylineFirstWordRulesOut("Written by Jane Doe"))
        #expect(!f.bylineFirstWordRulesOut("Text: Jane Doe"))
        #expect(!f.bylineFirstWordRulesOut("TEXT : Jane Doe"))
        #expect(!f.bylineFirstWordRulesOut(" \u{A0}By Jane Doe"))
        #expect(f.bylineFirstWordRulesOut("Written-by Jane Doe"))
        #expect(f.bylineFirstWordRulesOut("Bylines are short"))
        #expect(f.bylineFirstWordRulesOut("Jane Doe"))
        // No word, or an empty normal form: look properly.
        #expect(!f.bylineFirstWordRulesOut("\u{2009} Jane"))
        #expect(!f.bylineFirstWordRulesOut(String(repeating: "x", count: 320) + " Jane"))
    }

    @Test(arguments: [31, 32, 33] as [UInt64])
    func matchKindAgreesOnScripts(seed: UInt64) {
        var corpus = ReferenceCorpus(seed: seed, store: FurnitureEquivalenceTests.store)
        let rows = [["Поделиться", "share"], ["Читайте также", "related-links"], ["Комментарии", "comments"], ["Фото…", "image-credit"],
                    ["“Share”", "share"], ["日本語", "share"], ["Ёж", "share"], ["Е\u{308}ж", "share"], ["…/ТАСС", "image-credit"]]
            .enumerated().map { n, f in TableRow(fields: f, table: "scripts.tsv", line: n + 1, language: "xx") }
        let scripts = FurnitureFilter(rows: rows, bylinePrefixes: [])
        let scriptsReference = OriginalFurnitureFilter(rows: rows, bylinePrefixes: [])
        var matched = 0
        for _ in 0..<3000 {
            var block = ""
            for _ in 0..<Int.random(in: 1...(corpus.chance(8) ? 60 : 6), using: &corpus.rng) {
                block += corpus.chance(3) ? corpus.pick(Self.cyrillic) : corpus.chance(2) ? corpus.phrase() : corpus.pick(ReferenceCorpus.words)
                block += corpus.chance(4) ? corpus.pick(ReferenceCorpus.marks) : " "
            }
            if corpus.chance(3) { block = block.uppercased() }
            let new = scripts.matchKind(block)
            if new != nil { matched += 1 }
            #expect(FurnitureEquivalenceTests.same(new, scriptsReference.matchKind(block)), "\(block.debugDescription)")
            #expect(FurnitureEquivalenceTests.same(Self.filter.matchKind(block), Self.reference.matchKind(block)), "\(block.debugDescription)")
            #expect(FurnitureFilter.normalize(block) == OriginalFurnitureFilter.normalize(block), "\(block.debugDescription)")
        }
        #expect(matched > 40)
    }

    @Test(arguments: ["ПоделитьсяКомментарии", "Share this articleComments", "ΣχόλιαΜοιραστείτε", "ПоделитьсяКомм", "Ёж:Ёж",
                      "plain", "поделиться", "ÅrsagÆble", "x:Y", "日本語Share", "ǅemalǄ", "aǅ", "Ё\u{308}ЖЖ"])
    func gluedSegmentEndsAgree(text: String) {
        let end = text.withUTF8Bytes(FurnitureFilter.firstGluedSegmentEnd)
        let old = FurnitureFilter.firstGluedSegment(text)
        #expect(end.map { String(decoding: Array(text.utf8)[0..<$0], as: UTF8.self) } == old)
    }

    @Test func composedAndDecomposedKeysMatchThroughTheNFCTrie() throws {
        let rows = [["Ёж", "share"], ["Е\u{308}лка", "share"]].enumerated().map { n, f in
            TableRow(fields: f, table: "nfc.tsv", line: n + 1, language: "xx")
        }
        let f = FurnitureFilter(rows: rows, bylinePrefixes: [])
        #expect(f.nfcUsable)
        #expect(try #require(f.matchKind("ЁЖ!")).kind == .whole)
        #expect(try #require(f.matchKind("Ёлка: “дерево”")).kind == .label)
        #expect(try #require(f.matchKind("Е\u{308}ж")).kind == .whole)
        #expect(f.matchKind("Ежи") == nil)
    }
}
