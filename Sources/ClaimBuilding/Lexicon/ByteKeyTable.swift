/// A read-only table from plain-ASCII keys to their numbers (0, 1, 2, … in the order added),
/// found by hashing the key's bytes (FNV-1a) in an open-addressing table: a look-up of a
/// catalog key costs a pass over its bytes, not a `Hasher` run and a `String` comparison.
///
/// A key is one or two parts (*event* and *thing*: the parts are hashed as if joined by a NUL
/// byte). Only plain-ASCII keys are held; a key with a byte beyond ASCII is never found (the
/// caller asks its dictionary then). For two ASCII strings, Swift's `==` is byte equality, so a
/// hit here is exactly a dictionary hit.
struct ByteKeyTable: Sendable {
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var slots: [Int32] = []
        @exclusivity(unchecked) var starts: [Int32] = []
        @exclusivity(unchecked) var lengths: [Int32] = []
        @exclusivity(unchecked) var bytes: [UInt8] = []
    }

    private let storage: Storage

    /// Number of keys held.
    var count: Int { storage.starts.count }

    private static let basis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// A table with room for about `capacity` keys.
    init(capacity: Int) {
        let s = Storage()
        var size = 64
        while size < capacity * 2 { size *= 2 }
        s.slots = Array(repeating: -1, count: size)
        s.starts.reserveCapacity(capacity)
        s.lengths.reserveCapacity(capacity)
        storage = s
    }

    /// Adds a key (`first`, and `second` when given, as one key): its number and whether it is
    /// new; nil when a part is not plain ASCII (it is not held). A key added twice keeps its
    /// first number.
    @discardableResult
    mutating func add(_ first: String, _ second: String? = nil) -> (number: Int32, isNew: Bool)? {
        var a = first
        return a.withUTF8 { pa in
            guard let second else { return insert(pa, nil) }
            var b = second
            return b.withUTF8 { pb in insert(pa, pb) }
        }
    }

    private func insert(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>?) -> (number: Int32, isNew: Bool)? {
        if let found = find(a, b) { return (found, false) }
        if a.contains(where: { $0 >= 0x80 }) || b?.contains(where: { $0 >= 0x80 }) == true { return nil }
        let s = storage
        if (s.starts.count + 1) * 2 > s.slots.count { grow() }
        let n = Int32(s.starts.count)
        s.starts.append(Int32(s.bytes.count))
        s.lengths.append(Int32(a.count + (b.map { $0.count + 1 } ?? 0)))
        s.bytes.append(contentsOf: a)
        if let b {
            s.bytes.append(0)
            s.bytes.append(contentsOf: b)
        }
        place(n)
        return (n, true)
    }

    private func hash(_ k: Int) -> UInt64 {
        let s = storage
        var h = Self.basis
        for p in Int(s.starts[k])..<Int(s.starts[k] + s.lengths[k]) { h = (h ^ UInt64(s.bytes[p])) &* Self.prime }
        return h
    }

    private func place(_ k: Int32) {
        let s = storage
        let mask = s.slots.count - 1
        var slot = Int(truncatingIfNeeded: hash(Int(k))) & mask
        while s.slots[slot] >= 0 { slot = (slot + 1) & mask }
        s.slots[slot] = k
    }

    private func grow() {
        let s = storage
        s.slots = Array(repeating: -1, count: s.slots.count * 2)
        for k in s.starts.indices { place(Int32(k)) }
    }

    /// The number of the key `a` (joined to `b` by a NUL byte when `b` is given), or nil.
    @inline(__always)
    private func find(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>?) -> Int32? {
        let s = storage
        var h = Self.basis
        for x in a {
            if x >= 0x80 { return nil }
            h = (h ^ UInt64(x)) &* Self.prime
        }
        let total: Int
        if let b {
            h = (h ^ 0) &* Self.prime
            for x in b {
                if x >= 0x80 { return nil }
                h = (h ^ UInt64(x)) &* Self.prime
            }
            total = a.count + 1 + b.count
        } else {
            total = a.count
        }
        let mask = s.slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        return s.bytes.withUnsafeBufferPointer { bytes in
            while true {
                let k = s.slots[slot]
                if k < 0 { return nil }
                if Int(s.lengths[Int(k)]) == total {
                    let start = Int(s.starts[Int(k)])
                    var same = true
                    var p = 0
                    while p < a.count { if bytes[start + p] != a[p] { same = false; break }; p += 1 }
                    if same, let b {
                        if bytes[start + p] != 0 { same = false }
                        var q = 0
                        while same, q < b.count { if bytes[start + p + 1 + q] != b[q] { same = false }; q += 1 }
                    }
                    if same { return k }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The number of `key`, or nil when it is not held (or not plain ASCII).
    @inline(__always)
    func number(of key: String) -> Int32? {
        var k = key
        return k.withUTF8 { find($0, nil) }
    }

    /// The number of the two-part key `first`+`second`, or nil.
    @inline(__always)
    func number(of first: String, _ second: String) -> Int32? {
        var a = first, b = second
        return a.withUTF8 { pa in b.withUTF8 { pb in find(pa, pb) } }
    }
}
