/// A figure as stated: one `number`, or `low`/`high` for a range or a vague amount,
/// and the `base` it is a part of ("12 of 34" has base 34).
///
/// Fractions are decimals (two thirds = 0.6667); percents are as written (65 for "65 %").
public struct QuantityValue: Sendable, Codable, Hashable {
    public var number: Double?
    public var low: Double?
    public var high: Double?
    public var base: Double?

    public init(number: Double? = nil, low: Double? = nil, high: Double? = nil, base: Double? = nil) {
        self.number = number
        self.low = low
        self.high = high
        self.base = base
    }

    /// A single figure.
    public static func exactly(_ n: Double) -> QuantityValue { QuantityValue(number: n) }
    /// A range or a vague amount; either end may be open (`nil`).
    public static func between(_ low: Double?, _ high: Double?) -> QuantityValue { QuantityValue(low: low, high: high) }

    /// True when the value is a range (`low`/`high`) rather than one number.
    public var isRange: Bool { number == nil && (low != nil || high != nil) }

    private enum CodingKeys: String, CodingKey { case number, low, high, base }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decodeIfPresent(Double.self, forKey: .number)
        low = try c.decodeIfPresent(Double.self, forKey: .low)
        high = try c.decodeIfPresent(Double.self, forKey: .high)
        base = try c.decodeIfPresent(Double.self, forKey: .base)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(number, forKey: .number)
        try c.encodeIfPresent(low, forKey: .low)
        try c.encodeIfPresent(high, forKey: .high)
        try c.encodeIfPresent(base, forKey: .base)
    }
}
