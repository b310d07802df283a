import CrosscheckModel
import Foundation
@testable import Reporting
import Testing
import TestSupport

/// The report writer against Foundation's `JSONEncoder` (``JSONReportWriter/encoder()``) on the
/// report's own `Encodable` conformances: same bytes on hand-made and on generated reports, the same
/// numbers on many doubles, the same report decoded back, `null` for a non-finite number, and the
/// same bytes streamed in chunks.
@Suite struct JSONReportWriterTests {
    static var handMade: [Report] {
        var withRange = ReportFixtures.hostile
        withRange.articles[1].claims.append(
            Claim(id: "good#4", quote: "1,5–2 mio.\n\t\"x\"\\ \u{1}", sentence: "mellem 1,5 og 2 millioner — “citat” / 😀",
                  kind: .count, value: .between(1_500_000, 2e6), subject: "people", article: "good"))
        withRange.articles[1].claims.append(
            Claim(id: "good#5", quote: "0.0001", sentence: "tiny", kind: .count, value: .exactly(1e-7),
                  subject: "dust", article: "good"))
        withRange.articles[1].claims.append(
            Claim(id: "good#6", quote: "", sentence: "", kind: .money, value: QuantityValue(), unit: "EUR",
                  article: "good", concept: "c", place: "p", cumulative: true, agency: "a", inTitle: true,
                  revised: true, start: 0, end: -1))
        return [
            ReportFixtures.hostile, withRange,
            Report(articles: [], findings: []),
            Report(articles: [ReportedArticle(id: "a", outlet: nil, language: "da")], findings: []),
            Report(articles: [], findings: [Finding(rule: "r", verdict: .consistent, claims: [], explanation: "")],
                   schemaVersion: -7),
        ]
    }

    @Test(arguments: handMade.indices)
    func handMadeReportsAsFoundationWritesThem(_ n: Int) throws {
        let report = Self.handMade[n]
        let ours = try JSONReportWriter.data(report)
        let foundation = try JSONReportWriter.encoder().encode(report)
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: foundation, as: UTF8.self))
    }

    /// Every seed makes 20 reports with random text (controls, quotes, backslashes, slashes,
    /// U+2028, emoji, combining marks), random numbers and every optional member both set and not.
    @Test(arguments: 0..<10)
    func generatedReportsAsFoundationWritesThem(_ seed: Int) throws {
        var g = ReportGenerator(seed: UInt64(seed))
        for _ in 0..<20 {
            let report = g.report()
            let ours = try JSONReportWriter.data(report)
            let foundation = try JSONReportWriter.encoder().encode(report)
            if ours != foundation {
                let a = String(decoding: ours, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let b = String(decoding: foundation, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                Issue.record("seed \(seed): line \(i + 1) is \(i < a.count ? String(a[i]) : "<end>") where Foundation writes \(i < b.count ? String(b[i]) : "<end>")")
                return
            }
        }
    }

    /// The recorded seeds report (Tests/CrosscheckTests/Snapshots/seeds.json, written by the CLI
    /// with a final line break) read back and written again gives the same bytes.
    @Test func recordedSeedsSnapshotIsWrittenAgainByteForByte() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CrosscheckTests/Snapshots/seeds.json")
        let recorded = try Data(contentsOf: file)
        let report = try JSONDecoder().decode(Report.self, from: recorded)
        try #require(!report.articles.isEmpty && !report.findings.isEmpty)
        #expect(try JSONReportWriter.data(report, trailingNewline: true) == recorded)
        #expect(try JSONReportWriter.encoder().encode(report) + Data([0x0A]) == recorded)
    }

    @Test(arguments: handMade.indices)
    func foundationDecodesTheSameReport(_ n: Int) throws {
        let report = Self.handMade[n]
        let decoded = try JSONDecoder().decode(Report.self, from: JSONReportWriter.data(report))
        #expect(decoded == report)
    }

    @Test func reportIsDeterministicAndCarriesSchemaVersion() throws {
        let r = Report(articles: [ReportedArticle(id: "a", outlet: nil, language: "da")], findings: [])
        let one = try JSONReportWriter.data(r)
        let two = try JSONReportWriter.data(r)
        #expect(one == two)
        let o = try #require(JSONSerialization.jsonObject(with: one) as? [String: Any])
        #expect(o["schemaVersion"] as? Int == 1)
        let arts = try #require(o["articles"] as? [[String: Any]])
        #expect(arts.first?["outlet"] is NSNull)
    }

    // MARK: Numbers

    static let edgeNumbers: [Double] = [
        0, -0.0, 1, -1, 12, 0.1, 0.2, 0.3, 1.5, -2.5, 2.0 / 3.0, 1e-4, 1.2e-4, 9.99e-5, 1e-5, 1e-7,
        123456789.123, 1e15, 1e15 + 0.5, 3e15, 4503599627370496.5, 9007199254740991, 9007199254740992,
        9007199254740994, -9007199254740992, -9007199254740994, 18014398509481984, 1e16, 1e17, 1e20,
        1e21, 1e22, 1e23, 12345678901234567890.0, 1.7976931348623157e308, -1.7976931348623157e308,
        2.2250738585072014e-308, .leastNonzeroMagnitude, .leastNormalMagnitude, 1e-300, .pi, -.pi, 100, 1_000_000,
        2e6, 65, 0.65, 99.99, 1234.5678, 0.000123456789,
    ]

    @Test func edgeNumbersAsFoundationWritesThem() throws {
        try expectFoundationNumbers(Self.edgeNumbers + Self.edgeNumbers.map { $0.nextUp } + Self.edgeNumbers.map { $0.nextDown })
    }

    /// 60,000 doubles a seed: whole numbers of every size, short decimals, powers of ten, and
    /// random bit patterns (any finite double).
    @Test(arguments: 0..<4)
    func randomNumbersAsFoundationWritesThem(_ seed: Int) throws {
        var rng = SeededGenerator(seed: 0x5EED_0000 + UInt64(seed))
        var xs: [Double] = []
        for _ in 0..<10_000 {
            xs.append(Double(Int64.random(in: -1_000_000...1_000_000, using: &rng)))
            xs.append(Double(Int64.random(in: -(1 << 62)...(1 << 62), using: &rng)) / Double(1 << Int.random(in: 0...62, using: &rng)))
            xs.append(Double(Int64.random(in: -99_999_999...99_999_999, using: &rng)) / pow(10, Double(Int.random(in: 0...12, using: &rng))))
            xs.append(pow(10, Double(Int.random(in: -320...308, using: &rng))) * Double(Int.random(in: 1...9, using: &rng)))
            var bits = Double(bitPattern: rng.next())
            while !bits.isFinite { bits = Double(bitPattern: rng.next()) }
            xs.append(bits)
            xs.append(Double.random(in: -1e17...1e17, using: &rng).rounded())
        }
        try expectFoundationNumbers(xs)
    }

    /// Our bytes for each finite `x` (Foundation refuses the others) against Foundation's.
    private func expectFoundationNumbers(_ all: [Double]) throws {
        let xs = all.filter(\.isFinite)
        try #require(xs.count * 10 > all.count * 9)
        let foundation = String(decoding: try JSONReportWriter.encoder().encode(xs), as: UTF8.self)
            .split(separator: "\n").dropFirst().dropLast()
            .map { line -> String in
                var s = line.drop { $0 == " " }
                if s.last == "," { s = s.dropLast() }
                return String(s)
            }
        try #require(foundation.count == xs.count)
        var wrong: [String] = []
        for (x, expected) in zip(xs, foundation) {
            var b = JSONBytes(capacity: 32)
            b.number(x)
            let ours = String(decoding: b.bytes, as: UTF8.self)
            if ours != expected { wrong.append("\(x.bitPattern): \(ours) where Foundation writes \(expected)") }
        }
        #expect(wrong.isEmpty, "\(wrong.count) of \(xs.count) differ, e.g. \(wrong.prefix(5))")
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, -.nan, .signalingNaN])
    func nonFiniteNumberIsNull(_ x: Double) throws {
        var report = ReportFixtures.hostile
        report.articles[1].claims[0].value = QuantityValue(number: x, low: 1, high: x, base: x)
        let data = try JSONReportWriter.data(report)
        let o = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let arts = try #require(o["articles"] as? [[String: Any]])
        let claims = try #require(arts[1]["claims"] as? [[String: Any]])
        let value = try #require(claims[0]["value"] as? [String: Any])
        #expect(value["number"] is NSNull)
        #expect(value["high"] is NSNull)
        #expect(value["base"] is NSNull)
        #expect(value["low"] as? Double == 1)
        #expect(try JSONReportWriter.data(report) == data)
    }

    @Test(arguments: [Int.min, Int.max, -1, 0, 9, 10, 99, 100, 1_000_000_007])
    func integersAsFoundationWritesThem(_ i: Int) throws {
        var b = JSONBytes(capacity: 8)
        b.integer(i)
        let foundation = String(decoding: try JSONEncoder().encode([i]), as: UTF8.self)
        #expect("[" + String(decoding: b.bytes, as: UTF8.self) + "]" == foundation)
    }

    // MARK: Strings

    @Test func everyControlCharacterAndTheCharactersAroundThem() throws {
        var all = ""
        for v in 0..<0x80 { all.unicodeScalars.append(Unicode.Scalar(UInt8(v))) }
        all += "\u{80}\u{A0}\u{AD}\u{2028}\u{2029}\u{FEFF}\u{FFFD}\u{10FFFF}é😀👩‍👩‍👧e\u{301}"
        let strings = [all, String(all.reversed()), "", "\"", "\\", "/", "\u{0}", String(repeating: "ab\u{1F}\"", count: 3000)]
        for s in strings {
            var b = JSONBytes(capacity: 1)
            b.string(s)
            let foundation = String(decoding: try JSONReportWriter.encoder().encode([s]), as: UTF8.self)
            #expect("[\n  " + String(decoding: b.bytes, as: UTF8.self) + "\n]" == foundation)
        }
    }

    /// The escaper reads eight bytes at a time: a character to escape (or one just outside the
    /// escaped set) at every position of strings of every short length.
    @Test func escapesAtEveryPositionOfShortStrings() throws {
        var strings: [String] = []
        for length in 1...24 {
            for at in 0..<length {
                for special: UInt8 in [0x00, 0x08, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x2F, 0x5B, 0x5C, 0x5D, 0x7F] {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    bytes[at] = special
                    strings.append(String(decoding: bytes, as: UTF8.self))
                    bytes[length - 1 - at] = 0xC3; bytes.insert(0xA9, at: length - at)   // an é too
                    strings.append(String(decoding: bytes, as: UTF8.self))
                }
            }
        }
        var b = JSONBytes(capacity: 1)
        b.byte(0x5B)
        for (n, s) in strings.enumerated() {
            if n > 0 { b.byte(0x2C) }
            b.newline(2)
            b.string(s)
        }
        b.newline(0)
        b.byte(0x5D)
        let foundation = try JSONReportWriter.encoder().encode(strings)
        #expect(String(decoding: b.bytes, as: UTF8.self) == String(decoding: foundation, as: UTF8.self))
    }

    // MARK: Streaming

    @Test(arguments: [0, 1, 7, 100, 4096, 1 << 20])
    func chunksAddUpToTheWholeReport(_ chunkSize: Int) throws {
        var g = ReportGenerator(seed: 99)
        let reports = Self.handMade + (0..<5).map { _ in g.report() }
        for report in reports {
            var streamed = Data()
            var pieces = 0
            try JSONReportWriter.write(report, chunkSize: chunkSize) { piece in
                #expect(piece.count > 0)
                streamed.append(contentsOf: piece)
                pieces += 1
            }
            #expect(streamed == (try JSONReportWriter.data(report)))
            #expect(pieces >= 1)
            var withNewline = Data()
            try JSONReportWriter.write(report, chunkSize: chunkSize, trailingNewline: true) { withNewline.append(contentsOf: $0) }
            #expect(withNewline == (try JSONReportWriter.data(report, trailingNewline: true)))
        }
    }

    /// Long lists are rendered in pieces on all cores; the bytes must be those of the one-thread
    /// loop and of Foundation's encoder, and streaming must still add up to the whole, for lists
    /// just below, at and above the threshold and across several windows of pieces.
    @Test(arguments: [ReportJSON.parallelMinimum - 1, ReportJSON.parallelMinimum, ReportJSON.parallelMinimum + 1,
                      ReportJSON.piece * 41 + 7])
    func longListsRenderedOnAllCoresGiveTheSameBytes(_ n: Int) throws {
        var g = ReportGenerator(seed: UInt64(n))
        let report = g.bigReport(articles: n, findings: n + 3)
        let serial = try JSONReportWriter.data(report, trailingNewline: true, parallel: false)
        let parallel = try JSONReportWriter.data(report, trailingNewline: true)
        #expect(parallel == serial)
        var streamed = Data()
        try JSONReportWriter.write(report, chunkSize: 4096, trailingNewline: true) { streamed.append(contentsOf: $0) }
        #expect(streamed == serial)
        var withoutNewline = serial
        withoutNewline.removeLast()
        #expect(withoutNewline == (try JSONReportWriter.encoder().encode(report)))
    }

    @Test func aFailingSinkStopsTheWrite() throws {
        struct Full: Error {}
        var g = ReportGenerator(seed: 5)
        var calls = 0
        #expect(throws: Full.self) {
            try JSONReportWriter.write(g.report(), chunkSize: 1) { _ in calls += 1; throw Full() }
        }
        #expect(calls == 1)
    }

    /// A long list streams its pieces from the threads that render them, in order: a sink that
    /// fails in the middle of it is not called again, and what it got before is the report's start.
    @Test func aSinkFailingInALongListStopsTheWriteThere() throws {
        struct Full: Error {}
        var g = ReportGenerator(seed: 11)
        let report = g.bigReport(articles: ReportJSON.piece * 20 + 5, findings: 3)
        let whole = try JSONReportWriter.data(report)
        for failing in [1, 2, 3, 9] {
            var calls = 0
            var got = Data()
            #expect(throws: Full.self) {
                try JSONReportWriter.write(report, chunkSize: 4096) { piece in
                    calls += 1
                    if calls == failing { throw Full() }
                    got.append(contentsOf: piece)
                }
            }
            #expect(calls == failing)
            #expect(whole.starts(with: got))
        }
    }

    @Test func trailingNewlineAddsOneLineBreak() throws {
        let plain = try JSONReportWriter.data(ReportFixtures.hostile)
        let withNewline = try JSONReportWriter.data(ReportFixtures.hostile, trailingNewline: true)
        #expect(withNewline == plain + Data([0x0A]))
    }
}


/// Random reports with hostile text and numbers, each optional member set about half the time.
struct ReportGenerator {
    var rng: SeededGenerator
    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    static let pieces: [String] = {
        var p = ["a", "b", "Z", "0", "9", " ", "  ", "\"", "\\", "/", "//", "\\u0041", "<", ">", "&", "'",
                 "\u{7F}", "\u{80}", "\u{85}", "\u{A0}", "é", "ø", "ß", "ı", "İ", "e\u{301}", "\u{2028}", "\u{2029}",
                 "\u{200B}", "\u{FEFF}", "\u{FFFD}", "€", "—", "“", "”", "«", "»", "中文", "العربية", "😀", "👩‍👩‍👧",
                 "🇩🇰", "\u{10FFFF}", "1,5", "3.000", "mio.", "procent", "null", "true"]
        for v in 0..<0x20 { p.append(String(Unicode.Scalar(UInt8(v)))) }
        return p
    }()

    mutating func string(max: Int = 24) -> String {
        var s = ""
        for _ in 0..<Int.random(in: 0...max, using: &rng) { s += Self.pieces.randomElement(using: &rng)! }
        return s
    }

    mutating func maybe<T>(_ make: (inout ReportGenerator) -> T) -> T? {
        Bool.random(using: &rng) ? make(&self) : nil
    }

    mutating func number() -> Double {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return Double(Int.random(in: -1000...1_000_000, using: &rng))
        case 1: return Double(Int.random(in: 0...99_999, using: &rng)) / 100
        case 2: return Double.random(in: -1e22...1e22, using: &rng)
        case 3: return Double.random(in: 0...1e-5, using: &rng)
        case 4:
            var x = Double(bitPattern: rng.next())
            while !x.isFinite { x = Double(bitPattern: rng.next()) }
            return x
        default: return [0, -0.0, 1e16, 9007199254740992, 2.0 / 3.0, 1e21, .leastNonzeroMagnitude].randomElement(using: &rng)!
        }
    }

    mutating func integer() -> Int {
        Bool.random(using: &rng) ? Int.random(in: 0...5000, using: &rng) : [Int.min, Int.max, -1, 0].randomElement(using: &rng)!
    }

    mutating func claim(article: String) -> Claim {
        Claim(id: string(max: 4), quote: string(), sentence: string(max: 60),
              kind: QuantityKind.allCases.randomElement(using: &rng)!,
              value: QuantityValue(number: maybe { $0.number() }, low: maybe { $0.number() },
                                   high: maybe { $0.number() }, base: maybe { $0.number() }),
              unit: maybe { $0.string(max: 3) }, qualifier: Qualifier.allCases.randomElement(using: &rng)!,
              subject: maybe { $0.string() }, cited: maybe { $0.string() }, asOf: maybe { $0.string(max: 3) },
              article: article, concept: maybe { $0.string(max: 4) }, place: maybe { $0.string(max: 4) },
              cumulative: Bool.random(using: &rng), agency: maybe { $0.string(max: 4) },
              inTitle: Bool.random(using: &rng), revised: Bool.random(using: &rng),
              start: maybe { $0.integer() }, end: maybe { $0.integer() })
    }

    /// A report with `articles` articles and `findings` findings, long enough for the writer to
    /// render its lists on several threads.
    mutating func bigReport(articles: Int, findings: Int) -> Report {
        let list = (0..<articles).map { _ -> ReportedArticle in
            let id = string(max: 4)
            return ReportedArticle(id: id, path: maybe { $0.string(max: 6) }, outlet: maybe { $0.string(max: 6) },
                                   published: maybe { $0.string(max: 3) }, language: string(max: 2),
                                   title: maybe { $0.string() },
                                   claims: (0..<Int.random(in: 0...3, using: &rng)).map { _ in claim(article: id) })
        }
        let found = (0..<findings).map { _ in
            Finding(id: maybe { $0.string(max: 3) }, rule: string(max: 4), verdict: Verdict.allCases.randomElement(using: &rng)!,
                    claims: (0..<Int.random(in: 0...3, using: &rng)).map { _ in string(max: 4) }, explanation: string(max: 40))
        }
        return Report(articles: list, findings: found)
    }

    mutating func report() -> Report {
        let articles = (0..<Int.random(in: 0...4, using: &rng)).map { _ -> ReportedArticle in
            let id = string(max: 4)
            return ReportedArticle(id: id, path: maybe { $0.string(max: 6) }, outlet: maybe { $0.string(max: 6) },
                                   published: maybe { $0.string(max: 3) }, language: string(max: 2),
                                   title: maybe { $0.string() },
                                   claims: (0..<Int.random(in: 0...5, using: &rng)).map { _ in claim(article: id) })
        }
        let findings = (0..<Int.random(in: 0...4, using: &rng)).map { _ in
            Finding(id: maybe { $0.string(max: 3) }, rule: string(max: 4), verdict: Verdict.allCases.randomElement(using: &rng)!,
                    claims: (0..<Int.random(in: 0...3, using: &rng)).map { _ in string(max: 4) }, explanation: string(max: 40))
        }
        return Report(articles: articles, findings: findings, schemaVersion: Bool.random(using: &rng) ? 1 : integer())
    }
}
