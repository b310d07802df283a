/// Turns the dates pages state about themselves into ISO 8601 dates ("2021-08-11").
///
/// Accepts ISO 8601 dates and date-times (the date part is kept as written, whatever the time
/// zone), "2021/08/11", "20210811", "11.08.2021" and RFC 822 / RFC 1123 dates
/// ("Wed, 11 Aug 2021 10:00:00 GMT"). Anything else gives nil.
enum DateNormalizer {
    static func isoDate(_ raw: String) -> String? {
        let b = Array(raw.utf8.prefix(64))
        var s = 0
        while s < b.count, b[s] == 0x20 || b[s] == 0x09 || b[s] == 0x0A || b[s] == 0x0D { s += 1 }
        let t = Array(b[s...])
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= t.count else { return nil }
            var v = 0
            for k in from..<(from + count) {
                let c = t[k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            return v
        }
        func isDigit(_ k: Int) -> Bool { k < t.count && t[k] >= 0x30 && t[k] <= 0x39 }
        // YYYY-MM-DD, YYYY/MM/DD, YYYY-MM, YYYYMMDD
        if let y = digits(0, 4), !isDigit(4) || t.count == 8 || (t.count > 8 && !isDigit(8)) {
            if t.count > 4, t[4] == 0x2D || t[4] == 0x2F, let m = digits(5, 2) {
                if t.count > 7, t[7] == t[4], let d = digits(8, 2), !isDigit(10) {
                    return format(y, m, d)
                }
                if !isDigit(7) && (t.count == 7 || t[7] != t[4]) { return format(y, m, nil) }
            }
            if let m = digits(4, 2), let d = digits(6, 2), !isDigit(8) {
                return format(y, m, d)
            }
        }
        // DD.MM.YYYY
        if let d = digits(0, 2), t.count >= 10, t[2] == 0x2E, let m = digits(3, 2), t[5] == 0x2E,
           let y = digits(6, 4), !isDigit(10) {
            return format(y, m, d)
        }
        // RFC 822: [Wed, ]11 Aug 2021
        let words = String(decoding: t, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "," })
        var k = 0
        if let first = words.first, first.count == 3, Int(first) == nil { k = 1 }
        if words.count >= k + 3, let d = Int(words[k]), let m = months[words[k + 1].prefix(3).lowercased()],
           let y = Int(words[k + 2]), words[k + 2].count == 4 {
            return format(y, m, d)
        }
        return nil
    }

    /// RFC 822 month abbreviations (part of the format, not a language table).
    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
        "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    private static func format(_ y: Int, _ m: Int, _ d: Int?) -> String? {
        guard (1000...2999).contains(y), (1...12).contains(m) else { return nil }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        guard let d else { return "\(y)-\(two(m))" }
        guard (1...31).contains(d) else { return nil }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
