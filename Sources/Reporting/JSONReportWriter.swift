import CrosscheckModel
import Foundation

/// Writes a ``Report`` as the contract's JSON: sorted keys, stable order, no timestamps, so the
/// same input gives byte-identical output.
///
/// The bytes are the same as Foundation's `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (two-space indent, `"key" : value`, numbers as Swift's shortest
/// `description` without a trailing `.0`), but written by ``FastJSONEncoder``: a small encoder that
/// builds a tree and writes it into one byte buffer, several times faster than Foundation's. One
/// difference on purpose: a non-finite number (NaN, ±infinity), which Foundation refuses with an
/// error, is written as `null`, so a bad figure never loses the whole report.
public enum JSONReportWriter {
    public static func data(_ report: Report) throws -> Data {
        try FastJSONEncoder.encode(report)
    }

    /// The encoder every JSON output of the tool uses.
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }
}

/// A pretty-printing, key-sorting JSON encoder for `Encodable` values whose output matches
/// ``JSONReportWriter/encoder()`` byte for byte, except that non-finite numbers become `null`.
///
/// `Date`, `URL` and `Data` are not special-cased (the report has none): they encode through their
/// own `Encodable` conformance.
public enum FastJSONEncoder {
    /// The value as pretty-printed JSON with sorted keys.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let root = JSONNode()
        try JSONNode.store(value, in: root, codingPath: [])
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        root.write(into: &out, indent: 0)
        return Data(out)
    }
}

/// One value of the tree: a literal already in its JSON form, an array or an object.
final class JSONNode {
    enum Content {
        case empty
        case literal([UInt8])
        case array([JSONNode])
        case object([String: JSONNode])
    }

    var content: Content = .empty

    static let null: [UInt8] = Array("null".utf8)

    /// Stores `value` in `node`, with fast paths for the standard scalar types.
    static func store<T: Encodable>(_ value: T, in node: JSONNode, codingPath: [any CodingKey]) throws {
        switch value {
        case let s as String: node.content = .literal(quoted(s))
        case let b as Bool: node.content = .literal(Array((b ? "true" : "false").utf8))
        case let i as Int: node.content = .literal(Array(String(i).utf8))
        case let d as Double: node.content = .literal(number(d))
        case let f as Float: node.content = .literal(number(f))
        default: try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
        }
    }

    /// Swift's shortest round-trip `description` without a trailing `.0`; `null` when not finite.
    static func number<F: BinaryFloatingPoint & LosslessStringConvertible>(_ x: F) -> [UInt8] {
        guard x.isFinite else { return null }
        var s = x.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        return Array(s.utf8)
    }

    static func integer<I: BinaryInteger>(_ x: I) -> [UInt8] { Array(String(x).utf8) }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string: `"` and `\` escaped, control characters as `\n`-style or `\u00XX`, the rest raw.
    static func quoted(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        appendQuoted(s, to: &out)
        return out
    }

    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            case 0x0D: out.append(0x5C); out.append(0x72)
            case 0x09: out.append(0x5C); out.append(0x74)
            case 0x08: out.append(0x5C); out.append(0x62)
            case 0x0C: out.append(0x5C); out.append(0x66)
            case 0..<0x20:
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])
                out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(0x22)
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        for _ in 0..<indent { out.append(0x20) }
    }

    /// Foundation's pretty layout: two spaces a level, `"key" : value`, an empty container as
    /// `[` + blank line + `]`.
    func write(into out: inout [UInt8], indent: Int) {
        switch content {
        case .empty:
            // An `encode(to:)` that wrote nothing: Foundation writes an empty object.
            out.append(0x7B); out.append(0x0A); Self.newline(&out, indent); out.append(0x7D)
        case .literal(let bytes):
            out.append(contentsOf: bytes)
        case .array(let items):
            out.append(0x5B)
            if items.isEmpty { out.append(0x0A); Self.newline(&out, indent); out.append(0x5D); return }
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(0x2C) }
                Self.newline(&out, indent + 2)
                item.write(into: &out, indent: indent + 2)
            }
            Self.newline(&out, indent)
            out.append(0x5D)
        case .object(let members):
            out.append(0x7B)
            if members.isEmpty { out.append(0x0A); Self.newline(&out, indent); out.append(0x7D); return }
            for (n, key) in members.keys.sorted().enumerated() {
                if n > 0 { out.append(0x2C) }
                Self.newline(&out, indent + 2)
                Self.appendQuoted(key, to: &out)
                out.append(contentsOf: [0x20, 0x3A, 0x20])
                members[key]!.write(into: &out, indent: indent + 2)
            }
            Self.newline(&out, indent)
            out.append(0x7D)
        }
    }

    /// The node's members, turning it into an object if it is not one yet.
    func setMember(_ key: String, _ child: JSONNode) {
        if case .object(var m) = content {
            content = .empty   // keep the dictionary uniquely referenced while it changes
            m[key] = child
            content = .object(m)
        } else {
            content = .object([key: child])
        }
    }

    func appendItem(_ child: JSONNode) {
        if case .array(var a) = content {
            content = .empty
            a.append(child)
            content = .array(a)
        } else {
            content = .array([child])
        }
    }

    var count: Int {
        switch content {
        case .array(let a): return a.count
        case .object(let o): return o.count
        default: return 0
        }
    }
}

private struct NodeEncoder: Encoder {
    let node: JSONNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([:]) }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    var codingPath: [any CodingKey]

    private func put(_ bytes: [UInt8], _ key: Key) {
        let child = JSONNode(); child.content = .literal(bytes)
        node.setMember(key.stringValue, child)
    }

    mutating func encodeNil(forKey key: Key) throws { put(JSONNode.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(Array((value ? "true" : "false").utf8), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(JSONNode.quoted(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(JSONNode.number(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(JSONNode.number(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(JSONNode.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(JSONNode.integer(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(JSONNode.integer(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(JSONNode.integer(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(JSONNode.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(JSONNode.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(JSONNode.integer(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(JSONNode.integer(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(JSONNode.integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(JSONNode.integer(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let child = JSONNode()
        try JSONNode.store(value, in: child, codingPath: codingPath + [key])
        node.setMember(key.stringValue, child)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONNode(); child.content = .object([:])
        node.setMember(key.stringValue, child)
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = JSONNode(); child.content = .array([])
        node.setMember(key.stringValue, child)
        return UnkeyedNodeContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let child = JSONNode()
        node.setMember("super", child)
        return NodeEncoder(node: child, codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = JSONNode()
        node.setMember(key.stringValue, child)
        return NodeEncoder(node: child, codingPath: codingPath + [key])
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String { "Index \(intValue ?? 0)" }
    var intValue: Int?
    init(_ i: Int) { intValue = i }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey]
    var count: Int { node.count }

    private func put(_ bytes: [UInt8]) {
        let child = JSONNode(); child.content = .literal(bytes)
        node.appendItem(child)
    }

    mutating func encodeNil() throws { put(JSONNode.null) }
    mutating func encode(_ value: Bool) throws { put(Array((value ? "true" : "false").utf8)) }
    mutating func encode(_ value: String) throws { put(JSONNode.quoted(value)) }
    mutating func encode(_ value: Double) throws { put(JSONNode.number(value)) }
    mutating func encode(_ value: Float) throws { put(JSONNode.number(value)) }
    mutating func encode(_ value: Int) throws { put(JSONNode.integer(value)) }
    mutating func encode(_ value: Int8) throws { put(JSONNode.integer(value)) }
    mutating func encode(_ value: Int16) throws { put(JSONNode.integer(value)) }
    mutating func encode(_ value: Int32) throws { put(JSONNode.integer(value)) }
    mutating func encode(_ value: Int64) throws { put(JSONNode.integer(value)) }
    mutating func encode(_ value: UInt) throws { put(JSONNode.integer(value)) }
    mutating func encode(_ value: UInt8) throws { put(JSONNode.integer(value)) }
    mutating func encode(_ value: UInt16) throws { put(JSONNode.integer(value)) }
    mutating func encode(_ value: UInt32) throws { put(JSONNode.integer(value)) }
    mutating func encode(_ value: UInt64) throws { put(JSONNode.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = JSONNode()
        try JSONNode.store(value, in: child, codingPath: codingPath + [IndexKey(count)])
        node.appendItem(child)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONNode(); child.content = .object([:])
        let path = codingPath + [IndexKey(count)]
        node.appendItem(child)
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = JSONNode(); child.content = .array([])
        let path = codingPath + [IndexKey(count)]
        node.appendItem(child)
        return UnkeyedNodeContainer(node: child, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let child = JSONNode()
        let path = codingPath + [IndexKey(count)]
        node.appendItem(child)
        return NodeEncoder(node: child, codingPath: path)
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .literal(JSONNode.null) }
    mutating func encode(_ value: Bool) throws { node.content = .literal(Array((value ? "true" : "false").utf8)) }
    mutating func encode(_ value: String) throws { node.content = .literal(JSONNode.quoted(value)) }
    mutating func encode(_ value: Double) throws { node.content = .literal(JSONNode.number(value)) }
    mutating func encode(_ value: Float) throws { node.content = .literal(JSONNode.number(value)) }
    mutating func encode(_ value: Int) throws { node.content = .literal(JSONNode.integer(value)) }
    mutating func encode(_ value: Int8) throws { node.content = .literal(JSONNode.integer(value)) }
    mutating func encode(_ value: Int16) throws { node.content = .literal(JSONNode.integer(value)) }
    mutating func encode(_ value: Int32) throws { node.content = .literal(JSONNode.integer(value)) }
    mutating func encode(_ value: Int64) throws { node.content = .literal(JSONNode.integer(value)) }
    mutating func encode(_ value: UInt) throws { node.content = .literal(JSONNode.integer(value)) }
    mutating func encode(_ value: UInt8) throws { node.content = .literal(JSONNode.integer(value)) }
    mutating func encode(_ value: UInt16) throws { node.content = .literal(JSONNode.integer(value)) }
    mutating func encode(_ value: UInt32) throws { node.content = .literal(JSONNode.integer(value)) }
    mutating func encode(_ value: UInt64) throws { node.content = .literal(JSONNode.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try JSONNode.store(value, in: node, codingPath: codingPath) }
}
