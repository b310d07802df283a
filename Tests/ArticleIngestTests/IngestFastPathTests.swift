import CrosscheckModel
import Foundation
import Testing
@testable import ArticleIngest

/// The shortcuts plain-text ingest takes answer exactly as the full paths do: furniture ruled
/// out from a few normalised bytes, trie walks, trimming, manifest rows found from path bytes,
/// and the plain-text reader's blocks already collapsed.
@Suite struct IngestFastPathTests {
    static let store = TextTestSupport.store
    static let filter = FurnitureFilter(languages: store)
    static let reference = FurnitureEquivalenceTests.reference

    /// Long and middling blocks (16 to 60 words), often opened by a furniture phrase, often made
    /// of short words so that their normal form is short, sometimes with non-Latin-1 scalars.
    static func longBlocks(seed: UInt64, count: Int) -> [String] {
        var corpus = ReferenceCorpus(seed: seed, store: store)
        let short = ["a", "b", "x", "1", "-", "—", "é", "(", "[", ":", "ok", "I", "·"]
        return (0..<count).map { _ in
            var words: [String] = []
            if corpus.chance(2) { words.append(corpus.phrase()) }
            let n = Int.random(in: 14...60, using: &corpus.rng)
            let tiny = corpus.chance(3)
            while words.count < n {
                words.append(tiny ? corpus.pick(short) : corpus.block(maxPieces: 1))
            }
            if corpus.chance(4) { words.insert(corpus.pick(["(", "[", "( [", "(("]), at: 0) }
            return words.joined(separator: corpus.chance(5) ? "  " : " ")
        }
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func longAndMiddlingBlocksMatchAsTheReferenceDoes(seed: UInt64) {
        var ruledOut = 0
        for block in Self.longBlocks(seed: seed, count: 1500) {
            let new = Self.filter.matchKind(block)
            #expect(FurnitureEquivalenceTests.same(new, Self.reference.matchKind(block)), "\(block.debugDescription)")
            let quick = block.withUTF8Bytes { b in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: FurnitureFilter.scratchCapacity) { out in
                    let words = UTF8Scan.wordCount(b, limit: 26)
                    if words > 25 { return Self.filter.cannotMatchLongBlock(b, scratch: out) }
                    if words > 15 { return Self.filter.cannotMatchMidBlock(b, scratch: out) }
                    return false
                }
            }
            // A block ruled out never matches.
            if quick { ruledOut += 1; #expect(new == nil, "\(block.debugDescription)") }
        }
        // The shortcut is taken for most of them.
        #expect(ruledOut > 300)
    }

    @Test func separatorsFoundInOnePassAsOneSearchEach() {
        let pieces = [":", " |", " »", " >", " –", " -", " ", "a", "é", "|", ">", "-", "»", "–", "\u{A0}"]
        var rng = ReferenceCorpus.Generator(seed: 41)
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...10, using: &rng) { s += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            Array(s.utf8).withUnsafeBufferPointer { b in
                let found = FurnitureFilter.firstSeparators(in: b)
                let expected = FurnitureFilter.labelSeparators.map { FurnitureFilter.firstIndex(of: $0, in: b) ?? -1 }
                #expect([found.0, found.1, found.2, found.3, found.4, found.5] == expected, "\(s.debugDescription)")
            }
        }
    }

    @Test func trieWalksStopWhereNoKeyContinues() {
        let trie = PhraseTrie(keys: ["share", "share this", "copy", "Copy"].map { Array($0.utf8) })
        func ends(_ s: String) -> Bool { Array(s.utf8).withUnsafeBufferPointer { trie.walkEndsWithoutKey($0) } }
        #expect(ends("shore"))
        #expect(ends("xyz"))
        #expect(!ends("sha"))           // the walk has not ended: a key may follow
        #expect(!ends("share it"))      // a key ended on the way
        #expect(!ends(""))
        func lower(_ s: String) -> Int? { Array(s.utf8).withUnsafeBufferPointer { trie.exactLowercasedASCII($0) } }
        #expect(lower("SHARE") == 0)
        #expect(lower("Share This") == 1)
        #expect(lower("COPY") == 2)
        #expect(lower("shar") == nil)
    }

    @Test func trimmingSpacesAgreesWithTheScalarVersion() {
        let pieces = ["a", " ", "\t", "\u{A0}", "\u{FEFF}", "\n", "\r", "é", "\u{2003}", "x y", "\u{301}"]
        var rng = ReferenceCorpus.Generator(seed: 21)
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...8, using: &rng) { s += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            let scalars = s.unicodeScalars
            func space(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\u{A0}" || c == "\n" || c == "\r" || c == "\u{FEFF}" }
            let expected: String
            if let first = scalars.firstIndex(where: { !space($0) }), let last = scalars.lastIndex(where: { !space($0) }) {
                expected = String(String.UnicodeScalarView(scalars[first...last]))
            } else {
                expected = ""
            }
            #expect(Array(s.trimmingSpaces.utf8) == Array(expected.utf8), "\(s.debugDescription)")
            #expect(Array(s[...].trimmingSpaces.utf8) == Array(expected.utf8), "\(s.debugDescription)")
        }
    }

    @Test func manifestRowsAreFoundByRelativePathAndName() {
        let md = PageMetadata(outlet: "Wire")
        let m = Manifest(entries: ["a.txt": .init(path: "a.txt", id: "A", metadata: md),
                                   "sub/b.txt": .init(path: "sub/b.txt", id: "B", metadata: md),
                                   "": .init(path: "", id: "E", metadata: md),
                                   "ø.txt": .init(path: "ø.txt", id: "O", metadata: md)],
                         folder: "/data")
        #expect(m.entry(for: "/data/a.txt")?.id == "A")
        #expect(m.entry(for: "/data/sub/b.txt")?.id == "B")
        #expect(m.entry(for: "/elsewhere/a.txt")?.id == "A")        // by file name
        #expect(m.entry(for: "/data/")?.id == "E")                  // the empty relative path, as before
        #expect(m.entry(for: "/database/a.txt")?.id == "A")         // not under /data: by name
        #expect(m.entry(for: "/data/ø.txt")?.id == "O")             // not ASCII: the string path
        #expect(m.entry(for: "sub/b.txt", relativeTo: "")?.id == "B")
        #expect(m.entry(for: "/data/c.txt") == nil)
    }

    @Test(arguments: [31, 32] as [UInt64])
    func plainTextBlocksComeOutCollapsed(seed: UInt64) {
        var corpus = ReferenceCorpus(seed: seed, store: Self.store)
        let breaks = ["\n", "\n\n", "\n  \n", "\t\n", " \n", "\n===\n", "\r\n"]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 1...10, using: &corpus.rng) {
                text += corpus.block(maxPieces: 8) + corpus.pick(breaks)
            }
            let doc = PlainTextReader.read(text: text, markdown: corpus.chance(4))
            for block in doc.blocks {
                #expect(Shape.collapseSpaces(block.text) == block.text && !block.text.isEmpty, "\(block.text.debugDescription)")
            }
        }
    }
}
