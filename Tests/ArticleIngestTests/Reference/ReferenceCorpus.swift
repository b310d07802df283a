@testable import ArticleIngest
import LanguageData
import TestSupport

/// Random text for comparing the byte-level ingest code with the reference copies of the code it
/// replaced: furniture phrases from the real tables with odd casing and punctuation, prose,
/// bylines, combining marks, scalars whose lowercase form is longer, NBSPs, brackets, CJK marks,
/// abbreviations and blocks around the 400-byte cut of the normaliser.
struct ReferenceCorpus {
    /// The tests' one seeded generator (SplitMix64).
    typealias Generator = SeededGenerator

    var rng: Generator
    let phrases: [String]

    init(seed: UInt64, store: LanguageStore) {
        rng = Generator(seed: seed)
        var phrases: [String] = []
        for code in store.codes {
            guard let pack = store.pack(code) else { continue }
            phrases += pack.rows("furniture.tsv").compactMap { $0[0] }
            phrases += pack.words("bylines.tsv")
            phrases += pack.rows("abbreviations.txt").compactMap { $0[0] }
            phrases += pack.words("months.tsv").prefix(4)
        }
        phrases += FurnitureFilter.commonRows().compactMap { $0[0] }
        self.phrases = phrases
    }

    static let words = [
        "the", "Jane", "Doe", "AFP", "Læs", "også", "İstanbul", "ÉTÉ", "straße", "Cafe\u{301}", "La\u{30A}s", "Ω",
        "\u{212A}elvin", "ǅemal", "1", "2021", "31", "x", "J", "U.S", "e.g", "Nr", "no", "kr", "said", "minister", "Related",
        "photo", "Foto", "Getty", "Images", "via", "Reuters", "Mette", "Holm", "with", "Ⅻ", "ﬁnal", "ΣΑΣ", "Ǆ", "ɐ", "Ⱥ",
        "é", "ü", "日本", "中文", "ß", "ﬀ", "½", "٣", "x\u{308}", "\u{1F600}", "A.B", "3.000", "7.2", "example.com",
        "august", "August", "plads", "Mr", "Dr", "etc", "bl.a", "m.fl", "ca", "St", "km", "mio", "Comments",
    ]

    static let marks = [
        " ", " ", " ", " ", "  ", "\t", "\n", "\u{A0}", "\u{202F}", "\u{2009}", "\u{FEFF}", ":", " :", " |", " »", " >", " –",
        " -", "-", "!", "?", ".", ". ", "...", "…", ")", "]", "(", "[", "/", "©", "\u{2019}", "\u{2018}", "\"", "'", "«",
        "»", "\u{201C}", "\u{201D}", ",", ";", "。", "！", "？", "」", "）", "*", "·", "•", "\u{0B}", "\u{0C}", "\r", "\u{300}",
    ]

    mutating func pick<T>(_ list: [T]) -> T { list[Int.random(in: 0..<list.count, using: &rng)] }
    mutating func chance(_ n: Int) -> Bool { Int.random(in: 0..<n, using: &rng) == 0 }

    /// A phrase with its case or ellipsis played with.
    mutating func phrase() -> String {
        var p = pick(phrases)
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: p = p.uppercased()
        case 1: p = p.lowercased()
        case 2: p = p.replacingOccurrences(of: "…", with: "")
        case 3: p = p.replacingOccurrences(of: "...", with: " ")
        default: break
        }
        return p
    }

    /// One block: a few pieces, sometimes glued, sometimes long.
    mutating func block(maxPieces: Int = 14) -> String {
        var s = ""
        let pieces = Int.random(in: 1...maxPieces, using: &rng)
        for _ in 0..<pieces {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0, 1, 2: s += phrase()
            case 3, 4, 5, 6: s += pick(Self.words)
            default: s += pick(Self.marks)
            }
            if !chance(4) { s += chance(5) ? pick(Self.marks) : " " }
        }
        if chance(12) {
            // Long blocks, with a multi-byte scalar near byte 400 now and then.
            let filler = chance(2) ? "Prose goes on and on, " : "Ærø å ø é ü — "
            while s.utf8.count < 380 { s += filler }
            if chance(2) { s += pick(["é", "€", "\u{1F600}", "æ", "İ"]) + pick(Self.words) }
            if chance(3) { while s.utf8.count < 900 { s += filler } }
        }
        return s
    }
}
