import LanguageData
import Testing

/// `TableRow.origin` is built from bytes; it must read exactly like "language/table:line".
@Suite struct TableRowOriginTests {
    @Test(arguments: [0, 1, 9, 10, 12, 99, 100, 4_096, 123_456_789, Int.max, -7, Int.min])
    func originReadsLikeInterpolation(line: Int) {
        let row = TableRow(fields: ["x"], table: "ordinals.tsv", line: line, language: "da")
        #expect(row.origin == "da/ordinals.tsv:\(line)")
    }

    @Test func nonASCIINamesAreKept() {
        let row = TableRow(fields: [], table: "tal‐ord.tsv", line: 42, language: "fö")
        #expect(row.origin == "fö/tal‐ord.tsv:42")
        #expect(row.origin.utf8.count == "fö/tal‐ord.tsv:42".utf8.count)
    }

    @Test func emptyNames() {
        #expect(TableRow(fields: [], table: "", line: 3, language: "").origin == "/:3")
    }
}
