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
    /// The tables, held by reference: a copy of the vocabulary (a sentence reading it out of its
    /// lexicon) is one retain, not one per dictionary and array. Built once (through a unique
    /// reference), read-only after and shared between threads: reads need no exclusivity check.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var ids: [String: Int32] = [:]
        @exclusivity(unchecked) var prefixes = PrefixBits()
        /// The words whose composed (NFC) form is plain ASCII, by those bytes, in an open-addressing
        /// table: an ASCII key equals such a word exactly when its bytes are that form, so an ASCII
        /// key is found by hashing its bytes instead of a `String`.
        @exclusivity(unchecked) var asciiSlots: [Int32] = []
        @exclusivity(unchecked) var asciiWords: [AsciiWord] = []
        @exclusivity(unchecked) var asciiBytes: [UInt8] = []
        /// Each ASCII word's bytes as a string (the key of a token spelled so).
        @exclusivity(unchecked) var asciiStrings: [String] = []
        /// The words whose composed form is not ASCII but all of its scalars lie below U+0250, by
        /// the bytes of that form (open addressing as for ASCII): such a form is its own NFC (no
        /// combining mark, no singleton there), so a key of those scalars equals a word exactly
        /// when its bytes are the word's composed bytes (``latinID(_:)``).
        @exclusivity(unchecked) var latinSlots: [Int32] = []
        @exclusivity(unchecked) var latinWords: [AsciiWord] = []
        @exclusivity(unchecked) var latinBytes: [UInt8] = []
        /// Every other word (its composed form holds a scalar at or above U+0250: Greek, Cyrillic,
        /// a no-break space between digits) by the bytes of its decomposed (NFD) form: a key whose
        /// scalars have no canonical decomposition and combining class 0 is its own NFD, so it
        /// equals such a word exactly when its bytes are those (``otherID(_:)``).
        @exclusivity(unchecked) var otherSlots: [Int32] = []
        @exclusivity(unchecked) var otherWords: [AsciiWord] = []
        @exclusivity(unchecked) var otherBytes: [UInt8] = []
        /// The numbers of the one-scalar words U+0080…U+00BF and U+2012…U+206F (« » “ ” — …), by
        /// ``punctuationSlot(_:)`` (-1: none): none of those scalars has a canonical decomposition
        /// or is one's target, so a one-scalar key of one equals a word exactly when the word's
        /// composed form is that scalar (``punctuationID(_:)``).
        @exclusivity(unchecked) var punctuation = [Int32](repeating: -1, count: Vocabulary.punctuationSlots)
        /// The ASCII words again, looked up eight bytes at a time (``PackedWordTable``): what the
        /// tokenizer asks per word.
        @exclusivity(unchecked) var packed = PackedWordTable()

        init() {}

        func copy() -> Storage {
            let c = Storage()
            c.ids = ids
            c.prefixes = prefixes
            c.asciiSlots = asciiSlots
            c.asciiWords = asciiWords
            c.asciiBytes = asciiBytes
            c.asciiStrings = asciiStrings
            c.latinSlots = latinSlots
            c.latinWords = latinWords
            c.latinBytes = latinBytes
            c.otherSlots = otherSlots
            c.otherWords = otherWords
            c.otherBytes = otherBytes
            c.punctuation = punctuation
            c.packed = packed.copy()
            return c
        }
    }

    private var storage = Storage()

    private struct AsciiWord: Sendable {
        var start: Int32
        var length: Int32
        var id: Int32
    }

    init() {}

    /// Number of distinct words.
    var count: Int { storage.ids.count }

    /// Every word, in no particular order (for tests).
    var words: [String] { Array(storage.ids.keys) }

    /// The number of `key`, giving it the next one if it is new.
    mutating func intern(_ key: String) -> Int32 {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        let s = storage
        if s.ids.isEmpty { s.ids.reserveCapacity(1024) }  // a language's tables hold about this many words
        // one hash of `key`: its number is read, or given, in place (start-up time)
        let id = Int32(s.ids.count)
        let found = Self.number(&s.ids[key, default: -1], id)
        if found != id { return found }
        Self.insertPrefixes(of: key, into: &s.prefixes)
        let ascii = key.utf8.allSatisfy { $0 < 0x80 }
        // a key whose other scalars all lie in U+0080…U+024F composes to no ASCII form: those
        // letters have no singleton decomposition and no composition makes an ASCII scalar, so
        // Foundation is not asked (start-up time)
        let latin = !ascii && key.unicodeScalars.allSatisfy { $0.value < 0x250 }
        let composed = ascii || latin ? key : key.precomposedStringWithCanonicalMapping
        if !ascii, let only = composed.unicodeScalars.first, composed.unicodeScalars.count == 1,
           let slot = Self.punctuationSlot(only.value) {
            s.punctuation[slot] = id
        }
        if ascii || (!latin && composed.utf8.allSatisfy({ $0 < 0x80 })) {
            s.asciiWords.append(AsciiWord(start: Int32(s.asciiBytes.count), length: Int32(composed.utf8.count), id: id))
            s.asciiBytes.append(contentsOf: composed.utf8)
            s.asciiStrings.append(String(decoding: composed.utf8, as: UTF8.self))
            var packedKey = composed
            packedKey.withUTF8 { s.packed.insert($0, number: id) }
            if s.asciiWords.count * 2 > s.asciiSlots.count {
                Self.rehash(s, capacity: max(64, s.asciiSlots.count * 2))
            } else {
                Self.place(s, s.asciiWords.count - 1)
            }
        } else if !composed.isEmpty, composed.unicodeScalars.allSatisfy({ $0.value < 0x250 }) {
            s.latinWords.append(AsciiWord(start: Int32(s.latinBytes.count), length: Int32(composed.utf8.count), id: id))
            s.latinBytes.append(contentsOf: composed.utf8)
            if s.latinWords.count * 2 > s.latinSlots.count {
                s.latinSlots = Array(repeating: -1, count: max(64, s.latinSlots.count * 2))
                for w in s.latinWords.indices { Self.placeLatin(s, w) }
            } else {
                Self.placeLatin(s, s.latinWords.count - 1)
            }
        } else if !composed.isEmpty {
            let nfd = key.decomposedStringWithCanonicalMapping
            s.otherWords.append(AsciiWord(start: Int32(s.otherBytes.count), length: Int32(nfd.utf8.count), id: id))
            s.otherBytes.append(contentsOf: nfd.utf8)
            if s.otherWords.count * 2 > s.otherSlots.count {
                s.otherSlots = Array(repeating: -1, count: max(16, s.otherSlots.count * 2))
                for w in s.otherWords.indices { Self.placeOther(s, w) }
            } else {
                Self.placeOther(s, s.otherWords.count - 1)
            }
        }
        return id
    }

    /// Room for U+0080…U+00BF and U+2012…U+206F.
    static let punctuationSlots = 0x40 + 0x5E

    /// The slot of scalar `v` in the one-scalar table, or nil outside it.
    @inline(__always)
    static func punctuationSlot(_ v: UInt32) -> Int? {
        if v >= 0x80 && v < 0xC0 { return Int(v - 0x80) }
        if v >= 0x2012 && v < 0x2070 { return Int(v - 0x2012) + 0x40 }
        return nil
    }

    /// The number of the one-scalar key of a scalar with a slot (``punctuationSlot(_:)``), or
    /// -1: what ``id(of:)`` answers for it, without a `String` made or hashed.
    @inline(__always)
    func punctuationID(_ slot: Int) -> Int32 { storage.punctuation[slot] }

    private static func placeOther(_ s: Storage, _ w: Int) {
        let word = s.otherWords[w]
        place(w, bytes: s.otherBytes[Int(word.start)..<Int(word.start + word.length)], in: &s.otherSlots)
    }

    /// The number of a key whose bytes are `bytes` (valid UTF-8 holding a scalar at or above
    /// U+0250; every non-ASCII scalar without a canonical decomposition and of combining class 0,
    /// so the key is its own NFD), or -1: what ``id(of:)`` answers for that key, without a
    /// `String` hashed. Such a key cannot equal an ASCII or Latin word (their decomposed forms
    /// hold only scalars below U+0250 and combining marks).
    func otherID(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let s = storage
        guard !s.otherSlots.isEmpty else { return -1 }
        var h = Self.fnvBasis
        for b in bytes { h = (h ^ UInt64(b)) &* Self.fnvPrime }
        return Self.probe(h, bytes, slots: s.otherSlots, words: s.otherWords, keyBytes: s.otherBytes)
    }

    private static func placeLatin(_ s: Storage, _ w: Int) {
        let word = s.latinWords[w]
        place(w, bytes: s.latinBytes[Int(word.start)..<Int(word.start + word.length)], in: &s.latinSlots)
    }

    /// Word `w`, whose key is `bytes`, in the first free slot from its hash (open addressing).
    private static func place(_ w: Int, bytes: ArraySlice<UInt8>, in slots: inout [Int32]) {
        let mask = slots.count - 1
        var h = Self.fnvBasis
        for b in bytes { h = (h ^ UInt64(b)) &* Self.fnvPrime }
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(w)
    }

    /// The number of a key whose bytes are `bytes` (valid UTF-8, not all ASCII, every scalar below
    /// U+0250), or -1: what ``id(of:)`` answers for that key, without a `String` hashed.
    func latinID(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let s = storage
        guard !s.latinSlots.isEmpty else { return -1 }
        var h = Self.fnvBasis
        for b in bytes { h = (h ^ UInt64(b)) &* Self.fnvPrime }
        return Self.probe(h, bytes, slots: s.latinSlots, words: s.latinWords, keyBytes: s.latinBytes)
    }
    /// The number in a slot of `ids`; a slot just made (-1) is given `id`.
    private static func number(_ slot: inout Int32, _ id: Int32) -> Int32 {
        if slot < 0 { slot = id }
        return slot
    }

    private static func rehash(_ s: Storage, capacity: Int) {
        s.asciiSlots = Array(repeating: -1, count: capacity)
        for w in s.asciiWords.indices { place(s, w) }
    }

    private static func place(_ s: Storage, _ w: Int) {
        let word = s.asciiWords[w]
        place(w, bytes: s.asciiBytes[Int(word.start)..<Int(word.start + word.length)], in: &s.asciiSlots)
    }

    /// The number of the word whose bytes are `bytes` (hashed to `h`) in one open-addressing
    /// table (`slots` holding word indices, -1 empty), or -1. (Read through buffers:
    /// no bounds check per probe or per byte.)
    @inline(__always)
    private static func probe(_ h: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, slots: [Int32], words: [AsciiWord],
                              keyBytes: [UInt8]) -> Int32 {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { slots in
            words.withUnsafeBufferPointer { words in
                keyBytes.withUnsafeBufferPointer { all in
                    while true {
                        let w = slots[slot]
                        if w < 0 { return -1 }
                        let word = words[Int(w)]
                        if Int(word.length) == bytes.count {
                            var k = 0
                            let start = Int(word.start)
                            while k < bytes.count, all[start + k] == bytes[k] { k += 1 }
                            if k == bytes.count { return word.id }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    private static let fnvBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// The number of a plain-ASCII key from its bytes (-1: none); nil when the key is not ASCII.
    private func asciiID(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let s = storage
        var h = Self.fnvBasis
        for b in bytes {
            if b >= 0x80 { return nil }
            h = (h ^ UInt64(b)) &* Self.fnvPrime
        }
        guard !s.asciiSlots.isEmpty else { return -1 }
        return Self.probe(h, bytes, slots: s.asciiSlots, words: s.asciiWords, keyBytes: s.asciiBytes)
    }

    /// The number and the string of the ASCII word spelled by `bytes` (all below 0x80), or nil
    /// when no table lists it: what ``id(of:)`` answers for a key with those bytes, without
    /// making the key first.
    /// `bytes` are lowercased (A-Z only) as they are read: the word of a token's ASCII key.
    @inline(__always)
    func asciiWord(lowering bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, key: String)? {
        let s = storage
        guard !s.asciiSlots.isEmpty else { return nil }
        @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        var h = Self.fnvBasis
        for b in bytes { h = (h ^ UInt64(lower(b))) &* Self.fnvPrime }
        let mask = s.asciiSlots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let w = s.asciiSlots[slot]
            if w < 0 { return nil }
            let word = s.asciiWords[Int(w)]
            if Int(word.length) == bytes.count {
                var k = 0
                let start = Int(word.start)
                while k < bytes.count, s.asciiBytes[start + k] == lower(bytes[k]) { k += 1 }
                if k == bytes.count { return (word.id, s.asciiStrings[Int(w)]) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The number of the ASCII word spelled by `bytes` (all below 0x80), lowercased (A-Z only)
    /// as they are read, or -1: ``asciiWord(lowering:)`` without the word's string (no reference
    /// counted).
    /// (Loops by index inside the buffers: where this is inlined into the tokenizer's word
    /// callback, the iterator, `isEmpty` and `count` of the arrays were left as calls.)
    @inline(__always)
    func asciiID(lowering bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let s = storage
        @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        return s.asciiSlots.withUnsafeBufferPointer { slots in
            let slotCount = slots.count
            guard slotCount > 0 else { return -1 }
            var h = Self.fnvBasis
            let n = bytes.count
            var i = 0
            while i < n {
                h = (h ^ UInt64(lower(bytes[i]))) &* Self.fnvPrime
                i += 1
            }
            let mask = slotCount - 1
            var slot = Int(truncatingIfNeeded: h) & mask
            return s.asciiWords.withUnsafeBufferPointer { words in
                s.asciiBytes.withUnsafeBufferPointer { all in
                    while true {
                        let w = slots[slot]
                        if w < 0 { return -1 }
                        let word = words[Int(w)]
                        if Int(word.length) == bytes.count {
                            var k = 0
                            let start = Int(word.start)
                            while k < bytes.count, all[start + k] == lower(bytes[k]) { k += 1 }
                            if k == bytes.count { return word.id }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// The number of the ASCII word of the `count` bytes at `p` (all below 0x80), lowercased
    /// (A-Z only) as they are read, or -1: ``asciiID(lowering:)`` read eight bytes at a time
    /// (``PackedWordTable``). `available` is how many bytes may be read from `p` (at least `count`).
    @inline(__always)
    func packedID(lowering p: UnsafePointer<UInt8>, count: Int, available: Int) -> Int32 {
        storage.packed.number(lowering: p, count: count, available: available)
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
        guard storage.prefixes.mayStart(key) else { return -1 }
        return storage.ids[key] ?? -1
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
/// number, the deeper edges in one open-addressing table keyed by (node, word) and hashed by a
/// multiplication (a `Dictionary<UInt64, Int32>` ran a SipHash per edge looked up).
struct PhraseTable<Value: Sendable>: Sendable {
    /// The trie, held by reference: a sentence that reads a table out of its lexicon copies one
    /// reference (one retain), not every array and dictionary of it. Built once (through a unique
    /// reference), read-only after and shared between threads: reads need no exclusivity check.
    private final class Storage: @unchecked Sendable {
        /// Node of each word number under the root, or -1 (node 0 is the root).
        @exclusivity(unchecked) var rootChild: [Int32] = []
        /// Deeper edges: `node << 32 | word` → child node, in open addressing (``EdgeTable``).
        @exclusivity(unchecked) var edges = EdgeTable()
        /// Per node: the index of its value in `values`, or -1.
        @exclusivity(unchecked) var nodeValue: [Int32] = [-1]
        /// Per node: true when some phrase goes on past it.
        @exclusivity(unchecked) var nodeHasChildren: [Bool] = [false]
        @exclusivity(unchecked) var values: [Value] = []
        /// Single words of at least five letters, for the compound-head fallback, and the shortest
        /// and longest of them in characters: a word is looked up by its own suffixes (a few
        /// dictionary probes) instead of testing every head.
        @exclusivity(unchecked) var headIndex: [String: Value] = [:]
        @exclusivity(unchecked) var headLengths = (shortest: Int.max, longest: 0)
        /// The first two bytes of every head (and of its decomposed form): most suffixes are turned
        /// away without building or hashing a string.
        @exclusivity(unchecked) var headPrefixes = PrefixBits()
        /// 16 bits of the hash (``headHash(_:)``) of every head's composed bytes: a suffix whose
        /// bytes hash elsewhere is no head, and no string is made for it (``headOfSimpleKey(_:)``).
        @exclusivity(unchecked) var headHashes = PrefixBits()
        @exclusivity(unchecked) var count = 0
        @exclusivity(unchecked) var maxLength = 0

        init() {}

        func copy() -> Storage {
            let c = Storage()
            c.rootChild = rootChild
            c.edges = edges
            c.nodeValue = nodeValue
            c.nodeHasChildren = nodeHasChildren
            c.values = values
            c.headIndex = headIndex
            c.headHashes = headHashes
            c.headLengths = headLengths
            c.headPrefixes = headPrefixes
            c.count = count
            c.maxLength = maxLength
            return c
        }
    }

    private var storage = Storage()

    /// Number of phrases.
    var count: Int { storage.count }
    /// The most words in one phrase.
    var maxLength: Int { storage.maxLength }

    init() {}

    /// Adds a phrase, numbering its words in `vocabulary`; a later row for the same phrase keeps
    /// the first value (tables list a word once).
    /// `origin` names the row for messages; it is not made unless needed (building it is a
    /// string per row).
    mutating func insert(_ phrase: String, _ value: Value, origin: @autoclosure () -> String, vocabulary: inout Vocabulary) {
        let keys = PlainWord.key(phrase).map { [$0] } ?? ClaimTokenizer.tokenize(phrase).map(\.key)
        guard !keys.isEmpty else { return }
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        let s = storage
        var node: Int32 = 0
        for k in keys {
            let id = vocabulary.intern(k)
            let next: Int32? = node == 0
                ? (Int(id) < s.rootChild.count && s.rootChild[Int(id)] >= 0 ? s.rootChild[Int(id)] : nil)
                : s.edges.value(Self.edge(node, id))
            if let next { node = next; continue }
            let made = Int32(s.nodeValue.count)
            s.nodeValue.append(-1)
            s.nodeHasChildren.append(false)
            s.nodeHasChildren[Int(node)] = true
            if node == 0 {
                if s.rootChild.count <= Int(id) {
                    s.rootChild.append(contentsOf: repeatElement(-1, count: Int(id) + 1 - s.rootChild.count))
                }
                s.rootChild[Int(id)] = made
            } else {
                s.edges.insert(Self.edge(node, id), made)
            }
            node = made
        }
        guard s.nodeValue[Int(node)] < 0 else { return }
        s.nodeValue[Int(node)] = Int32(s.values.count)
        s.values.append(value)
        s.count += 1
        s.maxLength = max(s.maxLength, keys.count)
        let n = keys[0].count
        if keys.count == 1, n >= 5, s.headIndex[keys[0]] == nil {
            s.headIndex[keys[0]] = value
            s.headLengths = (min(s.headLengths.shortest, n), max(s.headLengths.longest, n))
            Vocabulary.insertPrefixes(of: keys[0], into: &s.headPrefixes)
            // the composed form: a suffix cut from a key of Latin scalars is its own NFC; a head
            // with another letter (Greek, Cyrillic …) never equals such a suffix and is left out
            // (start-up time: Foundation is asked only for a Latin head with combining marks)
            var key = keys[0]
            let (ascii, hash) = key.withUTF8 { b -> (Bool, UInt16) in
                var ascii = true
                for x in b where x >= 0x80 { ascii = false; break }
                return (ascii, Self.headHash(b))
            }
            if ascii {
                s.headHashes.insert(hash)
            } else {
                var latin = true, marks = false
                for u in key.unicodeScalars where u.value >= 0x250 {
                    if u.value >= 0x300 && u.value < 0x370 { marks = true } else { latin = false; break }
                }
                if latin { s.headHashes.insert(marks ? Self.headHash(key.precomposedStringWithCanonicalMapping.utf8) : hash) }
            }
        }
    }

    /// FNV-1a of `bytes` folded to 16 bits (a bit of ``Storage/headHashes``).
    @inline(__always)
    static func headHash<C: Sequence>(_ bytes: C) -> UInt16 where C.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return UInt16(truncatingIfNeeded: h ^ h >> 16 ^ h >> 32 ^ h >> 48)
    }

    @inline(__always)
    private static func edge(_ node: Int32, _ word: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: word))
    }

    /// The node under the root for word number `id`, or -1.
    @inline(__always)
    private static func start(_ s: Storage, _ id: Int32) -> Int32 {
        id >= 0 && Int(id) < s.rootChild.count ? s.rootChild[Int(id)] : -1
    }

    /// The child of `node` for word number `id`, or -1.
    @inline(__always)
    private static func child(_ s: Storage, _ node: Int32, _ id: Int32) -> Int32 {
        guard id >= 0, s.nodeHasChildren[Int(node)] else { return -1 }
        return s.edges.value(Self.edge(node, id)) ?? -1
    }

    /// True when some phrase starts with word number `id`.
    @inline(__always)
    func mayStart(_ id: Int32) -> Bool { Self.start(storage, id) >= 0 }

    /// The longest phrase starting at token `i` (`ids`: the sentence's word numbers): its length
    /// in tokens and its value.
    @inline(__always)
    func longest(at i: Int, in ids: [Int32]) -> (length: Int, value: Value)? {
        guard i >= 0, i < ids.count else { return nil }
        let s = storage
        var node = Self.start(s, ids[i])
        var bestLength = 0
        var bestValue: Int32 = -1
        var j = i
        while node >= 0 {
            j += 1
            let v = s.nodeValue[Int(node)]
            if v >= 0 { bestLength = j - i; bestValue = v }
            guard j < ids.count else { break }
            node = Self.child(s, node, ids[j])
        }
        return bestValue >= 0 ? (bestLength, s.values[Int(bestValue)]) : nil
    }

    /// Calls `body` with every phrase starting at token `i`, shortest first: its length and value.
    @inline(__always)
    func forEach(at i: Int, in ids: [Int32], _ body: (Int, Value) -> Void) {
        guard i >= 0, i < ids.count else { return }
        let s = storage
        var node = Self.start(s, ids[i])
        var j = i
        while node >= 0 {
            j += 1
            let v = s.nodeValue[Int(node)]
            if v >= 0 { body(j - i, s.values[Int(v)]) }
            guard j < ids.count else { break }
            node = Self.child(s, node, ids[j])
        }
    }

    /// Appends every phrase starting at token `i`, shortest first: its length to `lengths`, its
    /// value to `values` (no closure, no array made per token).
    @inline(__always)
    func appendAll(at i: Int, in ids: [Int32], lengths: inout [Int32], values: inout [Value]) {
        guard i >= 0, i < ids.count else { return }
        let s = storage
        var node = Self.start(s, ids[i])
        var j = i
        while node >= 0 {
            j += 1
            let v = s.nodeValue[Int(node)]
            if v >= 0 {
                lengths.append(Int32(j - i))
                values.append(s.values[Int(v)])
            }
            guard j < ids.count else { break }
            node = Self.child(s, node, ids[j])
        }
    }

    /// The value of the one-word phrase `id` (what ``longest(at:in:)`` finds in a text of that one
    /// word), without making an array for it.
    @inline(__always)
    func value(ofWord id: Int32) -> Value? {
        let s = storage
        let node = Self.start(s, id)
        guard node >= 0 else { return nil }
        let v = s.nodeValue[Int(node)]
        return v >= 0 ? s.values[Int(v)] : nil
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
        let s = storage
        guard !s.headIndex.isEmpty, token.key.utf8.count >= s.headLengths.shortest + 3 else { return nil }
        var key = token.key
        if let found = key.withUTF8({ headOfSimpleKey($0) }) { return found }
        let chars = Array(token.key)
        let top = min(chars.count - 3, s.headLengths.longest)
        guard top >= s.headLengths.shortest else { return nil }
        for length in stride(from: top, through: s.headLengths.shortest, by: -1) {
            if let v = s.headIndex[String(chars[(chars.count - length)...])] { return v }
        }
        return nil
    }

    /// False when no word whose key has at most `count` bytes has a head in the table (then
    /// ``head(of:)`` and ``head(ofASCIIKey:)`` answer nil): asked before a key is made.
    @inline(__always)
    func mayHaveHead(keyBytes count: Int) -> Bool {
        let s = storage
        return !s.headIndex.isEmpty && count >= s.headLengths.shortest + 3
    }

    /// ``head(of:)`` of a token whose key is the plain-ASCII `key` (its bytes).
    func head(ofASCIIKey key: UnsafeBufferPointer<UInt8>) -> Value? {
        let s = storage
        guard !s.headIndex.isEmpty, key.count >= s.headLengths.shortest + 3 else { return nil }
        return headOfSimpleKey(key) ?? nil
    }

    /// ``head(of:)`` for a key whose scalars are all below U+0250 (ASCII and the Latin letters):
    /// each scalar is one `Character` there, so suffixes are cut on scalar boundaries in the bytes.
    /// nil when the key has other scalars (the caller then cuts `Character`s); `.some(nil)` when
    /// no head fits.
    private func headOfSimpleKey(_ bytes: UnsafeBufferPointer<UInt8>) -> Value?? {
        let s = storage
        // count the scalars (each one or two bytes), no array of their offsets
        var scalars = 0
        var p = 0
        while p < bytes.count {
            let b = bytes[p]
            if b < 0x80 {
                p += 1
            } else if b >= 0xC2 && b <= 0xC8 {   // U+0080…U+023F
                guard p + 1 < bytes.count, bytes[p + 1] & 0xC0 == 0x80 else { return nil }
                p += 2
            } else {
                return nil
            }
            scalars += 1
        }
        let top = min(scalars - 3, s.headLengths.longest)
        guard top >= s.headLengths.shortest else { return .some(nil) }
        // the byte offset where the last `top` scalars start: back from the end over whole scalars
        var from = bytes.count
        for _ in 0..<top {
            from -= 1
            while bytes[from] & 0xC0 == 0x80 { from -= 1 }
        }
        for _ in stride(from: top, through: s.headLengths.shortest, by: -1) {
            let prefix = UInt16(bytes[from]) << 8 | UInt16(bytes[from + 1])
            if prefix & 0x8080 != 0 || s.headPrefixes.contains(prefix) {
                let tail = UnsafeBufferPointer(rebasing: bytes[from...])
                if s.headHashes.contains(Self.headHash(tail)) {
                    let suffix = String(decoding: tail, as: UTF8.self)
                    if let v = s.headIndex[suffix] { return .some(v) }
                }
            }
            // one scalar shorter: step past this suffix's first scalar
            from += bytes[from] < 0x80 ? 1 : 2
        }
        return .some(nil)
    }

    /// Every non-overlapping longest match, left to right.
    func matches(in ids: [Int32]) -> [PhraseMatch<Value>] {
        var out: [PhraseMatch<Value>] = []
        appendMatches(in: ids, to: &out)
        return out
    }

    /// ``matches(in:)`` appended to `out` (an array a reader keeps between sentences).
    func appendMatches(in ids: [Int32], to out: inout [PhraseMatch<Value>]) {
        let s = storage
        var i = 0
        while i < ids.count {
            if Self.start(s, ids[i]) >= 0, let m = longest(at: i, in: ids) {
                out.append(PhraseMatch(start: i, end: i + m.length, value: m.value))
                i += m.length
            } else {
                i += 1
            }
        }
    }
}

/// A table phrase found in a sentence: token indexes `start..<end`.
struct PhraseMatch<Value: Sendable>: Sendable {
    var start: Int
    var end: Int
    var value: Value
}

/// The deeper edges of a ``PhraseTable``'s trie: `node << 32 | word` keys (never all ones) to
/// child nodes, in open addressing with linear probing, hashed by a Fibonacci multiplication.
struct EdgeTable: Sendable {
    private static let empty = UInt64.max
    private var keys: [UInt64] = []
    private var values: [Int32] = []
    private var shift: UInt64 = 64
    /// Number of edges held.
    private(set) var count = 0

    init() {}

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The child for `key`, or nil.
    @inline(__always)
    func value(_ key: UInt64) -> Int32? {
        guard count > 0 else { return nil }
        let mask = keys.count - 1
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == Self.empty { return nil }
            i = (i + 1) & mask
        }
    }

    /// Sets the child for `key` (replacing an old one).
    mutating func insert(_ key: UInt64, _ value: Int32) {
        precondition(key != Self.empty)
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(key)
        while keys[i] != Self.empty, keys[i] != key { i = (i + 1) & mask }
        if keys[i] == Self.empty { count += 1 }
        keys[i] = key
        values[i] = value
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        let size = max(16, keys.count * 2)
        keys = Array(repeating: Self.empty, count: size)
        values = Array(repeating: -1, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        count = 0
        for i in oldKeys.indices where oldKeys[i] != Self.empty { insert(oldKeys[i], oldValues[i]) }
    }
}
