@testable import ClaimBuilding
import Testing

/// The claim tokenizer walks UTF-8 bytes with an ASCII fast path; these pin what it must keep
/// doing for text that is not plain ASCII, and its byte offsets.
@Suite struct TokenizerTests {
    func texts(_ s: String) -> [String] { ClaimTokenizer.tokenize(s).map(\.text) }
    func keys(_ s: String) -> [String] { ClaimTokenizer.tokenize(s).map(\.key) }

    @Test func wordsJoinersAndPunctuation() {
        #expect(texts("Mazar-i-Sharif fell, 3,000 fled; 9/11.") == ["Mazar-i-Sharif", "fell", ",", "3,000", "fled", ";", "9/11", "."])
        #expect(texts("don't stop") == ["don't", "stop"])
        #expect(texts("a - b") == ["a", "-", "b"])
    }

    @Test func spacesInsideNumbersAndUnicodeSpaces() {
        // a no-break space between digits stays inside the number; other spaces separate
        #expect(texts("1\u{00A0}398 personnes") == ["1\u{00A0}398", "personnes"])
        #expect(texts("12\u{202F}000\u{2009}morts") == ["12\u{202F}000", "morts"])
        #expect(texts("a\u{200B}b\u{FEFF}c\u{3000}d") == ["a", "b", "c", "d"])
    }

    @Test func elisionAndPossessives() {
        #expect(texts("l'ONU d’habitants qu'il") == ["l'", "ONU", "d’", "habitants", "qu'", "il"])
        let t = ClaimTokenizer.tokenize("Afghanistan’s farmers’ groups")
        #expect(t.map(\.key) == ["afghanistan", "farmers", "groups"])
        #expect(t.map(\.isPossessive) == [true, true, false])
    }

    @Test func keysAreLowercasedAndStraightened() {
        #expect(keys("ÆRØ Straße ÉTÉ DON’T ‐") == ["ærø", "straße", "été", "don't", "-"])
        #expect(keys("Provincial CAPITALS") == ["provincial", "capitals"])
    }

    @Test func capitalsDigitsAndMarks() {
        let t = ClaimTokenizer.tokenize("Ærø had 12e cafe\u{0301}s, 🙂 ok")
        #expect(t.map(\.isCapitalized) == [true, false, false, false, false, false, false])
        #expect(t.map(\.hasDigit) == [false, false, true, false, false, false, false])
        // a combining mark stays inside its word; an emoji is a one-scalar punctuation token
        #expect(t.map(\.text) == ["Ærø", "had", "12e", "cafe\u{0301}s", ",", "🙂", "ok"])
        #expect(t.map(\.isWord) == [true, true, true, true, false, false, true])
    }

    @Test func offsetsAreUTF8Bytes() {
        let s = "Før 3 Æbler €5"
        let t = ClaimTokenizer.tokenize(s)
        let bytes = Array(s.utf8)
        for tok in t {
            #expect(String(decoding: bytes[tok.start..<tok.end], as: UTF8.self) == tok.text)
        }
        #expect(t.map(\.start) == [0, 5, 7, 14, 17])
    }

    @Test func compoundHeadsTakeTheLongestListedEnding() {
        var table = PhraseTable<String>()
        var vocabulary = Vocabulary()
        table.insert("soldaten", "soldier", origin: "t", vocabulary: &vocabulary)
        table.insert("regeringssoldaten", "government soldier", origin: "t", vocabulary: &vocabulary)
        table.insert("hovedstad", "capital", origin: "t", vocabulary: &vocabulary)
        func head(_ w: String) -> String? { table.head(of: ClaimTokenizer.tokenize(w)[0]) }
        #expect(head("Regeringssoldaten") == "soldier")          // the whole word is not a compound of itself
        #expect(head("oprørsregeringssoldaten") == "government soldier")
        #expect(head("provinshovedstad") == "capital")
        #expect(head("xyzsoldaten") == "soldier")                // three letters before the head are enough
        #expect(head("xysoldaten") == nil)                        // two are not
        #expect(head("hovedstaden") == nil)
    }
}
