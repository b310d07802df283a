@testable import QuantityRecognition
import Testing

/// ``TraceArena`` keeps traces as lists linked backwards: each handle must read back exactly the
/// array of steps the scanner used to build by appending and concatenating.
@Suite struct TraceArenaTests {
    @Test func pushReadsBackInOrderAndSharesNothingItChanges() {
        var arena = TraceArena()
        let a = arena.push(.empty, "da/cardinals.tsv:3")
        let ab = arena.push(a, "pattern:range")
        // a second branch from `a`: `ab` keeps its own steps
        let ac = arena.push(a, "da/units.tsv:12", "pattern:year")
        #expect(arena.strings(.empty) == [])
        #expect(arena.strings(a) == ["da/cardinals.tsv:3"])
        #expect(arena.strings(ab) == ["da/cardinals.tsv:3", "pattern:range"])
        #expect(arena.strings(ac) == ["da/cardinals.tsv:3", "da/units.tsv:12", "pattern:year"])
        #expect(arena.count(ac) == 3)
        #expect(arena.count(.empty) == 0)
    }

    @Test func joinEqualsArrayConcatenation() {
        var arena = TraceArena()
        // traces of lengths 0…4, every pair joined, compared with `+` on the arrays
        var traces: [(Trace, [String])] = [(.empty, [])]
        for length in 1...4 {
            var t = Trace.empty
            var steps: [String] = []
            for k in 0..<length {
                let step = "en/table\(length).tsv:\(k) — a step long enough to live on the heap"
                t = arena.push(t, step)
                steps.append(step)
            }
            traces.append((t, steps))
        }
        for (x, xs) in traces {
            for (y, ys) in traces {
                let joined = arena.join(x, y)
                #expect(arena.strings(joined) == xs + ys)
                // joining changes neither side
                #expect(arena.strings(x) == xs)
                #expect(arena.strings(y) == ys)
            }
        }
        let three = arena.join(arena.join(traces[1].0, traces[2].0), traces[3].0)
        #expect(arena.strings(three) == traces[1].1 + traces[2].1 + traces[3].1)
    }

    @Test func containsLooksAtEveryStep() {
        var arena = TraceArena()
        let t = arena.push(arena.push(arena.push(.empty, "pattern:minus-sign"), "pattern:digits"), "en/scales.tsv:2")
        #expect(arena.contains(t, where: { $0.contains("minus") }))
        #expect(arena.contains(t, where: { $0.hasPrefix("en/") }))
        #expect(!arena.contains(t, where: { $0.contains("negative") }))
        #expect(!arena.contains(.empty, where: { _ in true }))
    }

    @Test func aLoneDigitsStepIsTheSharedArray() {
        var arena = TraceArena()
        let d = arena.push(.empty, QuantityScanner.digitsStep)
        #expect(arena.strings(d) == QuantityScanner.digitsTrace)
        let longer = arena.push(d, "pattern:year")
        #expect(arena.strings(longer) == ["pattern:digits", "pattern:year"])
        let other = arena.push(.empty, "pattern:power")
        #expect(arena.strings(other) == ["pattern:power"])
    }

    @Test func removeAllStartsAfresh() {
        var arena = TraceArena()
        _ = arena.push(arena.push(.empty, "x"), "y")
        arena.removeAll()
        #expect(arena.nodes.isEmpty)
        let t = arena.push(.empty, "z")
        #expect(t.head == 0)
        #expect(arena.strings(t) == ["z"])
    }
}
