/// Eight bytes at a time: exact per-byte flags computed on a `UInt64` (the high bit of each byte
/// is set for the bytes that answer yes, and no other bit), so a scan can skip the common words
/// that hold nothing of interest and look at single bytes only where a flag is set.
///
/// Every flag is exact (no false positives, no carries between bytes): `(b & 0x7F) + k` stays
/// below 0x100 for every byte, so its high bit says `b & 0x7F >= 0x80 - k` for that byte alone.
enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080
    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of each byte that is 0.
    @inline(__always)
    static func zeros(_ v: UInt64) -> UInt64 {
        ~(((v & lows) &+ lows) | v) & highs
    }

    /// The high bit of each byte equal to `byte`.
    @inline(__always)
    static func equal(_ v: UInt64, _ byte: UInt8) -> UInt64 {
        zeros(v ^ (ones &* UInt64(byte)))
    }

    /// The high bit of each byte below `n` (1 ≤ n ≤ 0x80).
    @inline(__always)
    static func less(_ v: UInt64, than n: UInt8) -> UInt64 {
        ~(((v & lows) &+ ones &* UInt64(0x80 - n)) | v) & highs
    }

    /// How many bytes are flagged (flags as the functions above give them): the flags moved to
    /// the low bits and summed into the top byte by one multiplication (no population-count
    /// instruction needed).
    @inline(__always)
    static func count(_ flags: UInt64) -> Int {
        Int(truncatingIfNeeded: ((flags >> 7) &* ones) >> 56)
    }

    /// The eight bytes at `i` (unaligned), the first byte in the low bits.
    @inline(__always)
    static func load(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(b.baseAddress!).loadUnaligned(fromByteOffset: i, as: UInt64.self))
    }
}
