/// Decides how an HTML page's bytes are encoded and hands libxml2 bytes it can trust.
///
/// Order: byte-order mark (UTF-8, UTF-16LE/BE), then `<meta charset>` / `http-equiv`
/// Content-Type in the first 16 KB, then a UTF-8 validity check, then Windows-1252.
/// UTF-16 and Windows-1252 (with its aliases ISO-8859-1, Latin-1 and ASCII, as browsers do) are
/// transcoded to UTF-8 here; other declared charsets are passed to libxml2 by name.
/// A meta charset that names a legacy charset while the bytes are valid UTF-8 with multi-byte
/// sequences is treated as a lie, and the page is read as UTF-8.
enum CharsetSniffer {
    struct Decision: Equatable {
        /// The bytes to give libxml2.
        var bytes: [UInt8]
        /// The encoding name to give libxml2.
        var encoding: String
        var warnings: [String]
    }

    static func decide(_ input: [UInt8], path: String) -> Decision {
        var warnings: [String] = []
        // Byte-order marks.
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF {
            return utf8Decision(Array(input[3...]), path: path, declared: nil, warnings: &warnings)
        }
        if input.count >= 2, input[0] == 0xFF, input[1] == 0xFE {
            return Decision(bytes: utf16ToUTF8(input, from: 2, littleEndian: true), encoding: "UTF-8", warnings: [])
        }
        if input.count >= 2, input[0] == 0xFE, input[1] == 0xFF {
            return Decision(bytes: utf16ToUTF8(input, from: 2, littleEndian: false), encoding: "UTF-8", warnings: [])
        }
        // UTF-16 without a BOM: "<" followed or preceded by a zero byte.
        if input.count >= 4, input[0] == 0x3C, input[1] == 0, input[3] == 0 {
            warnings.append("\(path): UTF-16LE without a byte-order mark; read as UTF-16LE")
            return Decision(bytes: utf16ToUTF8(input, from: 0, littleEndian: true), encoding: "UTF-8", warnings: warnings)
        }
        if input.count >= 4, input[0] == 0, input[1] == 0x3C, input[2] == 0 {
            warnings.append("\(path): UTF-16BE without a byte-order mark; read as UTF-16BE")
            return Decision(bytes: utf16ToUTF8(input, from: 0, littleEndian: false), encoding: "UTF-8", warnings: warnings)
        }
        let declared = declaredCharset(input)
        return utf8Decision(input, path: path, declared: declared, warnings: &warnings)
    }

    /// The decision once BOMs are ruled out: `declared` is the meta tag's label, if any.
    private static func utf8Decision(_ bytes: [UInt8], path: String, declared: String?,
                                     warnings: inout [String]) -> Decision {
        let scan = scanUTF8(bytes)
        let family = declared.map(charsetFamily)
        switch family {
        case nil, .utf8?:
            if scan.invalid == 0 {
                return Decision(bytes: bytes, encoding: "UTF-8", warnings: warnings)
            }
            if scan.multibyte > scan.invalid {
                warnings.append("\(path): \(scan.invalid) byte(s) are not valid UTF-8 in an otherwise UTF-8 page; read those as Windows-1252")
                return Decision(bytes: repairUTF8(bytes), encoding: "UTF-8", warnings: warnings)
            }
            if family == .utf8 {
                warnings.append("\(path): declares UTF-8 but the bytes are not UTF-8; read as Windows-1252")
            } else {
                warnings.append("\(path): no charset declared and the bytes are not UTF-8; read as Windows-1252")
            }
            return Decision(bytes: windows1252ToUTF8(bytes), encoding: "UTF-8", warnings: warnings)
        case .windows1252?, .other?:
            let label = declared ?? ""
            if scan.invalid == 0 && scan.multibyte > 0 {
                warnings.append("\(path): the page declares charset \(label) but its bytes are valid UTF-8; read as UTF-8")
                return Decision(bytes: bytes, encoding: "UTF-8", warnings: warnings)
            }
            if family == .windows1252 || scan.invalid == 0 {
                // Pure ASCII reads the same in every ASCII-compatible charset.
                return Decision(bytes: windows1252ToUTF8(bytes), encoding: "UTF-8", warnings: warnings)
            }
            return Decision(bytes: bytes, encoding: label, warnings: warnings)
        }
    }

    enum Family { case utf8, windows1252, other }

    /// Browsers read ISO-8859-1, Latin-1 and ASCII as Windows-1252; a meta tag saying UTF-16 in an
    /// ASCII-compatible page means UTF-8.
    static func charsetFamily(_ label: String) -> Family {
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode", "x-unicode20utf8":
            return .utf8
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp1252", "windows-1252",
             "x-cp1252", "us-ascii", "ascii", "ansi_x3.4-1968", "iso-ir-100", "cp819", "ibm819", "csisolatin1":
            return .windows1252
        default:
            return .other
        }
    }

    // MARK: - Meta prescan

    /// The charset label a `<meta>` tag in the first 16 KB declares, lower-cased and trimmed.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let limit = min(bytes.count, 16_384)
        var i = 0
        while i + 5 < limit {
            // "<meta" (case-insensitive)
            if bytes[i] == 0x3C, lower(bytes[i + 1]) == 0x6D, lower(bytes[i + 2]) == 0x65,
               lower(bytes[i + 3]) == 0x74, lower(bytes[i + 4]) == 0x61 {
                var j = i + 5
                while j < limit, bytes[j] != 0x3E { j += 1 }
                if let label = charsetInMetaTag(bytes[(i + 5)..<j]) { return label }
                i = j
            }
            i += 1
        }
        return nil
    }

    /// Finds `charset=` inside one meta tag's bytes (covers both `charset="x"` and
    /// `content="text/html; charset=x"`).
    private static func charsetInMetaTag(_ tag: ArraySlice<UInt8>) -> String? {
        let needle: [UInt8] = Array("charset".utf8)
        var i = tag.startIndex
        while i + needle.count <= tag.endIndex {
            var match = true
            for k in 0..<needle.count where lower(tag[i + k]) != needle[k] { match = false; break }
            if match {
                var j = i + needle.count
                while j < tag.endIndex, tag[j] == 0x20 || tag[j] == 0x09 || tag[j] == 0x0A || tag[j] == 0x0D { j += 1 }
                guard j < tag.endIndex, tag[j] == 0x3D else { i += 1; continue }
                j += 1
                while j < tag.endIndex, tag[j] == 0x20 || tag[j] == 0x22 || tag[j] == 0x27 { j += 1 }
                var label: [UInt8] = []
                while j < tag.endIndex, label.count < 40 {
                    // Charset names are ASCII letters, digits and - _ . : (anything else ends it).
                    let b = lower(tag[j])
                    let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x3A
                    if !ok { break }
                    label.append(b)
                    j += 1
                }
                return label.isEmpty ? nil : String(decoding: label, as: UTF8.self)
            }
            i += 1
        }
        return nil
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    // MARK: - UTF-8

    /// Counts well-formed multi-byte sequences and bytes that belong to no well-formed sequence.
    static func scanUTF8(_ b: [UInt8]) -> (multibyte: Int, invalid: Int) {
        var multibyte = 0, invalid = 0
        b.withUnsafeBufferPointer { p in
            var i = 0
            let n = p.count
            while i < n {
                let c = p[i]
                if c < 0x80 { i += 1; continue }
                let len = sequenceLength(p, i)
                if len == 0 { invalid += 1; i += 1 } else { multibyte += 1; i += len }
            }
        }
        return (multibyte, invalid)
    }

    /// Length of the well-formed UTF-8 sequence starting at `i` (non-ASCII lead), or 0.
    @inline(__always)
    static func sequenceLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = p[i], n = p.count
        @inline(__always) func cont(_ k: Int) -> Bool { k < n && p[k] & 0xC0 == 0x80 }
        switch c {
        case 0xC2...0xDF:
            return cont(i + 1) ? 2 : 0
        case 0xE0...0xEF:
            guard cont(i + 1), cont(i + 2) else { return 0 }
            let c1 = p[i + 1]
            if c == 0xE0 && c1 < 0xA0 { return 0 }        // overlong
            if c == 0xED && c1 >= 0xA0 { return 0 }       // surrogates
            return 3
        case 0xF0...0xF4:
            guard cont(i + 1), cont(i + 2), cont(i + 3) else { return 0 }
            let c1 = p[i + 1]
            if c == 0xF0 && c1 < 0x90 { return 0 }
            if c == 0xF4 && c1 >= 0x90 { return 0 }
            return 4
        default:
            return 0
        }
    }

    /// Keeps well-formed UTF-8 and reads every stray byte as Windows-1252.
    static func repairUTF8(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 64)
        b.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let c = p[i]
                if c < 0x80 { out.append(c); i += 1; continue }
                let len = sequenceLength(p, i)
                if len == 0 {
                    appendScalar(windows1252[Int(c) - 0x80], to: &out)
                    i += 1
                } else {
                    out.append(contentsOf: p[i..<(i + len)])
                    i += len
                }
            }
        }
        return out
    }

    // MARK: - Windows-1252 and UTF-16

    static func windows1252ToUTF8(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 8)
        for c in b {
            if c < 0x80 { out.append(c) } else { appendScalar(windows1252[Int(c) - 0x80], to: &out) }
        }
        return out
    }

    /// 0x80…0xFF; the five undefined bytes map to the C1 control of the same value (as WHATWG).
    static let windows1252: [UInt32] = {
        let high: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        return high + (0xA0...0xFF).map { UInt32($0) }
    }()

    static func utf16ToUTF8(_ b: [UInt8], from start: Int, littleEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity((b.count - start) / 2)
        var i = start
        while i + 1 < b.count {
            let u = littleEndian ? UInt16(b[i]) | UInt16(b[i + 1]) << 8 : UInt16(b[i]) << 8 | UInt16(b[i + 1])
            units.append(u)
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    static func appendScalar(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
