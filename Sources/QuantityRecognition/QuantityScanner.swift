import Foundation
import CrosscheckModel

/// One pass over the tokens of a text, turning number expressions and their surroundings
/// (qualifiers, units, range words, fractions) into ``Quantity`` values.
///
/// A class, used by one thread for one text: the closures `attempt` hands to the trie capture one
/// reference instead of copying the scanner's arrays.
final class QuantityScanner {
    /// The lexicon, held by reference: a scanner per sentence copies none of its tables.
    @exclusivity(unchecked) private(set) var box: LexiconBox
    var lex: Lexicon { _read { yield box.lexicon } }
    /// The text, as native contiguous UTF-8 (read through ``withBytes(_:)``: no copy of its bytes).
    @exclusivity(unchecked) private(set) var text: String
    /// The tokens, read and updated in place (a ``TokenBuffer``, freed in `deinit`); a word's key
    /// is made on first use (``key(_:)``).
    @exclusivity(unchecked) private(set) var toks: UnsafeMutableBufferPointer<Token>
    @exclusivity(unchecked) private var tokenBuffer: TokenBuffer
    @exclusivity(unchecked) var out: [Quantity] = []
    /// Token spans of `out`, for merging neighbours.
    @exclusivity(unchecked) var spans: [(Int, Int)] = []

    @exclusivity(unchecked) private(set) var relativeOrdinals: Bool
    /// Whether emitted quantities carry their trace (``QuantityRecognizer/Options/traces``).
    @exclusivity(unchecked) private(set) var traced = true

    /// Closed compounds split once per token (*tooghalvtreds* → to, og, halvtreds).
    @exclusivity(unchecked) private(set) var compounds: [Int: [(String, [Entry])]] = [:]
    /// What the scanner knows of each token beyond the token itself (one array, one allocation).
    struct Info {
        /// The token can start a quantity: a table phrase, a number, a compound, a sign.
        var canStart = false
        /// The token may be a word of a table phrase at any place in it (false only for a word whose
        /// skeleton no table key has): a trie walk stops before the others without hashing them.
        var inTrie = true
        /// The trie node of the token as the first token of a phrase (-1: none), found in `init`.
        var root: Int32 = -1
        /// The token's trie walk is `walkSteps[walkFrom ..< walkFrom + walkCount]`; -1 until made.
        var walkFrom: Int32 = -1
        var walkCount: Int32 = 0
        /// The kinds of meaning (``Meaning/kindBit``) on the nodes of the walk, once it is made.
        var kinds: UInt32 = 0
    }
    /// One per token, in memory of its own (plain data, freed in `deinit`): read and written in
    /// place, with no array checks.
    @exclusivity(unchecked) private(set) var info: UnsafeMutableBufferPointer<Info>
    @exclusivity(unchecked) private var infoCapacity: Int
    /// Trie walks by start token, made on first use: `attempt` asks `match` at one token up to
    /// ten times (weekday? month? qualifier? range? unit? …), and each walk hashes its tokens.
    /// One flat buffer for all walks instead of an array per walk.
    @exclusivity(unchecked) var walkSteps: [(end: Int, node: Int32)] = []
    /// True while a text is being scanned (see ``QuantityScanner/scan(_:box:relativeOrdinals:traced:)``:
    /// a thread's reusable scanner is never handed out twice at once).
    @exclusivity(unchecked) var busy = false
    /// The steps of the traces of the text's numbers (see ``Trace``): a number carries a handle,
    /// and the strings become an array only when a quantity is emitted.
    @exclusivity(unchecked) var traces = TraceArena()

    convenience init(text: String, lexicon: Lexicon, relativeOrdinals: Bool = false) {
        self.init(text: text, box: LexiconBox(lexicon), relativeOrdinals: relativeOrdinals)
    }

    convenience init(text: String, box: LexiconBox, relativeOrdinals: Bool = false) {
        self.init(box: box)
        load(text: text, box: box, relativeOrdinals: relativeOrdinals)
    }

    /// A scanner with no text yet: ``load(text:box:relativeOrdinals:)`` gives it one. Its token and
    /// per-token buffers are kept from text to text and grow as needed.
    init(box: LexiconBox) {
        self.box = box
        text = ""
        relativeOrdinals = false
        tokenBuffer = TokenBuffer(capacity: 64)
        toks = tokenBuffer.tokens
        infoCapacity = 64
        info = UnsafeMutableBufferPointer(start: UnsafeMutablePointer<Info>.allocate(capacity: 64), count: 0)
    }

    /// Makes the scanner ready to scan `text`: the state of the text before is dropped (its
    /// buffers kept), the text tokenized, and each token looked up once.
    func load(text: String, box: LexiconBox, relativeOrdinals: Bool, traced: Bool = true) {
        self.box = box
        self.relativeOrdinals = relativeOrdinals
        self.traced = traced
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        tokenBuffer.removeAll()
        if !walkSteps.isEmpty { walkSteps.removeAll(keepingCapacity: true) }
        traces.removeAll()
        if !spans.isEmpty { spans.removeAll(keepingCapacity: true) }
        if !compounds.isEmpty { compounds = [:] }
        if !out.isEmpty { out = [] }
        tokenBuffer.reserve(text.utf8.count / 4 + 8)
        Self.withBytes(of: text) {
            Tokenizer.tokenize(bytes: $0, decimalMark: box.lexicon.decimalMark, spaceGroups: box.lexicon.spaceGroups,
                               lazyWordKeys: true, into: &tokenBuffer)
        }
        let toks = tokenBuffer.tokens
        self.toks = toks
        if toks.count > infoCapacity {
            info.baseAddress!.deallocate()
            infoCapacity = max(toks.count, infoCapacity * 2)
            info = UnsafeMutableBufferPointer(start: UnsafeMutablePointer<Info>.allocate(capacity: infoCapacity), count: 0)
        }
        let info = UnsafeMutableBufferPointer(start: self.info.baseAddress!, count: toks.count)
        info.initialize(repeating: Info())
        self.info = info
        // One trie look-up per token: words with wrong or missing accents read as the table word
        // (*trés*, *decimas*); then what can start a quantity.
        var compounds: [Int: [(String, [Entry])]] = [:]
        Self.withBytes(of: text) { b in
        for i in toks.indices {
            switch toks[i].kind {
            case .number:
                info[i].canStart = true
                // (the key's first two bytes from the text: digits and marks as written, a group
                // space as " ")
                let s = toks[i].start
                let first = UInt16(b[s]) << 8
                let x = toks[i].end - s > 1 ? b[s + 1] : 0
                let second: UInt16 = x == 0 ? 0 : Tokenizer.isDigit(x) || x == UInt8(ascii: ".") || x == UInt8(ascii: ",") ? UInt16(x) : 0x20
                info[i].root = box.lexicon.trie.root(toks[i].key, prefix: first | second) ?? -1
            case .word:
                // A word whose skeleton no table word has is no root and no accent variant of
                // one (see QuantityGate): it is only looked up as a compound.
                let hashed = !toks[i].hasDigits && box.lexicon.gate.enabled
                // (an ASCII word's hash is the tokenizer's)
                let hash = !hashed ? 0 : toks[i].lazyKey && !toks[i].nonASCII ? toks[i].skeletonHash
                    : QuantityGate.skeletonHash(b, toks[i].start, toks[i].end)
                let flags = hashed ? box.lexicon.gate.flags(ofHash: hash) : 0xFF
                let mayBeRoot = flags & QuantityGate.known != 0
                info[i].inTrie = flags & QuantityGate.anyKey != 0
                // (a word whose skeleton is no first table token is no root: see QuantityGate;
                // the others find their root by the skeleton hash when there is one). An ASCII
                // word (key not made yet) is compared by its bytes with the ASCII table keys of
                // its skeleton; its key is made only when something looks it up as a string.
                var root: Int32?
                var decided = false
                if mayBeRoot, hashed, toks[i].lazyKey, !toks[i].nonASCII {
                    let s = toks[i].start, e = toks[i].end
                    let found = box.lexicon.skeletonRoots.node(hash, ascii: b, s, e)
                    if found != -2 {
                        decided = true
                        let b0 = UInt16(b[s] | 0x20), b1 = e - s > 1 ? UInt16(b[s + 1] | 0x20) : 0
                        root = found >= 0 && box.lexicon.trie.mayStart(prefix: b0 << 8 | b1) ? found : nil
                    }
                }
                if !decided {
                    if flags != 0, toks[i].lazyKey {
                        toks[i].key = Tokenizer.wordKey(b, toks[i].start, toks[i].end, nonASCII: toks[i].nonASCII)
                        toks[i].lazyKey = false
                    }
                    root = !mayBeRoot ? nil
                        : hashed ? box.lexicon.skeletonRoots.node(hash, toks[i].key).flatMap { box.lexicon.trie.mayStart(toks[i].key) ? $0 : nil }
                        : box.lexicon.trie.root(toks[i].key)
                }
                if mayBeRoot, root == nil, !toks[i].hasDigits {
                    if toks[i].lazyKey {
                        toks[i].key = Tokenizer.wordKey(b, toks[i].start, toks[i].end, nonASCII: toks[i].nonASCII)
                        toks[i].lazyKey = false
                    }
                    if let v = box.lexicon.accentVariant(of: toks[i].key) {
                        toks[i].key = v
                        root = box.lexicon.trie.root(v)
                    }
                }
                info[i].root = root ?? -1
                let isRoot = root != nil
                if isRoot || QuantityScanner.isWebPrefix(b, toks[i].start, toks[i].end) { info[i].canStart = true }
                else if !toks[i].hasDigits, toks[i].end - toks[i].start >= 4,
                        box.lexicon.maybeCompound(b, from: toks[i].start, to: toks[i].end) {
                    if toks[i].lazyKey {
                        toks[i].key = Tokenizer.wordKey(b, toks[i].start, toks[i].end, nonASCII: toks[i].nonASCII)
                        toks[i].lazyKey = false
                    }
                    if let parts = box.lexicon.splitCompound(toks[i].key) { compounds[i] = parts; info[i].canStart = true }
                }
            case .symbol where toks[i].end - toks[i].start == 1:
                // An ASCII symbol is its own key (folding changes no ASCII symbol): its prefix and
                // sign judged by its byte.
                let c = b[toks[i].start]
                info[i].root = box.lexicon.trie.root(toks[i].key, prefix: UInt16(c) << 8) ?? -1
                info[i].canStart = info[i].root >= 0 || c == 0x2D || c == 0x2B
            case .symbol:
                let key = toks[i].key
                // (every vulgar fraction is a scalar beyond ASCII). A General Punctuation sign
                // (’ “ ” – — …, common in real text) finds its root in a table the lexicon
                // filled by looking up the same key at start-up: no String hash per sign.
                let f = Tokenizer.fold(Tokenizer.decode(b, toks[i].start).0)
                info[i].root = f &- 0x2000 < 0x70 ? box.lexicon.punctuationRoots[Int(f - 0x2000)]
                    : box.lexicon.trie.root(key) ?? -1
                info[i].canStart = info[i].root >= 0 || toks[i].end - toks[i].start > 1 && QuantityScanner.vulgarValue(key) != nil
                    || QuantityScanner.isSign(key)
            }
        }
        }
        if !compounds.isEmpty { self.compounds = compounds }
    }

    /// Scans `text` with this thread's reusable scanner (a fresh one when the thread has none yet
    /// or its own is busy): the token and per-token buffers are allocated once per thread, not
    /// once per sentence.
    static func scan(_ text: String, box: LexiconBox, relativeOrdinals: Bool, traced: Bool = true) -> [Quantity] {
        let scanner: QuantityScanner
        let key = threadKey
        if let p = pthread_getspecific(key) {
            let s = Unmanaged<QuantityScanner>.fromOpaque(p).takeUnretainedValue()
            scanner = s.busy ? QuantityScanner(box: box) : s
        } else {
            scanner = QuantityScanner(box: box)
            pthread_setspecific(key, Unmanaged.passRetained(scanner).toOpaque())
        }
        scanner.busy = true
        scanner.load(text: text, box: box, relativeOrdinals: relativeOrdinals, traced: traced)
        let found = scanner.run()
        scanner.out = []
        scanner.busy = false
        return found
    }

    /// The key under which each thread keeps its scanner (released when the thread ends).
    static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        #if canImport(Darwin)
        pthread_key_create(&key) { Unmanaged<QuantityScanner>.fromOpaque($0).release() }
        #else
        pthread_key_create(&key) { p in if let p { Unmanaged<QuantityScanner>.fromOpaque(p).release() } }
        #endif
        return key
    }()

    deinit {
        tokenBuffer.free()
        info.baseAddress!.deallocate()
    }

    /// The text's UTF-8 bytes for the time of `body`.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { Self.withBytes(of: text, body) }

    @inline(__always)
    static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    var n: Int { toks.count }

    /// The text of the bytes `start..<end`.
    func slice(_ start: Int, _ end: Int) -> String {
        withBytes { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// "-", "+" or "–" (U+2013), by bytes.
    @inline(__always)
    static func isSign(_ key: String) -> Bool {
        var k = key
        return k.withUTF8 { u in
            u.count == 1 ? u[0] == 0x2D || u[0] == 0x2B : u.count == 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x93
        }
    }

    /// The key of token `i` (made on first use for an ASCII word).
    @inline(__always)
    func key(_ i: Int) -> String {
        if toks[i].lazyKey { makeKey(i) }
        return toks[i].key
    }

    func makeKey(_ i: Int) {
        toks[i].key = withBytes { Tokenizer.wordKey($0, toks[i].start, toks[i].end, nonASCII: toks[i].nonASCII) }
        toks[i].lazyKey = false
    }

    /// ``isWebPrefix(_:)`` of a word token, by its bytes (no key needed).
    static func isWebPrefix(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let c = end - start
        guard c >= 3 && c <= 5 else { return false }
        // (`| 0x20` turns only W, H, T, P, S into the lower-case letters compared with)
        let p = UnsafeBufferPointer(rebasing: b[start..<end])
        if c == 3 { return p[0] | 0x20 == 0x77 && p[1] | 0x20 == 0x77 && p[2] | 0x20 == 0x77 }
        guard p[0] | 0x20 == 0x68, p[1] | 0x20 == 0x74, p[2] | 0x20 == 0x74, p[3] | 0x20 == 0x70 else { return false }
        return c == 4 || p[4] | 0x20 == 0x73
    }

    /// *http*, *https*, *www*: what starts a web address (judged by length first: no string
    /// comparison for most words).
    @inline(__always)
    static func isWebPrefix(_ key: String) -> Bool {
        let c = key.utf8.count
        guard c >= 3 && c <= 5 else { return false }
        return key == "http" || key == "https" || key == "www"
    }

    // MARK: - The parsed number

    enum NumKind { case cardinal, ordinal, fraction }

    struct Num {
        var value: Double
        var start: Int
        var end: Int
        var kind: NumKind
        var digits: DigitNumber.Parsed?
        var multiplier: Double = 1
        var articleOnly = false
        /// See ``NumberWords/joinBase``.
        var joinBase: Double?
        var trace = Trace.empty

        /// A bare four-digit number between 1900 and 2100: a year.
        var yearLike: Bool {
            guard let d = digits, kind == .cardinal, multiplier == 1, !d.hasGroupMarks, !d.hasDecimals,
                  d.integerDigits == 4 else { return false }
            return value >= 1900 && value <= 2100
        }
    }

    enum NumResult {
        case number(Num)
        /// Not a quantity (a clock time, a phone number, *Covid-19*): skip to this token.
        case skip(Int)
        /// A calendar date over these tokens.
        case date(Int, Int, Trace)
        /// Digits that form no number of the language (`22,24,26`, `192.168.1.2`): each run of
        /// digits is a count of its own (byte ranges), then skip to the token.
        case list([(Int, Int, Double)], Int)
    }

    // MARK: - Traces

    /// `trace` with `step` at its end (``TraceArena/push(_:_:)``).
    @inline(__always)
    func push(_ trace: Trace, _ step: String) -> Trace { traces.push(trace, step) }

    /// `trace` with `a`, then `b` at its end.
    @inline(__always)
    func push(_ trace: Trace, _ a: String, _ b: String) -> Trace { traces.push(trace, a, b) }

    /// The steps of `a`, then those of `b` (``TraceArena/join(_:_:)``).
    @inline(__always)
    func join(_ a: Trace, _ b: Trace) -> Trace { traces.join(a, b) }

    // MARK: - Table look-ups

    func match(_ i: Int, _ accept: (Meaning) -> Bool) -> (end: Int, entry: Entry)? {
        guard i < n, info[i].inTrie else { return nil }
        if info[i].walkFrom < 0 { makeWalk(i) }
        let from = Int(info[i].walkFrom)
        var k = from + Int(info[i].walkCount) - 1
        while k >= from {
            let step = walkSteps[k]
            if let e = box.lexicon.trie.nodes[Int(step.node)].entries.first(where: { accept($0.meaning) }) { return (step.end, e) }
            k -= 1
        }
        return nil
    }

    /// ``match(_:_:)`` asked only when some node of the walk holds an entry of one of `kinds`
    /// (``Meaning/kindBit``): most tokens answer most questions without a look at an entry.
    @inline(__always)
    func match(_ i: Int, _ kinds: UInt32, _ accept: (Meaning) -> Bool) -> (end: Int, entry: Entry)? {
        guard i < n, info[i].inTrie else { return nil }
        if info[i].walkFrom < 0 { makeWalk(i) }
        guard info[i].kinds & kinds != 0 else { return nil }
        return match(i, accept)
    }

    /// False only when no phrase starting at token `i` has an entry of one of `kinds`.
    @inline(__always)
    func mayMatch(_ i: Int, _ kinds: UInt32) -> Bool {
        guard i < n, info[i].inTrie else { return false }
        if info[i].walkFrom < 0 { makeWalk(i) }
        return info[i].kinds & kinds != 0
    }

    /// The entries of token `i` as a one-token table phrase (``TokenTrie/entries(of:)`` of its key,
    /// from the root found in `init`).
    @inline(__always)
    func rootEntries(_ i: Int) -> [Entry] {
        let r = info[i].root
        return r < 0 ? [] : box.lexicon.trie.nodes[Int(r)].entries
    }

    /// The trie walk from token `i` into the flat buffer, as ``TokenTrie/walk(at:in:known:)``
    /// walks, with the first step taken from ``roots``.
    func makeWalk(_ i: Int) {
        info[i].walkFrom = Int32(walkSteps.count)
        let root = info[i].root
        guard root >= 0 else { return }
        if walkSteps.capacity == 0 { walkSteps.reserveCapacity(16) }
        walkSteps.append((i + 1, root))
        var kinds = box.lexicon.trie.nodes[Int(root)].kinds
        var count: Int32 = 1
        var node = Int(root)
        var j = i + 1
        while j < n, info[j].inTrie, !box.lexicon.trie.nodes[node].next.isEmpty,
              box.lexicon.trie.nodes[node].mayHaveChild(firstByte: firstKeyByte(j)),
              let next = box.lexicon.trie.nodes[node].next[key(j)] {
            if toks[j].spaceBefore, !box.lexicon.trie.nodes[node].attachedOnly.isEmpty, box.lexicon.trie.nodes[node].attachedOnly.contains(key(j)) { break }
            node = Int(next)
            j += 1
            walkSteps.append((j, next))
            kinds |= box.lexicon.trie.nodes[node].kinds
            count += 1
        }
        info[i].walkCount = count
        info[i].kinds = kinds
    }

    /// The first byte of token `i`'s key, without making a lazy ASCII word's key (0x80 when
    /// not known without making the key: a lazy word beyond ASCII).
    @inline(__always)
    func firstKeyByte(_ i: Int) -> UInt8 {
        if toks[i].lazyKey {
            if toks[i].nonASCII { return 0x80 }
            let c = withBytes { $0[toks[i].start] }
            return c >= 0x41 && c <= 0x5A ? c | 0x20 : c
        }
        return toks[i].key.utf8.first ?? 0x80
    }

    func isMonth(_ m: Meaning) -> Bool { if case .month = m { return true }; return false }
    func isNumberWord(_ m: Meaning) -> Bool {
        switch m {
        case .cardinal, .ordinal, .scale(_, attachedOnly: false): return true
        default: return false
        }
    }
    func isArticle(_ i: Int) -> Bool {
        guard i < n, toks[i].kind == .word else { return false }
        return rootEntries(i).contains {
            if case .cardinal(1, _, _, _) = $0.meaning { return true }
            return false
        }
    }

    func isSymbol(_ i: Int, _ s: String) -> Bool { i < n && toks[i].kind == .symbol && key(i) == s }
    func isDash(_ i: Int) -> Bool {
        guard i < n, toks[i].kind == .symbol else { return false }
        // "-", or U+2010, U+2011, U+2013, U+2014 (E2 80 90/91/93/94), judged by the text's bytes:
        // a symbol's key is its scalar folded, and only U+2212 (E2 88 92) folds, to "-"
        let s = toks[i].start, len = toks[i].end - s
        return withBytes { u in
            if len == 1 { return u[s] == 0x2D }
            guard len == 3, u[s] == 0xE2 else { return false }
            let b1 = u[s + 1], b2 = u[s + 2]
            return b1 == 0x80 && (b2 == 0x90 || b2 == 0x91 || b2 == 0x93 || b2 == 0x94) || b1 == 0x88 && b2 == 0x92
        }
    }

    /// ``isDash(_:)`` as first written, by the token's key: the reference the tests compare with.
    func isDashByKey(_ i: Int) -> Bool {
        guard i < n, toks[i].kind == .symbol else { return false }
        var k = key(i)
        return k.withUTF8 { u in
            if u.count == 1 { return u[0] == 0x2D }
            return u.count == 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x90 || u[2] == 0x91 || u[2] == 0x93 || u[2] == 0x94)
        }
    }
    /// Token `i` follows token `i - 1` with no space between.
    func attached(_ i: Int) -> Bool { i < n && i > 0 && !toks[i].spaceBefore }
    func plainInteger(_ i: Int) -> Double? {
        guard i < n, toks[i].kind == .number else { return nil }
        var digits = key(i)
        return digits.withUTF8 { u in
            var v: UInt64 = 0
            for c in u {
                guard c &- 0x30 < 10 else { return nil }
                v = v &* 10 &+ UInt64(c &- 0x30)
            }
            // up to 15 digits the integer is exact; longer runs read as `Double(String)` reads them
            return u.count <= 15 ? Double(v) : Double(String(decoding: u, as: UTF8.self))
        }
    }

    /// The value of one to two ASCII digits (`Int(String)` of them), nil for anything else.
    static func smallInt(_ u: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !u.isEmpty else { return nil }
        var v = 0
        for c in u {
            guard c &- 0x30 < 10 else { return nil }
            v = v * 10 + Int(c &- 0x30)
        }
        return v
    }

    // MARK: - Scanning

    func run() -> [Quantity] {
        var i = 0
        while i < n {
            if !info[i].canStart { i += 1; continue }
            if let next = attempt(at: i), next > i { i = next } else { i += 1 }
        }
        mergeOpenPairs()
        return out
    }

    func emit(_ s: Int, _ e: Int, _ kind: QuantityKind, _ value: QuantityValue, unit: String? = nil,
                       qualifier: Qualifier = .exact, trace: Trace) {
        // A value that overflows (a huge digit run, a scale or an exponent too big, a zero
        // denominator) is no quantity: never emit a non-finite number.
        guard QuantityScanner.isFinite(value) else { return }
        let start = toks[s].start, end = toks[e - 1].end
        let text = slice(start, end)
        if out.capacity == 0 { out.reserveCapacity(4); spans.reserveCapacity(4) }
        out.append(Quantity(text: text, start: start, end: end, kind: kind, value: value, unit: unit,
                            qualifier: qualifier, trace: traced ? traces.strings(trace) : []))
        spans.append((s, e))
    }

    /// Whether ``attempt(at:)`` turns away at once a word that starts none of `startKinds`
    /// (off only in the tests that compare both ways).
    var startFilter = true

    /// The kinds of meaning that ``attempt(at:)`` reads at the token it starts from (relative
    /// ordinals too, when asked for): weekdays and months, time markers, leading qualifiers,
    /// range openers and units, vague amounts, and what ``parseNumber(at:money:)`` reads (a
    /// negative word, a definite article before a fraction, an article, number words).
    static let startKinds: UInt32 = Meaning.Kinds.weekday | Meaning.Kinds.month | Meaning.Kinds.timeMarker
        | Meaning.Kinds.qualifier | Meaning.Kinds.range | Meaning.Kinds.unit | Meaning.Kinds.vague
        | Meaning.Kinds.negative | Meaning.Kinds.definiteArticle | Meaning.Kinds.cardinal | Meaning.Kinds.ordinal
        | Meaning.Kinds.scale | Meaning.Kinds.fraction | Meaning.Kinds.decimalWord

    /// Tries to read a quantity starting at token `i`; returns the token after it, or nil.
    func attempt(at i: Int) -> Int? {
        let tokenKind = toks[i].kind
        // Web addresses: nothing inside counts.
        // (judged by the word's bytes, as in `init`: no key made for it)
        if tokenKind == .word, withBytes({ QuantityScanner.isWebPrefix($0, toks[i].start, toks[i].end) }),
           attached(i + 1) {
            var e = i + 1
            while e < n, !toks[e].spaceBefore { e += 1 }
            return e
        }
        // A word none of whose phrases means anything read below at this token (a bare *of*,
        // *and*, *that*: joiners, partitives, determiners) starts nothing: every reading below
        // first matches one of `startKinds` here, or reads a compound. Real text has many such
        // words among the table's keys, and each would walk every test below.
        if startFilter, tokenKind == .word, compounds.isEmpty || compounds[i] == nil,
           !mayMatch(i, relativeOrdinals ? Self.startKinds | Meaning.Kinds.relativeOrdinal : Self.startKinds) {
            return nil
        }
        // A weekday name is no quantity, even when it holds a number word (*quarta-feira*).
        if tokenKind == .word, let w = match(i, Meaning.Kinds.weekday, { if case .weekday = $0 { return true }; return false }) {
            return w.end
        }
        // A month before a day or year: "August 31", "August 31, 2021", "august 2021".
        if tokenKind == .word, let m = match(i, Meaning.Kinds.month, isMonth), let d = plainInteger(m.end) {
            var e = m.end + 1
            if d >= 1 && d <= 31 || d >= 1000 && d <= 2200 {
                if d <= 31, isSymbol(e, ","), let y = plainInteger(e + 1), y >= 1000 { e += 2 }
                else if d <= 31, let y = plainInteger(e), y >= 1000, y <= 2200 { e += 1 }
                emit(i, e, .date, QuantityValue(), trace: push(.empty, m.entry.origin, "pattern:month-day"))
                return e
            }
        }
        if relativeOrdinals, let r = match(i, Meaning.Kinds.relativeOrdinal, { if case .relativeOrdinal = $0 { return true }; return false }),
           case .relativeOrdinal(let offset, let ref) = r.entry.meaning {
            emit(i, r.end, .ordinal, .exactly(offset), unit: ref, trace: push(.empty, r.entry.origin))
            return r.end
        }
        // "kl. 10.30": a clock time after a time marker.
        if let m = match(i, Meaning.Kinds.timeMarker, { if case .timeMarker(true) = $0 { return true }; return false }), m.end < n,
           toks[m.end].kind == .number {
            var e = m.end + 1
            while e + 1 < n, toks[e].kind == .symbol, key(e) == ":" || key(e) == ".", toks[e + 1].kind == .number { e += 2 }
            return e
        }

        var j = i
        var trace = Trace.empty
        var qual = Qualifier.exact
        if let q = match(j, Meaning.Kinds.qualifier, { if case .qualifier(_, true) = $0 { return true }; return false }),
           case .qualifier(let qq, _) = q.entry.meaning,
           !(toks[j].kind == .symbol && j > 0 && attached(j) && toks[j - 1].kind == .symbol && "<>=".contains(key(j - 1))) {
            qual = qq; trace = push(trace, q.entry.origin); j = q.end
        }
        var opener: RangeRole?
        if let r = match(j, Meaning.Kinds.range, { if case .range(let role) = $0 { return role == .open || role == .from }; return false }),
           case .range(let role) = r.entry.meaning, r.end < n {
            opener = role; trace = push(trace, r.entry.origin); j = r.end
            // "between the tenth and …"
            if let d = match(j, Meaning.Kinds.definiteArticle, { $0 == .definiteArticle }), d.end < n, match(d.end, Meaning.Kinds.ordinal, { if case .ordinal = $0 { return true }; return false }) != nil {
                j = d.end
            }
        }
        var unit: (QuantityKind, String)?
        if let u = match(j, Meaning.Kinds.unit, { if case .unit(_, _, true, _) = $0 { return true }; return false }),
           case .unit(let k, let name, _, _) = u.entry.meaning, u.end < n {
            if parseNumber(at: u.end, money: true) != nil {
                unit = (k, name); trace = push(trace, u.entry.origin); j = u.end
            }
        }

        // Vague amounts: "hundreds of", "tusindvis", "a dozen".
        if let v = match(j, Meaning.Kinds.vague, { if case .vague = $0 { return true }; return false }),
           case .vague(let lo, let hi, let vq) = v.entry.meaning {
            let numberEnd: Int? = {
                if case .number(let a)? = parseNumber(at: j, money: unit != nil), !a.articleOnly { return a.end }
                return nil
            }()
            if numberEnd.map({ v.end >= $0 }) ?? true {
                var e = v.end
                var u = unit
                var utrace = push(trace, v.entry.origin)
                if u == nil, let uu = match(e, Meaning.Kinds.unit, { if case .unit(_, _, _, true) = $0 { return true }; return false }),
                   case .unit(let k, let name, _, _) = uu.entry.meaning {
                    u = (k, name); utrace = push(utrace, uu.entry.origin); e = uu.end
                }
                let q = qual == .exact ? vq : qual
                let value = lo == hi ? QuantityValue.exactly(lo) : QuantityValue.between(lo, hi)
                emit(i, e, u.map { kindFor($0.0) } ?? .count, value, unit: u?.1, qualifier: q, trace: utrace)
                return e
            }
        }

        guard let res = parseNumber(at: j, money: unit != nil) else { return nil }
        var a: Num
        switch res {
        case .skip(let e): return e
        case .date(let s, let e, let tr):
            emit(s, e, .date, QuantityValue(), trace: tr)
            return e
        case .list(let parts, let e):
            for (bs, be, v) in parts where v.isFinite {
                out.append(Quantity(text: slice(bs, be), start: bs, end: be, kind: .count,
                                    value: .exactly(v), trace: traced ? ["pattern:digit-list"] : []))
                spans.append((e - 1, e - 1))
            }
            return e
        case .number(let num): a = num
        }
        trace = join(trace, a.trace)
        var k = a.end

        if a.kind == .ordinal {
            // "between the tenth and the fifteenth", "entre quinta y vigésima": a range of ranks.
            if opener == .open, let c = rangeConnector(at: k, opener: opener, afterDigits: false) {
                var p = c.end
                if let d = match(p, Meaning.Kinds.definiteArticle, { $0 == .definiteArticle }) { p = d.end }
                if case .number(let b)? = parseNumber(at: p, money: false), b.kind == .ordinal {
                    emit(i, b.end, .ordinal, .between(a.value, b.value), trace: push(join(push(trace, c.origin), b.trace), "pattern:range"))
                    return b.end
                }
            }
            if opener != nil { return nil }
            emit(j, k, .ordinal, .exactly(a.value), trace: trace)
            return k
        }

        // A ratio: "one in five", "2 out of 3", "un sur trois".
        if unit == nil, a.kind == .cardinal, !a.yearLike, abs(a.value) >= 1, a.value == a.value.rounded(),
           let r = match(k, Meaning.Kinds.ratio, { $0 == .ratio }),
           case .number(let b)? = parseNumber(at: r.end, money: false), b.kind == .cardinal, !b.articleOnly, !b.yearLike,
           b.value > abs(a.value), b.value == b.value.rounded(),
           match(b.end, Meaning.Kinds.unit, { if case .unit(let uk, _, _, true) = $0 { return uk != .percent }; return false }) == nil {
            a.value /= b.value
            a.kind = .fraction
            a.articleOnly = false
            trace = push(join(push(trace, r.entry.origin), b.trace), "pattern:ratio")
            k = b.end
        }

        // Unit after the number ("6 days", "65 procent", "5 kr.", "half a day").
        if unit == nil {
            var at = k
            if a.kind == .fraction, let p = match(at, Meaning.Kinds.partitive, { $0 == .partitive }) { at = p.end }
            if a.kind == .fraction, isArticle(at), toks[at].spaceBefore { at += 1 }
            // "a 45-year-old", "a 10-km run", "five-day": a unit glued by a hyphen.
            if a.kind == .cardinal, isDash(at), attached(at), attached(at + 1), at + 1 < n, toks[at + 1].kind == .word,
               match(at + 1, Meaning.Kinds.unit, { if case .unit(_, _, _, true) = $0 { return true }; return false }) != nil { at += 1 }
            if let u = match(at, Meaning.Kinds.unit, { if case .unit(_, _, _, true) = $0 { return true }; return false }),
               case .unit(let kd, let name, _, _) = u.entry.meaning {
                unit = (kd, name); trace = push(trace, u.entry.origin); k = u.end
            } else if let m = match(at, Meaning.Kinds.unitModifier, { $0 == .unitModifier }),
                      let u = match(m.end, Meaning.Kinds.unit, { if case .unit(.duration, _, _, true) = $0 { return true }; return false }),
                      case .unit(let kd, let name, _, _) = u.entry.meaning {
                // "two more years", "2 extra minutes"
                unit = (kd, name); trace = push(trace, m.entry.origin, u.entry.origin); k = u.end
            }
        }
        if a.articleOnly && (unit == nil || unit!.0 == .percent) { return nil }
        // "the one", "which one": a pronoun, not a number.
        if unit == nil, a.end == j + 1, toks[j].kind == .word, j > 0,
           rootEntries(j).contains(where: { if case .cardinal(_, _, _, true) = $0.meaning { return true }; return false }),
           match(j - 1, Meaning.Kinds.determiner, { $0 == .determiner }) != nil {
            return nil
        }

        // A range: "24 to 48", "24-48", "between 20 and 30", "mellem 24 og 48 timer".
        var high: Num?
        // "2-1", "1-1": a score or a vote tally, not a range and not two counts.
        if unit == nil, opener == nil, isDash(k), attached(k), attached(k + 1), let x = a.digits, !x.hasDecimals,
           let y = plainInteger(k + 1), y <= a.value, !isSymbol(k + 2, "%"), k + 2 >= n || toks[k + 2].spaceBefore || toks[k + 2].kind == .symbol {
            return k + 2
        }
        if !a.articleOnly, let c = rangeConnector(at: k, opener: opener, afterDigits: a.digits != nil) {
            if case .number(let b)? = parseNumber(at: c.end, money: unit != nil), b.kind != .ordinal, !b.articleOnly,
               !(isDash(k) && b.digits == nil), a.value <= b.value || b.multiplier > a.multiplier,
               !differentUnit(after: b.end, than: unit?.1) {
                if a.yearLike && b.digits != nil && (b.yearLike || b.value < 100) && unit == nil {
                    emit(i, b.end, .date, QuantityValue(), trace: push(trace, "pattern:year-range"))
                    return b.end
                }
                let bb = b
                var e = b.end
                if unit == nil, let u = match(e, Meaning.Kinds.unit, { if case .unit(_, _, _, true) = $0 { return true }; return false }),
                   case .unit(let kd, let name, _, _) = u.entry.meaning {
                    unit = (kd, name); trace = push(trace, u.entry.origin); e = u.end
                } else if let u0 = unit, let u = match(e, Meaning.Kinds.unit, { if case .unit(_, u0.1, _, true) = $0 { return true }; return false }) {
                    e = u.end
                }
                if bb.multiplier > 1 && a.multiplier == 1 && a.value * bb.multiplier <= bb.value {
                    a.value *= bb.multiplier
                }
                trace = push(join(push(trace, c.origin), bb.trace), "pattern:range")
                high = bb
                k = e
            }
        }

        if high == nil, qual == .exact || qual == .about,
           let q = match(k, Meaning.Kinds.qualifier, { if case .qualifier(_, false) = $0 { return true }; return false }),
           case .qualifier(let qq, _) = q.entry.meaning,
           !startsQualifiedNumber(at: k + 1) {
            qual = qq; trace = push(trace, q.entry.origin); k = q.end
        }

        // "2 years, 3 months", "1 hour and 45 minutes", "an hour and a half", "1 hour thirty".
        if high == nil, let u = unit, u.0 == .duration, let chain = extendDuration(a.value, u.1, at: k) {
            a.value = chain.value
            unit = (.duration, chain.unit)
            trace = join(trace, chain.trace)
            k = chain.end
        }

        if unit == nil, high == nil, qual == .exact, isStreetNumber(a) { return a.end }

        if a.yearLike && unit == nil && high == nil && qual == .exact {
            emit(j, k, .date, .exactly(a.value), trace: push(trace, "pattern:year"))
            return k
        }

        // "between 20" without its other end: read again from the next token.
        if opener != nil && high == nil { return nil }
        let kind: QuantityKind = unit.map { kindFor($0.0) } ?? (a.kind == .fraction ? .fraction : .count)
        let value: QuantityValue = high.map { .between(a.value, $0.value) } ?? .exactly(a.value)
        emit(i, k, kind, value, unit: unit?.1, qualifier: qual, trace: trace)
        return k
    }

    func kindFor(_ k: QuantityKind) -> QuantityKind { k }

    /// True when a unit other than `unit` follows at `e` (*4.2 percent to 1.1 trillion euros*,
    /// *0.2 percentage points to 3.8 percent*): two figures, not a range.
    func differentUnit(after e: Int, than unit: String?) -> Bool {
        guard let unit, let u = match(e, Meaning.Kinds.unit, { if case .unit(_, _, _, true) = $0 { return true }; return false }),
              case .unit(_, let name, _, _) = u.entry.meaning else { return false }
        return name != unit
    }

    /// *the second half*, *first quarter*: a fraction word after an ordinal word is a part, not a share.
    func followsOrdinalWord(_ i: Int) -> Bool {
        guard i > 0, toks[i - 1].kind == .word else { return false }
        return rootEntries(i - 1).contains { if case .ordinal = $0.meaning { return true }; return false }
    }

    /// A word at `k` that starts no unit, scale or qualifier: a noun after a number.
    func followedByNoun(_ k: Int) -> Bool {
        guard k < n, toks[k].kind == .word else { return false }
        return match(k, Meaning.Kinds.unit | Meaning.Kinds.scale | Meaning.Kinds.qualifier | Meaning.Kinds.range | Meaning.Kinds.fraction, {
            switch $0 {
            case .unit, .scale, .qualifier, .range, .fraction: return true
            default: return false
            }
        }) == nil
    }

    /// True when every number of `v` is finite.
    static func isFinite(_ v: QuantityValue) -> Bool {
        (v.number?.isFinite ?? true) && (v.low?.isFinite ?? true) && (v.high?.isFinite ?? true) && (v.base?.isFinite ?? true)
    }

    /// A qualifier before a number starts at `k` (*more than 190* inside *200 or more than 190*).
    func startsQualifiedNumber(at k: Int) -> Bool {
        guard let q = match(k, Meaning.Kinds.qualifier, { if case .qualifier(_, true) = $0 { return true }; return false }) else { return false }
        if case .number? = parseNumber(at: q.end, money: false) { return true }
        return false
    }

    /// "Nørregade 12", "10 Downing Street": a house number, not a count (language.json `streetWords`).
    func isStreetNumber(_ a: Num) -> Bool {
        guard !lex.streetWords.isEmpty, let d = a.digits, !d.hasDecimals, !d.hasGroupMarks, a.kind == .cardinal,
              a.value >= 1, a.value < 10000 else { return false }
        let s = a.start
        if s > 0, toks[s - 1].kind == .word, toks[s - 1].capitalized,
           lex.streetWords.contains(where: { key(s - 1).hasSuffix($0) }) {
            return true
        }
        var k = a.end
        if k < n, toks[k].kind == .word, !toks[k].spaceBefore, key(k).utf8.count == 1 { k += 1 }  // 221B
        var names = 0
        while k < n, toks[k].kind == .word, toks[k].capitalized, names < 3 {
            if lex.streetWords.contains(key(k)) { return names > 0 }
            names += 1
            k += 1
        }
        return false
    }

    /// Seconds in a duration unit of the contract (month 30 days, year 365 days).
    static let durationSeconds: [String: Double] = [
        "second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604_800, "fortnight": 1_209_600,
        "month": 2_592_000, "quarter": 7_776_000, "year": 31_536_000, "decade": 315_360_000, "century": 3_153_600_000,
    ]
    /// Calendar ratios that differ from the ratio of seconds (a year is 12 months, not 365/30).
    static func ratio(_ big: String, _ small: String) -> Double {
        switch (big, small) {
        case ("year", "month"): return 12
        case ("year", "quarter"): return 4
        case ("decade", "month"): return 120
        case ("decade", "year"): return 10
        case ("century", "year"): return 100
        case ("century", "decade"): return 10
        default: return (durationSeconds[big] ?? 1) / (durationSeconds[small] ?? 1)
        }
    }

    /// The unit a bare number after a duration counts in: *1 hour thirty*.
    static let impliedNext: [String: String] = ["hour": "minute", "minute": "second"]

    /// A duration continued by smaller parts: "2 years, 3 months", "1 hour and 45 minutes",
    /// "an hour and a half", "1 hour thirty". The value is given in the smallest unit named.
    func extendDuration(_ v: Double, _ unit: String, at k0: Int) -> (value: Double, unit: String, end: Int, trace: Trace)? {
        guard var lastSec = QuantityScanner.durationSeconds[unit] else { return nil }
        var total = v
        var smallest = unit
        var k = k0
        var trace = Trace.empty
        var extended = false
        while k < n {
            var p = k
            var joinTrace = Trace.empty
            var joined = false
            if isSymbol(p, ",") { p += 1 }
            if let j = match(p, Meaning.Kinds.additiveJoiner, { $0 == .additiveJoiner }) { p = j.end; joined = true; joinTrace = push(joinTrace, j.entry.origin) }
            if joined {
                var q = p
                if isArticle(q) { q += 1 }
                if let f = match(q, Meaning.Kinds.fraction, { if case .fraction = $0 { return true }; return false }), case .fraction(let d) = f.entry.meaning {
                    total += 1 / d
                    k = f.end
                    extended = true
                    trace = push(join(trace, joinTrace), f.entry.origin)
                    break
                }
            }
            guard p > k || toks[p].spaceBefore, case .number(let b)? = parseNumber(at: p, money: false), b.kind != .ordinal, b.value >= 0 else { break }
            if let u = match(b.end, Meaning.Kinds.unit, { if case .unit(.duration, _, _, true) = $0 { return true }; return false }),
               case .unit(_, let name, _, _) = u.entry.meaning, let sec = QuantityScanner.durationSeconds[name], sec < lastSec {
                total = total * QuantityScanner.ratio(smallest, name) + b.value
                lastSec = sec
                smallest = name
                k = u.end
                extended = true
                trace = push(join(join(trace, joinTrace), b.trace), u.entry.origin)
                continue
            }
            if let next = QuantityScanner.impliedNext[smallest], smallest == unit || lastSec == QuantityScanner.durationSeconds[smallest],
               b.kind == .cardinal, !b.articleOnly, b.value < 60, b.value == b.value.rounded(),
               b.end >= n || toks[b.end].kind != .word, QuantityScanner.durationSeconds[next] != nil {
                total = total * QuantityScanner.ratio(smallest, next) + b.value
                smallest = next
                k = b.end
                extended = true
                trace = push(join(join(trace, joinTrace), b.trace), "pattern:implied-unit")
            }
            break
        }
        guard extended else { return nil }
        return (total, smallest, k, push(trace, "pattern:duration-chain"))
    }

    /// The connector of a range after the first number, given the opening word.
    func rangeConnector(at k: Int, opener: RangeRole?, afterDigits: Bool) -> (end: Int, origin: String)? {
        guard k < n else { return nil }
        let wanted: RangeRole = opener == .open ? .join : .to
        if let r = match(k, Meaning.Kinds.range, { if case .range(let role) = $0 { return role == wanted }; return false }) {
            // A bare dash joins only numbers written in digits ("24-48"), not words.
            if isDash(k) && !afterDigits { return nil }
            return (r.end, r.entry.origin)
        }
        return nil
    }

    /// "more than 100 and less than 300" → one range.
    func mergeOpenPairs() {
        guard out.count >= 2 else { return }
        // Only neighbours whose qualifiers are both bounds can merge: without such a pair the
        // list stays as it is (no copy of it is made).
        func bound(_ q: Qualifier) -> Bool { q == .moreThan || q == .atLeast || q == .lessThan || q == .atMost }
        var candidate = false
        for k in 0..<(out.count - 1) where spans[k].1 + 1 == spans[k + 1].0 && bound(out[k].qualifier) && bound(out[k + 1].qualifier) {
            candidate = true
            break
        }
        guard candidate else { return }
        var merged: [Quantity] = []
        var mspans: [(Int, Int)] = []
        var i = 0
        while i < out.count {
            if i + 1 < out.count, spans[i].1 + 1 == spans[i + 1].0,
               let r = match(spans[i].1, Meaning.Kinds.range | Meaning.Kinds.additiveJoiner, { if case .range(.join) = $0 { return true }; if case .additiveJoiner = $0 { return true }; return false })
                ?? (isSymbol(spans[i].1, ",") ? (spans[i].1 + 1, Entry(meaning: .range(.join), origin: "pattern:comma")) : nil),
               r.end == spans[i + 1].0 {
                let a = out[i], b = out[i + 1]
                let lowQ: Set<Qualifier> = [.moreThan, .atLeast], highQ: Set<Qualifier> = [.lessThan, .atMost]
                if a.kind == b.kind, a.unit == b.unit, let x = a.value.number, let y = b.value.number,
                   lowQ.contains(a.qualifier) && highQ.contains(b.qualifier) && x <= y
                    || highQ.contains(a.qualifier) && lowQ.contains(b.qualifier) && y <= x {
                    let lo = min(x, y), hi = max(x, y)
                    let text = slice(a.start, b.end)
                    merged.append(Quantity(text: text, start: a.start, end: b.end, kind: a.kind, value: .between(lo, hi),
                                           unit: a.unit, qualifier: .exact, trace: traced ? a.trace + [r.entry.origin] + b.trace + ["pattern:bounded-range"] : []))
                    mspans.append((spans[i].0, spans[i + 1].1))
                    i += 2
                    continue
                }
            }
            merged.append(out[i]); mspans.append(spans[i])
            i += 1
        }
        out = merged
        spans = mspans
    }

    // MARK: - Numbers

    /// Reads a number (digits or words, with sign, scales, ordinal marks and fractions) at token `i`.
    func parseNumber(at i0: Int, money: Bool) -> NumResult? {
        guard i0 < n else { return nil }
        var i = i0
        var sign = 1.0
        var trace = Trace.empty
        // Sign: "-504", "- 1.200.000" (at the start of a text), "minus 5", "negativ 1200000".
        if isDash(i) || isSymbol(i, "-"), i + 1 < n, toks[i + 1].kind == .number,
           !toks[i + 1].spaceBefore || i == 0,
           i == 0 || toks[i].spaceBefore || toks[i - 1].kind == .symbol && !isDash(i - 1) {
            sign = -1; i += 1; trace = push(trace, "pattern:minus-sign")
        } else if let m = match(i, Meaning.Kinds.negative, { $0 == .negative }), m.end < n {
            sign = -1; i = m.end; trace = push(trace, m.entry.origin)
        }
        guard i < n else { return nil }
        // "un 5 %": an article before digits (language.json articleBeforeNumbers).
        if lex.articleBeforeNumbers, sign == 1, isArticle(i), i + 1 < n, toks[i + 1].kind == .number {
            return parseDigits(at: i + 1, start: i0, sign: sign, money: money, trace: push(trace, "\(lex.code)/language.json:articleBeforeNumbers"))
        }
        // "la mitad", "die Hälfte": a definite article before a fraction word standing alone.
        if sign == 1, let d = match(i, Meaning.Kinds.definiteArticle, { $0 == .definiteArticle }), d.end < n,
           let f = match(d.end, Meaning.Kinds.fraction, { if case .fraction(2) = $0 { return true }; return false }), case .fraction(let den) = f.entry.meaning {
            return .number(Num(value: 1 / den, start: i0, end: f.end, kind: .fraction, digits: nil, trace: push(trace, d.entry.origin, f.entry.origin)))
        }
        let kind = toks[i].kind
        if kind == .number { return parseDigits(at: i, start: i0, sign: sign, money: money, trace: trace) }
        if kind == .symbol, let v = QuantityScanner.vulgarValue(key(i)) {
            return .number(finish(Num(value: sign * v, start: i0, end: i + 1, kind: .fraction, digits: nil, trace: push(trace, "pattern:vulgar-fraction"))))
        }
        if kind == .word { return parseWords(at: i, start: i0, sign: sign, trace: trace) }
        return nil
    }

    func parseDigits(at i: Int, start i0: Int, sign: Double, money: Bool, trace trace0: Trace) -> NumResult? {
        var trace = trace0
        // A number glued to a word by a hyphen: Covid-19, F-16, COP-26.
        if i >= 2, isDash(i - 1), attached(i), attached(i - 1), toks[i - 2].kind == .word,
           !(i >= 3 && toks[i - 3].kind == .number && attached(i - 2)),
           !rootEntries(i - 2).contains(where: { isNumberWord($0.meaning) }) {
            return .skip(i + 1)
        }
        // A number glued by a hyphen to one letter: 11-S, 23-F (dates named by a letter).
        if isDash(i + 1), attached(i + 1), i + 2 < n, attached(i + 2), toks[i + 2].kind == .word, key(i + 2).utf8.count == 1,
           i + 3 >= n || toks[i + 3].spaceBefore || toks[i + 3].kind == .symbol {
            return .skip(i + 3)
        }
        // Phone numbers: "+45 12 34 56 78", "+1-222-2222-2222", "555-123-4567", "12 34 56 78".
        if let e = phoneEnd(at: i) { return .skip(e) }
        // Clock times: "10:30", "8 h 29", "09h12", "8.30 pm".
        if i + 2 < n, isSymbol(i + 1, ":"), attached(i + 1), toks[i + 2].kind == .number, attached(i + 2) {
            var e = i + 3
            while isSymbol(e, ":"), e + 1 < n, toks[e + 1].kind == .number { e += 2 }
            return .skip(e)
        }
        if i + 2 < n, toks[i + 1].kind == .word, toks[i + 2].kind == .number, key(i + 2).utf8.count == 2,
           lex.clockSeparators.contains(key(i + 1)), let h = plainInteger(i), h <= 24 {
            return .skip(i + 3)
        }
        if i + 1 < n, let m = match(i + 1, Meaning.Kinds.timeMarker, { if case .timeMarker(false) = $0 { return true }; return false }) {
            return .skip(m.end)
        }
        // Dates written with slashes or dashes: 15/08/2021, 2021-08-11.
        if i + 4 < n, isSymbol(i + 1, "/") || isDash(i + 1), attached(i + 1), toks[i + 2].kind == .number, attached(i + 2),
           key(i + 3) == key(i + 1), attached(i + 3), toks[i + 4].kind == .number, attached(i + 4) {
            return .date(i0, i + 5, push(.empty, "pattern:numeric-date"))
        }
        // "14.30" where "." is not the decimal mark: a clock time (hours.minutes).
        var numberKey = toks[i].key
        let parsed: DigitNumber.Parsed?? = numberKey.withUTF8 { u in
            if u.count >= 4, u.count <= 5, let dot = u.firstIndex(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }),
               u[dot] != lex.decimalMark, u.count - dot - 1 == 2, dot <= 2,
               let h = QuantityScanner.smallInt(UnsafeBufferPointer(rebasing: u[..<dot])),
               let m = QuantityScanner.smallInt(UnsafeBufferPointer(rebasing: u[(dot + 1)...])),
               h <= 24, m <= 59 {
                return .none
            }
            return .some(DigitNumber.parse(bytes: u, decimalMark: lex.decimalMark, groupMarks: lex.groupMarks))
        }
        guard let parsedOrClock = parsed else { return .skip(i + 1) }
        guard let p = parsedOrClock else {
            // 15.08.2021, 12.5.2021: a date; other shapes: nothing.
            let dots = toks[i].key.utf8.filter { $0 == UInt8(ascii: ".") }.count
            if dots == 2 && !toks[i].key.utf8.contains(UInt8(ascii: ",")) { return .date(i0, i + 1, push(.empty, "pattern:dotted-date")) }
            var parts: [(Int, Int, Double)] = []
            var runStart = -1
            let raw = Array(toks[i].key.utf8)
            for (o, c) in Array(raw.enumerated()) + [(raw.count, UInt8(0))] {
                if c &- 0x30 < 10 { if runStart < 0 { runStart = o } }
                else if runStart >= 0 {
                    if let v = Double(String(decoding: raw[runStart..<o], as: UTF8.self)) { parts.append((toks[i].start + runStart, toks[i].start + o, v)) }
                    runStart = -1
                }
            }
            return parts.isEmpty ? .skip(i + 1) : .list(parts, i + 1)
        }
        trace = push(trace, QuantityScanner.digitsStep)
        var value = p.value
        var k = i + 1
        let integer = !p.hasDecimals && !p.hasGroupMarks

        // Digit fractions: 3/4, 2/10, 20/100 (not 9/11, 24/7, 15/8 dates).
        if isSymbol(k, "/"), attached(k), k + 1 < n, toks[k + 1].kind == .number, attached(k + 1) {
            if integer, let d = plainInteger(k + 1), !isSymbol(k + 2, "/"),
               [2, 3, 4, 5, 6, 8, 10, 16, 20, 32, 64, 100, 1000].contains(d), value < d {
                var num = Num(value: sign * value / d, start: i0, end: k + 2, kind: .fraction, digits: nil, trace: push(trace, "pattern:digit-fraction"))
                num.digits = nil
                return .number(num)
            }
            return .skip(k + 2)
        }

        // Powers: 1.1^23, 2.5^-1, -1.1^--23, 1.3x10^6.
        do {
            var c = k
            var base10 = false
            if c < n, attached(c), toks[c].kind == .word, key(c) == "x10" || key(c) == "×10" { base10 = true; c += 1 }
            else if c + 1 < n, attached(c), isSymbol(c, "×") || key(c) == "x", key(c + 1) == "10", attached(c + 1) { base10 = true; c += 2 }
            if isSymbol(c, "^"), attached(c) {
                var e = c + 1
                var negative = false
                while e < n, attached(e), isSymbol(e, "+") || isDash(e) { if isDash(e) { negative.toggle() }; e += 1 }
                if e < n, attached(e), let x = plainInteger(e), x <= 300 {
                    let ex = negative ? -x : x
                    let v = base10 ? value * pow10(ex) : Foundation.pow(value, ex)
                    return .number(Num(value: sign * v, start: i0, end: e + 1, kind: .cardinal, digits: nil, trace: push(trace, "pattern:power")))
                }
            }
        }
        // "2.º", "4:e": an ordinal suffix after a dot or a colon.
        if integer, isSymbol(k, ".") || isSymbol(k, ":"), attached(k), k + 1 < n, attached(k + 1), lex.ordinalSuffixes.contains(key(k + 1)) {
            return .number(Num(value: value, start: i0, end: k + 2, kind: .ordinal, digits: p, trace: push(trace, "pattern:ordinal-suffix")))
        }
        // Attached suffix: ordinal (9th, 9e, 9º), scale (100K, 1.2bn), unit (10km: left to the caller).
        if k < n, attached(k) {
            // Scientific notation: 1e10, 1.3e6, 12.32e+14, -12e-1.
            if toks[k].kind == .word, key(k).utf8.first == UInt8(ascii: "e") {
                var expo: Double?
                var e = k + 1
                if toks[k].hasDigits, let x = Double(key(k).dropFirst()) { expo = x }
                else if key(k) == "e", isSymbol(k + 1, "+") || isDash(k + 1), attached(k + 1), let x = plainInteger(k + 2), attached(k + 2) {
                    expo = isDash(k + 1) ? -x : x; e = k + 3
                }
                if let x = expo {
                    let v = value * pow10(x)
                    return .number(Num(value: sign * v, start: i0, end: e, kind: .cardinal, digits: nil, trace: push(trace, "pattern:exponent")))
                }
            }
            // An ordinal suffix, unless a longer unit starts with it (it: "40°" = 40th, "40°C" = 40 °C).
            if integer, lex.ordinalSuffixes.contains(key(k)),
               (match(k, Meaning.Kinds.unit, { if case .unit(_, _, _, true) = $0 { return true }; return false })?.end ?? 0) <= k + 1 {
                return .number(Num(value: value, start: i0, end: k + 1, kind: .ordinal, digits: p, trace: push(trace, "pattern:ordinal-suffix")))
            }
            if toks[k].kind == .word, toks[k].capitalized, let up = lex.upperScales[key(k)], case .scale(let m, _) = up.meaning {
                var num = Num(value: sign * value * m, start: i0, end: k + 1, kind: .cardinal, digits: p, multiplier: m, trace: push(trace, up.origin))
                num.digits = p
                return .number(extendScales(num))
            }
            if toks[k].kind == .symbol, integer, let v = QuantityScanner.vulgarValue(key(k)) {
                return .number(Num(value: sign * (value + v), start: i0, end: k + 1, kind: .fraction, digits: nil, trace: push(trace, "pattern:vulgar-fraction")))
            }
            if toks[k].kind == .word {
                if toks[k].hasDigits { return .skip(k + 1) }
                let scale = match(k, Meaning.Kinds.scale, { if case .scale = $0 { return true }; return false })
                let unit = match(k, Meaning.Kinds.unit, { if case .unit(_, _, _, true) = $0 { return true }; return false })
                if let s = scale, case .scale(let m, _) = s.entry.meaning, money || unit == nil || s.end > unit!.end {
                    value *= m
                    k = s.end
                    trace = push(trace, s.entry.origin)
                    var num = Num(value: sign * value, start: i0, end: k, kind: .cardinal, digits: p, multiplier: m, trace: trace)
                    num.digits = p
                    return .number(extendScales(num))
                } else if unit == nil, !(lex.trie.entries(of: key(k)).contains { if case .qualifier = $0.meaning { return true }; if case .range = $0.meaning { return true }; return false }) {
                    // "3D", "5G", "1990s": not a quantity.
                    return .skip(k + 1)
                }
            }
        }

        // Ordinal dot: "8. plads"; a date "31. august"; not "… nummer 8." at a sentence end.
        if lex.ordinalDot, integer, isSymbol(k, "."), attached(k), value >= 1 {
            if k + 1 < n, let m = match(k + 1, Meaning.Kinds.month, isMonth) {
                var e = m.end
                if let y = plainInteger(e), y >= 1000, y <= 2200 { e += 1 }
                return .date(i0, e, push(.empty, "pattern:day-dot-month", m.entry.origin))
            }
            let next = k + 1
            if next >= n && i0 == 0 || next < n && toks[next].kind == .word && (!toks[next].capitalized || lex.ordinalDotBeforeCapital) {
                return .number(Num(value: value, start: i0, end: k + 1, kind: .ordinal, digits: p, trace: push(trace, "pattern:ordinal-dot")))
            }
        }
        // Day before a month: "31 August 2021", "15 de agosto".
        let mk = match(k, Meaning.Kinds.dateConnector, { $0 == .dateConnector }).map(\.end) ?? k
        if integer, value >= 1, value <= 31, let m = match(k, Meaning.Kinds.month, isMonth) ?? match(mk, Meaning.Kinds.month, isMonth) {
            var e = m.end
            if let c = match(e, Meaning.Kinds.dateConnector, { $0 == .dateConnector }), plainInteger(c.end).map({ $0 >= 1000 && $0 <= 2200 }) == true { e = c.end }
            if let y = plainInteger(e), y >= 1000, y <= 2200 { e += 1 }
            return .date(i0, e, push(.empty, "pattern:day-month", m.entry.origin))
        }
        // Mixed numbers: "2 1/4", "- 1 4/5".
        if integer, k + 2 < n, toks[k].kind == .number, toks[k].spaceBefore, isSymbol(k + 1, "/"), attached(k + 1),
           case .number(let f)? = parseDigits(at: k, start: k, sign: 1, money: money, trace: .empty), f.kind == .fraction, f.value < 1 {
            return .number(Num(value: sign * (value + f.value), start: i0, end: f.end, kind: .fraction, digits: nil,
                               trace: push(trace, "pattern:mixed-fraction")))
        }
        let num = Num(value: sign * value, start: i0, end: k, kind: .cardinal, digits: p, trace: trace)
        return .number(finish(num))
    }

    /// The trace step of a number written in digits.
    static let digitsStep = "pattern:digits"
    /// The trace of a number in digits with nothing before it.
    static let digitsTrace = [digitsStep]

    /// Unicode vulgar fractions (language-neutral).
    static let vulgar: [String: Double] = [
        "½": 0.5, "⅓": 1.0 / 3, "⅔": 2.0 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8,
        "⅙": 1.0 / 6, "⅚": 5.0 / 6, "⅐": 1.0 / 7, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875, "⅑": 1.0 / 9, "⅒": 0.1,
    ]

    /// The value of a vulgar fraction sign (`½`), nil for any other key. Every vulgar fraction
    /// is U+00BC…U+00BE (`C2 BC`…`C2 BE`) or U+2150…U+215F (`E2 85 90`…`E2 85 9F`) and none is
    /// canonically equivalent to another string, so other keys are answered from their bytes,
    /// without hashing.
    static func vulgarValue(_ key: String) -> Double? {
        var k = key
        let may = k.withUTF8 { u in
            u.count == 2 ? u[0] == 0xC2 && u[1] >= 0xBC && u[1] <= 0xBE
                : u.count == 3 && u[0] == 0xE2 && u[1] == 0x85 && u[2] >= 0x90 && u[2] <= 0x9F
        }
        return may ? vulgar[key] : nil
    }

    func pow10(_ x: Double) -> Double {
        // Beyond ±400 the result is not finite (or zero) anyway; never loop on a huge exponent.
        guard x.isFinite, abs(x) <= 400 else { return x > 0 ? .infinity : 0 }
        var r = 1.0
        for _ in 0..<Int(abs(x)) { r *= 10 }
        return x < 0 ? 1 / r : r
    }

    /// Decimals, scales and fractions after a number.
    func finish(_ a0: Num) -> Num {
        // Nothing after the number that any step below reads (a decimal word, a scale, a fraction
        // word, a joiner, a dash before one of them): each step would return it unchanged.
        if a0.kind != .fraction, !isDash(a0.end),
           !mayMatch(a0.end, Meaning.Kinds.decimalWord | Meaning.Kinds.scale | Meaning.Kinds.fraction | Meaning.Kinds.additiveJoiner) {
            return a0
        }
        var a = extendDecimal(a0)
        a = extendScales(a)
        a = extendFraction(a)
        if a.kind == .fraction || a.value != a.value.rounded() {
            let scaled = extendScales(a)
            if scaled.end != a.end { a = scaled; a.kind = .cardinal }
        }
        return extendFractionOfScale(a)
    }

    /// "half a million", "two thirds of a million", "half a dozen".
    func extendFractionOfScale(_ a0: Num) -> Num {
        var a = a0
        if a.kind == .fraction {
            var k = a.end
            if let p = match(k, Meaning.Kinds.partitive, { $0 == .partitive }) { k = p.end }
            if isArticle(k) { k += 1 }
            if k > a.end, let s = match(k, Meaning.Kinds.scale, { if case .scale(_, false) = $0 { return true }; return false }),
               case .scale(let m, _) = s.entry.meaning {
                a.value *= m
                a.multiplier = m
                a.kind = .cardinal
                a.end = s.end
                a.trace = push(a.trace, s.entry.origin)
            }
        }
        return a
    }

    /// "two point five", "nine point nought four", "point 77", "two hundred point seventy-one".
    func extendDecimal(_ a: Num) -> Num {
        // After a scale only when smaller pieces follow it (*tausendvierhundertsechzehn Komma fünfzehn*).
        guard a.kind == .cardinal, a.value == a.value.rounded(),
              a.multiplier == 1 || a.digits == nil && a.value.truncatingRemainder(dividingBy: a.multiplier) != 0,
              let d = match(a.end, Meaning.Kinds.decimalWord, { $0 == .decimalWord }) else { return a }
        var k = d.end
        var digits = ""
        if let _ = plainInteger(k) {
            // "27 con 3 abstenciones": digits before a noun are a count of their own.
            if followedByNoun(k + 1) { return a }
            digits = key(k); k += 1
        } else {
            while let c = match(k, Meaning.Kinds.cardinal, { if case .cardinal(let v, false, _, _) = $0 { return v < 10 && v == v.rounded() }; return false }),
                  case .cardinal(let v, _, _, _) = c.entry.meaning {
                digits += String(Int(v)); k = c.end
            }
            if digits.isEmpty, case .number(let b)? = parseWords(at: k, start: k, sign: 1, trace: .empty, plain: true),
               b.kind == .cardinal, b.value == b.value.rounded(), b.value >= 1, b.value < 1e15 {
                digits = String(Int(b.value)); k = b.end
            }
        }
        guard !digits.isEmpty, let frac = Double("0." + digits) else { return a }
        var out = a
        out.value = a.value < 0 || a.value == 0 && traces.contains(a.trace, where: { $0.contains("minus") || $0.contains("negative") }) ? a.value - frac : a.value + frac
        out.end = k
        out.digits = nil
        out.articleOnly = false
        out.trace = push(out.trace, d.entry.origin)
        return out
    }

    /// Scale words after a number: "5 thousand", "2,8 millioner", "3,5 mio.", "1.2 billion".
    func extendScales(_ a: Num) -> Num {
        var a = a
        var k = a.end
        var words = NumberWords()
        words.startDigits(abs(a.value))
        while k < n {
            var at = k
            if a.digits == nil, isDash(at), attached(at), attached(at + 1) { at += 1 }
            guard let s = match(at, Meaning.Kinds.scale, { if case .scale(_, false) = $0 { return true }; return false }),
                  case .scale(let m, _) = s.entry.meaning else { break }
            var copy = words
            guard copy.addScale(m) else { break }
            words = copy
            a.multiplier *= m
            a.trace = push(a.trace, s.entry.origin)
            k = s.end
        }
        if k != a.end {
            // "4 thousand 3 hundred and 21", "3 hundred and 21", "6 crore and two hundred".
            if a.digits != nil, let (w, e, tr) = continueAfterScale(words, at: k) {
                words = w; k = e; a.trace = join(a.trace, tr)
            }
            a.value = a.value < 0 ? -words.value : words.value
            a.end = k
        }
        return a
    }

    /// More groups after digits and a scale: each group (digits or number words, with an optional
    /// joiner before it) must end in a smaller scale, or follow a scale below 1000.
    func continueAfterScale(_ w0: NumberWords, at k0: Int) -> (NumberWords, Int, Trace)? {
        var words = w0
        var k = k0
        var trace = Trace.empty
        var progressed = false
        while k < n {
            var st = words
            var p = k
            var tr = Trace.empty
            var joined = false
            if let j = match(p, Meaning.Kinds.additiveJoiner, { $0 == .additiveJoiner }) { joined = true; p = j.end; tr = push(tr, j.entry.origin) }
            let afterSmallScale = st.last == .hundreds
            var pieces = 0
            var endedInScale = false
            while p < n {
                if let v = plainInteger(p), pieces == 0 {
                    guard st.addCardinal(v, joined: joined) || st.pieces > 0 && st.current == 0 && st.addCardinal(v) else { break }
                    p += 1; pieces += 1; endedInScale = false
                    tr = push(tr, QuantityScanner.digitsStep)
                    continue
                }
                guard toks[p].kind == .word, let m = match(p, Meaning.Kinds.cardinal | Meaning.Kinds.ordinal | Meaning.Kinds.scale, isNumberWord) else { break }
                var ok = false
                switch m.entry.meaning {
                case .cardinal(let v, false, false, _): ok = pieces == 0 || !endedInScale ? st.addCardinal(v, joined: joined && pieces == 0) : st.addCardinal(v)
                case .scale(let sc, _): ok = pieces > 0 && st.addScale(sc); if ok { endedInScale = true }
                default: ok = false
                }
                guard ok else { break }
                if case .cardinal = m.entry.meaning { endedInScale = false }
                tr = push(tr, m.entry.origin)
                p = m.end
                pieces += 1
            }
            guard pieces > 0, endedInScale || afterSmallScale else { break }
            words = st
            k = p
            trace = join(trace, tr)
            progressed = true
            if !endedInScale { break }
        }
        return progressed ? (words, k, push(trace, "pattern:scale-continuation")) : nil
    }

    /// "two thirds", "to tredjedele", "one and a half", "5 and a half".
    func extendFraction(_ a: Num) -> Num {
        guard a.kind == .cardinal, a.value == a.value.rounded() else { return a }
        var a = a
        let k = a.end
        let fk = a.digits == nil && isDash(k) && k + 1 < n && toks[k + 1].kind == .word ? k + 1 : k
        if a.multiplier == 1, let f = match(fk, Meaning.Kinds.fraction, { if case .fraction = $0 { return true }; return false }), case .fraction(let d) = f.entry.meaning,
           a.value >= 1 || a.value <= -1, a.digits == nil || toks[k].spaceBefore,
           !(a.articleOnly && d == 2 && isAverageReading(after: f.end)) {
            if let jb = a.joinBase { a.value = jb + (a.value - jb) / d } else { a.value /= d }
            a.kind = .fraction
            a.end = f.end
            a.articleOnly = false
            a.trace = push(a.trace, f.entry.origin)
            return a
        }
        // "one and a half", "two and three quarters"
        if let j = match(k, Meaning.Kinds.additiveJoiner, { $0 == .additiveJoiner }), j.end < n {
            var p = j.end
            var numerator = 1.0
            var tr = push(.empty, j.entry.origin)
            let isFraction: (Int) -> Bool = { self.match($0, { if case .fraction = $0 { return true }; return false }) != nil }
            if let c = match(p, Meaning.Kinds.cardinal, { if case .cardinal = $0 { return true }; return false }), case .cardinal(let v, _, _, _) = c.entry.meaning,
               v >= 1, v < 20, v == v.rounded(), isFraction(c.end) {
                numerator = v; p = c.end; tr = push(tr, c.entry.origin)
            } else if let v = plainInteger(p), v >= 1, v < 20, isFraction(p + 1) {
                numerator = v; p += 1
            }
            if let f = match(p, Meaning.Kinds.fraction, { if case .fraction = $0 { return true }; return false }), case .fraction(let d) = f.entry.meaning,
               numerator < d {
                var unitValue = a.multiplier > 1 && a.value.truncatingRemainder(dividingBy: a.multiplier) == 0 ? a.multiplier : 1
                var fend = f.end
                if unitValue > 1, let s = match(f.end, Meaning.Kinds.scale, { if case .scale(_, false) = $0 { return true }; return false }),
                   case .scale(let m, _) = s.entry.meaning, m < unitValue {
                    unitValue = m; fend = s.end
                }
                a.value += numerator / d * unitValue
                if unitValue == 1 { a.kind = .fraction }
                a.end = fend
                a.articleOnly = false
                a.trace = push(join(a.trace, tr), f.entry.origin)
            }
        }
        return a
    }

    /// *una media de 300* is "an average of 300": an article, a word for one half, a partitive
    /// and a number is no fraction (a half of a number is said with the definite article).
    func isAverageReading(after e: Int) -> Bool {
        guard let p = match(e, Meaning.Kinds.partitive, { $0 == .partitive }) else { return false }
        if case .number(let b)? = parseNumber(at: p.end, money: false), !b.articleOnly { return true }
        return false
    }

    /// The token after a phone number starting at `i`, or nil.
    func phoneEnd(at i: Int) -> Int? {
        let plus = i > 0 && isSymbol(i - 1, "+") && attached(i)
        // Runs of digit groups joined by dashes or single spaces.
        var e = i + 1
        var groups = 1
        var dashes = 0
        while e + 1 < n, toks[e + 1].kind == .number, groups <= 6 {
            if isDash(e), attached(e), attached(e + 1) { e += 2; groups += 1; dashes += 1; continue }
            if toks[e].kind == .number { break }
            break
        }
        if dashes >= 2 && groups <= 6 && !(key(i).utf8.count == 4 && groups == 3) { return e }
        // Space-separated groups of 2-4 digits.
        var s = i
        var count = 0
        while s < n, toks[s].kind == .number, let _ = plainInteger(s), (2...4).contains(key(s).utf8.count),
              s == i || toks[s].spaceBefore, count <= 6 {
            count += 1; s += 1
        }
        // More than six groups is a list of numbers, not a phone number (and the look-ahead stays short).
        if count > 6 { return nil }
        if count >= 4 || plus && count >= 2 { return s }
        if plus { return max(e, i + 1) }
        return nil
    }

    // MARK: - Number words

    func parseWords(at i: Int, start i0: Int, sign: Double, trace trace0: Trace, plain: Bool = false) -> NumResult? {
        // A word that is no number word, fraction word or decimal word in any phrase starting with
        // it, and no compound, starts no number (every reading below asks one of these first).
        if compounds.isEmpty || compounds[i] == nil,
           !mayMatch(i, Meaning.Kinds.cardinal | Meaning.Kinds.ordinal | Meaning.Kinds.scale | Meaning.Kinds.fraction | Meaning.Kinds.decimalWord) {
            return nil
        }
        var st = NumberWords()
        var k = i
        var committed = (st, i, trace0)
        var trace = trace0
        var pendingJoin = false
        // Cardinals, ordinals and compounds read so far; a scale alone (*milliarder*) is no number.
        var counted = 0
        var committedCounted = 0
        while k < n {
            let t = toks[k]
            if isDash(k), st.pieces > 0, st.value != 0, !pendingJoin, k + 1 < n, toks[k + 1].kind == .word,
               attached(k) && attached(k + 1) || st.last == .tens {
                k += 1
                continue
            }
            // "treinta y 3", "trente 3": a digit after round tens written in words.
            if t.kind == .number, st.last == .tens, !st.fromDigits, t.key.utf8.count == 1, let v = plainInteger(k), v >= 1,
               t.spaceBefore, k + 1 >= n || toks[k + 1].kind != .number {
                var trial = st
                if trial.addCardinal(v, joined: pendingJoin, unitsBeforeTens: lex.unitsBeforeTens) {
                    st = trial
                    trace = push(trace, QuantityScanner.digitsStep)
                    k += 1
                    pendingJoin = false
                    counted += 1
                    committed = (st, k, trace)
                    committedCounted = counted
                    continue
                }
            }
            guard t.kind == .word else { break }
            if st.pieces > 0, !pendingJoin, !st.done, let m = match(k, Meaning.Kinds.additiveJoiner, { $0 == .additiveJoiner }) {
                pendingJoin = true
                trace = push(trace, m.entry.origin)
                k = m.end
                continue
            }
            if let m = match(k, Meaning.Kinds.cardinal | Meaning.Kinds.ordinal | Meaning.Kinds.scale, isNumberWord) {
                var applied = false
                switch m.entry.meaning {
                case .cardinal(let v, let article, let compoundOnly, _):
                    applied = !compoundOnly && st.addCardinal(v, article: article, joined: pendingJoin, unitsBeforeTens: lex.unitsBeforeTens,
                                                              openUnitsBeforeTens: lex.openUnitsBeforeTens)
                case .scale(let s, _):
                    applied = !pendingJoin && st.addScale(s)
                case .ordinal(let v):
                    applied = st.addOrdinal(v, joined: pendingJoin, unitsBeforeTens: lex.unitsBeforeTens)
                default: break
                }
                if applied, pendingJoin, case .cardinal(let v, _, _, _) = m.entry.meaning,
                   let f = match(m.end, Meaning.Kinds.fraction, { if case .fraction = $0 { return true }; return false }),
                   case .fraction(let d) = f.entry.meaning, v < d {
                    break
                }
                if applied {
                    if case .scale = m.entry.meaning {} else { counted += 1 }
                    trace = push(trace, m.entry.origin)
                    k = m.end
                    pendingJoin = false
                    committed = (st, k, trace)
                    committedCounted = counted
                    continue
                }
                // A word that is both a number word and a compound (rare): fall through to splitting.
                if m.end > k + 1 { break }
            }
            if !compounds.isEmpty, let parts = compounds[k], applyCompound(parts, to: &st, joined: pendingJoin) {
                trace = push(trace, "pattern:compound(\(parts.map(\.0).joined(separator: "+")))")
                for part in parts { if let origin = part.1.first?.origin { trace = push(trace, origin) } }
                k += 1
                pendingJoin = false
                counted += 1
                committed = (st, k, trace)
                committedCounted = counted
                continue
            }
            break
        }
        let (s, end, tr) = committed
        // A big scale word alone (*milliarder*, *millions*) names no figure.
        if s.pieces == 1, committedCounted == 0, end == i + 1, s.value >= 1_000_000 { return nil }
        guard s.pieces > 0, end > i else {
            if plain { return nil }
            // A fraction word alone: "half", "halvdelen"; "quarter million".
            if let f = match(i, Meaning.Kinds.fraction, { if case .fraction = $0 { return true }; return false }), case .fraction(let d) = f.entry.meaning,
               d == 2 || match(f.end, Meaning.Kinds.scale, { if case .scale(_, false) = $0 { return true }; return false }) != nil,
               !followsOrdinalWord(i) {
                var num = Num(value: sign / d, start: i0, end: f.end, kind: .fraction, digits: nil, trace: push(trace0, f.entry.origin))
                let scaled = extendScales(num)
                if scaled.end != num.end { num = scaled; num.kind = .cardinal }
                return .number(extendFractionOfScale(num))
            }
            // "point 77": only where no word stands before it (*el punto 3 del acuerdo* is an item)
            // and no noun after it (*Con 176 votos*).
            if let d = match(i, Meaning.Kinds.decimalWord, { $0 == .decimalWord }), d.end < n, i == 0 || toks[i - 1].kind != .word {
                let zero = Num(value: 0, start: i0, end: i, kind: .cardinal, digits: nil, trace: trace0)
                let num = extendDecimal(zero)
                if num.end > i, !followedByNoun(num.end) { return .number(Num(value: sign * num.value, start: i0, end: num.end, kind: .cardinal, digits: nil, trace: num.trace)) }
            }
            return nil
        }
        var num = Num(value: sign * s.value, start: i0, end: end, kind: s.ordinal ? .ordinal : .cardinal, digits: nil, trace: tr)
        num.articleOnly = s.articleOnly
        num.joinBase = s.joinBase.map { sign * $0 }
        if s.lastBig < .infinity { num.multiplier = s.lastBig }
        if plain { return .number(num) }
        if num.kind == .cardinal {
            // an article or "one" before a fraction word: "a quarter", "en fjerdedel"
            num = finish(num)
            if num.articleOnly, let f = match(end, Meaning.Kinds.fraction, { if case .fraction = $0 { return true }; return false }),
               case .fraction(let d) = f.entry.meaning, !(d == 2 && isAverageReading(after: f.end)) {
                num.value = 1 / d; num.kind = .fraction; num.end = f.end; num.articleOnly = false
                num.trace = push(num.trace, f.entry.origin)
            }
        }
        return .number(num)
    }

    /// Applies the pieces of a closed compound; false (state unchanged) when they do not form a number.
    func applyCompound(_ parts: [(String, [Entry])], to st: inout NumberWords, joined: Bool) -> Bool {
        var copy = st
        var cj = false
        var first = true
        for (idx, part) in parts.enumerated() {
            let isLast = idx == parts.count - 1
            let es = part.1
            if es.contains(where: { $0.meaning == .compoundJoiner }) && !first && !isLast {
                if cj { return false }
                cj = true
                continue
            }
            var ok = false
            for e in es {
                var trial = copy
                switch e.meaning {
                case .cardinal(let v, _, _, _):
                    ok = trial.addCardinal(v, joined: first && joined, compoundJoined: cj, unitsBeforeTens: lex.unitsBeforeTens)
                        || cj && trial.addCardinal(v, joined: true, unitsBeforeTens: lex.unitsBeforeTens)
                case .scale(let m, _):
                    ok = !cj && trial.addScale(m)
                case .ordinal(let v):
                    ok = isLast && (trial.addOrdinal(v, joined: first && joined, compoundJoined: cj, unitsBeforeTens: lex.unitsBeforeTens)
                        || cj && trial.addOrdinal(v, joined: true, unitsBeforeTens: lex.unitsBeforeTens))
                default: ok = false
                }
                if ok { copy = trial; break }
            }
            if !ok { return false }
            cj = false
            first = false
        }
        if cj { return false }
        st = copy
        return true
    }
}

