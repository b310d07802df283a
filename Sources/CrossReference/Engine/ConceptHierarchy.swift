/// Which concepts are broader than others, so that a claim about a narrower fact meets a claim
/// about the broader one ("provincial-capital/captured" meets "city/captured"), and which things
/// have as many members as others (a count of provinces is the whole of the provincial capitals).
///
/// Concept keys are `<thing>` or `<thing>/<event>`. `broader` may relate whole keys or things;
/// a `<thing>/<event>` key without an entry of its own climbs its thing's chain and keeps its
/// event. The claims stage owns the concept catalog; the facade passes its relations in here.
public struct ConceptHierarchy: Sendable, Hashable {
    /// Concept key or thing → its broader concept key or thing.
    public var broader: [String: String]
    /// Thing → a thing with as many members ("provincial-capital" → "province"), both ways.
    public var totals: [String: String]

    public init(broader: [String: String] = [:], totals: [String: String] = [:]) {
        self.broader = broader
        self.totals = totals
    }

    /// Reads a tab-separated catalog whose header line (`# key label cumulative broader … total`,
    /// `#` optional) names the columns.
    public init(catalog text: String) {
        var columns: [String: Int] = ["key": 0, "broader": 3]
        var broader: [String: String] = [:]
        var totals: [String: String] = [:]
        var sawHeader = false
        for raw in text.split(separator: "\n") {
            var line = String(raw)
            let isComment = line.hasPrefix("#")
            if isComment { line = String(line.dropFirst()) }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if !sawHeader, cols.contains("key"), cols.contains("broader") {
                for (i, name) in cols.enumerated() { columns[name] = i }
                sawHeader = true
                continue
            }
            if isComment || cols.isEmpty { continue }
            func col(_ name: String) -> String? {
                guard let i = columns[name], i < cols.count, !cols[i].isEmpty, cols[i] != "-" else { return nil }
                return cols[i]
            }
            guard let key = col("key") else { continue }
            if let up = col("broader"), up != key { broader[key] = up }
            if let total = col("total"), total != key { totals[key] = total }
        }
        self.init(broader: broader, totals: totals)
    }

    static func split(_ concept: String) -> (thing: String, event: String?) {
        guard let slash = concept.firstIndex(of: "/") else { return (concept, nil) }
        return (String(concept[..<slash]), String(concept[concept.index(after: slash)...]))
    }

    /// The concept and everything broader, nearest first (cycles are cut).
    public func lineage(of concept: String) -> [String] {
        var out = [concept]
        var seen: Set<String> = [concept]
        var c = concept
        while true {
            var next = broader[c]
            if next == nil {
                let (thing, event) = Self.split(c)
                if let event, let up = broader[thing] { next = up + "/" + event }
            }
            guard let up = next, !seen.contains(up) else { break }
            out.append(up)
            seen.insert(up)
            c = up
        }
        return out
    }

    /// The broadest concept above `concept` (itself when nothing is broader).
    public func root(of concept: String) -> String { lineage(of: concept).last ?? concept }

    /// True when the two concepts are one fact: equal, or one broader than the other.
    public func relates(_ a: String, _ b: String) -> Bool {
        a == b || lineage(of: a).contains(b) || lineage(of: b).contains(a)
    }

    /// True when `a` is strictly narrower than `b`.
    public func isNarrower(_ a: String, than b: String) -> Bool {
        a != b && lineage(of: a).contains(b)
    }

    /// The things whose count is the whole that a `<thing>/<event>` share is taken of: the thing
    /// itself and the thing with as many members ("provincial-capital" → "province").
    public func wholes(of concept: String) -> [String] {
        let thing = Self.split(concept).thing
        var out = [thing]
        if let t = totals[thing] { out.append(t) }
        for (k, v) in totals where v == thing && !out.contains(k) { out.append(k) }
        return out.sorted()
    }
}

import Foundation
