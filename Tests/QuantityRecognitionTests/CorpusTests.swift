import CrosscheckModel
import Foundation
import LanguageData
import QuantityRecognition
import Testing

/// One line of a `Languages/<code>/corpus/*.txt` file (format: docs/languages.md, "The corpus").
struct CorpusCase: Sendable, CustomTestStringConvertible {
    var language: String
    var file: String
    var line: Int
    /// The line's input without the span markers.
    var input: String
    /// The marked span, as UTF-8 byte offsets into `input`.
    var start: Int
    var end: Int
    var kind: String
    var value: String
    var unit: String?
    var qualifier: String
    /// A sixth column `known-issue` marks a known gap (the case runs inside `withKnownIssue`).
    var knownIssue: Bool

    var where_: String { "\(language)/corpus/\(file):\(line)" }
    var testDescription: String { "\(where_) \(input)" }
}

enum Corpus {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let languagesRoot = packageRoot.appendingPathComponent("Sources/LanguageData/Languages")

    /// Tables read from the source folder, so a table edit is tested without copying resources.
    static let store: LanguageStore? = try? LanguageStore(root: languagesRoot)
    static let recognizer: QuantityRecognizer? = store.flatMap { try? QuantityRecognizer(languages: $0) }

    static let cases: [CorpusCase] = load()

    static func load() -> [CorpusCase] {
        let fm = FileManager.default
        var out: [CorpusCase] = []
        let languages = ((try? fm.contentsOfDirectory(atPath: languagesRoot.path)) ?? []).sorted()
        for lang in languages where !lang.hasPrefix(".") {
            let dir = languagesRoot.appendingPathComponent(lang).appendingPathComponent("corpus")
            let files = ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
            for file in files {
                guard let text = try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8) else { continue }
                var lineNo = 0
                for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    lineNo += 1
                    let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
                    if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
                    if let c = parse(line, language: lang, file: file, line: lineNo) { out.append(c) }
                }
            }
        }
        return out
    }

    /// Parses `input<TAB>kind<TAB>value[<TAB>unit][<TAB>qualifier][<TAB>known-issue]`.
    static func parse(_ line: String, language: String, file: String, line lineNo: Int) -> CorpusCase? {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard fields.count >= 3 else {
            return CorpusCase(language: language, file: file, line: lineNo, input: line, start: 0, end: 0,
                              kind: "malformed", value: "", unit: nil, qualifier: "exact", knownIssue: false)
        }
        var marked = fields[0]
        var start = 0, end = 0
        if let open = marked.range(of: "⟦"), let close = marked.range(of: "⟧"), open.upperBound <= close.lowerBound {
            start = marked[..<open.lowerBound].utf8.count
            end = start + marked[open.upperBound..<close.lowerBound].utf8.count
            marked.removeSubrange(close)
            marked.removeSubrange(open)
        } else {
            end = marked.utf8.count
        }
        let unit = fields.count > 3 && fields[3] != "-" && !fields[3].isEmpty ? fields[3] : nil
        let qualifier = fields.count > 4 && !fields[4].isEmpty && fields[4] != "-" ? fields[4] : "exact"
        let known = fields.count > 5 && fields[5] == "known-issue"
        return CorpusCase(language: language, file: file, line: lineNo, input: marked, start: start, end: end,
                          kind: fields[1], value: fields[2], unit: unit, qualifier: qualifier, knownIssue: known)
    }

    /// `3000`, `0.6667`, `8.5..`, `..1`, `24..48` → (number, low, high).
    static func expectedValue(_ s: String) -> (number: Double?, low: Double?, high: Double?, isRange: Bool)? {
        if let r = s.range(of: "..") {
            let lo = String(s[..<r.lowerBound]), hi = String(s[r.upperBound...])
            let l = lo.isEmpty ? nil : Double(lo), h = hi.isEmpty ? nil : Double(hi)
            if !lo.isEmpty && l == nil || !hi.isEmpty && h == nil { return nil }
            return (nil, l, h, true)
        }
        guard let v = Double(s) else { return nil }
        return (v, nil, nil, false)
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return x == y || abs(x - y) <= 1e-3 * max(abs(x), abs(y))
        default: return false
        }
    }

    static func describe(_ q: Quantity) -> String {
        var v = q.value.number.map { "\($0)" } ?? ""
        if q.value.isRange { v = "\(q.value.low.map { "\($0)" } ?? "")..\(q.value.high.map { "\($0)" } ?? "")" }
        return "⟦\(q.text)⟧ \(q.kind.rawValue) \(v)\(q.unit.map { " " + $0 } ?? "") \(q.qualifier.rawValue)"
    }

    /// Nil when the case passes, else what went wrong.
    static func check(_ c: CorpusCase, _ found: [Quantity]) -> String? {
        let overlapping = found.filter { $0.start < c.end && $0.end > c.start }
        let input = "input: \(c.input)"
        switch c.kind {
        case "malformed":
            return "malformed line (needs input, kind and value separated by tabs)"
        case "none", "date":
            let bad = overlapping.filter { $0.kind != .date }
            if bad.isEmpty { return nil }
            return "expected nothing but a date, found \(bad.map(describe).joined(separator: "; ")); \(input)"
        default:
            break
        }
        guard let kind = QuantityKind(rawValue: c.kind) else { return "unknown kind '\(c.kind)'" }
        guard let want = expectedValue(c.value) else { return "cannot read the expected value '\(c.value)'" }
        let span = String(decoding: Array(c.input.utf8)[c.start..<c.end], as: UTF8.self)
        guard let q = found.first(where: { $0.start == c.start && $0.end == c.end }) else {
            if overlapping.isEmpty { return "no match for ⟦\(span)⟧; found \(found.map(describe)); \(input)" }
            return "partial match for ⟦\(span)⟧: found \(overlapping.map(describe).joined(separator: "; ")); \(input)"
        }
        var problems: [String] = []
        if q.kind != kind { problems.append("kind \(q.kind.rawValue), expected \(kind.rawValue)") }
        if want.isRange {
            if !q.value.isRange || !close(q.value.low, want.low) || !close(q.value.high, want.high) {
                problems.append("wrong value, expected \(c.value)")
            }
        } else if !close(q.value.number, want.number) {
            problems.append("wrong value, expected \(c.value)")
        }
        if q.unit != c.unit { problems.append("unit \(q.unit ?? "none"), expected \(c.unit ?? "none")") }
        if q.qualifier.rawValue != c.qualifier { problems.append("qualifier \(q.qualifier.rawValue), expected \(c.qualifier)") }
        if problems.isEmpty { return nil }
        return "\(problems.joined(separator: ", ")): found \(describe(q)); \(input)"
    }
}

@Suite struct CorpusTests {
    @Test func corpusFilesAreFound() {
        #expect(Corpus.recognizer != nil, "the language tables under \(Corpus.languagesRoot.path) do not load")
        let languages = Set(Corpus.cases.map(\.language))
        #expect(languages.contains("en") && languages.contains("da"), "no English or Danish corpus found")
        #expect(Corpus.cases.filter { $0.language == "en" }.count >= 80)
        #expect(Corpus.cases.filter { $0.language == "da" }.count >= 80)
    }

    @Test(arguments: Corpus.cases)
    func corpusCase(_ c: CorpusCase) throws {
        let recognizer = try #require(Corpus.recognizer)
        let found = recognizer.recognize(c.input, language: c.language)
        let problem = Corpus.check(c, found)
        if c.knownIssue {
            withKnownIssue("\(c.where_)") {
                if let problem { Issue.record("\(c.where_): \(problem)") }
            }
        } else if let problem {
            Issue.record("\(c.where_): \(problem)")
        }
    }
}
