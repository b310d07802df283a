/// One row of a language table: tab-separated fields, with where it came from.
///
/// Table files are UTF-8 text, one row per line, fields separated by a tab. Lines that are
/// blank or start with `#` are skipped. A row's ``origin`` ("da/ordinals.tsv:12") is what
/// `crosscheck explain` shows.
public struct TableRow: Sendable, Hashable {
    public var fields: [String]
    /// The table's file name, e.g. "ordinals.tsv".
    public var table: String
    /// 1-based line number in the file.
    public var line: Int
    /// The language code of the folder the table lives in.
    public var language: String

    public init(fields: [String], table: String, line: Int, language: String) {
        self.fields = fields
        self.table = table
        self.line = line
        self.language = language
    }

    /// Field `i`, or nil when the row is shorter or the field is empty.
    public subscript(_ i: Int) -> String? {
        i < fields.count && !fields[i].isEmpty ? fields[i] : nil
    }

    /// "da/ordinals.tsv:12"
    ///
    /// Built from bytes in one allocation: every table entry keeps its origin, so start-up asks
    /// for about 20,000 of them, and string interpolation made it a visible part of start-up.
    public var origin: String {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // room for the 20 digits of a UInt64
        var n = line.magnitude, count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[19 - count] = UInt8(truncatingIfNeeded: n % 10) &+ 0x30; n /= 10; count += 1 } while n > 0
        }
        let negative = line < 0
        var language = language, table = table
        let total = language.utf8.count + 1 + table.utf8.count + 1 + count + (negative ? 1 : 0)
        return String(unsafeUninitializedCapacity: total) { out in
            var i = language.withUTF8 { out.initialize(fromContentsOf: $0) }
            out[i] = UInt8(ascii: "/"); i += 1
            i += table.withUTF8 { UnsafeMutableBufferPointer(rebasing: out[i...]).initialize(fromContentsOf: $0) }
            out[i] = UInt8(ascii: ":"); i += 1
            if negative { out[i] = UInt8(ascii: "-"); i += 1 }
            i += withUnsafeBytes(of: &digits) { d in
                UnsafeMutableBufferPointer(rebasing: out[i...]).initialize(fromContentsOf: d[(20 - count)..<20])
            }
            return i
        }
    }
}
