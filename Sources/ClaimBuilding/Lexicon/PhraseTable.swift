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
    /// and are turned away without hashing their key.
    private var rootPrefixes = PrefixBits()
    /// Single words of at least five letters, for the compound-head fallback, and the shortest and
    /// longest of them in characters: a word is looked up by its own suffixes (a few dictionary
    /// probes) instead of testing every head.
    private var headIndex: [String: Value] = [:]
    private var headLengths = (shortest: Int.max, longest: 0)
    private(set) var count = 0

    init() {}

    /// Adds a phrase; a later row for the same phrase keeps the first value (tables list a word once).
    mutating func insert(_ phrase: String, _ value: Value, origin: String) {
        let keys = ClaimTokenizer.tokenize(phrase).map(\.key)
        guard !keys.isEmpty else { return }
        rootPrefixes.insert(PrefixBits.prefix(of: keys[0]))
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
            let n = keys[0].count
            if keys.count == 1, n >= 5, headIndex[keys[0]] == nil {
                headIndex[keys[0]] = value
                headLengths = (min(headLengths.shortest, n), max(headLengths.longest, n))
            }
        }
    }

    /// The longest phrase starting at token `i`: its length in tokens and its value.
    func longest(at i: Int, in tokens: [ClaimToken]) -> (length: Int, value: Value)? {
        guard i < tokens.count, rootPrefixes.mayStart(tokens[i].key) else { return nil }
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
        guard i < tokens.count, rootPrefixes.mayStart(tokens[i].key) else { return [] }
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
