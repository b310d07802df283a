import CrosscheckModel

/// Fills a rule's message template: `{a.outlet} says {a.quote} ({a.figure}) {a.when}`.
enum MessageTemplate {
    /// Placeholders about one claim, written `{a.<name>}` or `{b.<name>}`.
    static let claimFields = ["outlet", "quote", "figure", "asOf", "when", "cited", "agency", "source",
                              "language", "article", "subject", "concept", "place", "sentence"]
    /// Placeholders about the pair.
    static let pairFields = ["base", "factor", "days", "concept", "subject", "unit"]

    static var known: Set<String> {
        Set(claimFields.flatMap { ["a.\($0)", "b.\($0)"] } + pairFields)
    }

    /// Names in braces that are not placeholders.
    static func unknownPlaceholders(in template: String) -> [String] {
        names(in: template).filter { !known.contains($0) }
    }

    static func names(in template: String) -> [String] {
        var out: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            out.append(String(after[..<close]))
            rest = after[after.index(after: close)...]
        }
        return out
    }

    /// A template read once: text and placeholders, in order.
    struct Compiled: Sendable {
        enum Piece: Sendable {
            case text(String)
            /// A known placeholder.
            case field(Field)
            /// A name that is no placeholder: rendered as written, in braces.
            case unknown(String)
        }

        var pieces: [Piece]
    }

    /// The placeholders a template may hold: ``claimFields`` for either claim, ``pairFields``.
    enum Field: Sendable, Equatable {
        case claim(Side, ClaimField)
        case base, factor, days, concept, subject, unit

        enum Side: Sendable { case a, b }
        enum ClaimField: String, Sendable, CaseIterable {
            case outlet, quote, figure, asOf, when, cited, agency, source, language, article, subject, concept, place, sentence
        }

        init?(_ name: String) {
            switch name {
            case "base": self = .base
            case "factor": self = .factor
            case "days": self = .days
            case "concept": self = .concept
            case "subject": self = .subject
            case "unit": self = .unit
            default:
                let side: Side
                if name.hasPrefix("a.") { side = .a } else if name.hasPrefix("b.") { side = .b } else { return nil }
                guard let f = ClaimField(rawValue: String(name.dropFirst(2))) else { return nil }
                self = .claim(side, f)
            }
        }
    }

    /// Reads a template: text, then a name in braces, and so on; a brace that never closes is text.
    static func compile(_ template: String) -> Compiled {
        var pieces: [Compiled.Piece] = []
        var rest = Substring(template)
        func text(_ s: Substring) { if !s.isEmpty { pieces.append(.text(String(s))) } }
        while let open = rest.firstIndex(of: "{") {
            text(rest[..<open])
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { text(rest[open...]); return Compiled(pieces: pieces) }
            let name = String(after[..<close])
            pieces.append(Field(name).map { .field($0) } ?? .unknown(name))
            rest = after[after.index(after: close)...]
        }
        text(rest)
        return Compiled(pieces: pieces)
    }

    /// Fills a compiled template, asking `value` for each placeholder it holds: appends its
    /// pieces (to be joined once).
    static func render(_ template: Compiled, into parts: inout [String], _ value: (Field) -> String) {
        for piece in template.pieces {
            switch piece {
            case .text(let s): parts.append(s)
            case .field(let f): parts.append(value(f))
            case .unknown(let name): parts.append("{\(name)}")
            }
        }
    }
}

/// Human-readable pieces of a figure.
enum FigureText {
    static func number(_ x: Double) -> String {
        if x.isInfinite { return x > 0 ? "∞" : "-∞" }
        if x == x.rounded(), abs(x) < 1e15 {
            // Digits grouped by threes with commas, written from the right.
            let negative = x < 0
            var n = UInt64(Int64(abs(x)))
            var count = 1
            var m = n / 10
            while m > 0 { count += 1; m /= 10 }
            let total = count + (count - 1) / 3 + (negative ? 1 : 0)
            return String(unsafeUninitializedCapacity: total) { buffer in
                var p = total - 1, written = 0
                repeat {
                    if written > 0, written % 3 == 0 { buffer[p] = 0x2C; p -= 1 }
                    buffer[p] = 0x30 + UInt8(n % 10)
                    p -= 1
                    n /= 10
                    written += 1
                } while n > 0
                if negative { buffer[0] = 0x2D }
                return total
            }
        }
        var s = String(format: "%.2f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// The words before a hedged figure ("about ").
    static func hedge(_ q: Qualifier) -> String {
        switch q {
        case .exact: ""
        case .about: "about "
        case .moreThan: "more than "
        case .atLeast: "at least "
        case .lessThan: "less than "
        case .atMost: "at most "
        case .nearly: "nearly "
        }
    }

    /// "about 20 years", "more than 25%", "8", "12 of 34".
    static func figure(_ c: Claim) -> String {
        figure(kind: c.kind, value: c.value, unit: c.unit, qualifier: c.qualifier)
    }

    /// ``figure(_:)`` from the fields it reads, so that a figure's claim, lent in place, is not
    /// copied whole to be formatted.
    static func figure(kind: QuantityKind, value v: QuantityValue, unit: String?, qualifier: Qualifier) -> String {
        var core: String
        let fmt: (Double) -> String = { x in
            kind == .fraction ? number(x * 100) + "%" : number(x)
        }
        if let n = v.number { core = fmt(n) } else {
            core = "\(v.low.map(fmt) ?? "…")–\(v.high.map(fmt) ?? "…")"
        }
        if kind == .ordinal { core += ordinalSuffix(v.number ?? 0) }
        if let base = v.base { core += " of " + number(base) }
        if let unit = unit {
            switch kind {
            case .percent: core += unit == "percentage-point" ? " points" : "%"
            case .money: core = unit + " " + core
            case .duration:
                let one = (v.number ?? v.high ?? 0) == 1 && v.low == nil
                core += " " + unit + (one ? "" : "s")
            default: core += " " + unit
            }
        }
        return hedge(qualifier) + core
    }

    static func ordinalSuffix(_ x: Double) -> String {
        let n = Int(x) % 100
        if (11...13).contains(n) { return "th" }
        switch n % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }
}
