/// A `[String: Value]` table that can also be asked with bytes, for the tokens a scanner finds.
///
/// `String` keys compare by canonical equivalence. Text made only of Latin-1 scalars (below
/// U+0100) is always in normal form C, so for such a token byte equality with a key's normal
/// form is exactly what the dictionary would decide. The byte table holds every key written in
/// Latin-1, and the Latin-1 normal form of any key written otherwise ("e" + U+0301 as "é");
/// a token with a scalar from U+0100 up is reported as ``Lookup/notLatin`` and the caller asks
/// the dictionary.
struct LatinKeys<Value: Sendable>: Sendable {
    enum Lookup {
        case found(Value)
        case absent
        case notLatin
    }

    private let trie: PhraseTrie
    private let values: [Value]
    /// A 4,096-bit filter over ``shape(_:)`` of every byte key: a token whose shape has no bit
    /// is absent (by ``lookup(_:)`` and ``lookupLowercased(_:)`` alike) without a walk.
    private let shapes: [UInt64]
    init(_ table: [String: Value]) {
        var entries: [(key: [UInt8], value: Value)] = []
        for (key, value) in table {
            if key.unicodeScalars.allSatisfy({ $0.value < 0x100 }) {
                entries.append((Array(key.utf8), value))
            } else if let latin = UTF8Scan.canonicalForm(key, below: 0x100) {
                entries.append((Array(latin.utf8), value))
            }
        }
        entries.sort { $0.key.lexicographicallyPrecedes($1.key) }
        trie = PhraseTrie(keys: entries.map(\.key))
        values = entries.map(\.value)
        var shapes = [UInt64](repeating: 0, count: 64)
        for e in entries {
            let h = e.key.withUnsafeBufferPointer(Self.shape)
            shapes[h >> 6] |= 1 << UInt64(h & 63)
        }
        self.shapes = shapes
    }

    /// A hash of what lowercasing a Latin-1 token (no byte from 0xC4 up) keeps: its byte length
    /// (ASCII and À–Þ lowercase to as many bytes), its first byte and the one before its last,
    /// with A–Z taken as a–z and every byte from 0x80 up as 0x80. Below 4,096.
    @inline(__always)
    static func shape(_ token: UnsafeBufferPointer<UInt8>) -> Int {
        @inline(__always) func fold(_ b: UInt8) -> Int {
            b >= 0x80 ? 0x80 : b &- 0x41 < 26 ? Int(b) + 0x20 : Int(b)
        }
        let n = token.count
        guard n > 0 else { return 0 }
        let first = fold(token[0])
        let penult = n >= 2 ? fold(token[n - 2]) : 0
        return (min(n, 63) &* 0x9E37 ^ first &* 0x2F1 ^ penult &* 0x61) & 4095
    }

    /// Whether a token written in Latin-1 (no byte from 0xC4 up) may be a key here, by
    /// ``lookup(_:)`` or ``lookupLowercased(_:)``: false means ``Lookup/absent`` for both.
    @inline(__always)
    func mayHold(shape h: Int) -> Bool {
        shapes[h >> 6] & (1 << UInt64(h & 63)) != 0
    }

    /// The value of the key equal to `token`.
    func lookup(_ token: UnsafeBufferPointer<UInt8>) -> Lookup {
        for c in token where c >= 0xC4 { return .notLatin }
        return trie.exact(token).map { .found(values[$0]) } ?? .absent
    }

    /// The value of the key equal to `token.lowercased()`.
    func lookupLowercased(_ token: UnsafeBufferPointer<UInt8>) -> Lookup {
        // A long token is left to the dictionary.
        guard token.count <= 64 else { return .notLatin }
        // Plain ASCII (the common case): the trie is walked as each byte is lowercased, and the
        // walk usually ends within a byte or two.
        if !token.contains(where: { $0 >= 0x80 }) {
            return trie.exactLowercasedASCII(token).map { .found(values[$0]) } ?? .absent
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { out in
            var k = 0
            while k < token.count {
                let c = token[k]
                if c >= 0xC4 { return .notLatin }
                if c >= 0x41 && c <= 0x5A {
                    out[k] = c + 0x20
                } else if c == 0xC3, k + 1 < token.count, token[k + 1] >= 0x80, token[k + 1] <= 0x9E, token[k + 1] != 0x97 {
                    // À–Þ (× aside) lowercase to à–þ: C3 80–9E become C3 A0–BE.
                    out[k] = c
                    out[k + 1] = token[k + 1] + 0x20
                    k += 2
                    continue
                } else {
                    out[k] = c
                }
                k += 1
            }
            return trie.exact(UnsafeBufferPointer(rebasing: out[0..<token.count])).map { .found(values[$0]) } ?? .absent
        }
    }
}
