import CrosscheckModel
import Testing
@testable import ArticleIngest

/// The furniture filter rules a block out as the repeated title by the first bytes of the titles
/// (``FurnitureFilter/TitleFirsts``) only where the keys would say no too: it decides as the
/// `String`-level filter does on first blocks that are the title, a variant of it (case,
/// punctuation, spacing, combining marks, another first letter) or something else.
@Suite struct TitleFirstsTests {
    static let filter = FurnitureEquivalenceTests.filter
    static let reference = FurnitureEquivalenceTests.reference

    static let titles = ["Floods force thousands from their homes", "floods: 2,000 evacuated", "7 things to know",
                         "Ébullition à Paris", "E\u{301}bullition a\u{300} Paris", "a\u{301}rvore caída", "\u{E1}rvore caída",
                         "« Citation » du jour", "  Spaced title", "Å", "x", "Kelvin \u{212A}", "(Photo) caption", ""]

    static func variants(_ title: String) -> [String] {
        [title, title.uppercased(), title.lowercased(), title + ".", title + " !", " " + title, title + "\u{301}",
         "\u{301}" + title, "The " + title, String(title.dropFirst()), "Z" + title, "z" + title.dropFirst(),
         title.replacingOccurrences(of: " ", with: "  "), "A", "a\u{301}", "7", "7 Things To Know!"]
    }

    @Test func firstBlocksDecideAsTheStringFilterDoes() {
        var cases = 0
        var titled = 0
        for title in Self.titles {
            for other in [nil, "Another headline", "a\u{301}rvore caída"] as [String?] {
                let titles = [title] + (other.map { [$0] } ?? [])
                for first in Self.variants(title) + Self.variants(other ?? "Q") {
                    let blocks = [Block(text: first), Block(text: "Body text that follows the title, as prose does.")]
                    let new = Self.filter.filter(blocks, titles: titles)
                    let old = Self.reference.filter(blocks, titles: titles)
                    #expect(new.kept == old.kept && new.dropped == old.dropped, "\(titles) \(first.debugDescription)")
                    if new.dropped.contains(where: { $0.reason == "title" }) { titled += 1 }
                    cases += 1
                }
            }
        }
        // Both answers occur.
        #expect(titled > 50 && titled < cases - 50)
    }

    @Test func plainFirstBytes() {
        func first(_ s: String) -> UInt8? { s.withUTF8Bytes(FurnitureFilter.plainFirstByte) }
        #expect(first("Floods") == 0x66)
        #expect(first("floods") == 0x66)
        #expect(first("7 things") == 0x37)
        #expect(first("x") == 0x78)
        #expect(first("a\u{301}rvore") == nil)
        #expect(first("Ébullition") == nil)
        #expect(first(" spaced") == nil)
        #expect(first("(Photo)") == nil)
        #expect(first("") == nil)
        var firsts = FurnitureFilter.TitleFirsts()
        firsts.add(0x66)
        firsts.add(0x37)
        #expect(firsts.rulesOut(0x61))
        #expect(!firsts.rulesOut(0x66))
        #expect(!firsts.rulesOut(0x37))
        #expect(!firsts.rulesOut(nil))
        firsts.add(nil)
        #expect(!firsts.rulesOut(0x61))
    }
}
