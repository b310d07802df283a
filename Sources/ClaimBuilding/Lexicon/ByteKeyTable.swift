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

/// Plain-ASCII words and their numbers, looked up eight bytes at a time: a word's bytes are read
/// as little-endian 64-bit chunks (zero-padded), lowercased in the register (A-Z only, SWAR), and
/// a word of at most eight bytes *is* its first chunk: its slot holds that chunk, so one
/// comparison of two integers (and of the lengths) both rejects a different word and proves the
/// same one, with no byte loop and no hash of a byte at a time. A longer word hashes its chunks
/// and is compared chunk by chunk.
///
/// Keys hold no NUL byte in practice; the length is compared too, so a key with one is still
/// told apart. The empty key is kept on its own.
final class PackedWordTable: @unchecked Sendable {
    /// One slot: the first chunk of its word (lowercase), the word's hash (that chunk when it is
    /// at most eight bytes), its length (-1: an empty slot), its number, and where its further
    /// chunks start in `rest`. Built once, read-only after (shared between threads).
    private struct Slot {
        var head: UInt64 = 0
        var hash: UInt64 = 0
        var length: Int32 = -1
        var number: Int32 = -1
        var restStart: Int32 = 0
    }
    private var slots: UnsafeMutablePointer<Slot>
    private var size = 0
    /// The chunks after the first of every word longer than eight bytes.
    private var rest: [UInt64] = []
    private var shift: UInt64 = 64
    private var emptyNumber: Int32 = -1
    private(set) var count = 0

    init() { slots = .allocate(capacity: 1) }

    deinit { slots.deallocate() }

    /// A table holding the same words and numbers.
    func copy() -> PackedWordTable {
        let c = PackedWordTable()
        c.slots.deallocate()
        c.slots = .allocate(capacity: max(size, 1))
        c.slots.initialize(from: slots, count: size)
        c.size = size
        c.rest = rest
        c.shift = shift
        c.emptyNumber = emptyNumber
        c.count = count
        return c
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// `x` (bytes below 0x80) with A-Z made a-z in every byte at once.
    @inline(__always)
    static func lowered(_ x: UInt64) -> UInt64 {
        let atLeastA = x &+ ones &* 0x3F      // high bit set where the byte is >= 0x41
        let pastZ = x &+ ones &* 0x25         // high bit set where the byte is >= 0x5B
        return x | ((atLeastA & ~pastZ & highs) >> 2)
    }

    /// The `n` (1...8) bytes at `p` as a little-endian chunk, zero-padded; `available` is how many
    /// bytes may be read from `p` (eight at once when there are).
    @inline(__always)
    static func chunk(_ p: UnsafePointer<UInt8>, _ n: Int, available: Int) -> UInt64 {
        if available >= 8 {
            let x = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
            return n >= 8 ? x : x & ((1 &<< UInt64(n &* 8)) &- 1)
        }
        var x: UInt64 = 0
        var k = 0
        while k < n {
            x |= UInt64(p[k]) &<< UInt64(k &* 8)
            k &+= 1
        }
        return x
    }

    @inline(__always)
    private static func mix(_ h: UInt64, _ c: UInt64) -> UInt64 {
        ((h &<< 23 | h &>> 41) ^ c) &* 0x9E37_79B9_7F4A_7C15
    }

    @inline(__always)
    private func slot(of h: UInt64) -> Int {
        Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) &>> shift)
    }

    /// Adds `word` (plain ASCII, already lowercase where it should match) as number `number`;
    /// a word already held keeps its first number.
    func insert(_ word: [UInt8], number: Int32) {
        word.withUnsafeBufferPointer { insert($0, number: number) }
    }

    /// ``insert(_:number:)`` of the bytes of `word`.
    func insert(_ word: UnsafeBufferPointer<UInt8>, number: Int32) {
        guard let base = word.baseAddress, word.count > 0 else {
            if emptyNumber < 0 { emptyNumber = number }
            return
        }
        if self.number(lowering: base, count: word.count, available: 0) >= 0 { return }
        if (count + 1) * 2 > size { grow() }
        let n = word.count
        let first = Self.chunk(base, min(8, n), available: 0)
        var h = first
        let restStart = Int32(rest.count)
        var k = 8
        while k < n {
            let c = Self.chunk(base + k, min(8, n - k), available: 0)
            rest.append(c)
            h = Self.mix(h, c)
            k += 8
        }
        put(Slot(head: first, hash: h, length: Int32(n), number: number, restStart: restStart))
        count += 1
    }

    /// Puts a slot's word in the first free slot from its hash's.
    private func put(_ slot: Slot) {
        let mask = size - 1
        var s = self.slot(of: slot.hash)
        while slots[s].length >= 0 { s = (s + 1) & mask }
        slots[s] = slot
    }

    private func grow() {
        let old = slots, oldSize = size
        let newSize = max(64, size * 2)
        slots = .allocate(capacity: newSize)
        slots.initialize(repeating: Slot(), count: newSize)
        size = newSize
        shift = UInt64(64 - size.trailingZeroBitCount)
        for s in 0..<oldSize where old[s].length >= 0 { put(old[s]) }
        old.deallocate()
    }

    /// The number of `word` (bytes as they are held), or -1.
    func find(_ word: [UInt8]) -> Int32 {
        word.withUnsafeBufferPointer { b in
            number(lowering: b.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: b.count, available: 0)
        }
    }

    /// The number of the word of the `count` ASCII bytes at `p`, lowercased (A-Z only) as they
    /// are read, or -1. `available` is how many bytes may be read from `p` (at least `count`).
    @inline(__always)
    func number(lowering p: UnsafePointer<UInt8>, count n: Int, available: Int) -> Int32 {
        if n == 0 { return emptyNumber }
        guard size > 0 else { return -1 }
        let mask = size &- 1
        let first = Self.lowered(Self.chunk(p, n < 8 ? n : 8, available: available))
        guard n <= 8 else { return longNumber(p, n, available: available, first: first) }
        var s = slot(of: first)
        while true {
            let slot = slots[s]
            if slot.length < 0 { return -1 }
            if slot.head == first, Int(slot.length) == n { return slot.number }
            s = (s &+ 1) & mask
        }
    }

    /// ``number(lowering:count:available:)`` of a word longer than eight bytes.
    @inline(never)
    private func longNumber(_ p: UnsafePointer<UInt8>, _ n: Int, available: Int, first: UInt64) -> Int32 {
        var h = first
        var k = 8
        while k < n {
            h = Self.mix(h, Self.lowered(Self.chunk(p + k, min(8, n - k), available: available - k)))
            k += 8
        }
        let mask = size - 1
        var s = slot(of: h)
        while true {
            let slot = slots[s]
            if slot.length < 0 { return -1 }
            if slot.hash == h, Int(slot.length) == n, slot.head == first {
                var same = true
                var r = Int(slot.restStart)
                k = 8
                while k < n {
                    if rest[r] != Self.lowered(Self.chunk(p + k, min(8, n - k), available: available - k)) { same = false; break }
                    r += 1
                    k += 8
                }
                if same { return slot.number }
            }
            s = (s + 1) & mask
        }
    }
}
