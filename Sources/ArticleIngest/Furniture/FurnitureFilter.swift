import CrosscheckModel
import Foundation
import LanguageData

/// Finds page furniture among an article's blocks: share and comment prompts, cookie banners,
/// copyright lines and image credits, newsletter prompts, "related" lists with the headlines under
/// them, bylines, and the title repeated as the first line of the body.
///
/// The phrases are data: `furniture.tsv` of every language folder (phrase, reason) plus the
/// language-neutral `Vocabulary/furniture-common.tsv`; byline prefixes come from `bylines.tsv`.
/// A phrase ending in `…` matches any block that starts with it; one starting with `…` matches a
/// short block (at most 15 words) that ends with it (`…/AFP`); any other phrase must be the
/// whole block (trailing punctuation aside), the block's label before a colon, or the first of
/// several labels glued together ("Share this articleComments").
public struct FurnitureFilter: Sendable {
    /// One phrase of a furniture table.
    public struct Phrase: Sendable, Hashable {
        /// Normalised (lowercase, single spaces) text without the trailing `…`.
        public var key: String
        public var reason: String
        /// True when the row ended in `…`: the block only has to start with it.
        public var isPrefix: Bool
        /// True when the row started with `…`: the block only has to end with it.
        public var isSuffix: Bool = false
        /// "da/furniture.tsv:12"
        public var origin: String
    }

    /// What the filter decided for a document's blocks.
    public struct Result: Sendable, Hashable {
        public var kept: [Block]
        public var dropped: [DroppedText]
        public var byline: String?
    }

    public let phrases: [Phrase]
    /// Whole-block phrases by key.
    let whole: [String: Phrase]
    /// Prefix phrases, longest first.
    let prefixes: [Phrase]
    /// Suffix phrases (`…/AFP`), longest first: credits at the end of a short block.
    let suffixes: [Phrase]
    /// Byline prefixes, normalised ("by", "af", "par").
    public let bylinePrefixes: Set<String>
    /// What the normal form of a byline's first word can be: every byline prefix cut at its end
    /// and before each space, `:`, `!`, `?` and `;` in it ("written by" gives "written" and
    /// "written by"). ``byline(_:)`` looks at the rest only for a block whose first word is one.
    let bylineFirstWords: PhraseTrie
    /// `prefixes` as a byte trie of their keys, built once.
    let prefixTrie: PhraseTrie
    /// `suffixes` as a byte trie of their reversed keys, built once.
    let suffixTrie: PhraseTrie
    /// Per prefix phrase: its key's byte count, whether the key ends in a word scalar, and the
    /// most words a block it starts may have (150 for a cookie banner, 40 otherwise).
    let prefixInfo: [(count: Int, endsWord: Bool, limit: Int)]
    /// Per suffix phrase: its key's byte count and whether the key starts with a word scalar.
    let suffixInfo: [(count: Int, startsWord: Bool)]
    /// The keys of `whole` (and the normal form C of any key written otherwise, when it has one
    /// below U+0300) as a byte trie; `wholeByBytes` holds the phrase of each.
    let wholeTrie: PhraseTrie
    let wholeByBytes: [Phrase]
    /// The normal form C of every key of `whole` as a byte trie; `wholeByNFC` holds the phrase
    /// of each. Used for a text that is surely in normal form C (``isSurelyNFC(_:)``); empty, and
    /// not used, when some key's normal form C does not compare equal to the key as a `String`.
    let nfcTrie: PhraseTrie
    let wholeByNFC: [Phrase]
    let nfcUsable: Bool
    /// How far (in normalised bytes) a long block needs normalising: past the longest whole key
    /// and a scalar past the longest prefix key.
    let reach: Int

    /// Builds the filter from every language's tables and the shared table.
    public init(languages: LanguageStore) {
        var rows: [TableRow] = []
        var bylines = Set<String>()
        for code in languages.codes {
            guard let pack = languages.pack(code) else { continue }
            rows += pack.rows("furniture.tsv")
            for w in pack.words("bylines.tsv") { bylines.insert(FurnitureFilter.normalize(w)) }
        }
        rows += FurnitureFilter.commonRows()
        self.init(rows: rows, bylinePrefixes: bylines)
    }

    /// Builds the filter from table rows (phrase, reason) and byline prefixes.
    public init(rows: [TableRow], bylinePrefixes: Set<String>) {
        var phrases: [Phrase] = []
        for row in rows {
            guard var text = row[0] else { continue }
            let reason = row[1] ?? "boilerplate"
            var isPrefix = false, isSuffix = false
            for ellipsis in ["…", "..."] where text.hasSuffix(ellipsis) {
                text = String(text.dropLast(ellipsis.count)); isPrefix = true
            }
            for ellipsis in ["…", "..."] where !isPrefix && text.hasPrefix(ellipsis) {
                text = String(text.dropFirst(ellipsis.count)); isSuffix = true
            }
            let key = FurnitureFilter.normalize(text)
            guard !key.isEmpty else { continue }
            phrases.append(Phrase(key: key, reason: reason, isPrefix: isPrefix, isSuffix: isSuffix, origin: row.origin))
        }
        self.phrases = phrases
        var whole: [String: Phrase] = [:]
        for p in phrases where !p.isPrefix && !p.isSuffix && whole[p.key] == nil { whole[p.key] = p }
        self.whole = whole
        self.prefixes = phrases.filter(\.isPrefix).sorted { $0.key.utf8.count > $1.key.utf8.count }
        self.suffixes = phrases.filter(\.isSuffix).sorted { $0.key.utf8.count > $1.key.utf8.count }
        self.bylinePrefixes = bylinePrefixes
        var firstWords: [[UInt8]] = []
        for prefix in bylinePrefixes.sorted() {
            let bytes = Array(prefix.utf8)
            guard !bytes.isEmpty else { continue }
            for cut in 1...bytes.count where cut == bytes.count || [0x20, 0x3A, 0x21, 0x3F, 0x3B].contains(bytes[cut]) {
                firstWords.append(Array(bytes[0..<cut]))
            }
        }
        self.bylineFirstWords = PhraseTrie(keys: firstWords)
        self.prefixTrie = PhraseTrie(keys: prefixes.map { Array($0.key.utf8) })
        self.suffixTrie = PhraseTrie(keys: suffixes.map { Array($0.key.utf8.reversed()) })
        self.prefixInfo = prefixes.map { p in
            (p.key.utf8.count, p.key.unicodeScalars.last.map(FurnitureFilter.isWordScalar) ?? false, p.reason == "cookie-banner" ? 150 : 40)
        }
        self.suffixInfo = suffixes.map { p in
            (p.key.utf8.count, p.key.unicodeScalars.first.map(FurnitureFilter.isWordScalar) ?? false)
        }
        var byBytes: [(key: [UInt8], phrase: Phrase)] = []
        for (key, phrase) in whole {
            byBytes.append((Array(key.utf8), phrase))
            if key.utf8.contains(where: { $0 >= 0xCC }), let simple = UTF8Scan.canonicalForm(key, below: 0x300), simple.utf8.elementsEqual(key.utf8) == false {
                byBytes.append((Array(simple.utf8), phrase))
            }
        }
        byBytes.sort { $0.key.lexicographicallyPrecedes($1.key) }
        var byNFC: [(key: [UInt8], phrase: Phrase)] = []
        var nfcUsable = true
        for (key, phrase) in whole {
            let nfc = key.precomposedStringWithCanonicalMapping
            if nfc != key { nfcUsable = false }
            byNFC.append((Array(nfc.utf8), phrase))
        }
        byNFC.sort { $0.key.lexicographicallyPrecedes($1.key) }
        // Two keys with one normal form C would be one key of `whole`: never, but then no trie.
        for k in byNFC.indices.dropFirst() where byNFC[k].key == byNFC[k - 1].key { nfcUsable = false }
        if !nfcUsable { byNFC = [] }
        self.nfcTrie = PhraseTrie(keys: byNFC.map(\.key))
        self.wholeByNFC = byNFC.map(\.phrase)
        self.nfcUsable = nfcUsable
        self.wholeTrie = PhraseTrie(keys: byBytes.map(\.key))
        self.wholeByBytes = byBytes.map(\.phrase)
        let longestWhole = byBytes.map(\.key.count).max() ?? 0
        let longestPrefix = prefixes.map(\.key.utf8.count).max() ?? 0
        self.reach = max(longestWhole, longestPrefix + 4)
    }

    /// Rows of `Vocabulary/furniture-common.tsv` (language-neutral patterns such as `©`).
    static func commonRows() -> [TableRow] {
        guard let url = Bundle.module.url(forResource: "furniture-common", withExtension: "tsv", subdirectory: "Vocabulary")
            ?? Bundle.module.url(forResource: "furniture-common", withExtension: "tsv")
        else { return [] }
        return (try? LanguageStore.parseTable(url: url, name: "furniture-common.tsv", language: "xx")) ?? []
    }

    // MARK: matching

    /// How a block matched a phrase.
    public enum MatchKind: Sendable, Hashable {
        /// The block is the phrase ("Related News", "Comments!").
        case whole
        /// The phrase labels the block before a colon or bar ("Læs også: …").
        case label
        /// The phrase is the first of several labels glued together ("Share this articleComments").
        case glued
        /// The block starts with a `…` phrase ("Copyright …").
        case prefix
        /// A short block ends with a `…` phrase ("Jane Doe/AFP").
        case suffix
    }

    /// The furniture phrase a block is, if any.
    public func match(_ block: String) -> Phrase? { matchKind(block)?.phrase }

    /// The furniture phrase a block is, and how it matched.
    ///
    /// Works on the block's bytes: the block is normalised into a scratch buffer (no `String`),
    /// and a long block (more than 25 words, so only a prefix or a whole-block phrase can match)
    /// is normalised only as far as the longest phrase could reach.
    public func matchKind(_ block: String) -> (phrase: Phrase, kind: MatchKind)? {
        block.withUTF8Bytes { b in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: FurnitureFilter.scratchCapacity) { out in
                matchKind(bytes: b, scratch: out)
            }
        }
    }

    /// Whether `b` holds a byte of U+000B, U+000C, U+00A0 (C2 A0) or U+FEFF (EF BB BF): the
    /// separators ``bylineWordCount(_:)`` splits at and `UTF8Scan.wordCount` does not. By
    /// `memchr` (a 0xC2 or 0xEF byte is enough to say yes): cheaper than counting the words.
    static func mayHoldBylineSeparator(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        return UTF8Scan.find(0xC2, in: b, from: 0, to: n) < n || UTF8Scan.find(0xEF, in: b, from: 0, to: n) < n
            || UTF8Scan.find(0x0B, in: b, from: 0, to: n) < n || UTF8Scan.find(0x0C, in: b, from: 0, to: n) < n
    }

    /// Room for the normalised form of 400 bytes (a scalar may grow by half when lowercased,
    /// plus a space before it) and a replacement character.
    static let scratchCapacity = 1024

    func matchKind(bytes b: UnsafeBufferPointer<UInt8>, scratch out: UnsafeMutableBufferPointer<UInt8>) -> (phrase: Phrase, kind: MatchKind)? {
        // 26 stands for "more than 25": the word limits below are 15, 25, 40 and 150.
        matchKind(bytes: b, scratch: out, words: UTF8Scan.wordCount(b, limit: 26))
    }

    func matchKind(bytes b: UnsafeBufferPointer<UInt8>, scratch out: UnsafeMutableBufferPointer<UInt8>, words: Int) -> (phrase: Phrase, kind: MatchKind)? {
        // A first look that wrote the whole normal form (it never reached a letter to stop at)
        // leaves it in `out`: the normal form with any larger `stopAt` is the same.
        var written: (count: Int, lead: Int, truncated: Bool)?
        if words > 25 && cannotMatchLongBlock(b, scratch: out, whole: &written) { return nil }
        if words > 15 && words <= 25 && cannotMatchMidBlock(b, scratch: out, whole: &written) { return nil }
        let norm = written ?? FurnitureFilter.normalize(b, into: out, stopAt: words <= 25 ? Int.max : reach)
        // "(Photo: …)" and "[Foto: …]" are matched without their brackets.
        guard norm.count > norm.lead else { return nil }
        let key = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(out)[norm.lead..<norm.count])
        if words <= 15 {
            // The tail without closing brackets and periods; candidates longest first, as listed.
            var tailEnd = key.count
            while tailEnd > 0, key[tailEnd - 1] == 0x29 || key[tailEnd - 1] == 0x5D || key[tailEnd - 1] == 0x2E { tailEnd -= 1 }
            for index in suffixTrie.matches(key, from: tailEnd, step: -1) {
                let info = suffixInfo[index]
                guard tailEnd > info.count else { continue }
                // The credit must follow a slash, a space or a bracket ("Jane Doe/AFP", "via Getty Images").
                let before = key[tailEnd - info.count - 1]
                if !info.startsWord || before == 0x20 || before == 0x2F || before == 0x28 { return (suffixes[index], .suffix) }
            }
        }
        let prefixMatches = prefixTrie.matches(key, from: 0, step: 1)
        if !prefixMatches.isEmpty {
            let allWords = words <= 25 ? words : UTF8Scan.wordCount(b, limit: 151)
            for index in prefixMatches {
                let info = prefixInfo[index]
                let next = info.count < key.count ? UTF8Scan.scalar(key, info.count, key.count)?.scalar : nil
                let boundary = next.map { !UTF8Scan.isWordScalar($0) } ?? true
                if (boundary || !info.endsWord) && allWords <= info.limit { return (prefixes[index], .prefix) }
            }
        }
        // Stopped early: a letter lies beyond the longest whole phrase, so none can be the block.
        guard !norm.truncated else { return nil }
        let bareEnd = FurnitureFilter.strippedEnd(key, key.count)
        if let p = wholePhrase(UnsafeBufferPointer(rebasing: key[0..<bareEnd])) { return (p, .whole) }
        if words <= 25 {
            // "Læs også: …", "Related | …", "Read more » …"
            let bare = UnsafeBufferPointer(rebasing: key[0..<bareEnd])
            let found = FurnitureFilter.firstSeparators(in: bare)
            // The six places in their order, without an array.
            for k in 0..<6 {
                let at = k == 0 ? found.0 : k == 1 ? found.1 : k == 2 ? found.2 : k == 3 ? found.3 : k == 4 ? found.4 : found.5
                guard at >= 0 else { continue }
                if let p = wholePhrase(UnsafeBufferPointer(rebasing: bare[0..<FurnitureFilter.strippedEnd(bare, at)])) {
                    return (p, .label)
                }
            }
        }
        if words <= 15, let first = FurnitureFilter.firstGluedSegmentEnd(b) {
            // The key is no longer needed: the scratch buffer takes the segment's normal form.
            let seg = FurnitureFilter.normalize(UnsafeBufferPointer(rebasing: b[0..<first]), into: out, stopAt: Int.max)
            let segment = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(out)[0..<seg.count])
            if let p = wholePhrase(UnsafeBufferPointer(rebasing: segment[0..<FurnitureFilter.strippedEnd(segment, segment.count)])) {
                return (p, .glued)
            }
        }
        return nil
    }

    /// For a block of more than 25 words (only a prefix phrase, or a whole phrase when the
    /// normal form stops short of `reach`, can match it): true when neither can, decided from the
    /// first few normalised bytes. The prefix trie's walk over them must end at a byte no key
    /// continues with, no key found on the way (the full key takes the same walk); and the block
    /// must hold more ASCII letters and digits than `reach` plus its lead brackets, each of which
    /// writes one byte of the normal form, so that form stops at `reach` (no whole phrase).
    /// False means "look properly", never "it matches".
    func cannotMatchLongBlock(_ b: UnsafeBufferPointer<UInt8>, scratch out: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        var whole: (count: Int, lead: Int, truncated: Bool)?
        return cannotMatchLongBlock(b, scratch: out, whole: &whole)
    }

    /// ``cannotMatchLongBlock(_:scratch:)``; when the first look wrote the whole normal form (no
    /// ASCII letter or digit at byte 8 or later, so none at `reach` either), `whole` says so.
    func cannotMatchLongBlock(_ b: UnsafeBufferPointer<UInt8>, scratch out: UnsafeMutableBufferPointer<UInt8>,
                              whole: inout (count: Int, lead: Int, truncated: Bool)?) -> Bool {
        let short = FurnitureFilter.normalize(b, into: out, stopAt: 8)
        guard short.truncated else {
            if reach >= 8 { whole = short }
            return false
        }
        let head = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(out)[short.lead..<short.count])
        guard prefixTrie.walkEndsWithoutKey(head) else { return false }
        let need = reach + short.lead + 1
        var found = 0
        let end = min(b.count, 400)
        var i = 0
        // Sixteen bytes at a time, then eight: digits are 0x30–0x39, letters 0x61–0x7A once
        // 0x20 is set.
        if let base = b.baseAddress {
            let zero = SIMD16<UInt8>(repeating: 0), caseBit = SIMD16<UInt8>(repeating: 0x20)
            let digit0 = SIMD16<UInt8>(repeating: 0x30), ten = SIMD16<UInt8>(repeating: 10)
            let letterA = SIMD16<UInt8>(repeating: 0x61), twentySix = SIMD16<UInt8>(repeating: 26)
            while i + 16 <= end {
                let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
                let counted = ((v &- digit0) .< ten) .| (((v | caseBit) &- letterA) .< twentySix)
                found += Int(zero.replacing(with: 1, where: counted).wrappedSum())
                if found >= need { return true }
                i += 16
            }
        }
        while i + 8 <= end {
            let v = ByteWords.load(b, i)
            let w = v | 0x2020_2020_2020_2020
            let digits = ByteWords.less(v, than: 0x3A) & ~ByteWords.less(v, than: 0x30)
            let letters = ByteWords.less(w, than: 0x7B) & ~ByteWords.less(w, than: 0x61)
            found += ByteWords.count(digits | letters)
            if found >= need { return true }
            i += 8
        }
        while i < end {
            let c = b[i]
            if (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10 { found += 1 }
            i += 1
        }
        return found >= need
    }

    /// For a block of 16 to 25 words (a prefix, whole or label phrase could match it, not a
    /// suffix or glued one): true when none can, decided from the first few normalised bytes.
    /// Every such match starts at the key's first byte: the walks of both tries over those bytes
    /// must end at a byte no key continues with, no key found on the way. The whole and label
    /// phrases are also looked up as strings when the key has a byte from 0xCC up; a block of at
    /// most 400 bytes written in Latin-1 (no byte from 0xC4 up) lowercases to none.
    func cannotMatchMidBlock(_ b: UnsafeBufferPointer<UInt8>, scratch out: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        var whole: (count: Int, lead: Int, truncated: Bool)?
        return cannotMatchMidBlock(b, scratch: out, whole: &whole)
    }

    /// ``cannotMatchMidBlock(_:scratch:)``; `whole` as for ``cannotMatchLongBlock(_:scratch:whole:)``.
    func cannotMatchMidBlock(_ b: UnsafeBufferPointer<UInt8>, scratch out: UnsafeMutableBufferPointer<UInt8>,
                             whole: inout (count: Int, lead: Int, truncated: Bool)?) -> Bool {
        guard b.count <= 400, !FurnitureFilter.hasByte(from: 0xC4, in: b) else { return false }
        let short = FurnitureFilter.normalize(b, into: out, stopAt: 8)
        guard short.truncated else {
            whole = short
            return false
        }
        let head = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(out)[short.lead..<short.count])
        return prefixTrie.walkEndsWithoutKey(head) && wholeTrie.walkEndsWithoutKey(head)
    }

    /// Whether some byte of `b` is `low` or above: sixteen bytes at a time, then one by one.
    static func hasByte(from low: UInt8, in b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if let base = b.baseAddress {
            // The largest byte of each lane so far (one `pmaxub` a vector), looked at once.
            var top = SIMD16<UInt8>(repeating: 0)
            while i + 16 <= b.count {
                top = pointwiseMax(top, UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self))
                i += 16
            }
            if top.max() >= low { return true }
        }
        while i < b.count {
            if b[i] >= low { return true }
            i += 1
        }
        return false
    }

    /// The whole-block phrase whose key is `bytes` (canonically equal, as `String` compares).
    /// Keys and text made only of scalars below U+0300 are in normal form C, so for them bytes
    /// compare exactly as strings do; anything else asks the dictionary.
    func wholePhrase(_ bytes: UnsafeBufferPointer<UInt8>) -> Phrase? {
        if let index = wholeTrie.exact(bytes) { return wholeByBytes[index] }
        guard FurnitureFilter.hasByte(from: 0xCC, in: bytes) else { return nil }
        // Text in normal form C equals a key as a string exactly when it is the key's normal
        // form C, byte for byte: a trie walk instead of hashing a normalised `String`.
        if nfcUsable && FurnitureFilter.isSurelyNFC(bytes) {
            return nfcTrie.exact(bytes).map { wholeByNFC[$0] }
        }
        return whole[String(decoding: bytes, as: UTF8.self)]
    }

    /// Whether valid UTF-8 `b` is surely in normal form C: every scalar is below U+0300 or in
    /// ``isNFCStarter(_:)``'s ranges. Such scalars are their own normal form C, combine with
    /// nothing before them and have canonical combining class 0, so a text of them is in normal
    /// form C (the quick check says yes). False means "maybe not", never "not".
    static func isSurelyNFC(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let count = b.count
        while i < count {
            let c = b[i]
            if c < 0xCC { i += 1; continue }
            guard let (scalar, len) = UTF8Scan.scalar(b, i, count), isNFCStarter(scalar.value) else { return false }
            i += len
        }
        return true
    }

    /// Scalars from U+0300 up that are their own normal form C, have canonical combining class 0
    /// and never come second in a canonical decomposition (so never compose with what comes
    /// before): Greek and Cyrillic letters, Armenian, Hebrew and Arabic letters, general
    /// punctuation, currency signs, CJK punctuation, kana, CJK ideographs, Hangul syllables and
    /// full-width forms. The tests check each one against Foundation's normalisation.
    @inline(__always)
    static func isNFCStarter(_ v: UInt32) -> Bool {
        if v < 0x800 {
            return (v >= 0x388 && v < 0x483) || (v >= 0x48A && v < 0x530) || (v >= 0x531 && v < 0x557)
                || (v >= 0x561 && v < 0x588) || (v >= 0x5D0 && v < 0x5EB) || (v >= 0x620 && v < 0x64B)
        }
        return (v >= 0x2010 && v < 0x2028) || (v >= 0x2030 && v < 0x205F) || (v >= 0x20A0 && v < 0x20C0)
            || (v >= 0x3001 && v < 0x302A) || (v >= 0x3041 && v < 0x3097) || (v >= 0x30A1 && v < 0x30FB)
            || (v >= 0x4E00 && v < 0xA000) || (v >= 0xAC00 && v < 0xD7A4) || (v >= 0xFF01 && v < 0xFF5F)
    }

    /// A byline block: a prefix from `bylines.tsv` followed by a few capitalised names.
    /// Returns the names ("Daniel Bellamy with AFP").
    public func byline(_ block: String) -> String? {
        // Most blocks are prose: count words over the bytes first and skip the copying below.
        let quickWords = FurnitureFilter.bylineWordCount(block)
        guard quickWords >= 2, quickWords <= 12 else { return nil }
        if bylineFirstWordRulesOut(block) { return nil }
        let text = Shape.collapseSpaces(block.replacingOccurrences(of: "\u{A0}", with: " "))
        let words = text.split(separator: " ")
        guard words.count >= 2, words.count <= 12 else { return nil }
        // The longest prefix of one to three words ("By", "Written by", "Skrevet af").
        var prefixWords = 0
        for n in stride(from: min(3, words.count - 1), through: 1, by: -1)
        where bylinePrefixes.contains(FurnitureFilter.normalize(words[0..<n].joined(separator: " "))) {
            prefixWords = n; break
        }
        guard prefixWords > 0 else { return nil }
        var names = words.dropFirst(prefixWords).joined(separator: " ")
        if let bar = names.firstIndex(where: { $0 == "|" || $0 == "\u{2022}" || $0 == "\u{00B7}" }) { names = String(names[..<bar]).trimmingSpaces }
        let nameWords = names.split(separator: " ")
        guard !nameWords.isEmpty, nameWords.count <= 9, Shape.startsUppercase(String(nameWords[0])) else { return nil }
        // Names have no digits ("Af Afghanistans 34 provinser" is a sentence).
        guard !names.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let lower = nameWords.filter { Shape.startsLowercase(String($0)) }.count
        guard lower <= 3, lower * 2 < nameWords.count else { return nil }
        // A sentence is not a byline.
        if let last = Shape.lastMeaningful(names), last == "!" || last == "?" || last == ":" || last == ";" { return nil }
        if names.hasSuffix(".") && nameWords.count > 4 { return nil }
        if names.contains(", ") && nameWords.count > 6 { return nil }
        return names.hasSuffix(".") ? String(names.dropLast()) : names
    }

    /// Whether the block's first word alone rules it out as a byline, read from its bytes
    /// without the copies, splits and joins of ``byline(_:)``.
    ///
    /// `byline` normalises its first one to three words joined by spaces: a prefix of the block
    /// with NBSPs made spaces and spaces collapsed, at least as long as its first word and
    /// followed there by a space (even where `split` does not cut, a space glued to a combining
    /// mark, the text is the same). `normalize` writes scalar by scalar, so that normal form
    /// starts with the first word's own normal form followed by nothing, a space or one of
    /// `:!?;`: that must be one of ``bylineFirstWords``. The first word runs from the first byte
    /// that is no separator of ``bylineWordCount(_:)`` to the next separator. False ("look
    /// properly") when the word ends past byte 300 (the normal form reads 400) or its normal
    /// form is empty.
    func bylineFirstWordRulesOut(_ block: String) -> Bool {
        block.withUTF8Bytes { b in
            let count = b.count
            var i = 0
            var start = -1, end = count
            while i < count {
                let c = b[i]
                var len = 1
                var separator = c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C
                if c == 0xC2, i + 1 < count, b[i + 1] == 0xA0 {
                    separator = true; len = 2
                } else if c == 0xEF, i + 2 < count, b[i + 1] == 0xBB, b[i + 2] == 0xBF {
                    separator = true; len = 3
                }
                if separator {
                    if start >= 0 { end = i; break }
                } else if start < 0 {
                    start = i
                }
                i += len
            }
            guard start >= 0, end <= 300 else { return false }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: FurnitureFilter.scratchCapacity) { out in
                let norm = FurnitureFilter.normalize(UnsafeBufferPointer(rebasing: b[start..<end]), into: out, stopAt: Int.max)
                guard norm.count > 0 else { return false }
                return bylineFirstWords.exact(UnsafeBufferPointer(rebasing: UnsafeBufferPointer(out)[0..<norm.count])) == nil
            }
        }
    }

    /// The number of words `byline(_:)` would split the block into: runs between spaces, tabs,
    /// line breaks, U+000B, U+000C, U+FEFF and U+00A0. Stops counting past 13.
    static func bylineWordCount(_ s: String) -> Int {
        s.withUTF8Bytes { b in
            var n = 0
            var inWord = false
            var i = 0
            let count = b.count
            while i < count {
                // Eight bytes without a control byte, 0xC2 or 0xEF: only spaces separate words.
                if i + 8 <= count {
                    let v = ByteWords.load(b, i)
                    if ByteWords.less(v, than: 0x20) | ByteWords.equal(v, 0xC2) | ByteWords.equal(v, 0xEF) == 0 {
                        let spaces = ByteWords.equal(v, 0x20)
                        n += ByteWords.count(~spaces & ByteWords.highs & (spaces << 8 | (inWord ? 0 : 0x80)))
                        if n > 13 { return 14 }
                        inWord = spaces >> 63 == 0
                        i += 8
                        continue
                    }
                }
                let c = b[i]
                // Printable ASCII and bytes of other scalars are word bytes (the common case).
                if c > 0x20 && c != 0xC2 && c != 0xEF {
                    if !inWord { inWord = true; n += 1; if n > 13 { return n } }
                    i += 1
                    continue
                }
                var len = 1
                var space = c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C
                if c == 0xC2, i + 1 < count, b[i + 1] == 0xA0 {
                    space = true; len = 2
                } else if c == 0xEF, i + 2 < count, b[i + 1] == 0xBB, b[i + 2] == 0xBF {
                    // U+FEFF is EF BB BF.
                    space = true; len = 3
                }
                if space { inWord = false } else if !inWord { inWord = true; n += 1; if n > 13 { return n } }
                i += len
            }
            return n
        }
    }

    /// Sorts the blocks into kept and dropped.
    public func filter(_ blocks: [Block], title: String?) -> Result {
        filter(blocks, titles: title.map { [$0] } ?? [])
    }

    /// Sorts the blocks into kept and dropped; a body block equal to one of `titles` near the top
    /// is the title repeated.
    public func filter(_ blocks: [Block], titles: [String]) -> Result {
        var kept: [Block] = []
        // Most blocks are kept: room for all of them at once.
        kept.reserveCapacity(blocks.count)
        var dropped: [DroppedText] = []
        var byline: String?
        // The same title given twice (the page's and the reader's) is normalised once.
        // One scratch buffer for the titles' and every block's normal form.
        let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: FurnitureFilter.scratchCapacity)
        defer { scratch.deallocate() }
        // The title keys are built only for a block that may equal one: most first blocks start
        // with a letter no title starts with (``plainFirstByte(_:)``), which settles it.
        var titleFirsts = TitleFirsts()
        for t in titles { t.withUTF8Bytes { titleFirsts.add(FurnitureFilter.plainFirstByte($0)) } }
        var builtKeys: TitleKeys?
        /// Set after a "Related" or "Comments" heading: the short lines under it are its list.
        var listReason: String?
        for (n, block) in blocks.enumerated() {
            let text = block.text
            // Words as `matchKind` counts them (limit 26), counted once.
            let (match, words) = text.withUTF8Bytes { b in
                let words = UTF8Scan.wordCount(b, limit: 26)
                return (matchKind(bytes: b, scratch: scratch, words: words), words)
            }
            if let (p, kind) = match {
                dropped.append(DroppedText(text: text, reason: p.reason))
                let sectionStart = kind == .whole && (p.reason == "related-links" || p.reason == "comments")
                if sectionStart { listReason = p.reason }
                continue
            }
            if let reason = listReason {
                if FurnitureFilter.looksLikeListedHeadline(text) {
                    dropped.append(DroppedText(text: text, reason: reason))
                    continue
                }
                listReason = nil
            }
            if n < 3, kept.isEmpty, !titles.isEmpty,
               !titleFirsts.rulesOut(text.withUTF8Bytes(FurnitureFilter.plainFirstByte)) {
                let titleKeys: TitleKeys
                if let builtKeys {
                    titleKeys = builtKeys
                } else {
                    // The same title given twice (the page's and the reader's) is normalised once.
                    var distinct: [String] = []
                    for t in titles where !distinct.contains(where: { FurnitureFilter.sameBytes($0, t) }) { distinct.append(t) }
                    titleKeys = TitleKeys(titles: distinct, scratch: scratch)
                    builtKeys = titleKeys
                }
                if !titleKeys.isEmpty, titleKeys.matches(text) {
                    dropped.append(DroppedText(text: text, reason: "title"))
                    continue
                }
            }
            // More than 13 words split at spaces, tabs and line feeds, and no other separator
            // `byline` splits at: its own count is past 13 as well, and it answers nil.
            if byline == nil, n < 8 || n >= blocks.count - 3,
               words <= 13 || text.withUTF8Bytes(FurnitureFilter.mayHoldBylineSeparator), let names = self.byline(text) {
                byline = names
                dropped.append(DroppedText(text: text, reason: "byline"))
                continue
            }
            kept.append(block)
        }
        return Result(kept: kept, dropped: dropped, byline: byline)
    }

    /// The normalised titles a body block is compared with: is `stripTrailingPunctuation(normalize(text))`
    /// one of them (as a `Set<String>` would answer)?
    ///
    /// Keys and text written below U+0300 are in normal form C, so for them canonical equality is
    /// byte equality; and a text whose normal form has a letter or digit past the longest key
    /// (with nothing from U+0300 up before it, so normal form C cannot shorten it) equals none.
    /// So the block is normalised only a little past the longest key, and compared as bytes;
    /// anything else is answered by strings, as before.
    struct TitleKeys {
        /// The keys as strings, made only for the rare comparison by strings.
        var keys: [String] { bytes.map { String(decoding: $0, as: UTF8.self) } }
        private let bytes: [[UInt8]]
        private let longest: Int
        /// Every key is written below U+0300.
        private let simple: Bool

        init(_ keys: [String]) {
            self.init(bytes: keys.map { Array($0.utf8) })
        }

        /// The keys of `titles`: `stripTrailingPunctuation(normalize(title))` for each, the empty
        /// ones left out, written from the bytes into `scratch` (no `String` per title).
        init(titles: [String], scratch: UnsafeMutableBufferPointer<UInt8>) {
            var bytes: [[UInt8]] = []
            for title in titles {
                title.withUTF8Bytes { b in
                    let n = FurnitureFilter.normalize(b, into: scratch, stopAt: Int.max).count
                    let written = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(scratch)[0..<n])
                    let end = FurnitureFilter.strippedEnd(written, n)
                    if end > 0 { bytes.append(Array(written[0..<end])) }
                }
            }
            self.init(bytes: bytes)
        }

        private init(bytes: [[UInt8]]) {
            self.bytes = bytes
            self.longest = bytes.map(\.count).max() ?? 0
            self.simple = bytes.allSatisfy { !$0.contains { $0 >= 0xCC } }
        }

        var isEmpty: Bool { bytes.isEmpty }

        func matches(_ text: String) -> Bool {
            let quick: Bool? = simple ? text.withUTF8Bytes { b in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: FurnitureFilter.scratchCapacity) { out in
                    let norm = FurnitureFilter.normalize(b, into: out, stopAt: longest)
                    let written = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(out)[0..<norm.count])
                    guard !written.contains(where: { $0 >= 0xCC }) else { return nil }
                    if norm.truncated { return false }
                    let bare = UnsafeBufferPointer(rebasing: written[0..<FurnitureFilter.strippedEnd(written, written.count)])
                    return bytes.contains { $0.elementsEqual(bare) }
                }
            } : nil
            if let quick { return quick }
            return keys.contains(FurnitureFilter.stripTrailingPunctuation(FurnitureFilter.normalize(text)))
        }
    }

    /// The first byte of the normal form of a text that starts with an ASCII letter or digit
    /// followed by an ASCII byte (or nothing): that letter or digit, lowercased. Such a text's
    /// normal form starts with a character of that one scalar, which is canonically equal to
    /// nothing else, so its title key (never empty: the letter stays) can equal only a normal
    /// form that starts with the same byte. Nil for any other text.
    @inline(__always)
    static func plainFirstByte(_ b: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard let c = b.first else { return nil }
        guard (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10 else { return nil }
        guard b.count == 1 || b[1] < 0x80 else { return nil }
        return c &- 0x41 < 26 ? c | 0x20 : c
    }

    /// The first bytes (``plainFirstByte(_:)``) of a document's titles, to rule out most blocks
    /// as the title repeated without building the titles' keys.
    struct TitleFirsts {
        /// One bit per ASCII byte some title starts with.
        private var bits: (UInt64, UInt64) = (0, 0)
        /// Some title has no plain first byte: nothing is ruled out.
        private var unknown = false

        mutating func add(_ first: UInt8?) {
            guard let first else { unknown = true; return }
            if first < 64 { bits.0 |= 1 << UInt64(first) } else { bits.1 |= 1 << UInt64(first - 64) }
        }

        /// True when a text with this plain first byte equals no title's key.
        func rulesOut(_ first: UInt8?) -> Bool {
            guard !unknown, let first else { return false }
            return (first < 64 ? bits.0 >> UInt64(first) : bits.1 >> UInt64(first - 64)) & 1 == 0
        }
    }

    /// Whether two strings are the same UTF-8 bytes.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return a.withUTF8Bytes { x in b.withUTF8Bytes { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    /// A headline under a "Related" heading: at most 24 words, not ending in a period (a
    /// question or an exclamation is a headline too). Real prose ends the list.
    static func looksLikeListedHeadline(_ text: String) -> Bool {
        guard Shape.wordCount(text) <= 24 else { return false }
        guard let last = Shape.lastMeaningful(text) else { return true }
        return last != "." && last != "\u{2026}" && last != ":" && last != ";"
    }

    // MARK: normalisation

    /// Lowercase, one space between words, curly apostrophes straight, `word :` as `word:`.
    /// Only the first 400 bytes are looked at (a scalar cut at byte 400 reads as U+FFFD).
    ///
    /// Written over bytes: ASCII is lowercased in place, any other scalar through its own
    /// `lowercaseMapping` (what `String.lowercased()` does scalar by scalar), so no copy of the
    /// text is lowercased as a whole.
    static func normalize(_ s: String) -> String {
        s.withUTF8Bytes { b in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scratchCapacity) { out in
                let n = normalize(b, into: out, stopAt: Int.max)
                return String(decoding: UnsafeBufferPointer(rebasing: out[0..<n.count]), as: UTF8.self)
            }
        }
    }

    /// ``normalize(_:)`` of valid UTF-8 bytes, written into `out` (at least ``scratchCapacity``
    /// bytes). `lead` counts the `(` and `[` the output starts with. With a finite `stopAt`, the
    /// writing stops (`truncated`) at the first ASCII letter or digit that would start at least
    /// `stopAt` bytes after those brackets: what was written is then a prefix of the whole result.
    static func normalize(_ s: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                          stopAt: Int) -> (count: Int, lead: Int, truncated: Bool) {
        // Written without nested functions capturing the counters, so they stay in registers.
        let o = out.baseAddress!
        // Bytes below 0x40 the loop treats specially: tab, line feed, space, `!`, `(`, `:`, `;`, `?`.
        let notPlainBelow40: UInt64 = 1 << 0x09 | 1 << 0x0A | 1 << 0x20 | 1 << 0x21 | 1 << 0x28 | 1 << 0x3A | 1 << 0x3B | 1 << 0x3F
        var n = 0
        var lead = 0
        var pendingSpace = false
        var end = s.count
        var cut = false
        if end > 400 {
            // String(decoding: first 400 bytes) turns a scalar cut in two into one U+FFFD.
            end = 400
            if s[400] & 0xC0 == 0x80 {
                while end > 0 && s[end] & 0xC0 == 0x80 { end -= 1 }
                cut = true
            }
        }
        var caseTable: UnsafeMutablePointer<UInt32>?
        var i = 0
        while i < end {
            let c = s[i]
            if c < 0x80 {
                i += 1
                if c == 0x20 || c == 0x09 || c == 0x0A {
                    pendingSpace = n > 0
                    continue
                }
                if c == 0x3A || c == 0x21 || c == 0x3F || c == 0x3B {   // : ! ? ;
                    pendingSpace = false
                    o[n] = c; n += 1
                    continue
                }
                if pendingSpace { o[n] = 0x20; n += 1; pendingSpace = false }
                let lower = c &- 0x41 < 26 ? c + 0x20 : c
                if n - lead >= stopAt, lower &- 0x61 < 26 || lower &- 0x30 < 10 {
                    o[n] = lower; n += 1
                    return (n, lead, true)
                }
                if n == lead && (lower == 0x28 || lower == 0x5B) { lead += 1 }
                o[n] = lower; n += 1
                // A run of plain ASCII bytes (no space, no `:!?;`, no bracket) is written as it
                // comes, lowercased, while the stop rule cannot apply yet: no pending space can
                // arise in it and no lead bracket.
                var room = stopAt - (n - lead)
                while room > 0 && i < end {
                    let d = s[i]
                    guard d < 0x40 ? (notPlainBelow40 >> UInt64(d)) & 1 == 0 : d < 0x80 && d != 0x5B else { break }
                    o[n] = d &- 0x41 < 26 ? d + 0x20 : d
                    n += 1; i += 1; room -= 1
                }
                continue
            }
            // Latin-1 letters (C3 80–BF): À–Þ (× aside) lowercase by setting 0x20 in the second byte.
            if c == 0xC3, i + 1 < end, s[i + 1] & 0xC0 == 0x80 {
                if pendingSpace { o[n] = 0x20; n += 1; pendingSpace = false }
                let d = s[i + 1]
                o[n] = 0xC3
                o[n + 1] = d <= 0x9E && d != 0x97 ? d | 0x20 : d
                n += 2
                i += 2
                continue
            }
            // Other two-byte scalars (U+0100–U+07FF: Latin Extended, Greek, Cyrillic …) with a
            // one-scalar lowercase: from the case table, as the general path below would write them.
            if c >= 0xC4 && c < 0xE0, i + 1 < end, s[i + 1] & 0xC0 == 0x80 {
                let d = s[i + 1]
                let v = UInt32(c & 0x1F) << 6 | UInt32(d & 0x3F)
                if caseTable == nil { caseTable = CaseTable.entries }
                let lower = CaseTable.lowercase(below: v, caseTable.unsafelyUnwrapped)
                if lower != CaseTable.ask {
                    if pendingSpace { o[n] = 0x20; n += 1; pendingSpace = false }
                    if lower == v {
                        o[n] = c; o[n + 1] = d; n += 2
                    } else {
                        put(lower, o, &n, &lead)
                    }
                    i += 2
                    continue
                }
            }
            guard let (scalar, len) = UTF8Scan.scalar(s, i, end) else { break }
            let v = scalar.value
            switch v {
            case 0xA0, 0x202F, 0x2009:
                pendingSpace = n > 0
            case 0x2019, 0x2018:
                if pendingSpace { o[n] = 0x20; n += 1; pendingSpace = false }
                o[n] = 0x27; n += 1
            default:
                if pendingSpace { o[n] = 0x20; n += 1; pendingSpace = false }
                if v < 0x100 {
                    // Latin-1: only À–Þ (× aside) change, by 0x20.
                    put(v >= 0xC0 && v <= 0xDE && v != 0xD7 ? v + 0x20 : v, o, &n, &lead)
                } else if case let lower = CaseTable.lowercase(v), lower != CaseTable.ask {
                    // One scalar (or none) to write: from the table, no property look-up.
                    if lower != v {
                        put(lower, o, &n, &lead)
                    } else {
                        for k in i..<(i + len) { o[n] = s[k]; n += 1 }
                    }
                } else if scalar.properties.changesWhenLowercased {
                    for u in scalar.properties.lowercaseMapping.unicodeScalars { put(u.value, o, &n, &lead) }
                } else {
                    for k in i..<(i + len) {
                        if n == lead && (s[k] == 0x28 || s[k] == 0x5B) { lead += 1 }
                        o[n] = s[k]; n += 1
                    }
                }
            }
            i += len
        }
        if cut {
            if pendingSpace { o[n] = 0x20; n += 1 }
            put(0xFFFD, o, &n, &lead)
        }
        return (n, lead, false)
    }

    /// Writes scalar `v` as UTF-8 at `o[n...]`; a `(` or `[` written first counts as a lead bracket.
    @inline(__always)
    private static func put(_ v: UInt32, _ o: UnsafeMutablePointer<UInt8>, _ n: inout Int, _ lead: inout Int) {
        if v < 0x80 {
            if n == lead && (v == 0x28 || v == 0x5B) { lead += 1 }
            o[n] = UInt8(v); n += 1
        } else if v < 0x800 {
            o[n] = UInt8(0xC0 | v >> 6); o[n + 1] = UInt8(0x80 | v & 0x3F); n += 2
        } else if v < 0x10000 {
            o[n] = UInt8(0xE0 | v >> 12); o[n + 1] = UInt8(0x80 | v >> 6 & 0x3F); o[n + 2] = UInt8(0x80 | v & 0x3F); n += 3
        } else {
            o[n] = UInt8(0xF0 | v >> 18); o[n + 1] = UInt8(0x80 | v >> 12 & 0x3F)
            o[n + 2] = UInt8(0x80 | v >> 6 & 0x3F); o[n + 3] = UInt8(0x80 | v & 0x3F); n += 4
        }
    }

    /// Without trailing punctuation, closing quotes and spaces.
    static func stripTrailingPunctuation(_ s: String) -> String {
        let scalars = s.unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex {
            let before = scalars.index(before: end)
            let last = scalars[before]
            if isWordScalar(last) || last == "\u{A9}" { break }
            end = before
        }
        return end == scalars.endIndex ? s : String(scalars[..<end])
    }

    /// ``stripTrailingPunctuation(_:)`` over valid UTF-8: where `b[..<end]` ends once trailing
    /// scalars that are neither letters, digits nor `©` are taken off.
    static func strippedEnd(_ b: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
        var end = end
        while end > 0 {
            let last = b[end - 1]
            if last < 0x80 {
                if (last >= 0x30 && last <= 0x39) || (last | 0x20 >= 0x61 && last | 0x20 <= 0x7A) { break }
                end -= 1
                continue
            }
            let start = UTF8Scan.scalarStart(before: end, in: b, from: 0)
            guard let (c, _) = UTF8Scan.scalar(b, start, end) else { break }
            if isWordScalar(c) || c == "\u{A9}" { break }
            end = start
        }
        return end
    }

    static let labelSeparators: [[UInt8]] = [":", " |", " »", " >", " –", " -"].map { Array($0.utf8) }

    /// Where each of ``labelSeparators`` first occurs in `bytes` (-1: nowhere), in their order,
    /// found in one pass: `:` anywhere, the others as a space and the byte(s) after it.
    static func firstSeparators(in b: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int, Int, Int, Int) {
        var colon = -1, bar = -1, guillemet = -1, greater = -1, dash = -1, hyphen = -1
        var i = 0
        let count = b.count
        while i < count {
            let c = b[i]
            if c == 0x3A {
                if colon < 0 { colon = i }
            } else if c == 0x20, i + 1 < count {
                switch b[i + 1] {
                case 0x7C: if bar < 0 { bar = i }
                case 0x3E: if greater < 0 { greater = i }
                case 0x2D: if hyphen < 0 { hyphen = i }
                case 0xC2: if guillemet < 0, i + 2 < count, b[i + 2] == 0xBB { guillemet = i }
                case 0xE2: if dash < 0, i + 3 < count, b[i + 2] == 0x80, b[i + 3] == 0x93 { dash = i }
                default: break
                }
            }
            i += 1
        }
        return (colon, bar, guillemet, greater, dash, hyphen)
    }

    /// Where `needle` first occurs in `bytes`.
    static func firstIndex(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        let first = needle[0]
        var i = 0
        let last = bytes.count - needle.count
        outer: while i <= last {
            if bytes[i] == first {
                for k in 1..<needle.count where bytes[i + k] != needle[k] { i += 1; continue outer }
                return i
            }
            i += 1
        }
        return nil
    }

    /// The first of several labels glued together ("Share this articleComments" → "Share this
    /// article"), or nil when the block is one label.
    static func firstGluedSegment(_ s: String) -> String? {
        let scalars = s.unicodeScalars
        var prev: Unicode.Scalar?
        for i in scalars.indices {
            let c = scalars[i]
            if let p = prev, c.properties.isUppercase, p.properties.isLowercase || p == ":" {
                return String(scalars[..<i])
            }
            prev = c
        }
        return nil
    }

    /// ``firstGluedSegment(_:)`` over valid UTF-8: the byte where the second label starts.
    static func firstGluedSegmentEnd(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var prevLower = false, prevColon = false
        var i = 0
        while i < b.count {
            let byte = b[i]
            if byte < 0x80 {
                // ASCII: the case and the colon from the byte.
                if (prevLower || prevColon) && byte &- 0x41 < 26 { return i }
                prevLower = byte &- 0x61 < 26
                prevColon = byte == 0x3A
                i += 1
                continue
            }
            if byte >= 0xC2 && byte < 0xE0, i + 1 < b.count, b[i + 1] & 0xC0 == 0x80 {
                // A two-byte scalar: its case from the table.
                let flags = CaseTable.caseFlags(below: UInt32(byte & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), CaseTable.entries)
                if (prevLower || prevColon) && flags.upper { return i }
                prevLower = flags.lower
                prevColon = false
                i += 2
                continue
            }
            guard let (c, len) = UTF8Scan.scalar(b, i, b.count) else { return nil }
            if (prevLower || prevColon) && UTF8Scan.isUppercase(c) { return i }
            prevLower = UTF8Scan.isLowercase(c)
            prevColon = c == ":"
            i += len
        }
        return nil
    }

    /// Labels glued together by a page's markup: "Share this articleComments" → two segments.
    static func gluedSegments(_ s: String) -> [String] {
        var segments: [String] = []
        var current = String.UnicodeScalarView()
        var prev: Unicode.Scalar?
        for c in s.unicodeScalars {
            if let p = prev, c.properties.isUppercase, p.properties.isLowercase || p == ":" {
                segments.append(String(current)); current = String.UnicodeScalarView()
            }
            current.append(c)
            prev = c
        }
        segments.append(String(current))
        return segments
    }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        CaseTable.isWordScalar(c)
    }
}

/// Byte keys in a trie, for "which of these keys does the text start with" (and "which key is
/// this text"), answered in one walk that stops at the first byte no key continues with.
///
/// The nodes are flat: the root's children sit in a 256-entry table, every other node's in a
/// run of `labels`/`targets`, so a walk allocates nothing until a key is found.
struct PhraseTrie: Sendable {
    /// Child of the root per byte (0: none).
    private var rootChildren: [Int32]
    /// Per node: where its children start in `labels`/`targets`, and how many there are.
    private var childStart: [Int32]
    private var childCount: [Int32]
    private var labels: [UInt8]
    private var targets: [Int32]
    /// Per node: indices of the keys ending there, in the order given.
    private var ends: [[Int]]

    init(keys: [[UInt8]]) {
        var children: [[(UInt8, Int32)]] = [[]]
        var ends: [[Int]] = [[]]
        for (index, key) in keys.enumerated() {
            var node = 0
            for b in key {
                if let next = children[node].first(where: { $0.0 == b })?.1 {
                    node = Int(next)
                } else {
                    children.append([]); ends.append([])
                    children[node].append((b, Int32(children.count - 1)))
                    node = children.count - 1
                }
            }
            ends[node].append(index)
        }
        var root = [Int32](repeating: 0, count: 256)
        for (b, child) in children[0] { root[Int(b)] = child }
        var start: [Int32] = [], count: [Int32] = [], labels: [UInt8] = [], targets: [Int32] = []
        for list in children {
            start.append(Int32(labels.count))
            count.append(Int32(list.count))
            for (b, child) in list { labels.append(b); targets.append(child) }
        }
        self.rootChildren = root
        self.childStart = start
        self.childCount = count
        self.labels = labels
        self.targets = targets
        self.ends = ends
    }

    /// The node reached from `node` by `byte`, or nil.
    @inline(__always)
    private func child(_ node: Int, _ byte: UInt8) -> Int? {
        if node == 0 {
            let c = rootChildren[Int(byte)]
            return c == 0 ? nil : Int(c)
        }
        var k = Int(childStart[node])
        let end = k + Int(childCount[node])
        while k < end {
            if labels[k] == byte { return Int(targets[k]) }
            k += 1
        }
        return nil
    }

    /// Indices of the keys found in `bytes` walking from `from` (step 1: forwards from it;
    /// step -1: backwards from just before it), longest first, keys of one length in their order.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, step: Int) -> [Int] {
        var found: [Int] = []
        var node = 0
        var i = step > 0 ? from : from - 1
        while i >= 0, i < bytes.count {
            guard let next = child(node, bytes[i]) else { break }
            node = next
            // Longer keys are found later and go first: each node's keys go in front, in order.
            if !ends[node].isEmpty { found.insert(contentsOf: ends[node], at: 0) }
            i += step
        }
        return found
    }

    /// Indices of the keys found in `bytes` walking from `from` (see the buffer version).
    func matches(_ bytes: [UInt8], from: Int, step: Int) -> [Int] {
        bytes.withUnsafeBufferPointer { matches($0, from: from, step: step) }
    }

    /// ``exact(_:)`` of `bytes` with A–Z lowercased (ASCII bytes), without a copy.
    func exactLowercasedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var node = 0
        for b in bytes {
            guard let next = child(node, b &- 0x41 < 26 ? b + 0x20 : b) else { return nil }
            node = next
        }
        return ends[node].first
    }

    /// Whether the walk from the root over `bytes` reaches a byte no key continues with before
    /// their end, having passed no node where a key ends: then ``matches(_:from:step:)`` finds
    /// nothing in `bytes` or in any longer text that starts with them.
    func walkEndsWithoutKey(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var node = 0
        for b in bytes {
            guard let next = child(node, b) else { return true }
            node = next
            if !ends[node].isEmpty { return false }
        }
        return false
    }

    /// The first key (in the order given) equal to `bytes`, if any.
    func exact(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var node = 0
        for b in bytes {
            guard let next = child(node, b) else { return nil }
            node = next
        }
        return ends[node].first
    }
}
