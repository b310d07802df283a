/// A map from non-negative integer keys to `Int32` values, for the pair loop: open addressing
/// with linear probing in one flat array, a multiplicative hash, no `Hasher` and no reference
/// counting per look-up (a `Dictionary<Int, …>` costs several times more per look-up here).
///
/// Keys must be `>= 0` (a negative key is the empty-slot mark). Grows when half full.
struct IntMap {
    private var keys: [Int]
    private var values: [Int32]
    private var mask: Int
    private var shift: Int
    /// How many keys are held.
    private(set) var count = 0

    /// A map with room for about `capacity` keys before it grows.
    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: -1, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
        shift = 64 - size.trailingZeroBitCount
    }

    @inline(__always)
    private func slot(_ key: Int) -> Int {
        // Fibonacci hashing: the top bits of key × 2^64/φ.
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    /// The value for `key`, nil when it has none.
    @inline(__always)
    func get(_ key: Int) -> Int32? {
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k < 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Sets the value for `key` (`key >= 0`).
    mutating func set(_ key: Int, _ value: Int32) {
        precondition(key >= 0, "IntMap keys are non-negative")
        if (count + 1) * 2 > keys.count { grow() }
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { values[i] = value; return }
            if k < 0 {
                keys[i] = key
                values[i] = value
                count += 1
                return
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        let size = keys.count * 2
        keys = Array(repeating: -1, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
        shift = 64 - size.trailingZeroBitCount
        count = 0
        for i in oldKeys.indices where oldKeys[i] >= 0 { set(oldKeys[i], oldValues[i]) }
    }
}
