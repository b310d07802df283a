import CrosscheckModel
import Foundation

/// Writes a ``Report`` as the contract's JSON: sorted keys, stable order, no timestamps, so the
/// same input gives byte-identical output.
///
/// The bytes are the same as Foundation's `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (``encoder()``) on the report's `Encodable` conformances: two-space
/// indent, `"key" : value`, keys in byte order, an empty array as `[`, a blank line and `]`,
/// numbers as Swift's shortest `description` without a trailing `.0`. They are written straight
/// from the report's types into one byte buffer, each type's keys spelled out in sorted order, with
/// no `Encoder` in between. One difference on purpose: a non-finite number (NaN, ±infinity), which
/// Foundation refuses with an error, is written as `null`, so a bad figure never loses the whole
/// report.
///
/// The keys each type writes, and when, follow its `encode(to:)` in CrosscheckModel; a change
/// there must be made here too (the tests compare both writers on generated reports).
public enum JSONReportWriter {
    /// The report as JSON, with a final line break when `trailingNewline` is set (the CLI's
    /// output), so the caller need not copy the bytes again to add it. Never throws today; the
    /// signature is kept for callers written against the `Encoder`-based writer.
    public static func data(_ report: Report, trailingNewline: Bool = false) throws -> Data {
        try data(report, trailingNewline: trailingNewline, parallel: true)
    }

    /// ``data(_:trailingNewline:)``, with the articles and findings rendered on one thread when
    /// `parallel` is false (the tests compare both).
    static func data(_ report: Report, trailingNewline: Bool, parallel: Bool) throws -> Data {
        var w = ReportJSON(capacity: estimatedSize(report), chunkSize: .max, sink: nil, parallel: parallel)
        try w.report(report)
        if trailingNewline { w.out.byte(0x0A) }
        return w.out.takeData()
    }

    /// The report's JSON (the bytes of ``data(_:trailingNewline:)``) handed to `sink` in pieces of
    /// at least `chunkSize` bytes (cut after a claim, an article or a finding; the last piece may
    /// be shorter), so a large report is never whole in memory. A long list of articles or
    /// findings is rendered on all cores in pieces of a few dozen items, and each of those is
    /// handed over as it is (whatever its size) rather than copied into the buffer first. The buffer passed to `sink` is only
    /// valid during the call; an error thrown by `sink` stops the writing.
    public static func write(_ report: Report, chunkSize: Int = 1 << 20, trailingNewline: Bool = false,
                             to sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        let size = Swift.max(chunkSize, 1)
        var w = ReportJSON(capacity: Swift.min(size, 1 << 24) + (1 << 16), chunkSize: size, sink: sink)
        try w.report(report)
        if trailingNewline { w.out.byte(0x0A) }
        if w.out.count > 0 { try sink(w.out.bytes) }
    }

    /// The encoder every other JSON output of the tool uses, and the reference the report's bytes
    /// are tested against.
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// A first guess at the output size (text plus a fixed share per claim), so the buffer rarely
    /// grows more than once.
    static func estimatedSize(_ report: Report) -> Int {
        var n = 256
        for a in report.articles { n += estimatedSize(a) }
        for f in report.findings { n += estimatedSize(f) }
        return n
    }

    /// ``estimatedSize(_:)`` of one article (also the room a piece rendered on another thread
    /// starts with, so it rarely grows).
    static func estimatedSize(_ a: ReportedArticle) -> Int {
        var n = 256 + a.id.utf8.count + (a.title?.utf8.count ?? 0)
        for c in a.claims { n += 480 + c.sentence.utf8.count + c.quote.utf8.count + (c.subject?.utf8.count ?? 0) }
        return n
    }

    /// ``estimatedSize(_:)`` of one finding.
    static func estimatedSize(_ f: Finding) -> Int {
        256 + f.explanation.utf8.count
    }
}

/// The report's types written into a ``JSONBytes`` in Foundation's pretty, sorted layout. Each
/// type's members are written in the byte order of their keys; `indent` is the column of the
/// value's opening bracket.
struct ReportJSON: ~Copyable {
    var out: JSONBytes
    let chunkSize: Int
    let sink: ((UnsafeRawBufferPointer) throws -> Void)?
    /// Whether long lists of articles and findings are rendered on all cores (see ``list(_:size:_:)``).
    let parallel: Bool

    /// The bytes written, with their buffer (see ``list(_:size:_:)``).
    consuming func takeRendered() -> RenderedBytes { out.takeRendered() }

    init(capacity: Int, chunkSize: Int, sink: ((UnsafeRawBufferPointer) throws -> Void)?, parallel: Bool = true) {
        out = JSONBytes(capacity: capacity)
        self.chunkSize = chunkSize
        self.sink = sink
        self.parallel = parallel
    }

    /// Items per piece rendered on another thread, and the fewest items worth doing that for.
    static let piece = 32
    static let parallelMinimum = 4 * piece

    /// Writes items `0..<count` of a list at indent 4 (`,` and a line break before each but the
    /// first), `render` writing item `n`. A long list is rendered in pieces of ``piece`` items on
    /// all cores, a window of pieces at a time, and the pieces are appended in order, so the bytes
    /// are those of the one-thread loop; the sink is then handed the output after a piece rather
    /// than after every item. Writing 46 MB of JSON for 10 MB of text was a tenth of a second on
    /// one thread at the end of every run.
    ///
    /// `size(n)` guesses the bytes of item `n`: a piece's buffer starts with room for its items,
    /// and its bytes are handed over with that buffer (``RenderedBytes``), not copied out.
    private mutating func list(_ count: Int, size: @Sendable (Int) -> Int,
                               _ render: @Sendable (inout ReportJSON, Int) throws -> Void) throws {
        guard parallel, count >= Self.parallelMinimum else {
            for n in 0..<count {
                if n > 0 { out.byte(0x2C) }
                out.newline(4)
                try render(&self, n)
                try flushIfFull()
            }
            return
        }
        let piece = Self.piece
        if let sink {
            // Streaming: each piece goes to the sink as soon as those before it have, from the
            // thread that rendered it, so writing overlaps rendering (one thread writes a piece
            // while the others render the next ones) and at most one piece per thread waits.
            if out.count > 0 {
                try sink(out.bytes)
                out.reset()
            }
            let turns = OrderedTurns(sink: sink)
            DispatchQueue.concurrentPerform(iterations: (count + piece - 1) / piece) { p in
                // after a failure the remaining pieces are not rendered (their turns still pass)
                guard !turns.failed else { return turns.hand(p, nil) }
                turns.hand(p, Self.renderPiece(p * piece..<Swift.min(p * piece + piece, count), size: size, render))
            }
            if let error = turns.error { throw error }
            return
        }
        let window = Swift.max(2, ProcessInfo.processInfo.activeProcessorCount) * 4
        var start = 0
        while start < count {
            let pieces = Swift.min(window, (count - start + piece - 1) / piece)
            let first = start
            let rendered = IndexedSlots<Result<RenderedBytes, any Error>>.map(pieces) { p in
                let lo = first + p * piece
                return Self.renderPiece(lo..<Swift.min(lo + piece, count), size: size, render)
            }
            for bytes in rendered {
                out.append(try bytes.get().bytes)
            }
            start = Swift.min(start + pieces * piece, count)
        }
    }

    /// Items `range` of a list rendered into a buffer of their own, each after `,` (but the list's
    /// first) and a line break, as the one-thread loop writes them.
    private static func renderPiece(_ range: Range<Int>, size: @Sendable (Int) -> Int,
                                    _ render: @Sendable (inout ReportJSON, Int) throws -> Void) -> Result<RenderedBytes, any Error> {
        var room = 64
        for n in range { room += 8 + size(n) }
        var w = ReportJSON(capacity: room, chunkSize: .max, sink: nil, parallel: false)
        do {
            for n in range {
                if n > 0 { w.out.byte(0x2C) }
                w.out.newline(4)
                try render(&w, n)
            }
        } catch {
            return .failure(error)
        }
        return .success(w.takeRendered())
    }

    /// Hands the bytes so far to the sink once there are at least `chunkSize` of them.
    @inline(__always)
    private mutating func flushIfFull() throws {
        if out.count >= chunkSize, let sink {
            try sink(out.bytes)
            out.reset()
        }
    }

    // Report: articles, findings, schemaVersion.
    mutating func report(_ r: Report) throws {
        out.byte(0x7B)
        out.key(2, "\"articles\" : ")
        if r.articles.isEmpty {
            out.empty(0x5B, 0x5D, 2)
        } else {
            out.byte(0x5B)
            let articles = r.articles
            try list(articles.count, size: { JSONReportWriter.estimatedSize(articles[$0]) }) { w, n in
                try articles.withUnsafeBufferPointer { try w.article($0[n], indent: 4) }
            }
            out.newline(2)
            out.byte(0x5D)
        }
        out.byte(0x2C)
        out.key(2, "\"findings\" : ")
        if r.findings.isEmpty {
            out.empty(0x5B, 0x5D, 2)
        } else {
            out.byte(0x5B)
            let findings = r.findings
            try list(findings.count, size: { JSONReportWriter.estimatedSize(findings[$0]) }) { w, n in
                findings.withUnsafeBufferPointer { w.finding($0[n], indent: 4) }
            }
            out.newline(2)
            out.byte(0x5D)
        }
        out.byte(0x2C)
        out.key(2, "\"schemaVersion\" : ")
        out.integer(r.schemaVersion)
        out.newline(0)
        out.byte(0x7D)
    }

    // ReportedArticle: claims, id, language, outlet, path (when set), published, title.
    fileprivate mutating func article(_ a: borrowing ReportedArticle, indent: Int) throws {
        let k = indent + 2
        out.byte(0x7B)
        out.key(k, "\"claims\" : ")
        if a.claims.isEmpty {
            out.empty(0x5B, 0x5D, k)
        } else {
            out.byte(0x5B)
            // Through the buffer: each claim is read in place, not copied (and its strings
            // retained and released) first.
            try a.claims.withUnsafeBufferPointer { claims in
                for n in claims.indices {
                    if n > 0 { out.byte(0x2C) }
                    out.newline(k + 2)
                    Self.claim(claims.baseAddress! + n, indent: k + 2, into: &out)
                    try flushIfFull()
                }
            }
            out.newline(k)
            out.byte(0x5D)
        }
        out.byte(0x2C)
        out.key(k, "\"id\" : ")
        out.string(a.id)
        out.byte(0x2C)
        out.key(k, "\"language\" : ")
        out.string(a.language)
        out.byte(0x2C)
        out.key(k, "\"outlet\" : ")
        optional(a.outlet)
        if let path = a.path {
            out.byte(0x2C)
            out.key(k, "\"path\" : ")
            out.string(path)
        }
        out.byte(0x2C)
        out.key(k, "\"published\" : ")
        optional(a.published)
        out.byte(0x2C)
        out.key(k, "\"title\" : ")
        optional(a.title)
        out.newline(indent)
        out.byte(0x7D)
    }

    // Claim: agency?, article, asOf, cited, concept?, cumulative (when true), end?, id,
    // inTitle (when true), kind, place?, qualifier, quote, revised (when true), sentence, start?,
    // subject, unit, value.
    // Read through a pointer, field by field: a claim passed by value (even `borrowing`) from the
    // article's buffer was copied whole first, retaining and releasing every string in it.
    private static func claim(_ c: UnsafePointer<Claim>, indent: Int, into out: inout JSONBytes) {
        let k = indent + 2
        out.byte(0x7B)
        if let agency = c.pointee.agency {
            out.key(k, "\"agency\" : ")
            out.string(agency)
            out.byte(0x2C)
        }
        out.key(k, "\"article\" : ")
        out.string(c.pointee.article)
        out.byte(0x2C)
        out.key(k, "\"asOf\" : ")
        optional(&out, c.pointee.asOf)
        out.byte(0x2C)
        out.key(k, "\"cited\" : ")
        optional(&out, c.pointee.cited)
        if let concept = c.pointee.concept {
            out.byte(0x2C)
            out.key(k, "\"concept\" : ")
            out.string(concept)
        }
        if c.pointee.cumulative {
            out.byte(0x2C)
            out.key(k, "\"cumulative\" : true")
        }
        if let end = c.pointee.end {
            out.byte(0x2C)
            out.key(k, "\"end\" : ")
            out.integer(end)
        }
        out.byte(0x2C)
        out.key(k, "\"id\" : ")
        out.string(c.pointee.id)
        if c.pointee.inTitle {
            out.byte(0x2C)
            out.key(k, "\"inTitle\" : true")
        }
        out.byte(0x2C)
        out.key(k, "\"kind\" : ")
        out.raw(Self.quoted(c.pointee.kind))
        if let place = c.pointee.place {
            out.byte(0x2C)
            out.key(k, "\"place\" : ")
            out.string(place)
        }
        out.byte(0x2C)
        out.key(k, "\"qualifier\" : ")
        out.raw(Self.quoted(c.pointee.qualifier))
        out.byte(0x2C)
        out.key(k, "\"quote\" : ")
        out.string(c.pointee.quote)
        if c.pointee.revised {
            out.byte(0x2C)
            out.key(k, "\"revised\" : true")
        }
        out.byte(0x2C)
        out.key(k, "\"sentence\" : ")
        out.string(c.pointee.sentence)
        if let start = c.pointee.start {
            out.byte(0x2C)
            out.key(k, "\"start\" : ")
            out.integer(start)
        }
        out.byte(0x2C)
        out.key(k, "\"subject\" : ")
        optional(&out, c.pointee.subject)
        out.byte(0x2C)
        out.key(k, "\"unit\" : ")
        optional(&out, c.pointee.unit)
        out.byte(0x2C)
        out.key(k, "\"value\" : ")
        value(&out, c.pointee.value, indent: k)
        out.newline(indent)
        out.byte(0x7D)
    }

    // QuantityValue: base?, high?, low?, number? (an object with none of them is `{}` spread over
    // a blank line, as Foundation writes an empty object).
    private static func value(_ out: inout JSONBytes, _ v: QuantityValue, indent: Int) {
        let k = indent + 2
        var first = true
        func comma(_ first: inout Bool, _ out: inout JSONBytes) {
            if first { first = false } else { out.byte(0x2C) }
        }
        out.byte(0x7B)
        if let base = v.base {
            comma(&first, &out)
            out.key(k, "\"base\" : ")
            out.number(base)
        }
        if let high = v.high {
            comma(&first, &out)
            out.key(k, "\"high\" : ")
            out.number(high)
        }
        if let low = v.low {
            comma(&first, &out)
            out.key(k, "\"low\" : ")
            out.number(low)
        }
        if let number = v.number {
            comma(&first, &out)
            out.key(k, "\"number\" : ")
            out.number(number)
        }
        if first {
            out.byte(0x0A)
        }
        out.newline(indent)
        out.byte(0x7D)
    }

    // Finding: claims, explanation, id?, rule, verdict.
    fileprivate mutating func finding(_ f: borrowing Finding, indent: Int) {
        let k = indent + 2
        out.byte(0x7B)
        out.key(k, "\"claims\" : ")
        if f.claims.isEmpty {
            out.empty(0x5B, 0x5D, k)
        } else {
            out.byte(0x5B)
            for n in f.claims.indices {
                if n > 0 { out.byte(0x2C) }
                out.newline(k + 2)
                out.string(f.claims[n])
            }
            out.newline(k)
            out.byte(0x5D)
        }
        out.byte(0x2C)
        out.key(k, "\"explanation\" : ")
        out.string(f.explanation)
        if let id = f.id {
            out.byte(0x2C)
            out.key(k, "\"id\" : ")
            out.string(id)
        }
        out.byte(0x2C)
        out.key(k, "\"rule\" : ")
        out.string(f.rule)
        out.byte(0x2C)
        out.key(k, "\"verdict\" : ")
        out.raw(Self.quoted(f.verdict))
        out.newline(indent)
        out.byte(0x7D)
    }

    // The enums' raw values as JSON strings, written without escaping (the tests compare them
    // with the raw values).

    static func quoted(_ k: QuantityKind) -> StaticString {
        switch k {
        case .count: "\"count\""
        case .ordinal: "\"ordinal\""
        case .percent: "\"percent\""
        case .fraction: "\"fraction\""
        case .duration: "\"duration\""
        case .money: "\"money\""
        case .measure: "\"measure\""
        case .date: "\"date\""
        }
    }

    static func quoted(_ q: Qualifier) -> StaticString {
        switch q {
        case .exact: "\"exact\""
        case .about: "\"about\""
        case .moreThan: "\"more-than\""
        case .atLeast: "\"at-least\""
        case .lessThan: "\"less-than\""
        case .atMost: "\"at-most\""
        case .nearly: "\"nearly\""
        }
    }

    static func quoted(_ v: Verdict) -> StaticString {
        switch v {
        case .agree: "\"agree\""
        case .consistent: "\"consistent\""
        case .conflict: "\"conflict\""
        }
    }

    private mutating func optional(_ s: String?) {
        Self.optional(&out, s)
    }

    private static func optional(_ out: inout JSONBytes, _ s: String?) {
        if let s { out.string(s) } else { out.null() }
    }
}

/// Hands pieces rendered on several threads to a sink in the pieces' order: the thread that
/// rendered piece `n` waits until pieces `0..<n` have been handed over, then hands its own.
/// Pieces are taken in increasing order (as `concurrentPerform` gives them out), so the lowest
/// piece not yet handed over is always held by a thread that is not waiting.
final class OrderedTurns: @unchecked Sendable {
    private let condition = NSCondition()
    private var next = 0
    private var firstError: (any Error)?
    private let sink: (UnsafeRawBufferPointer) throws -> Void

    init(sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.sink = sink
    }

    /// Whether a piece or the sink has failed (the rest need not be rendered).
    var failed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return firstError != nil
    }

    /// The first failure, in the pieces' order: a piece's own or the sink's.
    var error: (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        return firstError
    }

    /// Piece `turn` (nil: not rendered, because an earlier one failed), handed over in its turn.
    func hand(_ turn: Int, _ piece: Result<RenderedBytes, any Error>?) {
        condition.lock()
        while next != turn { condition.wait() }
        if firstError == nil, let piece {
            do { try sink(piece.get().bytes) } catch { firstError = error }
        }
        next += 1
        condition.broadcast()
        condition.unlock()
    }
}
