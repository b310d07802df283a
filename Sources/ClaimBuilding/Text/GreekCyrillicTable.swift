import Foundation

/// Per scalar of Greek and Cyrillic (U+0370…U+052F), what the tokenizer's byte path for a word
/// needs (``ClaimTokenizer``'s `wideWord`): its lowercase in ``ClaimTokenizer/normalizedKey(_:)``
/// (one scalar), with ``upper`` set when the scalar is uppercase, or ``slow`` when the scalar or
/// its lowercase is not *plain*: a letter or number of combining class 0 without a canonical
/// decomposition (such a scalar is its own NFD), or its lowercase mapping is not one scalar. A
/// word holding a slow scalar takes the string path. Worked out once, when a first such word is
/// read (a text of ASCII and Latin never asks).
enum GreekCyrillicTable {
    static let first: UInt32 = 0x370
    static let end: UInt32 = 0x530
    static let upper: UInt32 = 0x8000_0000
    static let slow: UInt32 = 0x4000_0000

    static let entries: [UInt32] = (first..<end).map { entry(of: $0) }

    /// Whether scalar `v` is plain (see the type's summary).
    static func isPlain(_ v: UInt32) -> Bool {
        guard let u = Unicode.Scalar(v) else { return false }
        let p = u.properties
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            break
        default:
            return false
        }
        guard p.canonicalCombiningClass == .notReordered else { return false }
        let nfd = Array(String(Character(u)).decomposedStringWithCanonicalMapping.unicodeScalars)
        return nfd.count == 1 && nfd[0] == u
    }

    static func entry(of v: UInt32) -> UInt32 {
        guard let u = Unicode.Scalar(v), isPlain(v) else { return slow }
        let up: UInt32 = u.properties.isUppercase ? upper : 0
        guard u.properties.changesWhenLowercased else { return v | up }
        let m = Array(u.properties.lowercaseMapping.unicodeScalars)
        guard m.count == 1 else { return slow }
        let l = m[0].value
        guard l >= first && l < end && isPlain(l) else { return slow }
        return l | up
    }
}
