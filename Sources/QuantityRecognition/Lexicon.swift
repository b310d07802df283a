import CrosscheckModel
import LanguageData

/// What a word or phrase of a language table means to the engine.
enum Meaning: Sendable, Hashable {
    case cardinal(Double, article: Bool, compoundOnly: Bool, pronoun: Bool = false)
    case ordinal(Double)
    /// *last* (end+0), *penultimate* (end-1), *next* (current+1): ordinals.tsv third column.
    case relativeOrdinal(Double, reference: String)
    case scale(Double, attachedOnly: Bool)
    case fraction(Double)
    case qualifier(Qualifier, before: Bool)
    case vague(low: Double, high: Double, Qualifier)
    case unit(QuantityKind, String, before: Bool, after: Bool)
    case range(RangeRole)
    case month(Int)
    case weekday(Int)
    /// *minus*, *negative*, *negativ* (language.json `negativeWords`).
    case negative
    /// *and*, *og*, *y*, *et*, *und* between number words (language.json `additiveJoiners`).
    case additiveJoiner
    /// The joiner inside a closed compound (language.json `compoundJoiners`).
    case compoundJoiner
    /// *am*, *pm* after a clock time, *kl.* before it (language.json `timeMarkersAfter` / `timeMarkersBefore`).
    case timeMarker(before: Bool)
    /// *point*, *komma*, *virgule* between an integer and its decimals (language.json `decimalWords`).
    case decimalWord
    /// *of*, *af*, *de* between a fraction and its unit: *three quarters of an hour* (language.json `partitiveWords`).
    case partitive
    /// *in*, *out of*, *sur* between two numbers making a ratio: *one in five* (language.json `ratioWords`).
    case ratio
    /// *la*, *die*, *the* before a fraction word alone: *la mitad*, *die Hälfte* (language.json `definiteArticles`).
    case definiteArticle
    /// *de*, *of* between a day and a month: *15 de agosto* (language.json `dateConnectors`).
    case dateConnector
    /// *more*, *extra*, *additional* between a number and a duration unit: *two more years*
    /// (language.json `unitModifiers`).
    case unitModifier
    /// A word before *one* that makes it a pronoun (*the one*, *which one*): language.json `pronounDeterminers`.
    case determiner
}

extension Meaning {
    /// One bit per case, for ``TokenTrie/Node/kinds``.
    var kindBit: UInt32 {
        switch self {
        case .cardinal: return Kinds.cardinal
        case .ordinal: return Kinds.ordinal
        case .relativeOrdinal: return Kinds.relativeOrdinal
        case .scale: return Kinds.scale
        case .fraction: return Kinds.fraction
        case .qualifier: return Kinds.qualifier
        case .vague: return Kinds.vague
        case .unit: return Kinds.unit
        case .range: return Kinds.range
        case .month: return Kinds.month
        case .weekday: return Kinds.weekday
        case .negative: return Kinds.negative
        case .additiveJoiner: return Kinds.additiveJoiner
        case .compoundJoiner: return Kinds.compoundJoiner
        case .timeMarker: return Kinds.timeMarker
        case .decimalWord: return Kinds.decimalWord
        case .partitive: return Kinds.partitive
        case .ratio: return Kinds.ratio
        case .definiteArticle: return Kinds.definiteArticle
        case .dateConnector: return Kinds.dateConnector
        case .unitModifier: return Kinds.unitModifier
        case .determiner: return Kinds.determiner
        }
    }

    /// The bits of ``kindBit``, one per case of ``Meaning``.
    enum Kinds {
        static let cardinal: UInt32 = 1 << 0
        static let ordinal: UInt32 = 1 << 1
        static let relativeOrdinal: UInt32 = 1 << 2
        static let scale: UInt32 = 1 << 3
        static let fraction: UInt32 = 1 << 4
        static let qualifier: UInt32 = 1 << 5
        static let vague: UInt32 = 1 << 6
        static let unit: UInt32 = 1 << 7
        static let range: UInt32 = 1 << 8
        static let month: UInt32 = 1 << 9
        static let weekday: UInt32 = 1 << 10
        static let negative: UInt32 = 1 << 11
        static let additiveJoiner: UInt32 = 1 << 12
        static let compoundJoiner: UInt32 = 1 << 13
        static let timeMarker: UInt32 = 1 << 14
        static let decimalWord: UInt32 = 1 << 15
        static let partitive: UInt32 = 1 << 16
        static let ratio: UInt32 = 1 << 17
        static let definiteArticle: UInt32 = 1 << 18
        static let dateConnector: UInt32 = 1 << 19
        static let unitModifier: UInt32 = 1 << 20
        static let determiner: UInt32 = 1 << 21
    }
}

/// The roles of `ranges.tsv`.
enum RangeRole: String, Sendable, Hashable { case open, join, to, from }

/// One meaning with the table row it came from.
struct Entry: Sendable, Hashable {
    var meaning: Meaning
    /// "da/ordinals.tsv:12", or "da/language.json:additiveJoiners".
    var origin: String
}

/// A longest-match trie over tokens: each edge is one case-folded token.
struct TokenTrie: Sendable {
    struct Node: Sendable {
        var next: [String: Int32] = [:]
        var entries: [Entry] = []
        /// Edges that every phrase writes glued to the token before (`A$`, `km/h`): in text they
        /// match only a token with no space before it (`a $3` is no `A$`).
        var attachedOnly: Set<String> = []
        /// The ``Meaning/kindBit`` of every entry, joined.
        var kinds: UInt32 = 0
        /// The first bytes of the ASCII-first keys of `next`, one bit each (bytes 0…63 in `.0`,
        /// 64…127 in `.1`); all set once a key starts beyond ASCII.
        var firstBytes: (UInt64, UInt64) = (0, 0)

        /// False only when no key of `next` can equal a key whose first byte is `b`: two keys
        /// equal up to canonical equivalence whose first bytes are ASCII share them (an ASCII
        /// scalar is a starter that decomposes to itself), and a first byte beyond ASCII, or a
        /// key of `next` starting beyond ASCII, is never ruled out.
        @inline(__always)
        func mayHaveChild(firstByte b: UInt8) -> Bool {
            if b >= 0x80 { return true }
            let m = b < 64 ? firstBytes.0 : firstBytes.1
            return m & (1 << UInt64(b & 63)) != 0
        }

        mutating func noteChild(_ key: String) {
            guard let b = key.utf8.first, b < 0x80 else { firstBytes = (~0, ~0); return }
            if b < 64 { firstBytes.0 |= 1 << UInt64(b) } else { firstBytes.1 |= 1 << UInt64(b & 63) }
        }
    }

    private(set) var nodes: [Node] = [Node()]
    /// First two bytes of every phrase's first token (see ``mayStart(_:)``).
    private var rootPrefixes = PrefixBits()

    /// False only when no phrase can start with `key` (see ``PrefixBits/mayStart(_:)``).
    func mayStart(_ key: String) -> Bool { rootPrefixes.mayStart(key) }

    /// ``mayStart(_:)`` of a key whose first two bytes (``PrefixBits/prefix(of:)``) are `prefix`.
    @inline(__always)
    func mayStart(prefix p: UInt16) -> Bool { p & 0x8080 != 0 || rootPrefixes.contains(p) }

    mutating func insert(_ keys: [String], _ entry: Entry) {
        insert(keys.map { ($0, false) }, entry)
    }

    /// Inserts a phrase whose tokens carry "glued to the previous token" flags.
    mutating func insert(_ keys: [(String, Bool)], _ entry: Entry) {
        guard !keys.isEmpty else { return }
        rootPrefixes.insert(PrefixBits.prefix(of: keys[0].0))
        var node = 0
        for (idx, (k, glued)) in keys.enumerated() {
            let attached = idx > 0 && glued
            // one hash of `k` per step: the edge is read, or made, in place (start-up time)
            let fresh = Int32(nodes.count)
            let n = Self.edge(&nodes[node].next[k, default: -1], fresh)
            if n != fresh {
                if !attached, !nodes[node].attachedOnly.isEmpty { nodes[node].attachedOnly.remove(k) }
                node = Int(n)
            } else {
                nodes.append(Node())
                nodes[node].noteChild(k)
                if attached { nodes[node].attachedOnly.insert(k) }
                node = Int(fresh)
            }
        }
        if !nodes[node].entries.contains(entry) { nodes[node].entries.append(entry); nodes[node].kinds |= entry.meaning.kindBit }
    }

    /// The child an edge leads to; an edge just made (-1) is given `fresh`.
    private static func edge(_ child: inout Int32, _ fresh: Int32) -> Int32 {
        if child < 0 { child = fresh }
        return child
    }

    /// Room for `n` phrases' first tokens under the root (start-up time: no rehashing while the
    /// tables are read).
    mutating func reserveRoots(_ n: Int) { nodes[0].next.reserveCapacity(n) }

    /// The longest phrase starting at token `i` with an entry that `accept` takes:
    /// the index just past its last token and the entry.
    func longest(at i: Int, in tokens: [Token], accept: (Meaning) -> Bool) -> (end: Int, entry: Entry)? {
        longest(on: walk(at: i, in: tokens), accept: accept)
    }

    /// The nodes a walk from token `i` passes, with the token index after each step: what
    /// ``longest(at:in:accept:)`` visits, independent of what it accepts, so a scanner can walk
    /// once per token and ask several questions of the same walk.
    func walk(at i: Int, in tokens: [Token]) -> [(end: Int, node: Int32)] {
        walk(at: i, in: tokens, known: nil)
    }

    /// ``walk(at:in:)`` that stops before a token `known` marks false (no table key has it)
    /// without looking it up.
    func walk(at i: Int, in tokens: [Token], known: [Bool]?) -> [(end: Int, node: Int32)] {
        guard i < tokens.count, mayStart(tokens[i].key) else { return [] }
        var out: [(end: Int, node: Int32)] = []
        var node = 0
        var j = i
        while j < tokens.count, known?[j] ?? true, let n = nodes[node].next[tokens[j].key] {
            if j > i, tokens[j].spaceBefore, !nodes[node].attachedOnly.isEmpty, nodes[node].attachedOnly.contains(tokens[j].key) { break }
            node = Int(n)
            j += 1
            out.append((j, n))
        }
        return out
    }

    /// ``longest(at:in:accept:)`` over a walk already made: the longest step with an accepted entry.
    func longest(on walk: [(end: Int, node: Int32)], accept: (Meaning) -> Bool) -> (end: Int, entry: Entry)? {
        var k = walk.count - 1
        while k >= 0 {
            if let e = nodes[Int(walk[k].node)].entries.first(where: { accept($0.meaning) }) { return (walk[k].end, e) }
            k -= 1
        }
        return nil
    }

    /// True when some phrase starts with the token `key`.
    func hasRoot(_ key: String) -> Bool { mayStart(key) && nodes[0].next[key] != nil }

    /// The node a phrase starting with `key` goes to, or nil.
    func root(_ key: String) -> Int32? { mayStart(key) ? nodes[0].next[key] : nil }

    /// ``root(_:)`` of a key whose first two bytes (``PrefixBits/prefix(of:)``) are `prefix`,
    /// known without reading the key.
    @inline(__always)
    func root(_ key: String, prefix: UInt16) -> Int32? { mayStart(prefix: prefix) ? nodes[0].next[key] : nil }

    /// Every entry of the single token `key`.
    func entries(of key: String) -> [Entry] {
        guard let n = nodes[0].next[key] else { return [] }
        return nodes[Int(n)].entries
    }
}

/// Everything the engine knows about one language, built once from its tables.
struct Lexicon: Sendable {
    var code: String
    var decimalMark: UInt8
    var groupMarks: Set<UInt8>
    var spaceGroups: Bool
    var ordinalDot: Bool
    /// `8. Platz`: with `ordinalDot`, a capitalized word after the dot still makes an ordinal
    /// (languages that capitalize nouns).
    var ordinalDotBeforeCapital: Bool
    /// `un 5 %`: an article may stand before a number written in digits and belongs to it.
    var articleBeforeNumbers: Bool
    /// *twee en twintig* written open: units, the additive joiner, tens (language.json `openUnitsBeforeTens`).
    var openUnitsBeforeTens: Bool
    var ordinalSuffixes: Set<String>
    var unitsBeforeTens: Bool
    var closedCompounds: Bool
    var clockSeparators: Set<String>
    /// language.json `streetWords`, folded.
    var streetWords: [String]
    var trie = TokenTrie()
    /// Scales read only from a capital letter right after digits (`3M`, `1,2M`): flag `upper`.
    var upperScales: [String: Entry] = [:]
    /// Single words that may stand inside a closed compound, with their meanings.
    var pieces: [String: [Entry]] = [:]
    var maxPieceBytes = 0
    /// First two bytes of every piece, to skip words that cannot be compounds quickly.
    /// The first two bytes of every compound piece and of every ``accentless`` key: a word whose
    /// first two bytes are not set is no piece and no accentless spelling, found without hashing it.
    var piecePrefixBits = PrefixBits()
    /// The last two bytes of every piece of two bytes or more, and the byte of every one-byte
    /// piece (kept as `0x00xx`): a word ending otherwise is no compound.
    var pieceSuffixBits = PrefixBits()
    /// The pieces by skeleton, for the gate (see ``PieceTrie``).
    var pieceSkeletons = PieceTrie()
    var accentlessPrefixBits = PrefixBits()
    /// The first look at a sentence: see ``QuantityGate``.
    var gate = QuantityGate()
    /// The trie's first tokens by skeleton hash (used when the gate is enabled).
    var skeletonRoots = SkeletonRoots()
    /// The trie root of each General Punctuation sign U+2000…U+206F (the key ``Tokenizer`` gives
    /// it), -1 for none: looked up once here, as the scanner would look it up per token.
    var punctuationRoots: [Int32] = []
    /// Table words with accents by their accentless spelling, when that spelling is unique and no
    /// table word itself (*decimas* → *décimas*).
    var accentless: [String: String] = [:]

    init(pack: LanguagePack) throws {
        code = pack.code
        let dm = pack.string("decimalMark") ?? "."
        decimalMark = dm.utf8.first ?? UInt8(ascii: ".")
        let gm = pack.settings["groupMarks"] == nil ? (decimalMark == UInt8(ascii: ".") ? [",", " "] : [".", " "]) : pack.strings("groupMarks")
        groupMarks = Set(gm.compactMap { $0.utf8.first })
        spaceGroups = gm.contains { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        ordinalDot = pack.bool("ordinalDot")
        ordinalDotBeforeCapital = pack.bool("ordinalDotBeforeCapital")
        articleBeforeNumbers = pack.bool("articleBeforeNumbers")
        openUnitsBeforeTens = pack.bool("openUnitsBeforeTens")
        ordinalSuffixes = Set(pack.strings("ordinalSuffixes").map { Lexicon.foldKey($0) })
        unitsBeforeTens = pack.bool("unitsBeforeTens")
        closedCompounds = pack.bool("closedCompounds")
        let clock = pack.strings("clockSeparators")
        streetWords = pack.strings("streetWords").map { Lexicon.foldKey($0) }.filter { !$0.isEmpty }
        clockSeparators = Set((clock.isEmpty ? [":"] : clock + [":"]).map { Lexicon.foldKey($0) })

        let c = pack.code
        func num(_ s: String?, _ row: TableRow, _ what: String) throws -> Double {
            guard let s, let v = Lexicon.parseTableNumber(s) else {
                throw LanguageStore.LoadError(file: "\(c)/\(row.table)", line: row.line,
                                              problem: "\(what) must be a number, found \(s.map { "'\($0)'" } ?? "nothing")")
            }
            return v
        }
        func add(_ phrase: String, _ m: Meaning, _ origin: String) {
            // ASCII words between spaces (most table phrases): their keys without the tokenizer.
            if let keys = Lexicon.asciiWordKeys(phrase) {
                trie.insert(keys.map { ($0, false) }, Entry(meaning: m, origin: origin))
                return
            }
            // Glued only matters between a word and a symbol (`A$`, `km/h`), not `<=` or `2.º`.
            let ts = Tokenizer.tokenize(phrase, spaceGroups: false)
            let keys = ts.indices.map { i in
                (ts[i].key, i > 0 && !ts[i].spaceBefore && (ts[i].kind == .word) != (ts[i - 1].kind == .word))
            }
            trie.insert(keys, Entry(meaning: m, origin: origin))
        }
        trie.reserveRoots(["cardinals.tsv", "ordinals.tsv", "scales.tsv", "fractions.tsv", "qualifiers.tsv", "vague.tsv",
                           "units.tsv", "ranges.tsv", "months.tsv", "weekdays.tsv"].reduce(0) { $0 + pack.rows($1).count })
        for row in pack.rows("cardinals.tsv") {
            guard let w = row[0] else { continue }
            let flags = Set((row[2] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            add(w, .cardinal(try num(row[1], row, "value"), article: flags.contains("article"),
                             compoundOnly: flags.contains("compound"), pronoun: flags.contains("pronoun")), row.origin)
        }
        for row in pack.rows("ordinals.tsv") {
            guard let w = row[0] else { continue }
            if let ref = row[2] {
                guard ["end", "current", "start"].contains(ref) else {
                    throw LanguageStore.LoadError(file: "\(c)/\(row.table)", line: row.line,
                                                  problem: "the reference of a relative ordinal must be end, current or start, found '\(ref)'")
                }
                add(w, .relativeOrdinal(try num(row[1], row, "offset"), reference: ref), row.origin)
                continue
            }
            add(w, .ordinal(try num(row[1], row, "value")), row.origin)
        }
        for row in pack.rows("scales.tsv") {
            guard let w = row[0] else { continue }
            let flags = Set((row[2] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            let m = try num(row[1], row, "multiplier")
            if flags.contains("upper") {
                upperScales[Lexicon.foldKey(w)] = Entry(meaning: .scale(m, attachedOnly: true), origin: row.origin)
                continue
            }
            add(w, .scale(m, attachedOnly: flags.contains("attached")), row.origin)
        }
        for row in pack.rows("fractions.tsv") {
            guard let w = row[0] else { continue }
            add(w, .fraction(try num(row[1], row, "denominator")), row.origin)
        }
        for row in pack.rows("qualifiers.tsv") {
            guard let w = row[0] else { continue }
            guard let q = row[1].flatMap(Qualifier.init(rawValue:)) else {
                throw LanguageStore.LoadError(file: "\(c)/\(row.table)", line: row.line,
                                              problem: "unknown qualifier '\(row[1] ?? "")'")
            }
            let pos = row[2] ?? "before"
            if pos == "before" || pos == "both" { add(w, .qualifier(q, before: true), row.origin) }
            if pos == "after" || pos == "both" { add(w, .qualifier(q, before: false), row.origin) }
        }
        for row in pack.rows("vague.tsv") {
            guard let w = row[0] else { continue }
            let q = row[3].flatMap(Qualifier.init(rawValue:)) ?? .about
            add(w, .vague(low: try num(row[1], row, "low"), high: try num(row[2], row, "high"), q), row.origin)
        }
        for row in pack.rows("units.tsv") {
            guard let w = row[0] else { continue }
            guard let k = row[1].flatMap(QuantityKind.init(rawValue:)), let u = row[2] else {
                throw LanguageStore.LoadError(file: "\(c)/\(row.table)", line: row.line,
                                              problem: "needs a kind (duration, percent, money, measure) and a unit")
            }
            let pos = row[3] ?? "after"
            add(w, .unit(k, u, before: pos == "before" || pos == "both", after: pos == "after" || pos == "both"), row.origin)
        }
        for row in pack.rows("ranges.tsv") {
            guard let w = row[0] else { continue }
            guard let r = row[1].flatMap(RangeRole.init(rawValue:)) else {
                throw LanguageStore.LoadError(file: "\(c)/\(row.table)", line: row.line,
                                              problem: "unknown range role '\(row[1] ?? "")' (open, join, to, from)")
            }
            add(w, .range(r), row.origin)
        }
        for row in pack.rows("months.tsv") {
            guard let w = row[0] else { continue }
            add(w, .month(Int(try num(row[1], row, "month number"))), row.origin)
        }
        for row in pack.rows("weekdays.tsv") {
            guard let w = row[0] else { continue }
            add(w, .weekday(Int(try num(row[1], row, "weekday number"))), row.origin)
        }
        for w in pack.strings("negativeWords") { add(w, .negative, "\(c)/language.json:negativeWords") }
        for w in pack.strings("additiveJoiners") { add(w, .additiveJoiner, "\(c)/language.json:additiveJoiners") }
        for w in pack.strings("timeMarkersAfter") { add(w, .timeMarker(before: false), "\(c)/language.json:timeMarkersAfter") }
        for w in pack.strings("timeMarkersBefore") { add(w, .timeMarker(before: true), "\(c)/language.json:timeMarkersBefore") }
        for w in pack.strings("decimalWords") { add(w, .decimalWord, "\(c)/language.json:decimalWords") }
        for w in pack.strings("definiteArticles") { add(w, .definiteArticle, "\(c)/language.json:definiteArticles") }
        for w in pack.strings("dateConnectors") { add(w, .dateConnector, "\(c)/language.json:dateConnectors") }
        for w in pack.strings("unitModifiers") { add(w, .unitModifier, "\(c)/language.json:unitModifiers") }
        for w in pack.strings("ratioWords") { add(w, .ratio, "\(c)/language.json:ratioWords") }
        for w in pack.strings("pronounDeterminers") { add(w, .determiner, "\(c)/language.json:pronounDeterminers") }
        for w in pack.strings("partitiveWords") { add(w, .partitive, "\(c)/language.json:partitiveWords") }

        // Pieces of closed compounds: single-word cardinals, ordinals, scales and the compound joiners.
        for node in [0] {
            for (key, child) in trie.nodes[node].next {
                let es = trie.nodes[Int(child)].entries.filter {
                    switch $0.meaning {
                    case .cardinal, .ordinal, .scale(_, false): return true
                    default: return false
                    }
                }
                if !es.isEmpty { pieces[key, default: []] += es }
            }
        }
        for w in pack.strings("compoundJoiners") {
            pieces[Lexicon.foldKey(w), default: []].append(Entry(meaning: .compoundJoiner, origin: "\(c)/language.json:compoundJoiners"))
        }
        var seen: [String: Int] = [:]
        for key in trie.nodes[0].next.keys {
            guard let s = Lexicon.stripAccents(key), !trie.hasRoot(s) else { continue }
            seen[s, default: 0] += 1
            accentless[s] = key
        }
        for (s, c) in seen where c > 1 { accentless[s] = nil }
        for k in accentless.keys { accentlessPrefixBits.insert(PrefixBits.prefix(of: k)) }
        for k in pieces.keys {
            maxPieceBytes = max(maxPieceBytes, k.utf8.count)
            piecePrefixBits.insert(PrefixBits.prefix(of: k))
            pieceSkeletons.insert(k)
            let u = Array(k.utf8)
            if u.count == 1 { pieceSuffixBits.insert(UInt16(u[0])) }
            else if u.count > 1 { pieceSuffixBits.insert(UInt16(u[u.count - 2]) << 8 | UInt16(u[u.count - 1])) }
        }
        gate = Lexicon.gate(trie: trie)
        punctuationRoots = Tokenizer.punctuationKeys.map { trie.root($0) ?? -1 }
        for (key, child) in trie.nodes[0].next {
            skeletonRoots.insert(QuantityGate.skeletonHash(of: key), key: key, node: child)
        }
    }

    /// A word's vowels without acute, grave, circumflex or diaeresis (*trés* → *tres*); nil
    /// when it has none.
    ///
    /// Works on the UTF-8 bytes: the accented vowels are U+00E0…U+00FC, written `C3 A0`…`C3 BC`,
    /// so each is a two-byte pair replaced by one ASCII letter; every other byte is copied.
    static func stripAccents(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { b -> String? in
            var first = -1
            var i = 0
            while i + 1 < b.count {
                if b[i] == 0xC3, accentBase(b[i + 1]) != 0 { first = i; break }
                i += 1
            }
            guard first >= 0 else { return nil }
            return String(unsafeUninitializedCapacity: b.count) { out in
                var o = 0, i = 0
                while i < b.count {
                    let base = b[i] == 0xC3 && i + 1 < b.count ? accentBase(b[i + 1]) : 0
                    if base != 0 {
                        out[o] = base; i += 2
                    } else {
                        out[o] = b[i]; i += 1
                    }
                    o += 1
                }
                return o
            }
        }
    }

    /// The base vowel of the accented vowel whose UTF-8 is `C3 t` (see ``stripAccents(_:)``), or 0.
    @inline(__always)
    private static func accentBase(_ t: UInt8) -> UInt8 {
        switch t {
        case 0xA0...0xA2, 0xA4: return UInt8(ascii: "a")
        case 0xA8...0xAB: return UInt8(ascii: "e")
        case 0xAC...0xAF: return UInt8(ascii: "i")
        case 0xB2...0xB4, 0xB6: return UInt8(ascii: "o")
        case 0xB9...0xBC: return UInt8(ascii: "u")
        default: return 0
        }
    }

    /// The keys the tokenizer gives `phrase` when it is ASCII words (a letter, then letters and
    /// digits) between spaces: each word's bytes with capitals lowered, none glued to the one
    /// before; nil for any other phrase.
    static func asciiWordKeys(_ phrase: String) -> [String]? {
        var text = phrase
        return text.withUTF8 { b -> [String]? in
            var keys: [String] = []
            var i = 0
            while i < b.count {
                if b[i] == 0x20 { i += 1; continue }
                let start = i
                var lower = true
                while i < b.count, b[i] != 0x20 {
                    let c = b[i], l = c | 0x20
                    if l >= 0x61 && l <= 0x7A { if c != l { lower = false } }
                    else if i == start || c &- 0x30 >= 10 { return nil }
                    i += 1
                }
                let word = UnsafeBufferPointer(rebasing: b[start..<i])
                // a phrase that is one lowercase word is its own key (no new string)
                keys.append(lower ? (word.count == b.count ? phrase : String(decoding: word, as: UTF8.self))
                                  : String(decoding: word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self))
            }
            return keys.isEmpty ? nil : keys
        }
    }

    /// The table word a text word stands for when it is written with wrong or missing accents
    /// (*trés* → *tres*, *decimas* → *décimas*, *funf* → *fünf*); nil when it is no such word.
    func accentVariant(of key: String) -> String? {
        if let s = Lexicon.stripAccents(key) {
            return trie.hasRoot(s) ? s : accentless[s]
        }
        guard key.utf8.count >= 4, accentlessPrefixBits.contains(PrefixBits.prefix(of: key)) else { return nil }
        return accentless[key]
    }


    /// The token keys of a table phrase (tokenized like text, case-folded).
    static func keys(_ phrase: String) -> [String] {
        Tokenizer.tokenize(phrase, spaceGroups: false).map(\.key)
    }

    static func foldKey(_ s: String) -> String {
        let ks = keys(s)
        return ks.count == 1 ? ks[0] : ks.joined()
    }

    /// A number in a table: `1000000`, `1e9`, `0.5`, `1_000`.
    static func parseTableNumber(_ s: String) -> Double? {
        // most table numbers have no `_`: no Foundation string rewrite for them (start-up time)
        guard s.utf8.contains(UInt8(ascii: "_")) else { return Double(s) }
        return Double(String(decoding: s.utf8.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self))
    }

    /// Splits a closed compound (*tooghalvtreds*, *dreihunderttausend*) into table words by greedy
    /// longest decomposition with backtracking; nil when the word is not made only of pieces.
    func splitCompound(_ word: String) -> [(String, [Entry])]? {
        guard word.utf8.count >= 4, piecePrefixBits.contains(PrefixBits.prefix(of: word)) else { return nil }
        let bytes = Array(word.utf8)
        var failed = Set<Int>()
        func go(_ p: Int) -> [(String, [Entry])]? {
            if p == bytes.count { return [] }
            // no piece starts with these bytes (a one-byte piece is kept with a zero second byte)
            let two = UInt16(bytes[p]) << 8 | (p + 1 < bytes.count ? UInt16(bytes[p + 1]) : 0)
            if !piecePrefixBits.contains(two), !piecePrefixBits.contains(UInt16(bytes[p]) << 8) { return nil }
            if failed.contains(p) { return nil }
            var len = min(maxPieceBytes, bytes.count - p)
            while len >= 1 {
                let sub = String(decoding: bytes[p..<(p + len)], as: UTF8.self)
                if let es = pieces[sub], let rest = go(p + len) { return [(sub, es)] + rest }
                len -= 1
            }
            failed.insert(p)
            return nil
        }
        guard let parts = go(0), parts.count >= 2 else { return nil }
        return parts
    }
}

