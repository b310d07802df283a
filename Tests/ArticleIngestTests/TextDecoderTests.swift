import Foundation
import Testing
@testable import ArticleIngest

@Suite struct TextDecoderTests {
    static let sample = "Rail strike – 300 trains\r\n\r\nAbout 300 trains were cancelled on Friday.\r\n"
    static let expected = "Rail strike – 300 trains\n\nAbout 300 trains were cancelled on Friday.\n"

    @Test func utf8WithBOM() throws {
        let d = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(Self.sample.utf8), path: "a.txt")
        #expect(d.text == Self.expected)
        #expect(d.encoding == .utf8)
        #expect(d.warning == nil)
    }

    @Test func utf16LittleEndianWithBOM() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in Self.sample.utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let d = try TextDecoder.decode(bytes, path: "a.txt")
        #expect(d.text == Self.expected)
        #expect(d.encoding == .utf16LE)
    }

    @Test func utf16BigEndianWithBOM() throws {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for u in Self.sample.utf16 { bytes += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        let d = try TextDecoder.decode(bytes, path: "a.txt")
        #expect(d.text == Self.expected)
        #expect(d.encoding == .utf16BE)
    }

    @Test func utf16WithoutBOMFromTheNULPattern() throws {
        var le: [UInt8] = []
        var be: [UInt8] = []
        for u in Self.sample.utf16 {
            le += [UInt8(u & 0xFF), UInt8(u >> 8)]
            be += [UInt8(u >> 8), UInt8(u & 0xFF)]
        }
        #expect(try TextDecoder.decode(le, path: "a.txt").text == Self.expected)
        #expect(try TextDecoder.decode(be, path: "a.txt").text == Self.expected)
    }

    @Test func windows1252FallbackDecodesTheWholeTableAndWarnsNamingTheFile() throws {
        // "Søren “sagde” – 5 €" in Windows-1252: ø = F8, quotes 93/94, en dash 96, euro 80.
        let bytes: [UInt8] = [0x53, 0xF8, 0x72, 0x65, 0x6E, 0x20, 0x93, 0x73, 0x61, 0x67, 0x64, 0x65, 0x94,
                              0x20, 0x96, 0x20, 0x35, 0x20, 0x80, 0x0D, 0x0A]
        let d = try TextDecoder.decode(bytes, path: "dir/old.txt")
        #expect(d.text == "Søren “sagde” – 5 €\n")
        #expect(d.encoding == .windows1252)
        #expect(d.warning?.contains("dir/old.txt") == true)
        #expect(d.warning?.contains("Windows-1252") == true)
    }

    @Test func mixedUTF8AndWindows1252KeepsBoth() throws {
        // "Søren" in UTF-8, then " – 5 €" in Windows-1252.
        let bytes: [UInt8] = Array("Søren".utf8) + [0x20, 0x96, 0x20, 0x35, 0x20, 0x80]
        let d = try TextDecoder.decode(bytes, path: "mixed.txt")
        #expect(d.text == "Søren – 5 €")
        #expect(d.warning?.contains("mixed.txt") == true)
    }

    @Test func windows1252FixtureFileWarnsThroughIngest() throws {
        let a = try TextTestSupport.ingestor.ingest(InputFile(path: TextTestSupport.path("fixtures/text/cp1252-danish.txt")))
        #expect(a.warnings.contains { $0.contains("cp1252-danish.txt") && $0.contains("Windows-1252") })
        #expect(a.text.contains("oversvømmet. “Det er det værste"))
        #expect(a.text.contains("2 mio. € ifølge"))
        #expect(a.language == "da")
    }

    @Test(arguments: ["utf8-bom.txt", "utf16le-bom.txt", "utf16be-bom.txt", "utf16le-nobom.txt"])
    func encodedFixturesReadAlike(name: String) throws {
        let a = try TextTestSupport.ingestor.ingest(InputFile(path: TextTestSupport.path("fixtures/text/\(name)")))
        #expect(a.title == "Rail strike cancels 300 trains")
        #expect(a.paragraphs.map(\.text) == [
            "About 300 trains were cancelled on Friday as drivers walked out – the third strike this year.",
            "The union said 95% of members backed the action.",
        ])
        #expect(a.warnings.isEmpty)
    }

    @Test func lineEndsAreNormalised() throws {
        let d = try TextDecoder.decode(Array("a\r\nb\rc\n".utf8), path: "a.txt")
        #expect(d.text == "a\nb\nc\n")
    }

    @Test func binaryDataIsRefusedWithAnErrorNamingThePath() {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        for i in 0..<2000 { bytes.append(UInt8(truncatingIfNeeded: i * 7)) }
        #expect {
            try TextDecoder.decode(bytes, path: "pics/photo.txt")
        } throws: { error in
            guard let e = error as? IngestError else { return false }
            return e.path == "pics/photo.txt" && e.reason.contains("looks like binary data")
        }
    }

    @Test func emptyInputIsEmptyText() throws {
        #expect(try TextDecoder.decode([], path: "e.txt").text == "")
    }
}
