import Foundation

/// A first look at a sentence over its bytes: false only when the scanner cannot find a quantity
/// in it, so most sentences of an article (which hold no figure) are never tokenized.
///
/// Every quantity the scanner emits takes its value from a digit, a vulgar fraction, a closed
/// compound of number words, or a table phrase whose entry carries a value (a cardinal, ordinal,
/// fraction, scale, vague amount or relative ordinal). The gate keeps, per language, the first
/// tokens of those phrases in a small hash table keyed by a *skeleton* of the token: case-folded
/// as the ``Tokenizer`` folds it, with Latin-1 and Latin Extended-A letters reduced to their base
/// letter and combining marks dropped. The skeleton is coarser than every way the scanner matches a token to a table
/// word (Swift's canonical equivalence, ``Lexicon/accentVariant(of:)``), so a sentence that holds
/// such a token always passes; a skeleton that only collides costs a full scan and nothing else.
///
/// - A value phrase's first token on its own (*five*, *dozens*, *third*): the sentence passes.
/// - An article that counts as *one* only before a unit or scale (*a day*, *a million*): the
///   sentence passes when the next token is any table word.
/// - The first token of a longer phrase with a value (*a* of *a couple*, *mezz* of *mezz'ora*):
///   the sentence passes when the next token is a second token of such a phrase.
/// - A word that may be a closed compound (*dreihundert*, *tooghalvtreds*) is split as the scanner
///   splits it.
///
/// The gate turns itself off (every sentence passes) for a language whose table words use letters
/// the skeleton does not reduce (a decomposable letter beyond Latin Extended-A, or a combining
/// mark), so adding such a language stays correct without Swift changes.
struct QuantityGate: Sendable {
    /// The first token of a phrase with a value of its own.
    static let strong: UInt8 = 1
    /// A word that is a number only with a unit or scale after it (the article *a* of *a day*).
    static let article: UInt8 = 2
    /// Any first token of a table phrase.
    static let known: UInt8 = 4
    /// The first token of a longer phrase with a value (*a* of *a couple*, *mezz* of *mezz'*).
    static let phrase: UInt8 = 8
    /// A second token of such a phrase.
    static let follower: UInt8 = 16
    /// Any token of any table phrase, at any place in it (for the scanner's trie walks).
    static let anyKey: UInt8 = 32
    /// ``strong`` only through relative ordinals (*last*, *next*, *previous*): the scanner reads
    /// those only when ``QuantityRecognizer/Options/relativeOrdinals`` is on, so without it such a
    /// word lets no sentence through (in English news they are the most common words that did).
    static let strongRelative: UInt8 = 64
    /// ``phrase`` only through relative ordinals deeper in the phrase.
    static let phraseRelative: UInt8 = 128

    private(set) var enabled = true
    private var table = SkeletonTable()

    /// True when the skeleton of `key` is the same however a text composes it: every letter is
    /// ASCII, Latin-1 or Latin Extended-A (whose decompositions the skeleton reduces) or has no
    /// decomposition at all; no combining mark stands in the key itself.
    static func reducible(_ key: String) -> Bool {
        // an ASCII key (most) is reducible: no scalar walk (start-up time)
        if key.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        return key.unicodeScalars.allSatisfy { s in
            let v = s.value
            if v >= 0x300 && v <= 0x36F { return false }
            if v < 0x180 || Tokenizer.classify(v) == .symbol { return true }
            return String(Character(s)).decomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([s])
        }
    }

    mutating func add(_ key: String, _ flags: UInt8) {
        guard !key.isEmpty else { return }
        if !Self.reducible(key) { enabled = false }
        table.insert(Self.skeletonHash(of: key), flags)
    }

    @inline(__always)
    func flags(ofHash h: UInt64) -> UInt8 { table.flags(h) }

    /// The skeleton hash of a table key (as ``add(_:_:)`` hashes it).
    static func skeletonHash(of key: String) -> UInt64 {
        // the same scalars as the key's, decoded from its UTF-8 (start-up time)
        var key = key
        return key.withUTF8 { skeletonHash($0, 0, $0.count) }
    }

    /// The skeleton hash of the letters `b[from..<to]` (a word token of the text).
    static func skeletonHash(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UInt64 {
        var h = seed
        var i = from
        while i < to {
            let c = b[i]
            if c < 0x80 {
                h = mix(h, UInt32(c >= 0x41 && c <= 0x5A ? c | 0x20 : c))
                i += 1
                continue
            }
            let (s, len) = Tokenizer.decode(b, i)
            if let k = skeleton(s) { h = mix(h, k) }
            i += len
        }
        return h
    }

    // MARK: - Byte classes

    /// ``asciiClass`` of a digit.
    static let digitClass: UInt8 = 1
    /// ``asciiClass`` of white space.
    static let spaceClass: UInt8 = 2
    /// ``asciiClass`` of an ASCII symbol.
    static let symbolClass: UInt8 = 3
    /// ``asciiClass`` of a byte beyond ASCII (decoded as a scalar).
    static let otherClass: UInt8 = 4
    /// Classes at or above this are letters, given as their lower-case byte.
    static let letterClass: UInt8 = 0x61

    /// Every byte's class for the gate: an ASCII letter is its lower-case byte (≥ ``letterClass``);
    /// digits, white space (space, tab…CR) and other ASCII are ``digitClass``, ``spaceClass``,
    /// ``symbolClass``; bytes beyond ASCII are ``otherClass``.
    static let asciiClass: [UInt8] = (0..<256).map { c -> UInt8 in
        switch c {
        case 0x30...0x39: return digitClass
        case 0x41...0x5A: return UInt8(c | 0x20)
        case 0x61...0x7A: return UInt8(c)
        case 0x09...0x0D, 0x20: return spaceClass
        case 0x80...: return otherClass
        default: return symbolClass
        }
    }

    /// The skeleton table's storage for the time of `body` (see ``SkeletonTable/View``).
    @inline(__always)
    func withTable<R>(_ body: (SkeletonTable.View) -> R) -> R { table.withView(body) }

    // MARK: - Skeletons

    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func mix(_ h: UInt64, _ scalar: UInt32) -> UInt64 {
        (h ^ UInt64(scalar)) &* 0x0000_0100_0000_01b3
    }

    /// The scalar a token scalar stands for in a skeleton; nil for a combining mark (dropped).
    @inline(__always)
    static func skeleton(_ s: UInt32) -> UInt32? {
        if s < 0x80 { return s >= 0x41 && s <= 0x5A ? s + 0x20 : s }
        if s >= 0x300 && s <= 0x36F { return nil }
        if s < 0x180 { return latinBase[Int(s)] }
        return Tokenizer.fold(s)
    }

    /// U+0000…U+017F by skeleton: case-folded as the tokenizer folds, then the first scalar of the
    /// canonical decomposition (*Å* → *a*, *č* → *c*); letters with no decomposition (*æ*, *ø*,
    /// *ł*, *ß*) stay themselves.
    static let latinBase: [UInt32] = (0..<UInt32(0x180)).map { v in
        let f = Tokenizer.fold(v)
        guard f >= 0x80, let u = Unicode.Scalar(f) else { return f }
        return String(Character(u)).decomposedStringWithCanonicalMapping.unicodeScalars.first?.value ?? f
    }
}

/// An open-addressing table from 64-bit skeleton hashes to flag bytes (flags of colliding keys
/// are joined, which only lets more sentences through).
struct SkeletonTable: Sendable {
    private var keys: [UInt64] = Array(repeating: 0, count: 64)
    private var values: [UInt8] = Array(repeating: 0, count: 64)
    private var count = 0
    private var shift: UInt64 = 58

    @inline(__always)
    private func slot(_ h: UInt64) -> Int { Int((h &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    mutating func insert(_ hash: UInt64, _ flags: UInt8) {
        let h = hash == 0 ? 1 : hash
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(h)
        while keys[i] != 0 {
            if keys[i] == h { values[i] |= flags; return }
            i = (i + 1) & mask
        }
        keys[i] = h
        values[i] = flags
        count += 1
    }

    @inline(__always)
    func flags(_ hash: UInt64) -> UInt8 {
        let h = hash == 0 ? 1 : hash
        let mask = keys.count - 1
        var i = slot(h)
        while true {
            let k = keys[i]
            if k == h { return values[i] }
            if k == 0 { return 0 }
            i = (i + 1) & mask
        }
    }

    /// The table's arrays as raw buffers: a look-up with no array checks (the gate's hot loop).
    struct View {
        let keys: UnsafeBufferPointer<UInt64>
        let values: UnsafeBufferPointer<UInt8>
        let shift: UInt64

        @inline(__always)
        func flags(_ hash: UInt64) -> UInt8 {
            let h = hash == 0 ? 1 : hash
            let mask = keys.count &- 1
            var i = Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let k = keys[i]
                if k == h { return values[i] }
                if k == 0 { return 0 }
                i = (i &+ 1) & mask
            }
        }
    }

    @inline(__always)
    func withView<R>(_ body: (View) -> R) -> R {
        keys.withUnsafeBufferPointer { k in
            values.withUnsafeBufferPointer { v in body(View(keys: k, values: v, shift: shift)) }
        }
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        keys = Array(repeating: 0, count: keys.count * 2)
        values = Array(repeating: 0, count: keys.count)
        shift -= 1
        count = 0
        for (k, v) in old { insert(k, v) }
    }
}

extension Lexicon {
    /// The gate of this language's tables (see ``QuantityGate``).
    static func gate(trie: TokenTrie) -> QuantityGate {
        var gate = QuantityGate()
        // (`relative`: whether a relative ordinal counts as a value)
        func valued(_ m: Meaning, _ relative: Bool) -> Bool {
            switch m {
            case .cardinal(_, let article, _, _): return !article
            case .ordinal, .scale, .fraction, .vague: return true
            case .relativeOrdinal: return relative
            default: return false
            }
        }
        func article(_ m: Meaning) -> Bool {
            if case .cardinal(_, true, _, _) = m { return true }
            return false
        }
        // Whether a value entry lies below `node` (in a longer phrase), without and with
        // relative ordinals.
        var deeper = [[Bool?]](repeating: [Bool?](repeating: nil, count: trie.nodes.count), count: 2)
        func valueBelow(_ node: Int, _ relative: Bool) -> Bool {
            let r = relative ? 1 : 0
            if let d = deeper[r][node] { return d }
            var found = false
            for (_, child) in trie.nodes[node].next {
                let c = Int(child)
                if trie.nodes[c].entries.contains(where: { valued($0.meaning, relative) || article($0.meaning) })
                    || valueBelow(c, relative) {
                    found = true
                    break
                }
            }
            deeper[r][node] = found
            return found
        }
        for (key, child) in trie.nodes[0].next {
            let node = trie.nodes[Int(child)]
            var flags = QuantityGate.known
            if node.entries.contains(where: { valued($0.meaning, false) }) { flags |= QuantityGate.strong }
            else if node.entries.contains(where: { valued($0.meaning, true) }) { flags |= QuantityGate.strongRelative }
            if node.entries.contains(where: { article($0.meaning) }) { flags |= QuantityGate.article }
            let plain = valueBelow(Int(child), false)
            if plain || valueBelow(Int(child), true) {
                flags |= plain ? QuantityGate.phrase : QuantityGate.phraseRelative
                for (follower, _) in node.next { gate.add(follower, QuantityGate.follower) }
            }
            gate.add(key, flags)
        }
        // every key of every phrase, at any depth: the scanner's walks stop at any other word
        var stack = [0]
        var seen = [Bool](repeating: false, count: trie.nodes.count)
        while let node = stack.popLast() {
            for (key, child) in trie.nodes[node].next where !seen[Int(child)] {
                seen[Int(child)] = true
                gate.add(key, QuantityGate.anyKey)
                stack.append(Int(child))
            }
        }
        for key in QuantityScanner.vulgar.keys { gate.add(key, QuantityGate.strong | QuantityGate.known) }
        return gate
    }

    /// False only when the scanner cannot find a quantity in `b` (see ``QuantityGate``).
    ///
    /// ASCII bytes are classed by one table look-up (``QuantityGate/asciiClass``): a letter is
    /// its lower-case self, so the loop over a word's letters is a load, a test and a mix.
    ///
    /// A word that holds a value only as a relative ordinal counts only when `relativeOrdinals`
    /// is on, as the scanner reads it.
    func mayHoldQuantity(_ b: UnsafeBufferPointer<UInt8>, relativeOrdinals: Bool = true) -> Bool {
        guard gate.enabled else { return true }
        // Every digit ends the look (the loop below returns true at the first one, and in valid
        // UTF-8 an ASCII byte is always a scalar of its own): eight bytes at a time first.
        if Self.holdsDigit(b) { return true }
        return QuantityGate.asciiClass.withUnsafeBufferPointer { cls in
            gate.withTable { table in
                mayHoldQuantity(b, cls, table,
                                strong: relativeOrdinals ? QuantityGate.strong | QuantityGate.strongRelative : QuantityGate.strong,
                                phrase: relativeOrdinals ? QuantityGate.phrase | QuantityGate.phraseRelative : QuantityGate.phrase)
            }
        }
    }

    /// True when some byte of `b` is an ASCII digit, read eight bytes at a time: a byte `x` is a
    /// digit when `x ^ 0x30 < 10`, and "some byte of a word below 10" is the exact test
    /// `(y - 0x0A…0A) & ~y & 0x80…80 != 0`.
    @inline(__always)
    static func holdsDigit(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        let n = b.count
        var i = 0
        let raw = UnsafeRawPointer(base)
        while i &+ 8 <= n {
            let y = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x3030_3030_3030_3030
            if (y &- 0x0A0A_0A0A_0A0A_0A0A) & ~y & 0x8080_8080_8080_8080 != 0 { return true }
            i &+= 8
        }
        while i < n {
            if base[i] &- 0x30 < 10 { return true }
            i &+= 1
        }
        return false
    }

    @inline(__always)
    private func mayHoldQuantity(_ b: UnsafeBufferPointer<UInt8>, _ cls: UnsafeBufferPointer<UInt8>,
                                 _ table: SkeletonTable.View, strong: UInt8, phrase: UInt8) -> Bool {
        let n = b.count
        var i = 0
        // what the token before asks of this one: any table word (after an article), a
        // phrase's second token (after a phrase's first)
        var wanted: UInt8 = 0
        while i < n {
            let c = b[i]
            var h = QuantityGate.seed
            let isWord: Bool
            let k = cls[Int(c)]
            if k >= QuantityGate.letterClass {
                isWord = true
            } else if k == QuantityGate.spaceClass {
                i += 1
                continue
            } else if k == QuantityGate.digitClass {
                return true
            } else if k == QuantityGate.symbolClass {
                isWord = false
            } else {
                let (s, len) = Tokenizer.decode(b, i)
                switch Tokenizer.classify(s) {
                case .space: i += len; continue
                case .letter: isWord = true
                case .symbol, .digit: isWord = false
                }
            }
            var end = i
            if isWord {
                // letters (and digits, which end the look at once) as the tokenizer reads a word
                var j = i
                while j < n {
                    let l = cls[Int(b[j])]
                    if l >= QuantityGate.letterClass {
                        h = QuantityGate.mix(h, UInt32(l))
                        j += 1
                        continue
                    }
                    if l == QuantityGate.digitClass { return true }
                    guard l == QuantityGate.otherClass else { break }
                    let (s, len) = Tokenizer.decode(b, j)
                    guard Tokenizer.classify(s) == .letter else { break }
                    if let k = QuantityGate.skeleton(s) { h = QuantityGate.mix(h, k) }
                    j += len
                }
                end = j
            } else {
                let (s, len) = Tokenizer.decode(b, i)
                let f = Tokenizer.fold(s)
                if let k = QuantityGate.skeleton(f) { h = QuantityGate.mix(h, k) }
                end = i + len
            }
            let flags = table.flags(h)
            if flags & strong != 0 { return true }
            if flags & wanted != 0 { return true }
            wanted = (flags & QuantityGate.article != 0 ? QuantityGate.known | QuantityGate.follower : 0)
                | (flags & phrase != 0 ? QuantityGate.follower : 0)
            // the scanner splits a word it does not find in its tables; a skeleton may collide with
            // a table word the word is not, so only a value ends the question
            if isWord, end - i >= 4, b[i] >= 0x80 || b[i + 1] >= 0x80
                || piecePrefixBits.contains(UInt16(b[i] | 0x20) << 8 | UInt16(b[i + 1] | 0x20)),
               maybeCompound(b, from: i, to: end) { return true }
            i = end
        }
        return false
    }

    /// Whether the word `b[from..<to]` may split into compound pieces as the scanner splits it.
    func maybeCompound(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        // ASCII ends are judged first: the word must start and end as pieces do
        let first = b[from] | 0x20, second = b[from + 1] | 0x20
        if b[from] < 0x80, b[from + 1] < 0x80,
           !piecePrefixBits.contains(UInt16(first) << 8 | UInt16(second)) { return false }
        let last = b[to - 1], before = b[to - 2]
        if last < 0x80, before < 0x80, !pieceSuffixBits.contains(UInt16(last | 0x20)),
           !pieceSuffixBits.contains(UInt16(before | 0x20) << 8 | UInt16(last | 0x20)) { return false }
        return pieceSkeletons.splits(UnsafeBufferPointer(rebasing: b[from..<to]))
    }
}

/// The compound pieces as a trie over their skeletons (see ``QuantityGate``), so a word is split
/// without building a string. Letters a…z have their own edge; every other skeleton letter
/// shares one, which only lets more words through. Two strings the scanner takes as equal have
/// equal skeletons, so ``splits(_:)`` is true whenever ``Lexicon/splitCompound(_:)`` splits the
/// word (and also for some words it does not: one that is a piece itself, *achtzehn*, which the
/// scanner's greedy split reads whole, or one split by an accent).
struct PieceTrie: Sendable {
    /// 27 slots per node: 0 for any letter beyond a…z, a…z at 1…26; 0 = no edge.
    private var next: [Int32] = Array(repeating: 0, count: 27)
    private var terminal: [Bool] = [false]
    /// Words longer than this are let through unsplit.
    static let longest = 64

    @inline(__always)
    static func slot(_ skeleton: UInt32) -> Int {
        skeleton >= 0x61 && skeleton <= 0x7A ? Int(skeleton - 0x60) : 0
    }

    mutating func insert(_ piece: String) {
        var node = 0
        var any = false
        for u in piece.unicodeScalars {
            guard let k = QuantityGate.skeleton(u.value) else { continue }
            let slot = node * 27 + Self.slot(k)
            if next[slot] == 0 {
                next[slot] = Int32(terminal.count)
                terminal.append(false)
                next += repeatElement(0, count: 27)
            }
            node = Int(next[slot])
            any = true
        }
        if any { terminal[node] = true }
    }

    /// True when the word (UTF-8 letters of any case) may split into two pieces or more.
    ///
    /// An ASCII byte's slot is read from the byte itself (its skeleton is its lower case), and
    /// the trie's arrays are read through raw buffers; ``splitsReference(_:)`` is the same
    /// question asked scalar by scalar.
    func splits(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.longest) { slots in
            var n = 0
            var i = 0
            let count = word.count
            while i < count {
                let c = word[i]
                if c < 0x80 {
                    // (only A…Z and a…z have their lower case in a…z after `| 0x20`)
                    let l = c | 0x20
                    i += 1
                    if n == Self.longest { return true }
                    slots[n] = l >= 0x61 && l <= 0x7A ? l &- 0x60 : 0
                    n += 1
                    continue
                }
                let (s, len) = Tokenizer.decode(word, i)
                i += len
                guard let k = QuantityGate.skeleton(s) else { continue }
                if n == Self.longest { return true }
                slots[n] = UInt8(Self.slot(k))
                n += 1
            }
            guard n >= 2 else { return false }
            // (a constant: a captured variable would be checked for exclusive access on every read)
            let length = n
            return next.withUnsafeBufferPointer { next in
                terminal.withUnsafeBufferPointer { terminal in
                    // (`failed` is passed inout, not captured, for the same reason)
                    func go(_ p: Int, _ failed: inout UInt64) -> Bool {
                        if p == length { return true }
                        if failed & (1 << UInt64(p)) != 0 { return false }
                        var node = 0
                        var k = p
                        while k < length {
                            let to = next[node &* 27 &+ Int(slots[k])]
                            if to == 0 { break }
                            node = Int(to)
                            k += 1
                            // a piece ends at k: the first piece must leave something for a second
                            if terminal[node], !(p == 0 && k == length), go(k, &failed) { return true }
                        }
                        failed |= 1 << UInt64(p)
                        return false
                    }
                    var failed: UInt64 = 0          // positions from which no split reaches the end
                    return go(0, &failed)
                }
            }
        }
    }

    /// ``splits(_:)`` as first written (decoding every scalar, arrays read with checks): the
    /// reference the tests compare the fast one with.
    func splitsReference(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.longest) { slots in
            var n = 0
            var i = 0
            while i < word.count {
                let (s, len) = Tokenizer.decode(word, i)
                i += len
                guard let k = QuantityGate.skeleton(s) else { continue }
                if n == Self.longest { return true }
                slots[n] = UInt8(Self.slot(k))
                n += 1
            }
            guard n >= 2 else { return false }
            var failed: UInt64 = 0          // positions from which no split reaches the end
            func go(_ p: Int) -> Bool {
                if p == n { return true }
                if failed & (1 << UInt64(p)) != 0 { return false }
                var node = 0
                var k = p
                while k < n {
                    let to = next[node * 27 + Int(slots[k])]
                    if to == 0 { break }
                    node = Int(to)
                    k += 1
                    // a piece ends at k: the first piece must leave something for a second
                    if terminal[node], !(p == 0 && k == n), go(k) { return true }
                }
                failed |= 1 << UInt64(p)
                return false
            }
            return go(0)
        }
    }
}

/// The first tokens of a lexicon's table phrases by skeleton hash (see ``QuantityGate``): a word
/// of a text finds its trie root from the hash the scanner has already made, comparing strings
/// only with the few keys of that skeleton, instead of hashing its key into a dictionary.
struct SkeletonRoots: Sendable {
    private var keys: [UInt64] = Array(repeating: 0, count: 64)
    private var heads: [Int32] = Array(repeating: -1, count: 64)
    private var count = 0
    private var shift: UInt64 = 58
    /// Chains of keys that share a skeleton hash.
    private var chain: [(key: String, node: Int32, next: Int32)] = []
    /// Each chain entry's key as bytes in ``asciiBytes`` (offset, length), when the key is ASCII;
    /// length -1 for any other key (compared as a string: canonical equivalence).
    private var asciiSpans: [(from: Int32, count: Int32)] = []
    private var asciiBytes: [UInt8] = []

    @inline(__always)
    private func slot(_ h: UInt64) -> Int { Int((h &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    mutating func insert(_ hash: UInt64, key: String, node: Int32) {
        let h = hash == 0 ? 1 : hash
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(h)
        while keys[i] != 0 && keys[i] != h { i = (i + 1) & mask }
        if keys[i] == 0 { keys[i] = h; heads[i] = -1; count += 1 }
        chain.append((key, node, heads[i]))
        if key.utf8.allSatisfy({ $0 < 0x80 }) {
            asciiSpans.append((Int32(asciiBytes.count), Int32(key.utf8.count)))
            asciiBytes += key.utf8
        } else {
            asciiSpans.append((0, -1))
        }
        heads[i] = Int32(chain.count - 1)
    }

    /// ``node(_:_:)`` for an ASCII word `b[from..<to]` (letters of any case, compared lowered)
    /// without making its key: the node, -1 when no key equals it, or -2 when a key of its
    /// skeleton is not ASCII (the caller compares as a string).
    @inline(__always)
    func node(_ hash: UInt64, ascii b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int32 {
        let h = hash == 0 ? 1 : hash
        let mask = keys.count - 1
        var i = slot(h)
        while true {
            let k = keys[i]
            if k == 0 { return -1 }
            if k == h { break }
            i = (i + 1) & mask
        }
        let count = to - from
        return asciiBytes.withUnsafeBufferPointer { bytes in
            // (two table keys are never equal as strings, so an equal ASCII key is the one a
            // string comparison finds; without one, a key beyond ASCII leaves the question open)
            var c = heads[i]
            var open = false
            while c >= 0 {
                let span = asciiSpans[Int(c)]
                if span.count < 0 { open = true; c = chain[Int(c)].next; continue }
                if Int(span.count) == count {
                    var m = 0
                    let o = Int(span.from)
                    while m < count {
                        let x = b[from + m]
                        if bytes[o + m] != (x >= 0x41 && x <= 0x5A ? x | 0x20 : x) { break }
                        m += 1
                    }
                    if m == count { return chain[Int(c)].node }
                }
                c = chain[Int(c)].next
            }
            return open ? -2 : -1
        }
    }

    /// The node of the table key equal to `key` (whose skeleton hash is `hash`), or nil.
    @inline(__always)
    func node(_ hash: UInt64, _ key: String) -> Int32? {
        let h = hash == 0 ? 1 : hash
        let mask = keys.count - 1
        var i = slot(h)
        while true {
            let k = keys[i]
            if k == 0 { return nil }
            if k == h { break }
            i = (i + 1) & mask
        }
        var c = heads[i]
        while c >= 0 {
            if chain[Int(c)].key == key { return chain[Int(c)].node }
            c = chain[Int(c)].next
        }
        return nil
    }

    private mutating func grow() {
        let old = zip(keys, heads).filter { $0.0 != 0 }
        keys = Array(repeating: 0, count: keys.count * 2)
        heads = Array(repeating: -1, count: keys.count)
        shift -= 1
        for (k, head) in old {
            var i = slot(k)
            let mask = keys.count - 1
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = k
            heads[i] = head
        }
    }
}
