import CrosscheckModel

/// One cross-reference rule, read from `Rules/<id>.yaml`: which pairs of claims it looks at
/// (`applies`), how it compares them (`operator` with `parameters`), the verdicts it may give and
/// the message a journalist reads for each.
public struct Rule: Sendable, Hashable {
    /// Stable kebab-case id, written into every finding the rule makes.
    public var id: String
    /// One line saying what the rule checks.
    public var summary: String
    /// Longer prose for docs/rules.md (optional).
    public var details: String?
    /// Lower runs first; the first rule that decides a pair wins.
    public var priority: Int
    public var applies: Applicability
    public var op: RuleOperator
    public var parameters: RuleParameters
    /// The verdicts this rule may give; an operator outcome outside this list passes the pair on.
    public var verdicts: [Verdict]
    /// A message template per verdict, with `{a.outlet}`-style placeholders.
    public var messages: [Verdict: String]
    /// For `running-count`: the message when a later, smaller figure is excused as a revision.
    public var revisedMessage: String?
    /// Cases that must give the rule's verdict.
    public var fire: [RuleCase]
    /// Cases that must give no finding from this rule.
    public var pass: [RuleCase]
    /// Where the rule was read from ("built-in/running-count.yaml" or a user path).
    public var source: String

    public init(id: String, summary: String, details: String? = nil, priority: Int = 100,
                applies: Applicability = Applicability(), op: RuleOperator,
                parameters: RuleParameters = RuleParameters(), verdicts: [Verdict],
                messages: [Verdict: String], fire: [RuleCase] = [], pass: [RuleCase] = [],
                source: String = "") {
        self.id = id
        self.summary = summary
        self.details = details
        self.priority = priority
        self.applies = applies
        self.op = op
        self.parameters = parameters
        self.verdicts = verdicts
        self.messages = messages
        self.revisedMessage = nil
        self.fire = fire
        self.pass = pass
        self.source = source
    }
}

/// The operators a rule may name: a small closed set implemented in Swift.
public enum RuleOperator: String, Sendable, Hashable, CaseIterable {
    /// Hedged figures as intervals in one space (same unit, count with count, share with share):
    /// overlap is agree, disjoint is conflict.
    case intervalOverlap = "interval-overlap"
    /// A share (percent, fraction) against a count through a base the claims state or borrow.
    case shareOfWhole = "share-of-whole"
    /// Durations and measures in different units, converted through the unit table.
    case unitConversion = "unit-conversion"
    /// A running count reported on two days: later and larger is consistent, later and smaller a conflict.
    case runningCount = "running-count"
    /// A figure that is not a running count (missing people, homes without power, an estimate,
    /// a price, a poll) reported on two days: overlapping figures agree, different ones are
    /// consistent, since figures of this kind change over time; figures further apart than
    /// `max-ratio` are left alone.
    case changingFigure = "changing-figure"
    /// One figure exactly a thousand or a million times the other: a likely scale slip.
    case scaleSlip = "scale-slip"
    /// The same figure said twice agrees; different figures give no finding.
    case restatement
    /// A count of a whole ("34 provinces") agrees with the base of a share of it ("12 of the 34
    /// provincial capitals"); a different count gives no finding.
    case wholeOfShare = "whole-of-share"

    /// The verdicts the operator can produce.
    public var possibleVerdicts: Set<Verdict> {
        switch self {
        case .intervalOverlap, .shareOfWhole, .unitConversion: [.agree, .conflict]
        case .runningCount: [.agree, .consistent, .conflict]
        case .changingFigure: [.agree, .consistent]
        case .scaleSlip: [.conflict]
        case .restatement, .wholeOfShare: [.agree]
        }
    }
}

/// Which pairs of claims a rule looks at.
public struct Applicability: Sendable, Hashable {
    /// Both claims' kinds must be in this set (nil: any kind but `date`).
    public var kinds: Set<QuantityKind>?
    /// Concept patterns (`*` matches any run of characters); both claims must match one.
    public var concepts: [String]
    /// Concept patterns neither claim may match.
    public var excludeConcepts: [String]
    public var scope: Scope
    public var time: TimeScope
    /// true: at least one claim is a running count; false: neither is; nil: either way.
    public var cumulative: Bool?

    public init(kinds: Set<QuantityKind>? = nil, concepts: [String] = ["*"], excludeConcepts: [String] = [],
                scope: Scope = .any, time: TimeScope = .any, cumulative: Bool? = nil) {
        self.kinds = kinds
        self.concepts = concepts
        self.excludeConcepts = excludeConcepts
        self.scope = scope
        self.time = time
        self.cumulative = cumulative
    }

    /// Where the two claims stand relative to each other.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        case any
        case crossArticle = "cross-article"
        case sameArticle = "same-article"
        case sameSentence = "same-sentence"
        /// One figure in parentheses right after the other: "to tredjedele (65 procent)".
        case parenthesis
        /// One claim in the headline, the other in the body of the same article.
        case headlineBody = "headline-body"
    }

    /// When the two figures hold, from `asOf` (or the article's publication date).
    public enum TimeScope: String, Sendable, Hashable, CaseIterable {
        case any
        case sameDay = "same-day"
        case differentDay = "different-day"
        /// The same day when either claim is a running count; any day otherwise.
        case sameDayForRunningCounts = "same-day-for-running-counts"
    }
}

/// Rule parameters: a YAML mapping of numbers, strings, booleans and lists.
public struct RuleParameters: Sendable, Hashable {
    public var values: [String: ParameterValue]
    public init(_ values: [String: ParameterValue] = [:]) { self.values = values }

    public subscript(_ key: String) -> ParameterValue? { values[key] }

    public func number(_ key: String, default d: Double) -> Double { values[key]?.number ?? d }
    public func bool(_ key: String, default d: Bool) -> Bool { values[key]?.bool ?? d }
    public func strings(_ key: String) -> [String] { values[key]?.list?.compactMap(\.string) ?? [] }
    public func numbers(_ key: String) -> [Double] { values[key]?.list?.compactMap(\.number) ?? [] }
}

/// One parameter value.
public enum ParameterValue: Sendable, Hashable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case list([ParameterValue])

    public var number: Double? { if case .number(let x) = self { x } else { nil } }
    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var list: [ParameterValue]? { if case .list(let l) = self { l } else { nil } }
}

/// A case beside a rule: claims written compactly, and which two of them the case is about.
public struct RuleCase: Sendable, Hashable {
    public var name: String
    /// For `fire` cases: the verdict the rule must give. For `pass` cases: nil.
    public var expect: Verdict?
    /// The two claim ids the case is about (default: the first two claims).
    public var between: [String]
    public var articles: [ReportedArticle]
    public var broader: [String: String]
    /// Things with as many members as others, for the case ("provincial-capital: province").
    public var totals: [String: String]
    /// The line of the case in its file.
    public var line: Int

    public init(name: String, expect: Verdict?, between: [String], articles: [ReportedArticle],
                broader: [String: String] = [:], totals: [String: String] = [:], line: Int = 0) {
        self.name = name
        self.expect = expect
        self.between = between
        self.articles = articles
        self.broader = broader
        self.totals = totals
        self.line = line
    }
}
