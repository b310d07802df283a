@testable import ClaimBuilding
import Foundation
import Testing

/// The string-free tokens against the full ones: the same cuts, flags and word numbers, and the
/// text and key made back from the bytes are those the full tokenizer made; the byte tests that
/// replaced string comparisons answer as the strings did.
@Suite struct TokenSpanTests {
    static func texts() throws -> [String] {
        try TokenizerDifferentialTests.texts() + [
            TokenizerDifferentialTests.samples.joined(separator: " "),
            "Said SAID said's According To the UN's farmers' JAMES' Afghanistans Deutschlands 12's 1990s'",
            "(12) [34] ‐ ‑ ’ ʼ ‘ « » „ “ ” ; \u{037E} — – | ! ? . , : /",
        ]
    }

    @Test func spansAreTheFullTokensWithoutTheirStrings() throws {
        for code in ["en", "da", "de", "fr", "es"] {
            let lexicon = try #require(Support.builder.readers[code]).lexicon
            var spans: [TokenSpan] = [TokenSpan(start: 9, end: 9, scalar: 0, flags: 0)]
            var ids: [Int32] = [42]
            for text in try Self.texts() {
                let (full, fullIDs) = ClaimTokenizer.tokenize(text, vocabulary: lexicon.vocabulary)
                ClaimTokenizer.tokenizeSpans(text, vocabulary: lexicon.vocabulary, into: &spans, ids: &ids)
                #expect(ids == fullIDs, "\(code): \(text)")
                #expect(spans == full.map(TokenSpan.init), "\(code): \(text)")
                #expect(spans.count == full.count)
                for (s, t) in zip(spans, full) {
                    let made = SentenceTokens.fullToken(s, text: text)
                    #expect(TokenizerDifferentialTests.bytes([made]) == TokenizerDifferentialTests.bytes([t]), "\(code): \(text)")
                    #expect(s.isASCII == t.text.utf8.allSatisfy { $0 < 0x80 })
                }
            }
        }
    }

    @Test func leadingSpansAreTheLeadingTokens() throws {
        let lexicon = try #require(Support.builder.readers["en"]).lexicon
        for text in try Self.texts() + ["  \u{201C}  said the UN", "- - - according to AFP", "That is according to the UN."] {
            for chunks in [1, 2, 3] {
                let (full, whole) = ClaimTokenizer.leadingTokens(text, chunks: chunks)
                let lead = ClaimTokenizer.leadingSpans(text, chunks: chunks, vocabulary: lexicon.vocabulary)
                #expect(lead.whole == whole, "\(text)")
                #expect(lead.spans == full.map(TokenSpan.init), "\(text)")
                #expect(lead.ids == lexicon.vocabulary.ids(of: full), "\(text)")
                let word = ClaimTokenizer.leadingWord(text, chunks: chunks, vocabulary: lexicon.vocabulary)
                let first = full.firstIndex(where: \.isWord) ?? full.count
                #expect(word.count == full.count && word.whole == whole && word.word == first, "\(text)")
                #expect(word.id == (first < full.count ? lexicon.vocabulary.id(of: full[first].key) : -1), "\(text)")
            }
        }
    }

    @Test func byteTestsAnswerAsTheStringComparisonsDid() throws {
        let all = (0x21..<0x3000).compactMap(Unicode.Scalar.init).map { String($0) }
        for text in all {
            let tokens = ClaimTokenizer.tokenize(text)
            guard tokens.count == 1, !tokens[0].isWord else { continue }
            let t = tokens[0], s = TokenSpan(t)
            #expect(SentenceTokens.isBreakScalar(s.scalar) == SentenceTokens.isBreakToken(t), "\(text)")
            #expect(SentenceReader.isBarrierScalar(s.scalar) == SentenceReader.isBarrier(t.text), "\(text)")
            let quotes = ["\u{201C}", "\"", "\u{AB}", "\u{201E}", "-", "\u{2013}", "\u{2014}", "'", "\u{2018}"]
            #expect(SentenceReader.opensQuotation(s.scalar) == quotes.contains(t.text), "\(text)")
            for p in ["(", ")", "[", "]", ",", "-", "'", "\u{2019}"] {
                #expect(s.isPunctuation(p.unicodeScalars.first!.value) == (t.text == p), "\(text) vs \(p)")
            }
        }
        #expect(SentenceTokens.isBreakScalar(0x037E))
        #expect(!SentenceTokens.isBreakScalar(0x28))
    }

    @Test func keyPreChecksAndHeadsAgreeWithTheKeys() throws {
        for code in ["en", "da", "de"] {
            let lexicon = try #require(Support.builder.readers[code]).lexicon
            let words = "Afghanistans Deutschlands UN's JAMES' regeringssoldaten Regeringssoldatens soldaten's Hus byers bys"
            for text in try Self.texts() + [words] {
                let tokens = ClaimTokenizer.tokenize(text)
                for t in tokens where t.isWord {
                    let s = TokenSpan(t)
                    if t.key.utf8.last == 0x73 { #expect(SentenceTokens.keyMayEndInS(s, text: text), "\(t.text)") }
                    if !t.hasDigit {
                        #expect(SentenceTokens.head(of: s, text: text, in: lexicon.concepts) == lexicon.concepts.head(of: t),
                                "\(code): \(t.text)")
                    }
                }
                let st = SentenceTokens(text: text, tokens: tokens, lexicon: lexicon, quantities: [])
                for i in tokens.indices {
                    #expect(st.text(of: i) == tokens[i].text)
                    #expect(st.key(of: i) == tokens[i].key)
                    #expect(st.genitivePlace(at: i) == SentenceTokens.genitivePlace(tokens[i], lexicon: lexicon))
                }
            }
        }
    }
}
