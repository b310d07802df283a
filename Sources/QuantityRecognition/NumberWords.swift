/// Reads a value from number words: cardinals, scales, joiners and a closing ordinal,
/// one piece at a time (*seven hundred twenty-one thousand twelve*, *to hundrede og fem*,
/// *tooghalvtreds* split into *to og halvtreds*).
///
/// Each `add…` returns false without changing the state when the piece cannot continue the
/// number; the caller then ends the number before that piece.
struct NumberWords: Sendable {
    enum Last: Sendable { case none, unit, teen, tens, hundreds, big, other }

    var total = 0.0
    var current = 0.0
    var lastBig = Double.infinity
    var last: Last = .none
    var pieces = 0
    var ordinal = false
    /// The value started with a number written in digits (`5 thousand`).
    var fromDigits = false
    /// The only piece so far is an article (*a*, *en*, *et*).
    var articleOnly = false
    /// The value before the last additive joiner (*one hundred* in *one hundred and three quarters*):
    /// a fraction word after the number applies to the part after the joiner only.
    var joinBase: Double?

    /// The big scales applied so far with the total right after each, for long-scale groups.
    var bigScales: [(scale: Double, total: Double)] = []

    var value: Double { total + current }
    var done: Bool { ordinal }

    static func kind(_ v: Double) -> Last {
        if v < 10 { return .unit }
        if v < 20 { return .teen }
        if v < 100 { return v.truncatingRemainder(dividingBy: 10) == 0 ? .tens : .other }
        return .other
    }

    static func placeOf(_ x: Double) -> Double {
        guard x >= 1, x == x.rounded() else { return 1 }
        var p = 1.0
        var y = x
        while y.truncatingRemainder(dividingBy: 10) == 0, y > 0 { p *= 10; y /= 10 }
        return p
    }

    mutating func startDigits(_ v: Double) {
        current = v
        pieces = 1
        last = .other
        fromDigits = true
    }

    /// A cardinal. `joined`: an additive joiner (*and*, *og*) stood before it;
    /// `compoundJoined`: a compound joiner stood before it inside a closed compound.
    mutating func addCardinal(_ v: Double, article: Bool = false, joined: Bool = false, compoundJoined: Bool = false,
                              unitsBeforeTens: Bool = false, openUnitsBeforeTens: Bool = false) -> Bool {
        if done || fromDigits { return false }
        if compoundJoined || joined && openUnitsBeforeTens && last == .unit && v >= 20 && v < 100
            && v.truncatingRemainder(dividingBy: 10) == 0 {
            // *to-og-halvtreds*: units before tens, joined by the compound joiner.
            guard last == .unit, v >= 20, v < 100, v.truncatingRemainder(dividingBy: 10) == 0 else { return false }
            current += v
            last = .tens
            pieces += 1
            articleOnly = false
            return true
        }
        if pieces == 0 {
            current = v
            last = NumberWords.kind(v)
            pieces = 1
            articleOnly = article
            return true
        }
        if article { return false }
        if !joined, pieces == 1, total == 0, !articleOnly, !fromDigits, last == .unit, !unitsBeforeTens, v >= 1, v < 100 {
            // *cero tres*, *zero three*: a leading zero read out (03 = 3).
            if current == 0, v < 10 {
                current = v; pieces += 1; last = .unit
                return true
            }
            // *one twenty-two* (122): hundreds said without the scale word, before round tens.
            if current >= 1, v >= 20, v.truncatingRemainder(dividingBy: 10) == 0 {
                current = current * 100 + v; pieces += 1; last = .tens
                return true
            }
        }
        if current == 0 {
            // after a big scale: *two thousand (and) five*
            guard total > 0, v < lastBig else { return false }
            if joined { joinBase = value }
            current = v
            last = NumberWords.kind(v)
            pieces += 1
            return true
        }
        if joined {
            guard current >= 100 || last == .tens else { return false }
        }
        guard current >= 20, v < NumberWords.placeOf(current), v >= 1 else { return false }
        if last == .tens && v >= 10 { return false }
        if joined { joinBase = value }
        current += v
        last = NumberWords.kind(v) == .unit ? .unit : .other
        pieces += 1
        articleOnly = false
        return true
    }

    /// A scale word (*hundred*, *thousand*, *mio.*, *dozen*).
    mutating func addScale(_ m: Double) -> Bool {
        if done { return false }
        if m < 1000 {
            if pieces == 0 { current = m; pieces = 1; last = .hundreds; return true }
            if current == 0 || current >= m && !fromDigits || last == .hundreds && !fromDigits { return false }
            current *= m
        } else {
            if pieces == 0 {
                current = 0; total = m
                bigScales = [(m, total)]
            } else if m < lastBig {
                if current == 0 { return false }
                total += current * m
                current = 0
                bigScales.append((m, total))
            } else {
                // A bigger scale after a smaller one multiplies the group since the last scale above
                // it (long scale: *tres mil quinientos millones* = 3500 × 10⁶, *three thousand millions*).
                let idx = bigScales.lastIndex(where: { $0.scale > m })
                let base = idx.map { bigScales[$0].total } ?? 0
                let later = bigScales[(idx.map { $0 + 1 } ?? 0)...]
                if later.contains(where: { $0.scale == m }) || later.isEmpty { return false }
                let group = total - base + current
                guard group > 0 else { return false }
                total = base + group * m
                current = 0
                bigScales.removeSubrange((idx.map { $0 + 1 } ?? 0)...)
                bigScales.append((m, total))
            }
            lastBig = m
        }
        last = m < 1000 ? .hundreds : .big
        pieces += 1
        articleOnly = false
        fromDigits = false
        return true
    }

    /// A closing ordinal (*first*, *hundredth*, *tresindstyvende*).
    mutating func addOrdinal(_ v: Double, joined: Bool = false, compoundJoined: Bool = false, unitsBeforeTens: Bool = false) -> Bool {
        if fromDigits || articleOnly { return false }
        let isScale = v >= 100 && NumberWords.placeOf(v) == v
        if ordinal {
            // An ordinal continued by smaller ordinals: *tricentésimo cuadragésimo séptimo* = 347th,
            // *décimo octavo* = 18th.
            guard v < NumberWords.placeOf(value), v >= 1 else { return false }
            current += v
            pieces += 1
            return true
        }
        if isScale && pieces > 0 {
            var copy = self
            if copy.addScale(v) {
                self = copy
            } else if value > 0 && v > value {
                // *dos mil millonésimo* = 2000 × 1 000 000th
                total = value * v; current = 0; lastBig = v; pieces += 1
            } else { return false }
        } else if articleOnly && pieces == 1 {
            return false
        } else {
            var copy = self
            guard copy.addCardinal(v, joined: joined, compoundJoined: compoundJoined, unitsBeforeTens: unitsBeforeTens) else { return false }
            self = copy
        }
        ordinal = true
        articleOnly = false
        return true
    }
}

/// Reads numbers written in digits with a language's decimal mark and group marks.
enum DigitNumber {
    struct Parsed: Sendable, Hashable {
        var value: Double
        /// Digits before the decimal mark (0 for `.77`).
        var integerDigits: Int
        var hasGroupMarks: Bool
        var hasDecimals: Bool
    }

    /// The value of `raw` (digits, `.`, `,` and single spaces), or nil when its shape is no
    /// number of the language (`15.08.2021`, `1.2.3`).
    ///
    /// - a mark used twice or more is a group mark when every group after the first has three digits;
    /// - a single mark is a group mark when it is one of the language's group marks and exactly three
    ///   digits follow, else a decimal mark (`3,000` en = 3000; `3.000` da = 3000; `1,5` da = 1.5;
    ///   `1.5` da = 1.5);
    /// - two different marks: the last is the decimal mark (`1.234.567,89`, `100,000.0`).
    static func parse(_ raw: String, decimalMark: UInt8, groupMarks: Set<UInt8>) -> Parsed? {
        var digits: [[UInt8]] = [[]]
        var marks: [UInt8] = []
        for c in raw.utf8 {
            if c &- 0x30 < 10 { digits[digits.count - 1].append(c) } else { marks.append(c); digits.append([]) }
        }
        func number(_ intPart: [UInt8], _ frac: [UInt8]) -> Double? {
            var s = intPart.isEmpty ? "0" : String(decoding: intPart, as: UTF8.self)
            if !frac.isEmpty { s += "." + String(decoding: frac, as: UTF8.self) }
            return Double(s)
        }
        if marks.isEmpty {
            guard let v = number(digits[0], []) else { return nil }
            return Parsed(value: v, integerDigits: digits[0].count, hasGroupMarks: false, hasDecimals: false)
        }
        let groupsOK: (ArraySlice<[UInt8]>) -> Bool = { gs in
            guard let first = gs.first, first.count >= 1, first.count <= 3 else { return false }
            return gs.dropFirst().allSatisfy { $0.count == 3 }
        }
        let distinct = Set(marks.filter { $0 != 0x20 })
        let spaces = marks.contains(0x20)
        if distinct.isEmpty {
            // Only spaces: grouping (the tokenizer already checked the shape).
            let all = digits.flatMap { $0 }
            guard groupsOK(digits[...]), let v = number(all, []) else { return nil }
            return Parsed(value: v, integerDigits: all.count, hasGroupMarks: true, hasDecimals: false)
        }
        if distinct.count == 1 {
            let mark = distinct.first!
            let count = marks.filter { $0 == mark }.count
            if count >= 2 || spaces {
                // Several: group marks, unless the last is the decimal mark after space groups (3 000,5).
                if count == 1, spaces, marks.last == mark, mark == decimalMark || !groupMarks.contains(mark) {
                    let intPart = digits.dropLast().flatMap { $0 }
                    guard groupsOK(digits.dropLast()), let v = number(intPart, digits.last!) else { return nil }
                    return Parsed(value: v, integerDigits: intPart.count, hasGroupMarks: true, hasDecimals: true)
                }
                guard groupsOK(digits[...]) else { return nil }
                let all = digits.flatMap { $0 }
                guard let v = number(all, []) else { return nil }
                return Parsed(value: v, integerDigits: all.count, hasGroupMarks: true, hasDecimals: false)
            }
            let before = digits[0], after = digits[1]
            let looksGrouped = after.count == 3 && before.count >= 1 && before.count <= 3 && before.first != UInt8(ascii: "0")
            if groupMarks.contains(mark) && mark != decimalMark && looksGrouped {
                guard let v = number(before + after, []) else { return nil }
                return Parsed(value: v, integerDigits: before.count + 3, hasGroupMarks: true, hasDecimals: false)
            }
            guard let v = number(before, after) else { return nil }
            return Parsed(value: v, integerDigits: before.count, hasGroupMarks: false, hasDecimals: true)
        }
        // Indian grouping: 12,34,567.89 (groups of two, then three).
        if distinct.count == 2, let dec = marks.last, marks.filter({ $0 == dec }).count == 1 {
            let g = digits.dropLast()
            if g.count >= 3, let f = g.first, f.count >= 1, f.count <= 2, g.last!.count == 3,
               g.dropFirst().dropLast().allSatisfy({ $0.count == 2 }) {
                let intPart = g.flatMap { $0 }
                if let v = number(intPart, digits.last!) {
                    return Parsed(value: v, integerDigits: intPart.count, hasGroupMarks: true, hasDecimals: true)
                }
            }
        }
        // Two different marks: the last mark, used once, is the decimal mark.
        guard distinct.count == 2, let dec = marks.last, marks.filter({ $0 == dec }).count == 1 else { return nil }
        let intGroups = digits.dropLast()
        guard groupsOK(intGroups) else { return nil }
        let intPart = intGroups.flatMap { $0 }
        guard let v = number(intPart, digits.last!) else { return nil }
        return Parsed(value: v, integerDigits: intPart.count, hasGroupMarks: true, hasDecimals: true)
    }
}
