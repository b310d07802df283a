import CrosscheckModel
import LanguageData
import Testing
@testable import ArticleIngest

/// The byte-level furniture filter decides exactly as the `String`-level one it replaced (kept in
/// Reference/OriginalFurnitureFilter.swift) on random blocks built from the real tables.
@Suite struct FurnitureEquivalenceTests {
    static let store = TextTestSupport.store

    static func rows(_ store: LanguageStore) -> (rows: [TableRow], bylines: Set<String>) {
        var rows: [TableRow] = []
        var bylines = Set<String>()
        for code in store.codes {
            guard let pack = store.pack(code) else { continue }
            rows += pack.rows("furniture.tsv")
            for w in pack.words("bylines.tsv") { bylines.insert(FurnitureFilter.normalize(w)) }
        }
        return (rows + FurnitureFilter.commonRows(), bylines)
    }

    static let filter = FurnitureFilter(languages: store)
    static let reference: OriginalFurnitureFilter = {
        let (rows, bylines) = FurnitureEquivalenceTests.rows(store)
        return OriginalFurnitureFilter(rows: rows, bylinePrefixes: bylines)
    }()

    /// Rows written with combining marks and compatibility-free singletons (`K` as U+212A), so
    /// canonical equivalence decides some matches.
    static let oddRows: [TableRow] = [
        ["Lae\u{301}s mere", "related-links"], ["Læs også", "related-links"], ["\u{212A}ommentarer", "comments"],
        ["Foto…", "image-credit"], ["Photo by…", "image-credit"], ["…/Reuters", "image-credit"], ["Share", "share"],
        ["Ca\u{327}a va", "share"], ["日本語", "share"], ["x\u{308}y", "share"], ["Cookies…", "cookie-banner"],
    ].enumerated().map { n, f in TableRow(fields: f, table: "odd.tsv", line: n + 1, language: "xx") }

    static func same(_ a: (phrase: FurnitureFilter.Phrase, kind: FurnitureFilter.MatchKind)?,
                     _ b: (phrase: OriginalFurnitureFilter.Phrase, kind: OriginalFurnitureFilter.MatchKind)?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a?, b?):
            return a.phrase.key == b.phrase.key && a.phrase.origin == b.phrase.origin && "\(a.kind)" == "\(b.kind)"
        default: return false
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func matchKindAgrees(seed: UInt64) {
        var corpus = ReferenceCorpus(seed: seed, store: Self.store)
        let odd = FurnitureFilter(rows: Self.oddRows, bylinePrefixes: [])
        let oddReference = OriginalFurnitureFilter(rows: Self.oddRows, bylinePrefixes: [])
        var matched = 0
        for _ in 0..<3000 {
            let block = corpus.block()
            let new = Self.filter.matchKind(block)
            if new != nil { matched += 1 }
            #expect(Self.same(new, Self.reference.matchKind(block)), "\(block.debugDescription)")
            #expect(Self.same(odd.matchKind(block), oddReference.matchKind(block)), "odd rows: \(block.debugDescription)")
            #expect(FurnitureFilter.normalize(block) == OriginalFurnitureFilter.normalize(block), "\(block.debugDescription)")
            #expect(Self.filter.byline(block) == Self.reference.byline(block), "\(block.debugDescription)")
        }
        // The corpus is built to hit the tables: a good share of blocks must match something.
        #expect(matched > 150)
    }

    @Test(arguments: [
        "Share", "SHARE!", "(Photo: Jane Doe)", "[Foto: Lars Berg]", "( (Foto: x)", "Læs også: Noget", "Lae\u{301}s også",
        "Læs mere", "Lae\u{301}s mere", "Kommentarer", "\u{212A}ommentarer", "kommentarer", "Ça va", "Ça va!!", "日本語",
        "Share this articleComments", "Photo by Jane/Reuters", "x\u{308}y", "ẍy", "Cookies are used here",
    ])
    func oddRowsAgree(block: String) {
        let odd = FurnitureFilter(rows: Self.oddRows, bylinePrefixes: [])
        let oddReference = OriginalFurnitureFilter(rows: Self.oddRows, bylinePrefixes: [])
        #expect(Self.same(odd.matchKind(block), oddReference.matchKind(block)))
    }

    @Test func keyWithCombiningMarksMatchesItsComposedForm() throws {
        let odd = FurnitureFilter(rows: Self.oddRows, bylinePrefixes: [])
        // "Lae\u{301}s mere" is stored decomposed; a page writes it composed (and vice versa).
        #expect(try #require(odd.matchKind("Laés mere")).kind == .whole)
        #expect(try #require(odd.matchKind("Lae\u{301}s mere: noget")).kind == .label)
        #expect(odd.matchKind("Læ\u{301}s mere") == nil)
        #expect(try #require(odd.matchKind("Kommentarer")).phrase.reason == "comments")
        #expect(UTF8Scan.canonicalForm("lae\u{301}s", below: 0x300) == "laés")
        #expect(UTF8Scan.canonicalForm("x\u{308}", below: 0x300) == nil)
        #expect(UTF8Scan.canonicalForm("日本", below: 0x300) == nil)
    }

    @Test(arguments: [5, 6] as [UInt64])
    func filterAgrees(seed: UInt64) {
        var corpus = ReferenceCorpus(seed: seed, store: Self.store)
        for _ in 0..<300 {
            let blocks = (0..<Int.random(in: 1...12, using: &corpus.rng)).map { _ in
                Block(text: Shape.collapseSpaces(corpus.block()), role: .paragraph)
            }.filter { !$0.text.isEmpty }
            let titles = corpus.chance(2) ? [blocks.first?.text ?? "x"] : [corpus.block(maxPieces: 4)]
            let new = Self.filter.filter(blocks, titles: titles)
            let old = Self.reference.filter(blocks, titles: titles)
            #expect(new.kept == old.kept && new.dropped == old.dropped && new.byline == old.byline)
        }
    }

    /// `filter` skips `byline` for a block of more than 13 words only when no byline-only
    /// separator (U+000B, U+000C, U+00A0, U+FEFF) could lower that count: blocks not collapsed,
    /// written with those separators, decide as the reference does.
    @Test(arguments: [7, 8] as [UInt64])
    func filterAgreesOnBlocksNotCollapsed(seed: UInt64) {
        var corpus = ReferenceCorpus(seed: seed, store: Self.store)
        let odd = ["\u{0B}", "\u{0C}", "\u{A0}", "\u{FEFF}", " \u{A0} ", " \u{FEFF} ", " \u{0B}\u{0C} "]
        for _ in 0..<300 {
            let blocks = (0..<Int.random(in: 1...12, using: &corpus.rng)).map { _ in
                var text = corpus.block(maxPieces: 20)
                for _ in 0..<Int.random(in: 0...6, using: &corpus.rng) { text += corpus.pick(odd) + corpus.block(maxPieces: 3) }
                return Block(text: text, role: .paragraph)
            }
            let titles = [corpus.block(maxPieces: 4)]
            let new = Self.filter.filter(blocks, titles: titles)
            let old = Self.reference.filter(blocks, titles: titles)
            #expect(new.kept == old.kept && new.dropped == old.dropped && new.byline == old.byline)
        }
    }

    /// Title keys written from the bytes are the keys the strings gave:
    /// `stripTrailingPunctuation(normalize(title))`, empty ones left out.
    @Test(arguments: [9, 10] as [UInt64])
    func titleKeysFromBytesAgree(seed: UInt64) {
        var corpus = ReferenceCorpus(seed: seed, store: Self.store)
        let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: FurnitureFilter.scratchCapacity)
        defer { scratch.deallocate() }
        for _ in 0..<1000 {
            let titles = (0..<Int.random(in: 0...3, using: &corpus.rng)).map { _ in
                corpus.chance(5) ? corpus.pick(["", " ", "!!", "...", "«»", "Ça va ?", "x\u{308}y."]) : corpus.block(maxPieces: 6)
            }
            let old = titles.map { FurnitureFilter.stripTrailingPunctuation(FurnitureFilter.normalize($0)) }.filter { !$0.isEmpty }
            let keys = FurnitureFilter.TitleKeys(titles: titles, scratch: scratch)
            #expect(keys.keys == old && keys.isEmpty == old.isEmpty, "\(titles.debugDescription)")
            let text = corpus.chance(2) ? (titles.first ?? "") + corpus.pick(["", ".", " !", "…"]) : corpus.block()
            #expect(keys.matches(text) == FurnitureFilter.TitleKeys(old).matches(text), "\(titles.debugDescription) \(text.debugDescription)")
        }
    }

    @Test func bylineSeparatorsAreSeen() {
        func may(_ s: String) -> Bool { s.withUTF8Bytes { FurnitureFilter.mayHoldBylineSeparator($0) } }
        #expect(!may("By Jane Doe and John Roe, with a long line of plain words after them"))
        #expect(may("By Jane\u{A0}Doe"))
        #expect(may("a long line of plain words before it, then\u{0B}"))
        #expect(may("x\u{0C}"))
        #expect(may("twelve bytes\u{FEFF}"))
        #expect(!may(""))
    }

    @Test func normalizeCutsAScalarAtByte400AsTheStringVersionDoes() {
        for pad in 396...400 {
            for tail in ["é", "€", "\u{1F600}", "İ"] {
                let block = String(repeating: "a", count: pad) + tail + " more"
                #expect(FurnitureFilter.normalize(block) == OriginalFurnitureFilter.normalize(block))
                let straddles = pad < 400 && pad + tail.utf8.count > 400
                #expect(FurnitureFilter.normalize(block).hasSuffix("\u{FFFD}") == straddles, "\(pad) \(tail)")
            }
        }
    }
}

/// The flat byte trie behind the furniture tables.
@Suite struct PhraseTrieTests {
    static let keys: [[UInt8]] = ["share", "share this", "sh", "copy", "share", "©"].map { Array($0.utf8) }

    @Test func matchesAreLongestFirstAndKeepTheirOrderWithinALength() {
        let trie = PhraseTrie(keys: Self.keys)
        #expect(trie.matches(Array("share this article".utf8), from: 0, step: 1) == [1, 0, 4, 2])
        #expect(trie.matches(Array("shore".utf8), from: 0, step: 1) == [2])
        #expect(trie.matches(Array("copy".utf8), from: 0, step: 1) == [3])
        #expect(trie.matches(Array("cop".utf8), from: 0, step: 1) == [])
        #expect(trie.matches(Array("x©".utf8), from: 1, step: 1) == [5])
    }

    @Test func backwardWalkReadsReversedKeys() {
        let trie = PhraseTrie(keys: [Array("pfa/".utf8), Array("sretuer/".utf8)])
        #expect(trie.matches(Array("Jane Doe/afp".utf8), from: 12, step: -1) == [0])
        #expect(trie.matches(Array("x/reuters)".utf8), from: 9, step: -1) == [1])
        #expect(trie.matches(Array("x/reuters)".utf8), from: 10, step: -1) == [])
    }

    @Test func exactFindsOnlyWholeKeys() {
        let trie = PhraseTrie(keys: Self.keys)
        func exact(_ s: String) -> Int? { Array(s.utf8).withUnsafeBufferPointer { trie.exact($0) } }
        #expect(exact("share") == 0)
        #expect(exact("share this") == 1)
        #expect(exact("shar") == nil)
        #expect(exact("share this!") == nil)
        #expect(exact("") == nil)
        #expect(exact("©") == 5)
    }
}
