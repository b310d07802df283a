/// What a quantity expression measures. Raw values are the report contract's `kind` enum.
public enum QuantityKind: String, Sendable, Codable, Hashable, CaseIterable {
    case count, ordinal, percent, fraction, duration, money, measure, date
}

/// How a figure is hedged, as stated in the text. Raw values are the contract's `qualifier` enum.
///
/// Each qualifier implies an interval around the stated number; see ``Interval``.
public enum Qualifier: String, Sendable, Codable, Hashable, CaseIterable {
    case exact
    case about
    case moreThan = "more-than"
    case atLeast = "at-least"
    case lessThan = "less-than"
    case atMost = "at-most"
    case nearly
}

/// A cross-reference verdict. Raw values are the contract's `verdict` enum.
public enum Verdict: String, Sendable, Codable, Hashable, CaseIterable {
    /// The figures say the same thing (within their hedges).
    case agree
    /// The figures differ but both can be true (a running count days later, a rounding).
    case consistent
    /// The figures cannot both be true.
    case conflict
}
