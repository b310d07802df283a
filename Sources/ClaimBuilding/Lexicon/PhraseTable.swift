import LanguageData

/// A longest-match table over tokens: phrases of one or more words, each mapped to a value.
///
/// Phrases are tokenized like sentences (``ClaimTokenizer``) and matched on token keys
/// (lowercased), so *according to* matches *According to* and *Afghanistan’s* matches
/// *afghanistan*.
struct PhraseTable<Value: Sendable>: Sendable {
    private final class Node: @unchecked Sendable {
        var children: [String: Node] = [:]
        var value: Value?
        var origin: String?
    }

    private let root = Node()
    /// The first two bytes of every phrase's first word: most tokens of a sentence start no phrase,
    /// and are turned away here without hashing their key.
    private var rootPrefixes = [UInt64](repeating: 0, count: 1024)

    private static func prefix2(_ key: String) -> Int {
        var it = key.utf8.makeIterator()
        let a = Int(it.next() ?? 0), b = Int(it.next() ?? 0)
        return a << 8 | b
    }

    /// False only when no phrase can start with `key`. Only a key whose first two bytes are
    /// ASCII is judged by the bitmap: tables are matched up to canonical equivalence (a decomposed
    /// *é* in the text matches a composed one in a table), and only ASCII is sure to start alike.
    private func mayStart(_ key: String) -> Bool {
        let p = Self.prefix2(key)
        guard p & 0x8080 == 0 else { return true }
        return rootPrefixes[p >> 6] & (1 << UInt64(p & 63)) != 0
    }
    /// Single words of at least five letters, for the compound-head fallback (longest first).
    private(set) var heads: [(suffix: String, value: Value, origin: String)] = []
    /// The same heads by their text, and the shortest and longest head in characters: a word is
    /// looked up by its own suffixes (a few dictionary probes) instead of testing every head.
    private var headIndex: [String: Value] = [:]
    private var headLengths = (shortest: Int.max, longest: 0)
    private(set) var count = 0

    init() {}

    /// Adds a phrase; a later row for the same phrase keeps the first value (tables list a word once).
    mutating func insert(_ phrase: String, _ value: Value, origin: String) {
        let keys = ClaimTokenizer.tokenize(phrase).map(\.key)
        guard !keys.isEmpty else { return }
        let p = Self.prefix2(keys[0])
        rootPrefixes[p >> 6] |= 1 << UInt64(p & 63)
        var node = root
        for k in keys {
            if let next = node.children[k] { node = next } else {
                let next = Node()
                node.children[k] = next
                node = next
            }
        }
        if node.value == nil {
            node.value = value
            node.origin = origin
            count += 1
            if keys.count == 1, keys[0].count >= 5 {
                heads.append((keys[0], value, origin))
            }
        }
    }

    /// Orders the compound heads longest first; call once after the last insert.
    mutating func finish() {
        heads.sort { ($0.suffix.count, $0.suffix) > ($1.suffix.count, $1.suffix) }
        headIndex = [:]
        headLengths = (Int.max, 0)
        for h in heads where headIndex[h.suffix] == nil {
            headIndex[h.suffix] = h.value
            let n = h.suffix.count
            headLengths = (min(headLengths.shortest, n), max(headLengths.longest, n))
        }
    }

    /// The longest phrase starting at token `i`: its length in tokens and its value.
    func longest(at i: Int, in tokens: [ClaimToken]) -> (length: Int, value: Value)? {
        guard i < tokens.count, mayStart(tokens[i].key) else { return nil }
        var node = root
        var best: (Int, Value)?
        var j = i
        while j < tokens.count, let next = node.children[tokens[j].key] {
            node = next
            j += 1
            if let v = node.value { best = (j - i, v) }
        }
        return best
    }

    /// Every phrase starting at token `i`, shortest first.
    func all(at i: Int, in tokens: [ClaimToken]) -> [(length: Int, value: Value)] {
        guard i < tokens.count, mayStart(tokens[i].key) else { return [] }
        var node = root
        var out: [(Int, Value)] = []
        var j = i
        while j < tokens.count, let next = node.children[tokens[j].key] {
            node = next
            j += 1
            if let v = node.value { out.append((j - i, v)) }
        }
        return out
    }

    /// The value of a single word ending in a listed word (*regeringssoldaten* ends in *soldaten*):
    /// for languages that write compounds as one word.
    func head(of token: ClaimToken) -> Value? {
        // The longest head wins and a head leaves at least three letters of its own before it:
        // probe the word's suffixes of `longest` down to `shortest` characters.
        guard !headIndex.isEmpty, token.key.utf8.count >= headLengths.shortest + 3 else { return nil }
        let chars = Array(token.key)
        let top = min(chars.count - 3, headLengths.longest)
        guard top >= headLengths.shortest else { return nil }
        for length in stride(from: top, through: headLengths.shortest, by: -1) {
            if let v = headIndex[String(chars[(chars.count - length)...])] { return v }
        }
        return nil
    }

    /// Every non-overlapping longest match, left to right.
    func matches(in tokens: [ClaimToken]) -> [PhraseMatch<Value>] {
        var out: [PhraseMatch<Value>] = []
        var i = 0
        while i < tokens.count {
            if let m = longest(at: i, in: tokens) {
                out.append(PhraseMatch(start: i, end: i + m.length, value: m.value))
                i += m.length
            } else {
                i += 1
            }
        }
        return out
    }
}

/// A table phrase found in a sentence: token indexes `start..<end`.
struct PhraseMatch<Value: Sendable>: Sendable {
    var start: Int
    var end: Int
    var value: Value
}
