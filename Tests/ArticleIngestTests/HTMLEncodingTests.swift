import CrosscheckModel
@testable import ArticleIngest
import Testing

/// Charset detection: BOMs, meta tags, the UTF-8 check, the Windows-1252 fallback and lying meta tags.
@Suite struct HTMLEncodingTests {
    /// An ASCII page around `text` bytes, with an optional head.
    func page(_ head: String, _ text: [UInt8]) -> [UInt8] {
        Array("<html><head>\(head)<title>T</title></head><body><article><p>Before ".utf8) + text
            + Array(" after, and a sentence long enough to be the main text of this little page.</p></article></body></html>".utf8)
    }

    func read(_ bytes: [UInt8], path: String = "enc.html") throws -> ExtractedDocument {
        try HTMLReader.read(bytes: bytes, path: path)
    }

    let danishUTF8 = Array("Rødgrød med fløde koster 3.000 kr. – “billigt”".utf8)
    let danishLatin1: [UInt8] = Array("R".utf8) + [0xF8] + Array("dgr".utf8) + [0xF8] + Array("d med fl".utf8) + [0xF8]
        + Array("de koster 3.000 kr.".utf8)

    @Test func utf8WithBOM() throws {
        let doc = try read([0xEF, 0xBB, 0xBF] + page("", danishUTF8))
        #expect(HTMLTestSupport.text(doc).contains("Rødgrød med fløde koster 3.000 kr. – “billigt”"))
        #expect(doc.warnings.isEmpty)
    }

    @Test func utf8BOMWinsOverAMetaTag() throws {
        let doc = try read([0xEF, 0xBB, 0xBF] + page("<meta charset=\"iso-8859-1\">", danishUTF8))
        #expect(HTMLTestSupport.text(doc).contains("Rødgrød med fløde"))
    }

    @Test(arguments: [true, false])
    func utf16WithBOM(_ littleEndian: Bool) throws {
        let html = String(decoding: page("<meta charset=\"utf-16\">", danishUTF8), as: UTF8.self)
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for u in html.utf16 {
            let lo = UInt8(u & 0xFF), hi = UInt8(u >> 8)
            bytes += littleEndian ? [lo, hi] : [hi, lo]
        }
        let doc = try read(bytes)
        #expect(HTMLTestSupport.text(doc).contains("Rødgrød med fløde koster 3.000 kr. – “billigt”"))
    }

    @Test func metaCharsetLatin1() throws {
        let doc = try read(page("<meta charset=\"ISO-8859-1\">", danishLatin1))
        #expect(HTMLTestSupport.text(doc).contains("Rødgrød med fløde koster 3.000 kr."))
        #expect(doc.warnings.isEmpty)
    }

    @Test func httpEquivWindows1252() throws {
        let text: [UInt8] = [0x93] + Array("hi".utf8) + [0x94, 0x20, 0x96, 0x20, 0x80] + Array("5".utf8)
        let doc = try read(page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">", text))
        #expect(HTMLTestSupport.text(doc).contains("“hi” – €5"))
    }

    @Test func undeclaredNonUTF8FallsBackToWindows1252WithAWarningNamingTheFile() throws {
        let text: [UInt8] = [0x93] + Array("quoted".utf8) + [0x94] + Array(" costs ".utf8) + [0x80] + Array("5 ".utf8) + danishLatin1
        let doc = try read(page("", text), path: "old/page.htm")
        let t = HTMLTestSupport.text(doc)
        #expect(t.contains("“quoted” costs €5 Rødgrød"))
        #expect(!t.contains("\u{93}"))
        #expect(doc.warnings.contains { $0.contains("old/page.htm") && $0.contains("Windows-1252") })
    }

    @Test func aLyingMetaCharsetLosesToValidUTF8() throws {
        let doc = try read(page("<meta charset=\"iso-8859-1\">", danishUTF8), path: "lies.html")
        let t = HTMLTestSupport.text(doc)
        #expect(t.contains("Rødgrød med fløde"))
        #expect(!t.contains("Ã"))
        #expect(doc.warnings.contains { $0.contains("lies.html") && $0.contains("iso-8859-1") && $0.contains("UTF-8") })
    }

    @Test func asciiOnlyPageWithALegacyMetaNeedsNoWarning() throws {
        let doc = try read(page("<meta charset=\"iso-8859-1\">", Array("plain ASCII".utf8)))
        #expect(doc.warnings.isEmpty)
    }

    @Test func metaSaysUTF8ButTheBytesAreLatin1() throws {
        let doc = try read(page("<meta charset=\"utf-8\">", danishLatin1), path: "wrong.html")
        #expect(HTMLTestSupport.text(doc).contains("Rødgrød med fløde"))
        #expect(doc.warnings.contains { $0.contains("wrong.html") && $0.contains("UTF-8") })
    }

    @Test func aStrayByteInAUTF8PageIsRepairedNotTheRestOfThePage() throws {
        let text = danishUTF8 + Array(" stray ".utf8) + [0xE6] + Array(" then ".utf8) + danishUTF8
        let doc = try read(page("", text), path: "mixed.html")
        let t = HTMLTestSupport.text(doc)
        #expect(t.contains("stray æ then Rødgrød med fløde"))
        #expect(doc.warnings.contains { $0.contains("mixed.html") })
    }

    @Test func anotherDeclaredCharsetIsPassedToTheParser() throws {
        // "Привет" in KOI8-R.
        let text: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
        let doc = try read(page("<meta charset=\"koi8-r\">", text))
        #expect(HTMLTestSupport.text(doc).contains("Привет"))
    }

    @Test func anUnknownCharsetFallsBackWithAWarning() throws {
        let doc = try read(page("<meta charset=\"x-no-such-charset\">", danishLatin1), path: "odd.html")
        #expect(HTMLTestSupport.text(doc).contains("Rødgrød"))
        #expect(doc.warnings.contains { $0.contains("odd.html") })
    }

    @Test func emptyInputIsAnErrorNamingThePath() {
        #expect(throws: IngestError(path: "empty.html", reason: "empty file")) { try read([], path: "empty.html") }
    }

    @Test func whitespaceOnlyIsAnError() {
        #expect(throws: IngestError.self) { try read(Array("  \n\t \n".utf8), path: "blank.html") }
    }

    @Test(arguments: [
        ("<meta charset=\"UTF-8\">", "utf-8"), ("<META CHARSET=iso-8859-1>", "iso-8859-1"),
        ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Windows-1252\">", "windows-1252"),
        ("<meta charset='koi8-r'/>", "koi8-r"), ("<meta name=\"x\" content=\"y\">", nil),
        ("<meta charset=\"iso\u{0}8859-1\">", "iso"), ("<meta charset=\"\u{1}\">", nil),
    ])
    func metaPrescan(_ head: String, _ label: String?) {
        #expect(CharsetSniffer.declaredCharset(Array("<html><head>\(head)</head>".utf8)) == label)
    }

    @Test func utf8ScanCountsSequencesAndStrayBytes() {
        let s = CharsetSniffer.scanUTF8(Array("aæ€😀".utf8) + [0xC0, 0xAF, 0xED, 0xA0, 0x80])
        #expect(s.multibyte == 3)
        #expect(s.invalid == 5)   // an overlong pair and a surrogate: every byte stray
    }
}
