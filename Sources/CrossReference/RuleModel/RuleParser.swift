import CrosscheckModel
import Yams

/// Reads rule files and case files (YAML) into ``Rule`` and ``RuleCase`` values.
struct RuleParser {
    let file: String
    var r: YAMLNodeReader { YAMLNodeReader(file: file) }

    static let ruleKeys: Set<String> = ["id", "summary", "details", "priority", "applies", "operator",
                                        "parameters", "verdicts", "message", "fire", "pass"]
    static let appliesKeys: Set<String> = ["kinds", "concepts", "exclude-concepts", "scope", "time", "cumulative"]
    static let caseKeys: Set<String> = ["name", "expect", "between", "claims", "broader", "totals"]
    static let claimKeys: Set<String> = ["id", "quote", "sentence", "kind", "number", "low", "high", "base", "unit",
                                         "qualifier", "subject", "concept", "place", "cumulative", "asOf", "cited",
                                         "agency", "inTitle", "revised", "outlet", "published", "language"]

    func parseRule(_ text: String) throws -> Rule {
        let root = try r.compose(text)
        let m = try r.mapping(root, "a rule file")
        try r.checkKeys(m, allowed: Self.ruleKeys, in: "a rule")
        func required(_ key: String) throws -> Node {
            guard let n = m[key] else { throw r.error(root, "the rule has no '\(key)'") }
            return n
        }
        let idNode = try required("id")
        let id = try r.string(idNode, "id")
        guard Self.isKebabCase(id) else {
            throw r.error(idNode, "rule id '\(id)' must be kebab-case (lowercase letters, digits and single hyphens)")
        }
        let summary = try r.string(try required("summary"), "summary")
        let details = try m["details"].map { try r.string($0, "details") }
        let priority = try m["priority"].map { Int(try r.number($0, "priority")) } ?? 100
        let opNode = try required("operator")
        let opName = try r.string(opNode, "operator")
        guard let op = RuleOperator(rawValue: opName) else {
            throw r.error(opNode, "unknown operator '\(opName)' (known: \(RuleOperator.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let applies = try m["applies"].map { try parseApplies($0) } ?? Applicability()
        var params: [String: ParameterValue] = [:]
        if let p = m["parameters"] {
            for (k, v) in try r.mapping(p, "parameters") {
                params[try r.string(k, "a parameter name")] = try r.parameter(v)
            }
        }
        let verdictsNode = try required("verdicts")
        var verdicts: [Verdict] = []
        for v in try r.strings(verdictsNode, "verdicts") {
            guard let verdict = Verdict(rawValue: v) else {
                throw r.error(verdictsNode, "unknown verdict '\(v)' (agree, consistent or conflict)")
            }
            guard op.possibleVerdicts.contains(verdict) else {
                throw r.error(verdictsNode, "operator '\(op.rawValue)' never gives '\(v)' (it gives \(op.possibleVerdicts.map(\.rawValue).sorted().joined(separator: ", ")))")
            }
            verdicts.append(verdict)
        }
        if verdicts.isEmpty { throw r.error(verdictsNode, "a rule needs at least one verdict") }
        let msgNode = try required("message")
        var messages: [Verdict: String] = [:]
        var revisedMessage: String?
        func template(_ node: Node, _ what: String) throws -> String {
            let text = try r.string(node, what)
            if let bad = MessageTemplate.unknownPlaceholders(in: text).first {
                throw r.error(node, "the \(what) uses an unknown placeholder {\(bad)} (known: \(MessageTemplate.known.sorted().joined(separator: " ")))")
            }
            return text
        }
        if msgNode.scalar != nil {
            let text = try template(msgNode, "message")
            for v in verdicts { messages[v] = text }
        } else {
            for (k, v) in try r.mapping(msgNode, "message") {
                let name = try r.string(k, "a verdict")
                if name == "revised", op == .runningCount {
                    revisedMessage = try template(v, "revised message")
                    continue
                }
                guard let verdict = Verdict(rawValue: name), verdicts.contains(verdict) else {
                    throw r.error(k, "message for '\(name)', which is not one of the rule's verdicts")
                }
                messages[verdict] = try template(v, "\(name) message")
            }
        }
        for v in verdicts where messages[v] == nil {
            throw r.error(msgNode, "no message for the verdict '\(v.rawValue)'")
        }
        let fire = try m["fire"].map { try parseCaseList($0, fire: true) } ?? []
        let pass = try m["pass"].map { try parseCaseList($0, fire: false) } ?? []
        var rule = Rule(id: id, summary: summary, details: details, priority: priority, applies: applies, op: op,
                        parameters: RuleParameters(params), verdicts: verdicts, messages: messages,
                        fire: fire, pass: pass, source: file)
        rule.revisedMessage = revisedMessage
        return rule
    }

    func parseApplies(_ node: Node) throws -> Applicability {
        let m = try r.mapping(node, "applies")
        try r.checkKeys(m, allowed: Self.appliesKeys, in: "applies")
        var a = Applicability()
        if let k = m["kinds"] {
            var kinds = Set<QuantityKind>()
            for name in try r.strings(k, "kinds") {
                guard let kind = QuantityKind(rawValue: name) else {
                    throw r.error(k, "unknown kind '\(name)' (\(QuantityKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                kinds.insert(kind)
            }
            a.kinds = kinds
        }
        if let c = m["concepts"] { a.concepts = try r.strings(c, "concepts") }
        if let c = m["exclude-concepts"] { a.excludeConcepts = try r.strings(c, "exclude-concepts") }
        if let s = m["scope"] {
            let name = try r.string(s, "scope")
            guard let scope = Applicability.Scope(rawValue: name) else {
                throw r.error(s, "unknown scope '\(name)' (\(Applicability.Scope.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            a.scope = scope
        }
        if let t = m["time"] {
            let name = try r.string(t, "time")
            guard let time = Applicability.TimeScope(rawValue: name) else {
                throw r.error(t, "unknown time '\(name)' (\(Applicability.TimeScope.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            a.time = time
        }
        if let c = m["cumulative"] {
            if c.scalar?.string == "any" { a.cumulative = nil } else { a.cumulative = try r.bool(c, "cumulative") }
        }
        return a
    }

    func parseCases(_ text: String) throws -> (fire: [RuleCase], pass: [RuleCase]) {
        let root = try r.compose(text)
        let m = try r.mapping(root, "a case file")
        try r.checkKeys(m, allowed: ["fire", "pass"], in: "a case file")
        return (try m["fire"].map { try parseCaseList($0, fire: true) } ?? [],
                try m["pass"].map { try parseCaseList($0, fire: false) } ?? [])
    }

    func parseCaseList(_ node: Node, fire: Bool) throws -> [RuleCase] {
        try r.sequence(node, fire ? "fire" : "pass").map { try parseCase($0, fire: fire) }
    }

    func parseCase(_ node: Node, fire: Bool) throws -> RuleCase {
        let m = try r.mapping(node, "a case")
        try r.checkKeys(m, allowed: Self.caseKeys, in: "a case")
        let name = try m["name"].map { try r.string($0, "name") } ?? "line \(node.mark?.line ?? 0)"
        var expect: Verdict?
        if fire {
            guard let e = m["expect"] else { throw r.error(node, "a fire case needs 'expect' (the verdict it must give)") }
            let s = try r.string(e, "expect")
            guard let v = Verdict(rawValue: s) else { throw r.error(e, "unknown verdict '\(s)'") }
            expect = v
        } else if let e = m["expect"] {
            throw r.error(e, "a pass case gives no finding; drop 'expect'")
        }
        guard let claimsNode = m["claims"] else { throw r.error(node, "a case needs 'claims'") }
        var claims: [(Claim, outlet: String?, published: String?, language: String?)] = []
        for c in try r.sequence(claimsNode, "claims") { claims.append(try parseClaim(c)) }
        guard claims.count >= 2 else { throw r.error(claimsNode, "a case needs at least two claims") }
        let ids = claims.map(\.0.id)
        if Set(ids).count != ids.count { throw r.error(claimsNode, "claim ids in a case must be unique") }
        var between = Array(ids.prefix(2))
        if let b = m["between"] {
            between = try r.strings(b, "between")
            guard between.count == 2, between.allSatisfy(ids.contains) else {
                throw r.error(b, "'between' names two claim ids of the case")
            }
        }
        var broader: [String: String] = [:]
        if let b = m["broader"] {
            for (k, v) in try r.mapping(b, "broader") { broader[try r.string(k, "a concept")] = try r.string(v, "a concept") }
        }
        var totals: [String: String] = [:]
        if let b = m["totals"] {
            for (k, v) in try r.mapping(b, "totals") { totals[try r.string(k, "a thing")] = try r.string(v, "a thing") }
        }
        // Articles in order of first appearance; metadata from the first claim that gives it.
        var order: [String] = []
        var articles: [String: ReportedArticle] = [:]
        for (claim, outlet, published, language) in claims {
            if articles[claim.article] == nil {
                order.append(claim.article)
                articles[claim.article] = ReportedArticle(id: claim.article, language: language ?? "en")
            }
            var a = articles[claim.article]!
            if a.outlet == nil { a.outlet = outlet }
            if a.published == nil { a.published = published }
            if let language, a.claims.isEmpty { a.language = language }
            a.claims.append(claim)
            articles[claim.article] = a
        }
        return RuleCase(name: name, expect: expect, between: between, articles: order.map { articles[$0]! },
                        broader: broader, totals: totals, line: node.mark?.line ?? 0)
    }

    func parseClaim(_ node: Node) throws -> (Claim, outlet: String?, published: String?, language: String?) {
        let m = try r.mapping(node, "a claim")
        try r.checkKeys(m, allowed: Self.claimKeys, in: "a claim")
        func str(_ k: String) throws -> String? { try m[k].map { try r.string($0, k) } }
        func num(_ k: String) throws -> Double? { try m[k].map { try r.number($0, k) } }
        func flag(_ k: String) throws -> Bool { try m[k].map { try r.bool($0, k) } ?? false }
        guard let id = try str("id") else { throw r.error(node, "a claim needs an 'id' (article#n)") }
        guard let kindName = try str("kind"), let kind = QuantityKind(rawValue: kindName) else {
            throw r.error(m["kind"] ?? node, "a claim needs a known 'kind'")
        }
        var qualifier = Qualifier.exact
        if let q = try str("qualifier") {
            guard let parsed = Qualifier(rawValue: q) else { throw r.error(m["qualifier"], "unknown qualifier '\(q)'") }
            qualifier = parsed
        }
        let value = QuantityValue(number: try num("number"), low: try num("low"), high: try num("high"), base: try num("base"))
        if value.number == nil && value.low == nil && value.high == nil {
            throw r.error(node, "a claim needs 'number' or 'low'/'high'")
        }
        let quote = try str("quote") ?? (value.number.map { "\($0)" } ?? "?")
        let article = id.split(separator: "#").first.map(String.init) ?? id
        let claim = Claim(id: id, quote: quote, sentence: try str("sentence") ?? quote, kind: kind, value: value,
                          unit: try str("unit"), qualifier: qualifier, subject: try str("subject"),
                          cited: try str("cited"), asOf: try str("asOf"), article: article,
                          concept: try str("concept"), place: try str("place"), cumulative: try flag("cumulative"),
                          agency: try str("agency"), inTitle: try flag("inTitle"), revised: try flag("revised"))
        return (claim, try str("outlet"), try str("published"), try str("language"))
    }

    static func isKebabCase(_ s: String) -> Bool {
        guard let first = s.utf8.first, first >= 0x61, first <= 0x7A, s.utf8.last != 0x2D else { return false }
        var previousHyphen = false
        for b in s.utf8 {
            let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D
            if !ok || (b == 0x2D && previousHyphen) { return false }
            previousHyphen = b == 0x2D
        }
        return true
    }
}
