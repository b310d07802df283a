import CrosscheckModel
import QuantityRecognition
import Testing

/// `Options.traces` off must change nothing but the traces: claim building relies on that.
@Suite struct TraceOptionTests {
    @Test func withoutTracesEveryCorpusCaseGivesTheSameQuantities() throws {
        let recognizer = try #require(Corpus.recognizer)
        var compared = 0, traced = 0
        for c in Corpus.cases {
            for relative in [false, true] {
                let full = recognizer.recognize(c.input, language: c.language,
                                                options: .init(relativeOrdinals: relative))
                let bare = recognizer.recognize(c.input, language: c.language,
                                                options: .init(relativeOrdinals: relative, traces: false))
                #expect(bare.count == full.count, "\(c.where_)")
                for (a, b) in zip(full, bare) {
                    var stripped = a
                    stripped.trace = []
                    #expect(b == stripped, "\(c.where_)")
                    #expect(b.trace.isEmpty)
                    if !a.trace.isEmpty { traced += 1 }
                }
                compared += full.count
            }
        }
        // the corpus does hold quantities, and the default does trace them
        #expect(compared > 1_000)
        #expect(traced == compared)
    }
}
