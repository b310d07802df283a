import CrosscheckModel

/// Where two claims stand relative to each other.
struct PairContext: Sendable {
    var sameArticle: Bool
    var sameSentence: Bool
    /// One claim is in the headline, the other in the body.
    var headlineBody: Bool
    /// For headline-body pairs: the body claim is the only body claim about the headline's fact.
    var soleBodyClaim: Bool
    var sameDay: Bool
    var differentDay: Bool
    var daysApart: Int?

    /// The figures are borrowed (an initializer's parameters are otherwise owned: the pair loop
    /// would retain and release both figures at every pair).
    init(_ a: borrowing Figure, _ b: borrowing Figure, bodyAlternatives: Int = 1) {
        sameArticle = a.articleID == b.articleID
        sameSentence = sameArticle && a.inTitle == b.inTitle && a.claim.sentence == b.claim.sentence
        headlineBody = sameArticle && a.inTitle != b.inTitle
        soleBodyClaim = headlineBody && bodyAlternatives <= 1
        if let x = a.dayNumber, let y = b.dayNumber {
            sameDay = x == y
            differentDay = x != y
            daysApart = abs(x - y)
        } else {
            sameDay = false
            differentDay = false
            daysApart = nil
        }
    }

    /// The later figure stands in parentheses right after the earlier one (worked out only for
    /// the rules that ask).
    /// Kept out of line: inlined, the claims it reads were copied (hundreds of bytes each) at
    /// every pair the rule loop was asked about, whichever rules it met.
    @inline(never)
    func parenthesis(_ a: Figure, _ b: Figure) -> Bool {
        sameSentence && PairContext.inParentheses(a.claim, b.claim)
    }

    /// "to tredjedele (65 procent)": one quote, then an opening parenthesis, then the other quote
    /// before the parenthesis closes.
    static func inParentheses(_ a: Claim, _ b: Claim) -> Bool {
        inParentheses(sentence: a.sentence, a.quote, b.quote)
    }

    /// Whether one quote of `sentence` follows the other inside an opening parenthesis ("8 (nine
    /// by AFP's count)"): the first quote, then only spaces and commas, "(", at most 24 bytes
    /// without ")", the second. Read over the bytes in place (no array is made).
    static func inParentheses(sentence: String, _ qa: String, _ qb: String) -> Bool {
        var sentence = sentence, qa = qa, qb = qb
        return sentence.withUTF8 { s in
            qa.withUTF8 { a in
                qb.withUTF8 { b in
                    guard let ra = range(of: a, in: s), let rb = range(of: b, in: s) else { return false }
                    let (first, second) = ra.lowerBound <= rb.lowerBound ? (ra, rb) : (rb, ra)
                    guard first.upperBound <= second.lowerBound else { return false }
                    var open = first.upperBound
                    while open < second.lowerBound, s[open] != 0x28 {
                        guard s[open] == 0x20 || s[open] == 0x2C else { return false }
                        open += 1
                    }
                    guard open < second.lowerBound, second.lowerBound - (open + 1) <= 24 else { return false }
                    for i in (open + 1)..<second.lowerBound where s[i] == 0x29 { return false }
                    return true
                }
            }
        }
    }

    /// The byte range of the first occurrence of `needle` in `hay` (nil for an empty needle).
    static func range(of needle: String, in hay: String) -> Range<Int>? {
        var needle = needle, hay = hay
        return hay.withUTF8 { h in needle.withUTF8 { n in range(of: n, in: h) } }
    }

    static func range(of n: UnsafeBufferPointer<UInt8>, in h: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard !n.isEmpty, n.count <= h.count else { return nil }
        var i = 0
        let first = n[0]
        while i + n.count <= h.count {
            if h[i] == first {
                var j = 1
                while j < n.count, h[i + j] == n[j] { j += 1 }
                if j == n.count { return i..<(i + n.count) }
            }
            i += 1
        }
        return nil
    }
}

/// Days since 1970-01-01 for "yyyy-mm-dd" (nil for anything else).
func dayNumber(_ s: String) -> Int? {
    // Native strings (small ones included) are read in place.
    if let fast = s.utf8.withContiguousStorageIfAvailable({ b -> Int?? in
        guard b.count >= 10 else { return .some(nil) }
        return .some(days(fromISODate: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: b[0..<10]))))
    }), let result = fast { return result }
    // The first ten bytes are all it reads: copied into a fixed tuple, not an array.
    var b: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &b) { out in
        for byte in s.utf8.prefix(10) { out[count] = byte; count += 1 }
    }
    guard count == 10 else { return nil }
    return withUnsafeBytes(of: b) { days(fromISODate: $0) }
}

/// Days since 1970-01-01 for the ten bytes "yyyy-mm-dd" (nil for anything else).
private func days(fromISODate b: UnsafeRawBufferPointer) -> Int? {
    guard b[4] == 0x2D, b[7] == 0x2D else { return nil }
    func num(_ r: Range<Int>) -> Int? {
        var v = 0
        for i in r { guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }; v = v * 10 + Int(b[i] - 0x30) }
        return v
    }
    guard var y = num(0..<4), let m = num(5..<7), let d = num(8..<10), (1...12).contains(m), (1...31).contains(d) else { return nil }
    // Howard Hinnant's days_from_civil.
    y -= m <= 2 ? 1 : 0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
}

/// Glob match with `*` only.
func globMatch(_ pattern: String, _ text: String) -> Bool {
    let p = Array(pattern.utf8), t = Array(text.utf8)
    var pi = 0, ti = 0, star = -1, mark = 0
    while ti < t.count {
        if pi < p.count, p[pi] == t[ti] { pi += 1; ti += 1 } else if pi < p.count, p[pi] == 0x2A {
            star = pi; mark = ti; pi += 1
        } else if star >= 0 { pi = star + 1; mark += 1; ti = mark } else { return false }
    }
    while pi < p.count, p[pi] == 0x2A { pi += 1 }
    return pi == p.count
}
