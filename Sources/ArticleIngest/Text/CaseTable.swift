/// Case facts of scalars, answered from a table built once from the standard library's Unicode
/// properties instead of asking `Unicode.Scalar.Properties` per scalar (a few hundred
/// instructions a question, paid for every Cyrillic or Greek letter of a page).
///
/// The table covers the two-byte UTF-8 scalars (U+0080–U+07FF: Latin, Greek, Cyrillic, Armenian,
/// Hebrew, Arabic …); a few ranges where no scalar has case (general punctuation, CJK, kana,
/// Hangul syllables) are answered without a table; anything else returns `ask`, and the caller
/// asks the properties as before. The tests compare every answer with the properties.
enum CaseTable {
    /// Scalars below this are in the table.
    static let limit: UInt32 = 0x800
    /// "Ask the properties": the lowercase mapping has several scalars, or the scalar is outside
    /// the table and the caseless ranges.
    static let ask: UInt32 = 0xFFFF_FFFF

    private static let upperBit: UInt32 = 1 << 30
    private static let lowerBit: UInt32 = 1 << 29
    private static let wordBit: UInt32 = 1 << 28
    private static let valueMask: UInt32 = 0x1F_FFFF

    /// Per scalar below `limit`: bits 0–20 its lowercase (itself when `changesWhenLowercased` is
    /// false; all ones when the mapping has several scalars), bit 30 `isUppercase`, bit 29
    /// `isLowercase`, bit 28 alphabetic or numeric (a word scalar). Built once, never freed.
    nonisolated(unsafe) static let entries: UnsafeMutablePointer<UInt32> = {
        let table = UnsafeMutablePointer<UInt32>.allocate(capacity: Int(limit))
        for v in 0..<limit {
            guard let scalar = Unicode.Scalar(v) else { table[Int(v)] = valueMask; continue }
            let p = scalar.properties
            var entry = v
            if p.changesWhenLowercased {
                let mapping = p.lowercaseMapping.unicodeScalars
                entry = mapping.count == 1 ? mapping.first!.value : valueMask
            }
            if p.isUppercase { entry |= upperBit }
            if p.isLowercase { entry |= lowerBit }
            if p.isAlphabetic || p.numericType != nil { entry |= wordBit }
            table[Int(v)] = entry
        }
        return table
    }()

    /// Ranges with no scalar that has case (checked against the properties by the tests).
    @inline(__always)
    static func isCaseless(_ v: UInt32) -> Bool {
        (v >= 0x2000 && v < 0x2070) || (v >= 0x2E80 && v < 0xA000) || (v >= 0xAC00 && v < 0xD7A4)
    }

    /// The one scalar `v` lowercases to (`v` itself when it does not change, as
    /// `changesWhenLowercased` says), or ``ask``.
    @inline(__always)
    static func lowercase(_ v: UInt32) -> UInt32 {
        if v < limit {
            let value = entries[Int(v)] & valueMask
            return value == valueMask ? ask : value
        }
        return isCaseless(v) ? v : ask
    }

    /// ``lowercase(_:)`` of `v` below ``limit``, from `entries` fetched once by the caller (no
    /// lazy-global check per scalar).
    @inline(__always)
    static func lowercase(below v: UInt32, _ entries: UnsafeMutablePointer<UInt32>) -> UInt32 {
        let value = entries[Int(v)] & valueMask
        return value == valueMask ? ask : value
    }

    /// `isUppercase` and `isLowercase` of `v` below ``limit``, from `entries` fetched once.
    @inline(__always)
    static func caseFlags(below v: UInt32, _ entries: UnsafeMutablePointer<UInt32>) -> (upper: Bool, lower: Bool) {
        let e = entries[Int(v)]
        return (e & upperBit != 0, e & lowerBit != 0)
    }

    /// `Unicode.Scalar.Properties.isUppercase`, from the table where it can.
    @inline(__always)
    static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < limit { return entries[Int(v)] & upperBit != 0 }
        if isCaseless(v) { return false }
        return c.properties.isUppercase
    }

    /// `Unicode.Scalar.Properties.isLowercase`, from the table where it can.
    @inline(__always)
    static func isLowercase(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < limit { return entries[Int(v)] & lowerBit != 0 }
        if isCaseless(v) { return false }
        return c.properties.isLowercase
    }

    /// `isAlphabetic || numericType != nil`, from the table where it can.
    @inline(__always)
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < limit { return entries[Int(v)] & wordBit != 0 }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }
}
