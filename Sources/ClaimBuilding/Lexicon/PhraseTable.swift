import Foundation
import LanguageData

/// Every distinct word of one language's phrase tables, numbered from 0: a sentence's tokens are
/// hashed once each to their number (or -1 when no table knows them), and the tables are walked
/// over numbers, so a word no table knows costs nothing in every table after the first.
///
/// Words are matched as Swift compares strings (canonical equivalence). The prefix filter in front
/// of the dictionary turns a word away unhashed only when its first two bytes are ASCII and start
/// no listed word in any of its canonically equivalent forms (the decomposed form's prefix is
/// listed too: a text may write *b* + U+0307 where a table writes *ḃ*).
struct Vocabulary: Sendable {
    private var ids: [String: Int32] = [:]
    private var prefixes = PrefixBits()
    /// The words whose composed (NFC) form is plain ASCII, by those bytes, in an open-addressing
    /// table: an ASCII key equals such a word exactly when its bytes are that form, so an ASCII
    /// key is found by hashing its bytes instead of a `String`.
    private var asciiSlots: [Int32] = []
    private var asciiWords: [AsciiWord] = []
    private var asciiBytes: [UInt8] = []

    private struct AsciiWord: Sendable {
        var start: Int32
        var length: Int32
        var id: Int32
    }

    init() {}

    /// Number of distinct words.
    var count: Int { ids.count }

    /// The number of `key`, giving it the next one if it is new.
    mutating func intern(_ key: String) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(ids.count)
        ids[key] = id
        Self.insertPrefixes(of: key, into: &prefixes)
        let composed = key.utf8.allSatisfy { $0 < 0x80 } ? key : key.precomposedStringWithCanonicalMapping
        if composed.utf8.allSatisfy({ $0 < 0x80 }) {
            asciiWords.append(AsciiWord(start: Int32(asciiBytes.count), length: Int32(composed.utf8.count), id: id))
            asciiBytes.append(contentsOf: composed.utf8)
            if asciiWords.count * 2 > asciiSlots.count {
                rehash(capacity: max(64, asciiSlots.count * 2))
            } else {
                place(asciiWords.count - 1)
            }
        }
        return id
    }

    private mutating func rehash(capacity: Int) {
        asciiSlots = Array(repeating: -1, count: capacity)
        for w in asciiWords.indices { place(w) }
    }

    private mutating func place(_ w: Int) {
        let word = asciiWords[w]
        let mask = asciiSlots.count - 1
        var h = Self.fnvBasis
        for k in Int(word.start)..<Int(word.start + word.length) { h = (h ^ UInt64(asciiBytes[k])) &* Self.fnvPrime }
        var slot = Int(truncatingIfNeeded: h) & mask
        while asciiSlots[slot] >= 0 { slot = (slot + 1) & mask }
        asciiSlots[slot] = Int32(w)
    }

    private static let fnvBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// The number of a plain-ASCII key from its bytes (-1: none); nil when the key is not ASCII.
    private func asciiID(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        var h = Self.fnvBasis
        for b in bytes {
            if b >= 0x80 { return nil }
            h = (h ^ UInt64(b)) &* Self.fnvPrime
        }
        guard !asciiSlots.isEmpty else { return -1 }
        let mask = asciiSlots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let w = asciiSlots[slot]
            if w < 0 { return -1 }
            let word = asciiWords[Int(w)]
            if Int(word.length) == bytes.count {
                var k = 0
                let start = Int(word.start)
                while k < bytes.count, asciiBytes[start + k] == bytes[k] { k += 1 }
                if k == bytes.count { return word.id }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Adds the first two bytes of `word`, and of its decomposed form when they differ (only a
    /// word with a byte beyond ASCII there has another form that starts otherwise).
    static func insertPrefixes(of word: String, into bits: inout PrefixBits) {
        let p = PrefixBits.prefix(of: word)
        bits.insert(p)
        if p & 0x8080 != 0 { bits.insert(PrefixBits.prefix(of: word.decomposedStringWithCanonicalMapping)) }
    }

    /// The number of `key`, or -1 when no table lists it.
    @inline(__always)
    func id(of key: String) -> Int32 {
        var k = key
        if let id = k.withUTF8({ asciiID($0) }) { return id }
        guard prefixes.mayStart(key) else { return -1 }
        return ids[key] ?? -1
    }

    /// The numbers of the tokens' keys, in order.
    func ids(of tokens: [ClaimToken]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(tokens.count)
        for i in tokens.indices { out.append(id(of: tokens[i].key)) }
        return out
    }
}

/// A longest-match table over tokens: phrases of one or more words, each mapped to a value.
///
/// Phrases are tokenized like sentences (``ClaimTokenizer``) and matched on token keys
/// (lowercased), so *according to* matches *According to* and *Afghanistan’s* matches
/// *afghanistan*. The words are numbered by a ``Vocabulary`` shared by all the tables of a
/// language; a sentence is looked up as the numbers of its tokens (`Vocabulary.ids(of:)`).
///
/// The phrases form a trie over word numbers: the root's children in an array indexed by word
/// number, the deeper edges in one dictionary keyed by (node, word).
struct PhraseTable<Value: Sendable>: Sendable {
    /// Node of each word number under the root, or -1 (node 0 is the root).
    private var rootChild: [Int32] = []
    /// Deeper edges: `node << 32 | word` → child node.
    private var edges: [UInt64: Int32] = [:]
    /// Per node: the index of its value in `values`, or -1.
    private var nodeValue: [Int32] = [-1]
    /// Per node: true when some phrase goes on past it.
    private var nodeHasChildren: [Bool] = [false]
    private var values: [Value] = []
    /// Single words of at least five letters, for the compound-head fallback, and the shortest and
    /// longest of them in characters: a word is looked up by its own suffixes (a few dictionary
    /// probes) instead of testing every head.
    private var headIndex: [String: Value] = [:]
    private var headLengths = (shortest: Int.max, longest: 0)
    /// The first two bytes of every head (and of its decomposed form): most suffixes are turned
    /// away without building or hashing a string.
    private var headPrefixes = PrefixBits()
    private(set) var count = 0
    /// The most words in one phrase.
    private(set) var maxLength = 0

    init() {}

    /// Adds a phrase, numbering its words in `vocabulary`; a later row for the same phrase keeps
    /// the first value (tables list a word once).
    mutating func insert(_ phrase: String, _ value: Value, origin: String, vocabulary: inout Vocabulary) {
        let keys = ClaimTokenizer.tokenize(phrase).map(\.key)
        guard !keys.isEmpty else { return }
        var node: Int32 = 0
        for k in keys {
            let id = vocabulary.intern(k)
            let next: Int32? = node == 0
                ? (Int(id) < rootChild.count && rootChild[Int(id)] >= 0 ? rootChild[Int(id)] : nil)
                : edges[Self.edge(node, id)]
            if let next { node = next; continue }
            let made = Int32(nodeValue.count)
            nodeValue.append(-1)
            nodeHasChildren.append(false)
            nodeHasChildren[Int(node)] = true
            if node == 0 {
                if rootChild.count <= Int(id) {
                    rootChild.append(contentsOf: repeatElement(-1, count: Int(id) + 1 - rootChild.count))
                }
                rootChild[Int(id)] = made
            } else {
                edges[Self.edge(node, id)] = made
            }
            node = made
        }
        guard nodeValue[Int(node)] < 0 else { return }
        nodeValue[Int(node)] = Int32(values.count)
        values.append(value)
        count += 1
        maxLength = max(maxLength, keys.count)
        let n = keys[0].count
        if keys.count == 1, n >= 5, headIndex[keys[0]] == nil {
            headIndex[keys[0]] = value
            headLengths = (min(headLengths.shortest, n), max(headLengths.longest, n))
            Vocabulary.insertPrefixes(of: keys[0], into: &headPrefixes)
        }
    }

    @inline(__always)
    private static func edge(_ node: Int32, _ word: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: word))
    }

    /// The node under the root for word number `id`, or -1.
    @inline(__always)
    private func start(_ id: Int32) -> Int32 {
        id >= 0 && Int(id) < rootChild.count ? rootChild[Int(id)] : -1
    }

    /// The child of `node` for word number `id`, or -1.
    @inline(__always)
    private func child(_ node: Int32, _ id: Int32) -> Int32 {
        guard id >= 0, nodeHasChildren[Int(node)] else { return -1 }
        return edges[Self.edge(node, id)] ?? -1
    }

    /// True when some phrase starts with word number `id`.
    @inline(__always)
    func mayStart(_ id: Int32) -> Bool { start(id) >= 0 }

    /// The longest phrase starting at token `i` (`ids`: the sentence's word numbers): its length
    /// in tokens and its value.
    @inline(__always)
    func longest(at i: Int, in ids: [Int32]) -> (length: Int, value: Value)? {
        guard i >= 0, i < ids.count else { return nil }
        var node = start(ids[i])
        var bestLength = 0
        var bestValue: Int32 = -1
        var j = i
        while node >= 0 {
            j += 1
            let v = nodeValue[Int(node)]
            if v >= 0 { bestLength = j - i; bestValue = v }
            guard j < ids.count else { break }
            node = child(node, ids[j])
        }
        return bestValue >= 0 ? (bestLength, values[Int(bestValue)]) : nil
    }

    /// Calls `body` with every phrase starting at token `i`, shortest first: its length and value.
    @inline(__always)
    func forEach(at i: Int, in ids: [Int32], _ body: (Int, Value) -> Void) {
        guard i >= 0, i < ids.count else { return }
        var node = start(ids[i])
        var j = i
        while node >= 0 {
            j += 1
            let v = nodeValue[Int(node)]
            if v >= 0 { body(j - i, values[Int(v)]) }
            guard j < ids.count else { break }
            node = child(node, ids[j])
        }
    }

    /// Appends every phrase starting at token `i`, shortest first: its length to `lengths`, its
    /// value to `values` (no closure, no array made per token).
    @inline(__always)
    func appendAll(at i: Int, in ids: [Int32], lengths: inout [Int32], values: inout [Value]) {
        guard i >= 0, i < ids.count else { return }
        var node = start(ids[i])
        var j = i
        while node >= 0 {
            j += 1
            let v = nodeValue[Int(node)]
            if v >= 0 {
                lengths.append(Int32(j - i))
                values.append(self.values[Int(v)])
            }
            guard j < ids.count else { break }
            node = child(node, ids[j])
        }
    }

    /// Every phrase starting at token `i`, shortest first.
    func all(at i: Int, in ids: [Int32]) -> [(length: Int, value: Value)] {
        var out: [(length: Int, value: Value)] = []
        forEach(at: i, in: ids) { out.append(($0, $1)) }
        return out
    }

    /// The value of a single word ending in a listed word (*regeringssoldaten* ends in *soldaten*):
    /// for languages that write compounds as one word.
    func head(of token: ClaimToken) -> Value? {
        // The longest head wins and a head leaves at least three letters of its own before it:
        // probe the word's suffixes of `longest` down to `shortest` characters.
        guard !headIndex.isEmpty, token.key.utf8.count >= headLengths.shortest + 3 else { return nil }
        var key = token.key
        if let found = key.withUTF8({ headOfSimpleKey($0) }) { return found }
        let chars = Array(token.key)
        let top = min(chars.count - 3, headLengths.longest)
        guard top >= headLengths.shortest else { return nil }
        for length in stride(from: top, through: headLengths.shortest, by: -1) {
            if let v = headIndex[String(chars[(chars.count - length)...])] { return v }
        }
        return nil
    }

    /// ``head(of:)`` for a key whose scalars are all below U+0250 (ASCII and the Latin letters):
    /// each scalar is one `Character` there, so suffixes are cut on scalar boundaries in the bytes.
    /// nil when the key has other scalars (the caller then cuts `Character`s); `.some(nil)` when
    /// no head fits.
    private func headOfSimpleKey(_ bytes: UnsafeBufferPointer<UInt8>) -> Value?? {
        // byte offsets where the last `longest + 3` scalars start, back from the end
        var starts: [Int] = []
        var scalars = 0
        var p = 0
        while p < bytes.count {
            let b = bytes[p]
            let width: Int
            if b < 0x80 { width = 1 } else if b >= 0xC2 && b <= 0xC8 { width = 2 } else { return nil }  // U+0080…U+023F
            if width == 2 {
                guard p + 1 < bytes.count, bytes[p + 1] & 0xC0 == 0x80 else { return nil }
            }
            starts.append(p)
            scalars += 1
            p += width
        }
        let top = min(scalars - 3, headLengths.longest)
        guard top >= headLengths.shortest else { return .some(nil) }
        for length in stride(from: top, through: headLengths.shortest, by: -1) {
            let from = starts[scalars - length]
            let prefix = UInt16(bytes[from]) << 8 | UInt16(bytes[from + 1])
            if prefix & 0x8080 == 0, !headPrefixes.contains(prefix) { continue }
            let suffix = String(decoding: UnsafeBufferPointer(rebasing: bytes[from...]), as: UTF8.self)
            if let v = headIndex[suffix] { return .some(v) }
        }
        return .some(nil)
    }

    /// Every non-overlapping longest match, left to right.
    func matches(in ids: [Int32]) -> [PhraseMatch<Value>] {
        var out: [PhraseMatch<Value>] = []
        var i = 0
        while i < ids.count {
            if start(ids[i]) >= 0, let m = longest(at: i, in: ids) {
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
