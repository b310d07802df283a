import Yams

/// Typed access to a composed YAML tree that turns every mistake into a ``RuleError`` naming the
/// file, the line and the problem.
struct YAMLNodeReader {
    let file: String

    func error(_ node: Node?, _ problem: String) -> RuleError {
        RuleError(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, problem: problem)
    }

    /// Parses `text`; syntax errors carry libyaml's position.
    func compose(_ text: String) throws -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw RuleError(file: file, line: 1, column: 1, problem: "the file is empty")
            }
            return node
        } catch let e as RuleError {
            throw e
        } catch let e as YamlError {
            switch e {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _):
                throw RuleError(file: file, line: mark.line, column: mark.column, problem: "YAML: \(problem)")
            default:
                throw RuleError(file: file, problem: "YAML: \(e)")
            }
        }
    }

    func mapping(_ node: Node, _ what: String) throws -> Node.Mapping {
        guard let m = node.mapping else { throw error(node, "\(what) must be a mapping") }
        return m
    }

    func sequence(_ node: Node, _ what: String) throws -> [Node] {
        if let s = node.sequence { return Array(s) }
        throw error(node, "\(what) must be a list")
    }

    func string(_ node: Node, _ what: String) throws -> String {
        guard let s = node.scalar?.string else { throw error(node, "\(what) must be a text value") }
        return s
    }

    func number(_ node: Node, _ what: String) throws -> Double {
        guard let s = node.scalar?.string, let x = Double(s.replacingOccurrences(of: "_", with: "")) else {
            throw error(node, "\(what) must be a number, not '\(node.scalar?.string ?? "a collection")'")
        }
        return x
    }

    func bool(_ node: Node, _ what: String) throws -> Bool {
        guard let s = node.scalar?.string else { throw error(node, "\(what) must be true or false") }
        switch s.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error(node, "\(what) must be true or false, not '\(s)'")
        }
    }

    /// A text or a list of texts.
    func strings(_ node: Node, _ what: String) throws -> [String] {
        if node.scalar != nil { return [try string(node, what)] }
        return try sequence(node, what).map { try string($0, what) }
    }

    /// Rejects keys that are not in `allowed`, naming the line of the stray key.
    func checkKeys(_ m: Node.Mapping, allowed: Set<String>, in what: String) throws {
        for (k, _) in m {
            let key = k.scalar?.string ?? ""
            if !allowed.contains(key) {
                throw error(k, "unknown key '\(key)' in \(what) (expected one of: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
    }

    func parameter(_ node: Node) throws -> ParameterValue {
        if let s = node.sequence { return .list(try s.map { try parameter($0) }) }
        guard let scalar = node.scalar else { throw error(node, "parameters hold numbers, texts, booleans or lists") }
        let s = scalar.string
        if scalar.style == .plain {
            if let x = Double(s) { return .number(x) }
            if s == "true" { return .bool(true) }
            if s == "false" { return .bool(false) }
        }
        return .string(s)
    }
}
