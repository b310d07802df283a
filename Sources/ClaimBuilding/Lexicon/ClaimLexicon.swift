import LanguageData

/// Where an attribution phrase stands relative to the source it names.
enum AttributionPosition: String, Sendable, Hashable {
    /// The source follows: *according to the UN*, *ifølge Mujadidi*.
    case before
    /// The source precedes: *the Pentagon said*, *a lawmaker told AFP*.
    case after
    /// Either side (*said the spokesman* / *the spokesman said*; *oplyser X*): the side with a name wins.
    case either
    /// The phrase opens a sentence that attributes the previous one: *Det oplyser X*, *That's according to X*.
    case back
}

/// The role of a small word in `claim-cues.tsv`.
enum CueRole: String, Sendable, Hashable, CaseIterable {
    /// A superlative next to an ordinal makes it a rank: *third most populous*, *second largest*.
    case superlative
    /// Joins a part to its whole: *12 of the 34*, *12 af de 34*, *nueve de las 34*.
    case partOf = "part-of"
    /// After a count of one, a partitive makes *one of* (not a claim).
    case partitive
    /// Before a duration, makes it the window of a running count: *in six days*, *på seks dage*.
    case window
    /// Before a date, makes it the date the figure holds for: *on 11 August*, *den 11. august*,
    /// *el 11 de agosto*, *am 11. August*, *in July*, *i juli*.
    case dateOn = "date-on"
    /// Before a weekday, the day is where a span starts or ends, not the as-of date: *since Friday*.
    case notAsOf = "not-asof"
    /// Before a day (up to four words before), the day is when something happened, not when the
    /// figure was counted: *durante la noche del martes*, *during*, *während*, *pendant*, *i løbet af*.
    case during
    /// After a number in a short line, marks page furniture: *5 min read*, *12 comments*.
    case furniture
    /// The figure was revised: *revised*, *corrected*, *revideret*, *korrigiert*.
    case revised
    /// A number after it is a label, not a claim: *page 5*, *flight 17*, *Artikel 5*.
    case label
    /// Skipped between a source and its verb: *has*, *har*, *hat*, *also*.
    case auxiliary
    /// A form of *to be* before a reporting verb makes it passive (*are confirmed dead*): no source.
    case passive
    /// Articles, possessive and demonstrative determiners; not part of a source's name.
    case determiner
    /// A pronoun as a source names nobody: *he*, *hun*, *ellos*.
    case pronoun
    /// Ends a source's name read forward: prepositions and conjunctions (*in*, *that*, *que*).
    case stop
    /// A coordinating conjunction (*and*, *og*, *y*, *et*, *und*): an event across it belongs to
    /// another clause.
    case conjunction
    /// Lowercase words that may join two capitalized words of one name: *Ministry of Defense*.
    case nameJoiner = "name-joiner"
    /// A reference to the country in the text: *the country*, *landet*, *del país*.
    case country
    /// Setting row: this language writes compounds as one word; a word ending in a listed concept
    /// word takes its concept (*regeringssoldater* → soldier).
    case compounds
    /// Setting row: this language capitalizes every noun (German), so a capitalized word before a
    /// number does not make the number part of a name.
    case capitalizedNouns = "capitalized-nouns"

    /// The role's bit in a ``CueRoles`` set.
    var bit: UInt32 {
        switch self {
        case .superlative: 1 << 0
        case .partOf: 1 << 1
        case .partitive: 1 << 2
        case .window: 1 << 3
        case .dateOn: 1 << 4
        case .notAsOf: 1 << 5
        case .during: 1 << 6
        case .furniture: 1 << 7
        case .revised: 1 << 8
        case .label: 1 << 9
        case .auxiliary: 1 << 10
        case .passive: 1 << 11
        case .determiner: 1 << 12
        case .pronoun: 1 << 13
        case .stop: 1 << 14
        case .conjunction: 1 << 15
        case .nameJoiner: 1 << 16
        case .country: 1 << 17
        case .compounds: 1 << 18
        case .capitalizedNouns: 1 << 19
        }
    }
}

/// The roles of one cue phrase, as bits (one per ``CueRole``).
struct CueRoles: Sendable, Hashable {
    var bits: UInt32

    init(_ roles: Set<CueRole>) {
        bits = roles.reduce(0) { $0 | $1.bit }
    }

    init(bits: UInt32) { self.bits = bits }

    @inline(__always)
    func contains(_ role: CueRole) -> Bool { bits & role.bit != 0 }
}

/// A set of a lexicon's phrase tables, one bit each: the tables a word may start a phrase in.
struct StartMask: Sendable, Equatable {
    var bits: UInt8 = 0

    static let cues = StartMask(bits: 1 << 0)
    static let concepts = StartMask(bits: 1 << 1)
    static let events = StartMask(bits: 1 << 2)
    static let attribution = StartMask(bits: 1 << 3)
    static let agencies = StartMask(bits: 1 << 4)
    static let places = StartMask(bits: 1 << 5)
    static let weekdays = StartMask(bits: 1 << 6)
    static let relativeDays = StartMask(bits: 1 << 7)

    /// True when any table of `other` is in the set.
    @inline(__always)
    func contains(_ other: StartMask) -> Bool { bits & other.bits != 0 }
}

/// One language's claim tables, compiled: concepts, events, attribution, agencies, relative days,
/// weekdays, places and cues.
final class ClaimLexicon: Sendable {
    let code: String
    let concepts: PhraseTable<String>
    let events: PhraseTable<String>
    let attribution: PhraseTable<AttributionPosition>
    let agencies: PhraseTable<String>
    let relativeDays: PhraseTable<Int>
    let weekdays: PhraseTable<Int>
    /// Scale words from the recognizer's `scales.tsv` (read, not owned): a scale word alone
    /// (*de ekstra milliarder*) states no figure.
    let scales: PhraseTable<Int>
    /// Month names from the recognizer's `months.tsv` (read, not owned).
    let months: PhraseTable<Int>
    let places: PhraseTable<String>
    let cues: PhraseTable<CueRoles>
    /// The words of all the tables above, numbered: a sentence's tokens are looked up once.
    let vocabulary: Vocabulary
    let compounds: Bool
    /// One-word superlatives of five letters or more, to find inside a compound ordinal
    /// (*zweitgrößte*, *tredjestørste*).
    let superlativeSuffixes: [String]
    /// Their lengths in characters.
    let superlativeLengths: [Int]
    let capitalizedNouns: Bool
    /// Per word number: which tables have a phrase starting with that word (``StartMask``): a
    /// sentence's tokens are tested against all the tables at once, and a table no token may start
    /// is not walked at all.
    let startMask: [StartMask]

    /// A row that does not fit its table, named by origin ("da/concepts.tsv:12").
    struct LoadError: Error, CustomStringConvertible, Sendable {
        var origin: String
        var problem: String
        var description: String { "\(origin): \(problem)" }
    }

    init(pack: LanguagePack, catalog: ConceptCatalog) throws {
        code = pack.code
        var vocabulary = Vocabulary()
        var concepts = PhraseTable<String>()
        for row in pack.rows("concepts.tsv") {
            let (phrase, key) = try Self.pair(row)
            let (thing, event) = ConceptCatalog.split(key)
            for part in [thing, event].compactMap({ $0 }) where catalog.entry(part) == nil {
                throw LoadError(origin: row.origin, problem: "concept '\(part)' is not in Concepts/catalog.tsv")
            }
            concepts.insert(phrase, key, origin: row.origin, vocabulary: &vocabulary)
        }
        var events = PhraseTable<String>()
        for row in pack.rows("events.tsv") {
            let (phrase, key) = try Self.pair(row)
            guard let e = catalog.entry(key), e.kind == .event else {
                throw LoadError(origin: row.origin, problem: "event '\(key)' is not an event of Concepts/catalog.tsv")
            }
            events.insert(phrase, key, origin: row.origin, vocabulary: &vocabulary)
        }
        var attribution = PhraseTable<AttributionPosition>()
        for row in pack.rows("attribution.tsv") {
            let (phrase, p) = try Self.pair(row)
            guard let position = AttributionPosition(rawValue: p) else {
                throw LoadError(origin: row.origin, problem: "position must be before, after, either or back, not '\(p)'")
            }
            attribution.insert(phrase, position, origin: row.origin, vocabulary: &vocabulary)
        }
        var agencies = PhraseTable<String>()
        for row in pack.rows("agencies.tsv") {
            guard let phrase = row[0] else { continue }
            agencies.insert(phrase, row[1] ?? phrase, origin: row.origin, vocabulary: &vocabulary)
        }
        var relativeDays = PhraseTable<Int>()
        for row in pack.rows("relative-days.tsv") {
            let (phrase, o) = try Self.pair(row)
            guard let offset = Int(o) else {
                throw LoadError(origin: row.origin, problem: "offset must be a whole number of days, not '\(o)'")
            }
            relativeDays.insert(phrase, offset, origin: row.origin, vocabulary: &vocabulary)
        }
        var weekdays = PhraseTable<Int>()
        for row in pack.rows("weekdays.tsv") {
            let (phrase, d) = try Self.pair(row)
            guard let day = Int(d), (1...7).contains(day) else {
                throw LoadError(origin: row.origin, problem: "weekday must be 1 (Monday) to 7, not '\(d)'")
            }
            weekdays.insert(phrase, day, origin: row.origin, vocabulary: &vocabulary)
        }
        var scales = PhraseTable<Int>()
        for row in pack.rows("scales.tsv") {
            if let word = row[0] { scales.insert(word, 1, origin: row.origin, vocabulary: &vocabulary) }
        }
        var months = PhraseTable<Int>()
        for row in pack.rows("months.tsv") {
            guard let word = row[0], let m = row[1].flatMap({ Int($0) }), (1...12).contains(m) else { continue }
            months.insert(word, m, origin: row.origin, vocabulary: &vocabulary)
        }
        var places = PhraseTable<String>()
        for row in pack.rows("places.tsv") {
            let (phrase, name) = try Self.pair(row)
            places.insert(phrase, name, origin: row.origin, vocabulary: &vocabulary)
        }
        var cues = PhraseTable<CueRoles>()
        var compounds = false
        var capitalizedNouns = false
        // a phrase listed twice has the roles of both rows
        var cueRoles: [String: (Set<CueRole>, String)] = [:]
        var cueOrder: [String] = []
        for row in pack.rows("claim-cues.tsv") {
            let (phrase, r) = try Self.pair(row)
            var roles = Set<CueRole>()
            for name in r.split(separator: ",") {
                // a name that starts and ends with an ASCII letter has nothing to trim (Foundation's
                // trim costs thousands of instructions a call)
                let bare = name.utf8.first.map(Self.isASCIILetter) == true && name.utf8.last.map(Self.isASCIILetter) == true
                let trimmed = bare ? String(name) : WhitespaceTrim.trimmed(name)
                guard let role = CueRole(rawValue: trimmed) else {
                    throw LoadError(origin: row.origin, problem: "unknown cue role '\(trimmed)'")
                }
                roles.insert(role)
            }
            if roles.contains(.compounds) { compounds = true; continue }
            if roles.contains(.capitalizedNouns) { capitalizedNouns = true; continue }
            let key = ClaimTokenizer.tokenize(phrase).map(\.key).joined(separator: " ")
            if let (old, origin) = cueRoles[key] {
                cueRoles[key] = (old.union(roles), origin)
            } else {
                cueRoles[key] = (roles, row.origin)
                cueOrder.append(phrase)
            }
        }
        var superlatives: [String] = []
        for phrase in cueOrder {
            let key = ClaimTokenizer.tokenize(phrase).map(\.key).joined(separator: " ")
            if let (roles, origin) = cueRoles[key] {
                cues.insert(phrase, CueRoles(roles), origin: origin, vocabulary: &vocabulary)
                if roles.contains(.superlative), !key.contains(" "), key.count >= 5 { superlatives.append(key) }
            }
        }
        self.superlativeSuffixes = superlatives
        self.superlativeLengths = superlatives.map(\.count)
        self.concepts = concepts
        self.events = events
        self.attribution = attribution
        self.agencies = agencies
        self.relativeDays = relativeDays
        self.weekdays = weekdays
        self.months = months
        self.scales = scales
        self.places = places
        self.cues = cues
        self.vocabulary = vocabulary
        self.compounds = compounds
        self.capitalizedNouns = capitalizedNouns
        var mask = [StartMask](repeating: StartMask(), count: vocabulary.count)
        for id in mask.indices {
            let w = Int32(id)
            var m: UInt8 = 0
            if cues.mayStart(w) { m |= StartMask.cues.bits }
            if concepts.mayStart(w) { m |= StartMask.concepts.bits }
            if events.mayStart(w) { m |= StartMask.events.bits }
            if attribution.mayStart(w) { m |= StartMask.attribution.bits }
            if agencies.mayStart(w) { m |= StartMask.agencies.bits }
            if places.mayStart(w) { m |= StartMask.places.bits }
            if weekdays.mayStart(w) { m |= StartMask.weekdays.bits }
            if relativeDays.mayStart(w) { m |= StartMask.relativeDays.bits }
            mask[id] = StartMask(bits: m)
        }
        startMask = mask
    }

    /// The tables that have a phrase starting with word number `id` (none for -1, a word no table
    /// knows).
    @inline(__always)
    func mask(of id: Int32) -> StartMask {
        id >= 0 && Int(id) < startMask.count ? startMask[Int(id)] : StartMask()
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    private static func pair(_ row: TableRow) throws -> (String, String) {
        guard let a = row[0], let b = row[1] else {
            throw LoadError(origin: row.origin, problem: "a row needs two tab-separated fields")
        }
        return (a, b)
    }

    /// The word numbers of a tokenized text, for the tables' look-ups.
    func ids(of tokens: [ClaimToken]) -> [Int32] {
        vocabulary.ids(of: tokens)
    }
}
