import Foundation

/// The language-neutral concept catalog (`Concepts/catalog.tsv`): every concept key the language
/// tables may name, with its English label and how it behaves.
///
/// A claim's concept is `<thing>` or `<thing>/<event>` ("provincial-capital/captured"); both parts
/// are catalog keys. Columns: key, label, cumulative (yes/no), broader, kind, class, total, default.
/// - kind `thing` (what is counted), `event` (what happened to it), `rank` (a place in an order),
///   `duration` (a thing that lasts: a presence, a war, a ceasefire).
/// - class: for a thing, its class (`person`, `place`, `object`, `money`, `share`, `event`);
///   for an event, the classes it applies to, comma-separated (`*` for all).
/// - total: a thing with as many members as this one (provincial-capital → province).
/// - default: for an event, the thing counted when the sentence names none (killed → person).
/// - label: plain English; for an event or a rank a template with `{thing}`.
public struct ConceptCatalog: Sendable {
    /// One row of the catalog.
    public struct Entry: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable { case thing, event, rank, duration }
        public var key: String
        public var label: String
        public var cumulative: Bool
        public var broader: String?
        public var kind: Kind
        public var classes: [String]
        public var total: String?
        public var defaultThing: String?
    }

    /// A problem in the catalog file, naming the line.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public var line: Int
        public var problem: String
        public var description: String { "ClaimBuilding/Concepts/catalog.tsv:\(line): \(problem)" }
    }

    public var entries: [String: Entry] { fast.entries }
    /// What the reader asks of a concept key, worked out once for every catalog key and every
    /// `<thing>/<event>` pair of its keys (``facts(of:)`` works out any other key when asked).
    var knownFacts: [String: ConceptFacts] { fast.knownFacts }
    /// Whether an event applies to a thing, for every event and every catalog key.
    var knownApplies: [String: [String: Bool]] { fast.knownApplies }
    /// ``knownFacts`` and ``knownApplies`` again, their plain-ASCII keys found by hashing bytes
    /// (see ``ByteKeyTable``): numbers into `factList` / `applyList`. A key not held there is
    /// looked up in the dictionaries, so the answers are the same.
    /// Everything the catalog holds is held by this one reference: a copy of the catalog (a
    /// reader's, or one a closure captures with the reader) is one retain, not one per
    /// dictionary and table.
    private let fast: FastLookups

    private final class FastLookups: Sendable {
        let entries: [String: Entry]
        let knownFacts: [String: ConceptFacts]
        let knownApplies: [String: [String: Bool]]
        let factTable: ByteKeyTable
        let factList: [ConceptFacts]
        let applyTable: ByteKeyTable
        let applyList: [Bool]
        let subjects = SubjectCache()

        init(entries: [String: Entry], knownFacts: [String: ConceptFacts], knownApplies: [String: [String: Bool]],
             factTable: ByteKeyTable, factList: [ConceptFacts], applyTable: ByteKeyTable, applyList: [Bool]) {
            self.entries = entries
            self.knownFacts = knownFacts
            self.knownApplies = knownApplies
            self.factTable = factTable
            self.factList = factList
            self.applyTable = applyTable
            self.applyList = applyList
        }
    }

    /// The catalog shipped with the module.
    public static func builtIn() throws -> ConceptCatalog {
        try shared.get()
    }

    private static let shared: Result<ConceptCatalog, any Error> = Result {
        guard let url = Bundle.module.url(forResource: "Concepts/catalog", withExtension: "tsv")
            ?? Bundle.module.url(forResource: "catalog", withExtension: "tsv", subdirectory: "Concepts") else {
            throw LoadError(line: 0, problem: "the concept catalog is missing from the bundle")
        }
        return try ConceptCatalog(text: String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    /// Parses catalog text (tab-separated; `#` comments).
    public init(text: String) throws {
        var entries: [String: Entry] = [:]
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if WhitespaceTrim.trimmed(line).isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { WhitespaceTrim.trimmed($0) }
            func field(_ i: Int) -> String? { i < f.count && !f[i].isEmpty ? f[i] : nil }
            guard let key = field(0), let label = field(1) else {
                throw LoadError(line: lineNo, problem: "a row needs at least a key and a label")
            }
            guard entries[key] == nil else { throw LoadError(line: lineNo, problem: "key '\(key)' is listed twice") }
            let cumulative: Bool
            switch field(2) ?? "no" {
            case "yes": cumulative = true
            case "no": cumulative = false
            case let other: throw LoadError(line: lineNo, problem: "cumulative must be yes or no, not '\(other)'")
            }
            guard let kind = Entry.Kind(rawValue: field(4) ?? "thing") else {
                throw LoadError(line: lineNo, problem: "kind must be thing, event, rank or duration, not '\(field(4)!)'")
            }
            let classes = (field(5) ?? "").split(separator: ",").map { WhitespaceTrim.trimmed($0) }
            entries[key] = Entry(key: key, label: label, cumulative: cumulative, broader: field(3), kind: kind,
                                 classes: classes, total: field(6), defaultThing: field(7))
        }
        for e in entries.values {
            for ref in [e.broader, e.total, e.defaultThing].compactMap({ $0 }) where entries[ref] == nil {
                throw LoadError(line: 0, problem: "'\(e.key)' refers to unknown key '\(ref)'")
            }
        }
        var facts: [String: ConceptFacts] = [:]
        var applies: [String: [String: Bool]] = [:]
        let events = entries.values.filter { $0.kind == .event || $0.kind == .rank }.map(\.key)
        // a plain key (ASCII, no "/") and an event make "<key>/<event>" with exactly those parts
        let plain: (String) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { $0 < 0x80 && $0 != 0x2F } }
        facts.reserveCapacity(entries.count * (events.count + 1))
        var factTable = ByteKeyTable(capacity: entries.count * (events.count + 1))
        var factList: [ConceptFacts] = []
        factList.reserveCapacity(entries.count * (events.count + 1))
        // every write to `facts` goes to the byte table too (a later write of a key replaces it there as well)
        func put(_ key: String, _ f: ConceptFacts) {
            facts[key] = f
            guard let (n, isNew) = factTable.add(key) else { return }
            if isNew { factList.append(f) } else { factList[Int(n)] = f }
        }
        for (key, entry) in entries {
            put(key, Self.makeFacts(key, entries: entries))
            for e in events {
                let pair = "\(key)/\(e)"
                if plain(key), plain(e), let event = entries[e] {
                    put(pair, ConceptFacts(thing: key, event: e, thingClass: entry.classes.first ?? "",
                                           isDuration: entry.kind == .duration, isRank: event.kind == .rank,
                                           isCumulative: event.cumulative))
                } else {
                    put(pair, Self.makeFacts(pair, entries: entries))
                }
            }
        }
        var applyTable = ByteKeyTable(capacity: events.count * entries.count)
        var applyList: [Bool] = []
        applyList.reserveCapacity(events.count * entries.count)
        for e in events {
            var byThing: [String: Bool] = [:]
            for thing in entries.keys {
                let yes = Self.event(e, appliesTo: thing, entries: entries)
                byThing[thing] = yes
                if let (n, isNew) = applyTable.add(e, thing) {
                    if isNew { applyList.append(yes) } else { applyList[Int(n)] = yes }
                }
            }
            applies[e] = byThing
        }
        fast = FastLookups(entries: entries, knownFacts: facts, knownApplies: applies, factTable: factTable,
                           factList: factList, applyTable: applyTable, applyList: applyList)
    }

    /// What the reader asks of a concept key: its parts, its thing's class and kind, whether it
    /// is a rank and a running count.
    @inline(__always)
    func facts(of concept: String) -> ConceptFacts {
        let f = fast
        if let n = f.factTable.number(of: concept) { return f.factList[Int(n)] }
        return slowFacts(of: concept)
    }

    /// ``facts(of:)`` for a key the byte table does not hold (kept out of line: the inlined fast
    /// path then touches neither dictionary).
    @inline(never)
    private func slowFacts(of concept: String) -> ConceptFacts {
        knownFacts[concept] ?? Self.makeFacts(concept, entries: entries)
    }

    /// ``facts(of:)``'s `thingClass`, without copying the facts.
    @inline(__always)
    func thingClass(of concept: String) -> String {
        let f = fast
        if let n = f.factTable.number(of: concept) { return f.factList[Int(n)].thingClass }
        return slowFacts(of: concept).thingClass
    }

    /// True when ``facts(of:)`` has an event, without copying the facts.
    @inline(__always)
    func hasEvent(_ concept: String) -> Bool {
        let f = fast
        if let n = f.factTable.number(of: concept) { return f.factList[Int(n)].event != nil }
        return slowFacts(of: concept).event != nil
    }

    /// `"\(thing)/\(event)"` written in one string (no interpolation machinery).
    static func join(_ thing: String, _ event: String) -> String {
        var a = thing, b = event
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                String(unsafeUninitializedCapacity: pa.count + 1 + pb.count) { out in
                    var p = 0
                    for x in pa { out[p] = x; p += 1 }
                    out[p] = 0x2F
                    p += 1
                    for x in pb { out[p] = x; p += 1 }
                    return p
                }
            }
        }
    }

    /// ``facts(of:)``'s `isDuration`, without copying the facts.
    @inline(__always)
    func isDuration(_ concept: String) -> Bool {
        let f = fast
        if let n = f.factTable.number(of: concept) { return f.factList[Int(n)].isDuration }
        return slowFacts(of: concept).isDuration
    }

    /// A running count: the concept has an event and is no rank (``facts(of:)`` read in place).
    @inline(__always)
    func isRunningCount(_ concept: String) -> Bool {
        let f = fast
        if let n = f.factTable.number(of: concept) { return f.factList[Int(n)].event != nil && !f.factList[Int(n)].isRank }
        let facts = slowFacts(of: concept)
        return facts.event != nil && !facts.isRank
    }

    /// ``facts(of:)``'s `isRank`, without copying the facts.
    @inline(__always)
    func isRank(_ concept: String) -> Bool {
        let f = fast
        if let n = f.factTable.number(of: concept) { return f.factList[Int(n)].isRank }
        return slowFacts(of: concept).isRank
    }

    private static func makeFacts(_ concept: String, entries: [String: Entry]) -> ConceptFacts {
        let (thing, event) = split(concept)
        let thingEntry = entries[thing ?? concept]
        let cumulative: Bool
        if let event, let e = entries[event] { cumulative = e.cumulative } else {
            cumulative = thing.flatMap { entries[$0]?.cumulative } ?? false
        }
        return ConceptFacts(thing: thing, event: event, thingClass: thingEntry?.classes.first ?? "",
                            isDuration: thingEntry?.kind == .duration,
                            isRank: event.flatMap { entries[$0]?.kind } == .rank, isCumulative: cumulative)
    }

    public func entry(_ key: String) -> Entry? { entries[key] }

    /// The thing and the event of a concept key ("provincial-capital/captured").
    public static func split(_ concept: String) -> (thing: String?, event: String?) {
        // the common case without building an array: an ASCII key with one "/" inside it (the
        // catalog's keys are ASCII); anything else is cut as Swift splits `Character`s
        var slash = -1
        var ascii = true
        var index = 0
        for b in concept.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b == 0x2F, slash < 0 { slash = index }
            index += 1
        }
        if ascii {
            if slash < 0 { return (concept, nil) }
            let u = concept.utf8
            if slash > 0, slash < index - 1, u[u.index(u.startIndex, offsetBy: slash + 1)] != 0x2F {
                let cut = u.index(u.startIndex, offsetBy: slash)
                return (String(concept[..<cut]), String(concept[u.index(after: cut)...]))
            }
        }
        let parts = concept.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2 { return (parts[0].isEmpty ? nil : parts[0], parts[1]) }
        return (concept, nil)
    }

    /// The key itself, then its broader keys, nearest first.
    public func lineage(_ key: String) -> [String] {
        var out: [String] = []
        var k: String? = key
        while let cur = k, !out.contains(cur) {
            out.append(cur)
            k = entries[cur]?.broader
        }
        return out
    }

    /// True when the event applies to the thing (by the thing's class).
    func event(_ event: String, appliesTo thing: String) -> Bool {
        let f = fast
        if let n = f.applyTable.number(of: event, thing) { return f.applyList[Int(n)] }
        return slowEvent(event, appliesTo: thing)
    }

    @inline(never)
    private func slowEvent(_ event: String, appliesTo thing: String) -> Bool {
        if let known = knownApplies[event]?[thing] { return known }
        return Self.event(event, appliesTo: thing, entries: entries)
    }

    private static func event(_ event: String, appliesTo thing: String, entries: [String: Entry]) -> Bool {
        guard let e = entries[event] else { return false }
        if e.classes.isEmpty || e.classes.contains("*") { return true }
        var lineage: [String] = []
        var k: String? = thing
        while let cur = k, !lineage.contains(cur) {
            lineage.append(cur)
            k = entries[cur]?.broader
        }
        let thingClasses = lineage.compactMap { entries[$0]?.classes.first }
        return thingClasses.contains { e.classes.contains($0) }
    }

    /// Plain-English subject of a concept: "provincial capitals captured", "rank among cities".
    public func subject(of concept: String) -> String? {
        // a key with facts is remembered by its number (no string hashed under the lock)
        if let n = fast.factTable.number(of: concept) {
            if let known = subjects.get(number: Int(n)) { return known }
            let made = makeSubject(of: concept)
            subjects.set(number: Int(n), made)
            return made
        }
        if let known = subjects.get(concept) { return known }
        let made = makeSubject(of: concept)
        subjects.set(concept, made)
        return made
    }

    /// ``subject(of:)`` and whether the concept is a running count that is no rank
    /// (``isCumulative(_:)`` and not ``isRank(_:)``), with one look-up of the key.
    func summary(of concept: String) -> (subject: String?, cumulativeCount: Bool) {
        let f = fast
        if let n = f.factTable.number(of: concept) {
            // the two flags read in place (no copy of the facts' strings)
            let cumulativeCount = f.factList[Int(n)].isCumulative && !f.factList[Int(n)].isRank
            let subject: String?
            if let known = subjects.get(number: Int(n)) {
                subject = known
            } else {
                subject = makeSubject(of: concept)
                subjects.set(number: Int(n), subject)
            }
            return (subject, cumulativeCount)
        }
        let facts = slowFacts(of: concept)
        return (subject(of: concept), facts.isCumulative && !facts.isRank)
    }

    /// Subjects already made, by concept key (a batch names the same few concepts again and again;
    /// making one replaces and re-joins words).
    private var subjects: SubjectCache { fast.subjects }

    private func makeSubject(of concept: String) -> String? {
        let (thing, event) = Self.split(concept)
        let thingLabel = thing.flatMap { entries[$0]?.label }
        guard let event, let template = entries[event]?.label else { return thingLabel }
        let filler = thingLabel ?? entries[event]?.defaultThing.flatMap { entries[$0]?.label } ?? ""
        return template.replacingOccurrences(of: "{thing}", with: filler)
            .split(separator: " ").joined(separator: " ")
    }

    /// True when the concept is a running count (its event or thing is cumulative).
    public func isCumulative(_ concept: String) -> Bool {
        let f = fast
        if let n = f.factTable.number(of: concept) { return f.factList[Int(n)].isCumulative }
        return slowFacts(of: concept).isCumulative
    }
}

/// What the reader asks of a concept key (see ``ConceptCatalog/facts(of:)``).
struct ConceptFacts: Sendable {
    /// The parts, as ``ConceptCatalog/split(_:)`` cuts them.
    var thing: String?
    var event: String?
    /// The first class of the thing (the whole key when it has no thing part), or "".
    var thingClass: String
    /// The thing is a duration (a presence, a war).
    var isDuration: Bool
    /// The event is a rank.
    var isRank: Bool
    /// A running count: the event's cumulative flag, else the thing's.
    var isCumulative: Bool
}

/// A concept → subject memo shared by the catalog's copies and the threads that read claims.
private final class SubjectCache: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [String: String?] = [:]
    /// By a key's number in the catalog's fact table: nil not made yet, `.some(nil)` no subject.
    private var byNumber: [String??] = []
    func get(number n: Int) -> String?? {
        lock.lock(); defer { lock.unlock() }
        return n < byNumber.count ? byNumber[n] : nil
    }
    func set(number n: Int, _ subject: String?) {
        lock.lock(); defer { lock.unlock() }
        if n >= byNumber.count { byNumber.append(contentsOf: repeatElement(nil, count: n + 1 - byNumber.count)) }
        byNumber[n] = .some(subject)
    }
    func get(_ concept: String) -> String?? {
        lock.lock(); defer { lock.unlock() }
        return made[concept]
    }
    func set(_ concept: String, _ subject: String?) {
        lock.lock(); defer { lock.unlock() }
        made[concept] = .some(subject)
    }
}
