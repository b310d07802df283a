import CrosscheckModel
import Testing
@testable import ArticleIngest

/// Odd input never crashes ingest, and whatever comes out keeps its offsets.
@Suite struct TextRobustnessTests {
    /// A small deterministic generator (no randomness between runs).
    struct LCG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
    }

    static let pieces: [String] = [
        "Title", "\n", "\n\n", "\r\n", " ", ". ", "...", "…", "?", "!", "“", "”", "«", "»", "\"", "'",
        "3.000", "1,5", "7.2", "U.S.", "z.B.", "bl.a.", "den 31. august", "am 12. August", "Mr.", "J. R.",
        "Share this article", "Comments", "You might also like", "Copyright ©", "By Jane Doe", "Af Hans",
        ">> teaser", "# heading", "- item", "**bold**", "[link](http://x)", "[", "]", "(", ")", "*", "_",
        "æøå", "Ω", "😀", "\u{A0}", "\t", "date 2021-08", "---", "Læs også", "é",
    ]

    @Test func randomMixturesOfPiecesKeepOffsets() throws {
        var rng = LCG(state: 42)
        for n in 0..<300 {
            var text = ""
            for _ in 0..<Int(rng.next() % 60) { text += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
            let name = n % 2 == 0 ? "/nonexistent-dir/r.txt" : "/nonexistent-dir/r.md"
            let a = try TextTestSupport.ingest(text, name: name)
            #expect(a.sentenceOffsetsHold, "\(text.debugDescription)")
            #expect(a.paragraphOffsetsHold, "\(text.debugDescription)")
        }
    }

    @Test func randomBytesEitherReadOrFailWithAnIngestError() {
        var rng = LCG(state: 7)
        for _ in 0..<300 {
            let bytes = (0..<Int(rng.next() % 400)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            do {
                let a = try TextTestSupport.ingestor.ingest(bytes: bytes, file: InputFile(path: "/nonexistent-dir/b.txt"))
                #expect(a.sentenceOffsetsHold)
            } catch {
                #expect(error is IngestError)
            }
        }
    }

    @Test func pathologicalLinesStayFast() throws {
        let brackets = String(repeating: "[", count: 20_000) + "\n"
        let dots = String(repeating: "a. ", count: 20_000)
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            _ = try TextTestSupport.ingest("Title\n\n" + brackets, name: "/nonexistent-dir/p.md")
            _ = try TextTestSupport.ingest("Title\n\n" + dots)
        }
        #expect(elapsed < .seconds(20))
    }
}
