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
        var raw = raw
        return raw.withUTF8 { parse(bytes: $0, decimalMark: decimalMark, groupMarks: groupMarks) }
    }

    /// Powers of ten that a `Double` holds exactly.
    static let exactPowers: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// ``parse(_:decimalMark:groupMarks:)`` over the bytes of a number token, with no allocation:
    /// the groups are measured in place and the value is made from an integer mantissa and an
    /// exact power of ten when both fit a `Double` exactly (one correctly rounded division, the
    /// same value `Double(String)` reads); longer digit runs go through `Double(String)`.
    static func parse(bytes u: UnsafeBufferPointer<UInt8>, decimalMark: UInt8, groupMarks: Set<UInt8>) -> Parsed? {
        // One pass: the marks, how many of each, the first and last group lengths, and whether
        // every group between the first and the last has three digits.
        var marks = 0, dots = 0, commas = 0, spaces = 0
        var lastMark: UInt8 = 0
        var firstGroup = 0
        var group = 0
        var middleAll3 = true
        var total = 0
        for c in u {
            if c &- 0x30 < 10 { group += 1; total += 1; continue }
            if marks == 0 { firstGroup = group } else if group != 3 { middleAll3 = false }
            marks += 1
            lastMark = c
            if c == 0x20 { spaces += 1 } else if c == UInt8(ascii: ".") { dots += 1 } else if c == UInt8(ascii: ",") { commas += 1 }
            else { return parseSlow(u, decimalMark: decimalMark, groupMarks: groupMarks) }
            group = 0
        }
        let last = group
        if marks == 0 { firstGroup = group }
        func groupsOK(dropLast: Bool) -> Bool {
            guard firstGroup >= 1, firstGroup <= 3, middleAll3 else { return false }
            return dropLast || last == 3
        }
        func number(dropFrac fracDigits: Int) -> Double? {
            if total <= 19 {
                var m: UInt64 = 0
                for c in u where c &- 0x30 < 10 { m = m &* 10 &+ UInt64(c &- 0x30) }
                if m <= 1 << 53 && fracDigits <= 22 {
                    return fracDigits == 0 ? Double(m) : Double(m) / exactPowers[fracDigits]
                }
            }
            // the digits as one decimal string, the decimal point before the last `fracDigits`
            var s = ""
            s.reserveCapacity(total + 2)
            var seen = 0
            let intDigits = total - fracDigits
            if intDigits == 0 { s.append("0") }
            for c in u where c &- 0x30 < 10 {
                if seen == intDigits && fracDigits > 0 { s.append(".") }
                s.unicodeScalars.append(Unicode.Scalar(c))
                seen += 1
            }
            return Double(s)
        }
        if marks == 0 {
            guard let v = number(dropFrac: 0) else { return nil }
            return Parsed(value: v, integerDigits: total, hasGroupMarks: false, hasDecimals: false)
        }
        let distinctCount = (dots > 0 ? 1 : 0) + (commas > 0 ? 1 : 0)
        if distinctCount == 0 {
            guard groupsOK(dropLast: false), let v = number(dropFrac: 0) else { return nil }
            return Parsed(value: v, integerDigits: total, hasGroupMarks: true, hasDecimals: false)
        }
        if distinctCount == 1 {
            let mark: UInt8 = dots > 0 ? UInt8(ascii: ".") : UInt8(ascii: ",")
            let count = dots + commas
            if count >= 2 || spaces > 0 {
                if count == 1, spaces > 0, lastMark == mark, mark == decimalMark || !groupMarks.contains(mark) {
                    guard groupsOK(dropLast: true), let v = number(dropFrac: last) else { return nil }
                    return Parsed(value: v, integerDigits: total - last, hasGroupMarks: true, hasDecimals: true)
                }
                guard groupsOK(dropLast: false), let v = number(dropFrac: 0) else { return nil }
                return Parsed(value: v, integerDigits: total, hasGroupMarks: true, hasDecimals: false)
            }
            let before = firstGroup, after = last
            let looksGrouped = after == 3 && before >= 1 && before <= 3 && u[0] != UInt8(ascii: "0")
            if groupMarks.contains(mark) && mark != decimalMark && looksGrouped {
                guard let v = number(dropFrac: 0) else { return nil }
                return Parsed(value: v, integerDigits: before + 3, hasGroupMarks: true, hasDecimals: false)
            }
            guard let v = number(dropFrac: after) else { return nil }
            return Parsed(value: v, integerDigits: before, hasGroupMarks: false, hasDecimals: true)
        }
        return parseSlow(u, decimalMark: decimalMark, groupMarks: groupMarks)
    }

    /// The general reading (two different marks, Indian grouping), over arrays of groups.
    static func parseSlow(_ u: UnsafeBufferPointer<UInt8>, decimalMark: UInt8, groupMarks: Set<UInt8>) -> Parsed? {
        parseReference(String(decoding: u, as: UTF8.self), decimalMark: decimalMark, groupMarks: groupMarks)
    }

    /// The reading as first written, over arrays of groups: kept for two-mark shapes and as the
    /// reference of the differential tests.
    static func parseReference(_ raw: String, decimalMark: UInt8, groupMarks: Set<UInt8>) -> Parsed? {
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
