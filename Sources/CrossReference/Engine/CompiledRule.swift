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
    }

    /// True when the concept matches the rule's concept patterns.
    func covers(concept: String) -> Bool {
        let ap = rule.applies
        return ap.concepts.contains { globMatch($0, concept) } && !ap.excludeConcepts.contains { globMatch($0, concept) }
    }
}
