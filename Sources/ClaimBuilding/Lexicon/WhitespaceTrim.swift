import Foundation

/// `trimmingCharacters(in: .whitespaces)` for the table readers, without Foundation for ASCII
/// text (a Foundation trim costs thousands of instructions a call, and start-up trims every field
/// of the concept catalog).
///
/// The only ASCII members of `CharacterSet.whitespaces` (Unicode category Zs and the tab) are
/// U+0020 and U+0009, so an ASCII string is trimmed of exactly those bytes at both ends; a string
/// with any other byte is handed to Foundation unchanged.
enum WhitespaceTrim {
    static func trimmed<S: StringProtocol>(_ s: S) -> String {
        var ascii = true
        var first = -1, last = -1
        var i = 0
        for b in s.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b != 0x20 && b != 0x09 {
                if first < 0 { first = i }
                last = i
            }
            i += 1
        }
        guard ascii else { return s.trimmingCharacters(in: .whitespaces) }
        guard first >= 0 else { return "" }
        if first == 0 && last == i - 1 { return String(s) }
        let u = s.utf8
        let a = u.index(u.startIndex, offsetBy: first), b = u.index(u.startIndex, offsetBy: last + 1)
        return String(decoding: u[a..<b], as: UTF8.self)
    }
}

/// The key ``ClaimTokenizer`` gives a table phrase that is one word of ASCII letters (most table
/// words): its bytes lowercased. Such a word has no joiner, apostrophe, digit or mark, so it is one
/// token whose key is the word in lower case; nil for any other phrase (tokenized as before).
enum PlainWord {
    static func key(_ phrase: String) -> String? {
        var lower = true
        for c in phrase.utf8 {
            let l = c | 0x20
            guard l >= 0x61 && l <= 0x7A else { return nil }
            if c != l { lower = false }
        }
        guard !phrase.isEmpty else { return nil }
        if lower { return phrase }
        return String(decoding: phrase.utf8.map { $0 | 0x20 }, as: UTF8.self)
    }
}
