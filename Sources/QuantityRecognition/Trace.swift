/// The trace of a number being read (the table rows and patterns that made it), as a handle into
/// a ``TraceArena``: a plain integer, so a ``QuantityScanner/Num`` holding one is copied without
/// retaining anything, and adding a step to a trace neither copies nor grows an array.
///
/// A trace is a list of steps linked backwards (each step names the step before it), so two traces
/// share their common beginning: adding to one never changes another. The strings are made into an
/// array once, when a quantity is emitted (``TraceArena/strings(_:)``).
struct Trace: Sendable, Hashable {
    /// The last step's node in the arena; -1 for the empty trace.
    var head: Int32 = -1

    /// The trace with no step.
    static let empty = Trace()

    var isEmpty: Bool { head < 0 }
}

/// The steps of the traces of one text (see ``Trace``): appended to while the text is scanned and
/// emptied for the next text (its memory kept).
struct TraceArena {
    /// Each step's text and the node of the step before it (-1: none).
    private(set) var nodes: [(text: String, previous: Int32)] = []

    /// Drops every trace (their handles must not be used after).
    mutating func removeAll() {
        if !nodes.isEmpty { nodes.removeAll(keepingCapacity: true) }
    }

    /// `trace` with `step` added at its end.
    @inline(__always)
    mutating func push(_ trace: Trace, _ step: String) -> Trace {
        if nodes.capacity == 0 { nodes.reserveCapacity(32) }
        nodes.append((step, trace.head))
        return Trace(head: Int32(nodes.count - 1))
    }

    /// `trace` with `a`, then `b` added at its end.
    @inline(__always)
    mutating func push(_ trace: Trace, _ a: String, _ b: String) -> Trace {
        push(push(trace, a), b)
    }

    /// The steps of `a`, then those of `b` (`b` itself when `a` is empty, `a` when `b` is).
    mutating func join(_ a: Trace, _ b: Trace) -> Trace {
        if b.head < 0 { return a }
        if a.head < 0 { return b }
        let before = join(a, Trace(head: nodes.withUnsafeBufferPointer { $0[Int(b.head)].previous }))
        return push(before, nodes[Int(b.head)].text)
    }

    /// The number of steps of `trace`.
    func count(_ trace: Trace) -> Int {
        nodes.withUnsafeBufferPointer { p in
            var n = 0
            var h = trace.head
            while h >= 0 { n += 1; h = p[Int(h)].previous }
            return n
        }
    }

    /// True when some step of `trace` satisfies `predicate`.
    func contains(_ trace: Trace, where predicate: (String) -> Bool) -> Bool {
        nodes.withUnsafeBufferPointer { p in
            var h = trace.head
            while h >= 0 {
                if predicate(p[Int(h)].text) { return true }
                h = p[Int(h)].previous
            }
            return false
        }
    }

    /// The steps of `trace`, first to last. The trace of a number in digits with nothing before
    /// it is one shared array (``QuantityScanner/digitsTrace``), not a new one.
    func strings(_ trace: Trace) -> [String] {
        nodes.withUnsafeBufferPointer { p in
            var n = 0
            var h = trace.head
            while h >= 0 { n += 1; h = p[Int(h)].previous }
            if n == 0 { return [] }
            if n == 1, p[Int(trace.head)].text == QuantityScanner.digitsStep { return QuantityScanner.digitsTrace }
            // the nodes last to first, then the array first to last (`reserveCapacity` and
            // `append` are specialized; `init(unsafeUninitializedCapacity:)` allocates through
            // a generic path that cost more than the rest together)
            return withUnsafeTemporaryAllocation(of: Int32.self, capacity: n) { order in
                var h = trace.head
                var k = n - 1
                while h >= 0 {
                    order[k] = h
                    h = p[Int(h)].previous
                    k -= 1
                }
                var out: [String] = []
                out.reserveCapacity(n)
                for node in order { out.append(p[Int(node)].text) }
                return out
            }
        }
    }
}
