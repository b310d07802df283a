/// UTF-8 checked once, and `String`s made from bytes already known to be valid without the
/// standard library checking them again.
///
/// `String(validating:)` and `String(decoding:as:)` walk every byte of text that is not all ASCII
/// one at a time (about nine instructions a byte), and ingest made a `String` for every file, line
/// and sentence. Here a file's bytes are checked once, eight ASCII bytes at a time, by
/// ``check(_:)``; every piece cut from them at scalar boundaries is then copied into a `String`
/// by ``string(_:)``, which only tests whether the piece is ASCII (so the string carries the same
/// ASCII flag as one the standard library validated, and compares and hashes the same way).
enum ValidUTF8 {
    /// What ``check(_:)`` found.
    struct Check: Equatable {
        /// Well-formed UTF-8 (as `String(validating:as:)` accepts it).
        var valid: Bool
        /// Every byte below 0x20 is a tab, line feed, form feed or escape.
        var onlyTextControls: Bool
        /// No byte from 0x80 up.
        var ascii: Bool
    }

    /// Whether `b` is well-formed UTF-8 (Unicode's table 3-7: no overlong form, no surrogate,
    /// nothing above U+10FFFF, no sequence cut short), whether its only control bytes are tab,
    /// line feed, form feed and escape, and whether it is ASCII, in one pass. Stops at the first
    /// ill-formed sequence (`valid` false, the other answers then meaningless).
    static func check(_ b: UnsafeBufferPointer<UInt8>) -> Check {
        let n = b.count
        var controls = true
        var ascii = true
        var i = 0
        let low = SIMD16<UInt8>(repeating: 0x20), span = SIMD16<UInt8>(repeating: 0x60)
        let zero = SIMD16<UInt8>(repeating: 0)
        while i < n {
            // Sixteen bytes at a time (one vector compare), then eight, while they are ASCII
            // from 0x20 up; then straight to the first byte that is not (the flags are exact per
            // byte), not byte by byte up to it.
            if let base = b.baseAddress {
                while i &+ 16 <= n {
                    let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
                    // Below 0x20 or from 0x80 up: from 0x60 up once 0x20 is taken off (wrapping).
                    // Tested as two words (`any` of this mask makes a slow reduction).
                    let flags = zero.replacing(with: 0xFF, where: (v &- low) .>= span)
                    let words = unsafeBitCast(flags, to: SIMD2<UInt64>.self)
                    if words[0] | words[1] != 0 { break }
                    i &+= 16
                }
            }
            while i &+ 8 <= n {
                let v = ByteWords.load(b, i)
                let flags = (v & ByteWords.highs) | ByteWords.less(v, than: 0x20)
                if flags != 0 {
                    i &+= flags.trailingZeroBitCount >> 3
                    break
                }
                i &+= 8
            }
            guard i < n else { break }
            let c = b[i]
            if c < 0x80 {
                if c < 0x20 && c != 0x0A && c != 0x09 && c != 0x0C && c != 0x1B { controls = false }
                i &+= 1
                continue
            }
            ascii = false
            @inline(__always) func cont(_ k: Int) -> Bool { b[i &+ k] & 0xC0 == 0x80 }
            if c < 0xC2 { return Check(valid: false, onlyTextControls: controls, ascii: false) }
            if c < 0xE0 {
                guard i &+ 1 < n, cont(1) else { return Check(valid: false, onlyTextControls: controls, ascii: false) }
                i &+= 2
                // A run of two-byte scalars (Greek, Cyrillic, Hebrew, Arabic …) with a space or a
                // little punctuation between them stays in this loop instead of trying whole
                // vectors of ASCII at every scalar. Anything else, or a fourth ASCII byte in a row
                // (Latin text with an accent here and there), goes back to the loop above.
                var asciiInRow = 0
                while i &+ 1 < n {
                    let d = b[i]
                    if d &- 0x20 < 0x60 {
                        asciiInRow &+= 1
                        if asciiInRow > 3 { break }
                        i &+= 1
                        continue
                    }
                    guard d >= 0xC2 && d < 0xE0 && b[i &+ 1] & 0xC0 == 0x80 else { break }
                    asciiInRow = 0
                    i &+= 2
                }
                continue
            }
            if c < 0xF0 {
                guard i &+ 2 < n, cont(2) else { return Check(valid: false, onlyTextControls: controls, ascii: false) }
                let c1 = b[i &+ 1]
                let lo: UInt8 = c == 0xE0 ? 0xA0 : 0x80
                let hi: UInt8 = c == 0xED ? 0x9F : 0xBF
                guard c1 >= lo, c1 <= hi else { return Check(valid: false, onlyTextControls: controls, ascii: false) }
                i &+= 3
                continue
            }
            guard c <= 0xF4, i &+ 3 < n, cont(2), cont(3) else { return Check(valid: false, onlyTextControls: controls, ascii: false) }
            let c1 = b[i &+ 1]
            let lo: UInt8 = c == 0xF0 ? 0x90 : 0x80
            let hi: UInt8 = c == 0xF4 ? 0x8F : 0xBF
            guard c1 >= lo, c1 <= hi else { return Check(valid: false, onlyTextControls: controls, ascii: false) }
            i &+= 4
        }
        return Check(valid: true, onlyTextControls: controls, ascii: ascii)
    }

    /// `b` as a `String`, without validation: `b` must be well-formed UTF-8 (a piece of a text
    /// ``check(_:)`` accepted, or of a `String`'s bytes, cut at scalar boundaries).
    @inline(__always)
    static func string(_ b: UnsafeBufferPointer<UInt8>) -> String {
        string(b, ascii: UTF8Scan.isASCII(b, 0, b.count))
    }

    /// ``string(_:)`` when whether `b` is ASCII is known already (it must be right: the string
    /// keeps it as its ASCII flag).
    @inline(__always)
    static func string(_ b: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String {
        if b.isEmpty { return "" }
        // `UTF8Span` is in the standard library from Swift 6.2 (on Apple systems from macOS 26);
        // an older macOS validates as before.
        if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
            let span = Span(_unsafeElements: b)
            return String(copying: unsafe UTF8Span(unchecked: span, isKnownASCII: ascii))
        }
        return String(decoding: b, as: UTF8.self)
    }

    /// ``string(_:)`` of `b[range]`.
    @inline(__always)
    static func string(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        string(UnsafeBufferPointer(rebasing: b[range]))
    }
}
