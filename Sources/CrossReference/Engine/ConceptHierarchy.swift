/// Which concepts are broader than others ("provincial-capital/captured" is narrower than
/// "city/captured"), so that a claim about a narrower fact meets a claim about the broader one.
///
/// The claims stage owns the concept catalog; the facade passes its broader relation in here.
public struct ConceptHierarchy: Sendable, Hashable {
    /// Concept key → its broader concept key.
    public var broader: [String: String]

    public init(broader: [String: String] = [:]) { self.broader = broader }

    /// Reads a tab-separated catalog whose header line (`# key label cumulative broader`, `#`
    /// optional) names the columns; rows without a broader concept are skipped.
    public init(catalog text: String) {
        var keyCol = 0
        var broaderCol = 3
        var map: [String: String] = [:]
        var sawHeader = false
        for raw in text.split(separator: "\n") {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let isComment = line.hasPrefix("#")
            if isComment { line = String(line.dropFirst()).trimmingCharacters(in: .whitespaces) }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if !sawHeader, cols.contains("broader"), cols.contains("key") {
                keyCol = cols.firstIndex(of: "key")!
                broaderCol = cols.firstIndex(of: "broader")!
                sawHeader = true
                continue
            }
            if isComment { continue }
            guard cols.count > max(keyCol, broaderCol) else { continue }
            let key = cols[keyCol], up = cols[broaderCol]
            if !key.isEmpty, !up.isEmpty, up != "-", key != up { map[key] = up }
        }
        broader = map
    }

    /// The concept and everything broader, nearest first (cycles are cut).
    public func lineage(of concept: String) -> [String] {
        var out = [concept]
        var seen: Set<String> = [concept]
        var c = concept
        while let up = broader[c], !seen.contains(up) {
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
}

import Foundation
