/// A set of two-byte prefixes (a word's first two UTF-8 bytes) held as 65,536 bits, so that a table
/// look-up can turn away most words of a text without hashing them. Both the quantity engine and
/// the claim tables use it in front of their dictionaries. Its methods are `@inlinable`: they run
/// once per word in other modules, where a cross-module call cost more than the test itself.
public struct PrefixBits: Sendable {
    @usableFromInline var words = [UInt64](repeating: 0, count: 1024)

    @inlinable public init() {}

    /// The first two bytes of `s` (the second is 0 for a one-byte string).
    @inlinable @inline(__always)
    public static func prefix(of s: String) -> UInt16 {
        var it = s.utf8.makeIterator()
        let a = UInt16(it.next() ?? 0), b = UInt16(it.next() ?? 0)
        return a << 8 | b
    }

    @inlinable public mutating func insert(_ v: UInt16) { words[Int(v >> 6)] |= 1 << UInt64(v & 63) }

    @inlinable @inline(__always)
    public func contains(_ v: UInt16) -> Bool { words[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }

    /// False only when no inserted prefix can begin a word that equals `key`, compared as Swift
    /// compares strings (canonical equivalence). Only a key whose first two bytes are ASCII is
    /// judged: a decomposed letter in a text may equal a composed one in a table, and only ASCII
    /// is sure to start alike in both.
    @inlinable @inline(__always)
    public func mayStart(_ key: String) -> Bool {
        let p = Self.prefix(of: key)
        return p & 0x8080 != 0 || contains(p)
    }
}
