/// Turns the bytes of a plain-text file into a `String`: UTF-8 (with or without a BOM), UTF-16 LE/BE
/// (with a BOM, or without one when the NUL pattern gives it away), and Windows-1252 when the bytes
/// are not valid UTF-8. Line ends are normalised to `\n`. Binary data is refused.
public enum TextDecoder {
    /// The text, and a warning when the encoding had to be guessed.
    public struct Decoded: Sendable, Hashable {
        public var text: String
        public var encoding: Encoding
        public var warning: String?
    }

    /// The encodings the reader knows.
    public enum Encoding: String, Sendable, Hashable {
        case utf8 = "UTF-8"
        case utf16LE = "UTF-16LE"
        case utf16BE = "UTF-16BE"
        case windows1252 = "Windows-1252"
    }

    /// Decodes `bytes`; `path` names the file in errors and warnings.
    public static func decode(_ bytes: [UInt8], path: String) throws -> Decoded {
        // The common case, one pass: no UTF-16 byte order mark and no control byte but tab, line
        // feed, form feed and escape. Then there is no NUL (not UTF-16 without a BOM, nothing to
        // refuse as binary, nothing to remove) and no carriage return (the line ends stay), so
        // valid UTF-8 is the text as it is.
        if !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]) {
            // One pass checks the controls and the UTF-8 (``ValidUTF8``), and the text is then
            // copied without the standard library validating it a second time.
            let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let fast: String? = bytes.withUnsafeBufferPointer { all in
                let body = UnsafeBufferPointer(rebasing: all[bom...])
                let check = ValidUTF8.check(body)
                guard check.valid, check.onlyTextControls else { return nil }
                return ValidUTF8.string(body, ascii: check.ascii)
            }
            if let fast { return Decoded(text: fast, encoding: .utf8, warning: nil) }
        }
        var body = bytes[...]
        var encoding: Encoding?
        var bomFound = false
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3); encoding = .utf8; bomFound = true
        } else if body.starts(with: [0xFF, 0xFE]) {
            body = body.dropFirst(2); encoding = .utf16LE; bomFound = true
        } else if body.starts(with: [0xFE, 0xFF]) {
            body = body.dropFirst(2); encoding = .utf16BE; bomFound = true
        } else {
            encoding = utf16WithoutBOM(body)
        }
        var warning: String?
        let text: String
        switch encoding {
        case .utf16LE?, .utf16BE?:
            let units = utf16Units(body, littleEndian: encoding == .utf16LE)
            if !bomFound { try refuseBinary(asciiOf: units, path: path) }
            text = String(decoding: units, as: UTF16.self)
        default:
            try refuseBinary(body, path: path)
            if let s = String(validating: body, as: UTF8.self) {
                text = s
                encoding = .utf8
            } else {
                let (mixed, utf8Sequences, invalid) = utf8OrWindows1252(body)
                text = mixed
                encoding = .windows1252
                warning = utf8Sequences == 0
                    ? "\(path): not valid UTF-8; read as Windows-1252"
                    : "\(path): mostly UTF-8, but \(invalid) byte(s) are not; those read as Windows-1252"
            }
        }
        return Decoded(text: normalizeLineEnds(text), encoding: encoding ?? .utf8, warning: warning)
    }

    /// Whether every byte below 0x20 is a tab, a line feed, a form feed or an escape; eight
    /// bytes at a time, the few words holding such a byte (a line feed, mostly) byte by byte.
    static func onlyTextControls(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            @inline(__always) func allowed(_ c: UInt8) -> Bool {
                c >= 0x20 || c == 0x0A || c == 0x09 || c == 0x0C || c == 0x1B
            }
            var i = 0
            while i + 8 <= b.count {
                if ByteWords.less(ByteWords.load(b, i), than: 0x20) != 0 {
                    for k in i..<(i + 8) where !allowed(b[k]) { return false }
                }
                i += 8
            }
            while i < b.count {
                if !allowed(b[i]) { return false }
                i += 1
            }
            return true
        }
    }

    /// UTF-16 without a BOM shows as a NUL in every other byte of ASCII-heavy text.
    static func utf16WithoutBOM(_ bytes: ArraySlice<UInt8>) -> Encoding? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 8 else { return nil }
        var evenNUL = 0, oddNUL = 0
        for (i, b) in sample.enumerated() where b == 0 {
            if i & 1 == 0 { evenNUL += 1 } else { oddNUL += 1 }
        }
        let pairs = sample.count / 2
        if oddNUL * 10 >= pairs * 6 && evenNUL * 20 <= pairs { return .utf16LE }
        if evenNUL * 10 >= pairs * 6 && oddNUL * 20 <= pairs { return .utf16BE }
        return nil
    }

    static func utf16Units(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> [UInt16] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        return units
    }

    /// Text has almost no NULs or C0 control bytes (tab, line feed, carriage return and form feed aside).
    static func refuseBinary(_ bytes: ArraySlice<UInt8>, path: String) throws {
        let sample = bytes.prefix(8192)
        guard !sample.isEmpty else { return }
        var nul = 0, control = 0
        sample.withUnsafeBufferPointer { buffer in
            for b in buffer where b < 0x20 {
                if b == 0 { nul += 1 } else if b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { control += 1 }
            }
        }
        if nul > 0 && nul * 100 >= sample.count || (nul + control) * 20 > sample.count {
            throw IngestError(path: path, reason: "looks like binary data, not text (\(nul) NUL and \(control) control bytes in the first \(sample.count))")
        }
    }

    static func refuseBinary(asciiOf units: [UInt16], path: String) throws {
        let sample = units.prefix(4096)
        var control = 0
        for u in sample where u < 0x20 && u != 0x09 && u != 0x0A && u != 0x0D && u != 0x0C { control += 1 }
        if control * 20 > sample.count {
            throw IngestError(path: path, reason: "looks like binary data, not text (\(control) control characters in the first \(sample.count))")
        }
    }

    /// Valid UTF-8 sequences as UTF-8, every other byte as Windows-1252 (files pasted together from
    /// two encodings). Returns the text, how many multi-byte UTF-8 sequences it held, and how many
    /// bytes were read as Windows-1252.
    static func utf8OrWindows1252(_ bytes: ArraySlice<UInt8>) -> (String, Int, Int) {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        var sequences = 0, invalid = 0
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b < 0x80 { scalars.append(Unicode.Scalar(b)); i += 1; continue }
            let len = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0
            if len > 0, i + len <= bytes.endIndex,
               let s = String(validating: bytes[i..<(i + len)], as: UTF8.self), s.unicodeScalars.count == 1 {
                scalars.append(contentsOf: s.unicodeScalars)
                sequences += 1
                i += len
                continue
            }
            invalid += 1
            if b <= 0x9F {
                scalars.append(Unicode.Scalar(cp1252High[Int(b - 0x80)]) ?? "\u{FFFD}")
            } else {
                scalars.append(Unicode.Scalar(b))
            }
            i += 1
        }
        return (String(scalars), sequences, invalid)
    }

    /// Windows-1252: Latin-1 with printable characters in 0x80–0x9F. The five undefined bytes
    /// (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD.
    static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            if b >= 0x80 && b <= 0x9F {
                scalars.append(Unicode.Scalar(cp1252High[Int(b - 0x80)]) ?? "\u{FFFD}")
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        return String(scalars)
    }

    /// 0x80–0x9F in Windows-1252.
    static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// Whether a carriage return or a NUL occurs, eight bytes at a time.
    static func containsCROrNUL(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let crs: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
        @inline(__always) func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        var i = 0
        let raw = UnsafeRawPointer(base)
        while i + 8 <= b.count {
            let v = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if hasZeroByte(v) || hasZeroByte(v ^ crs) { return true }
            i += 8
        }
        while i < b.count {
            if b[i] == 0x0D || b[i] == 0 { return true }
            i += 1
        }
        return false
    }

    /// CRLF and lone CR become LF; NULs (left by broken UTF-16) are removed.
    static func normalizeLineEnds(_ text: String) -> String {
        guard text.withUTF8Bytes(containsCROrNUL) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var prevCR = false
        for b in text.utf8 {
            if b == 0x0D { out.append(0x0A); prevCR = true; continue }
            if b == 0x0A && prevCR { prevCR = false; continue }
            prevCR = false
            if b != 0 { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
