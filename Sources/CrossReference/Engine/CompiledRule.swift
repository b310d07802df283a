import CrosscheckModel

/// A rule with its parameters read once, for the pair loop (a class: the loop passes it around
/// without copying the rule's cases and messages).
final class CompiledRule: Sendable {
    let rule: Rule
    let op: RuleOperator
    let applies: Applicability
    /// Position in the engine's rule list (index into ``Figure/ruleConcepts``).
    let index: Int
    let tolerance: Tolerance
    let allowBases: Bool
    let allowUnits: Bool
    let factors: [Double]
    let revisedExcuses: Bool
    let conflictOnlyIfSole: Bool
    let conflictWithinDays: Double?
    let maxRatio: Double?
    let consistentWithinDays: Double?
    let verdicts: Set<Verdict>
    /// `verdicts` as bits (``allows(_:)``).
    private let verdictBits: UInt8
    /// The kinds the rule applies to, one bit each (``Figure/kindBit``); every bit when any kind.
    let kindMask: UInt32
    let scope: Applicability.Scope
    let time: Applicability.TimeScope
    let cumulative: Bool?
    /// The message templates, read once: per verdict, the revised message and the summary.
    let messageTemplates: [Verdict: MessageTemplate.Compiled]
    let revisedTemplate: MessageTemplate.Compiled?
    let summaryTemplate: MessageTemplate.Compiled

    init(_ rule: Rule, index: Int) {
        let p = rule.parameters
        self.rule = rule
        op = rule.op
        applies = rule.applies
        self.index = index
        tolerance = Tolerance(p)
        let conversions = Set(p.strings("conversions"))
        allowBases = conversions.contains("bases")
        allowUnits = conversions.contains("units")
        factors = p.numbers("factors").isEmpty ? [1000, 1_000_000] : p.numbers("factors")
        revisedExcuses = p.bool("revised-excuses", default: true)
        conflictOnlyIfSole = p.bool("conflict-only-if-sole", default: false)
        conflictWithinDays = p["conflict-within-days"]?.number
        maxRatio = p["max-ratio"]?.number
        consistentWithinDays = p["consistent-within-days"]?.number
        verdicts = Set(rule.verdicts)
        verdictBits = rule.verdicts.reduce(0) { $0 | CompiledRule.bit($1) }
        kindMask = rule.applies.kinds.map { $0.reduce(UInt32(0)) { $0 | Figure.bit($1) } } ?? .max
        scope = rule.applies.scope
        time = rule.applies.time
        cumulative = rule.applies.cumulative
        messageTemplates = rule.messages.mapValues(MessageTemplate.compile)
        revisedTemplate = rule.revisedMessage.map(MessageTemplate.compile)
        summaryTemplate = MessageTemplate.compile(rule.summary)
    }

    static func bit(_ v: Verdict) -> UInt8 {
        switch v {
        case .agree: 1
        case .consistent: 2
        case .conflict: 4
        }
    }

    /// True when the rule may give this verdict.
    func allows(_ v: Verdict) -> Bool { verdictBits & CompiledRule.bit(v) != 0 }

    /// The template for a verdict: its message, else the rule's summary.
    func template(_ verdict: Verdict) -> MessageTemplate.Compiled { messageTemplates[verdict] ?? summaryTemplate }

    /// True when the concept matches the rule's concept patterns.
    func covers(concept: String) -> Bool {
        let ap = rule.applies
        return ap.concepts.contains { globMatch($0, concept) } && !ap.excludeConcepts.contains { globMatch($0, concept) }
    }
}
