/// One quantity expression found in a piece of text by the recognizer.
///
/// Offsets are UTF-8 byte offsets into the text that was scanned, half-open.
public struct Quantity: Sendable, Codable, Hashable {
    /// The expression exactly as it stands in the text ("cirka to tredjedele", "24 to 48 hours").
    public var text: String
    /// UTF-8 byte offset of the first byte of `text` in the scanned text.
    public var start: Int
    /// UTF-8 byte offset just past the last byte of `text`.
    public var end: Int
    public var kind: QuantityKind
    public var value: QuantityValue
    /// hour/day/week/month/year/decade for durations, "percent", an ISO 4217 code, a unit symbol; nil for counts.
    public var unit: String?
    public var qualifier: Qualifier
    /// The table rows and patterns that produced this quantity, for `crosscheck explain`.
    public var trace: [String]

    public init(text: String, start: Int, end: Int, kind: QuantityKind, value: QuantityValue,
                unit: String? = nil, qualifier: Qualifier = .exact, trace: [String] = []) {
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.trace = trace
    }
}
