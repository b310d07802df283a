import CrosscheckModel
import Dispatch
import Foundation

/// Work split into chunks that run on all cores, with results joined in chunk order, so that the
/// outcome never depends on how many threads ran or in which order they finished.
enum Parallel {
    /// The number of chunks worth making for `count` items of at least `minimum` each.
    static func chunkCount(_ count: Int, minimum: Int) -> Int {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        return max(1, min(cores * 4, count / max(1, minimum)))
    }

    /// The bounds of chunk `c` of `chunks` over `0..<count` (contiguous, in order, sizes within one).
    static func range(_ c: Int, of chunks: Int, count: Int) -> Range<Int> {
        (c * count / chunks)..<((c + 1) * count / chunks)
    }

    /// `body` on each chunk of `0..<count`, on several threads; the results in chunk order.
    static func map<T: Sendable>(_ count: Int, minimum: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        map(chunks: chunkCount(count, minimum: minimum), count: count) { _, r in body(r) }
    }

    /// `body` on chunk c (its number and range) of `chunks` over `0..<count`, on several threads;
    /// the results in chunk order.
    static func map<T: Sendable>(chunks: Int, count: Int, _ body: @Sendable (Int, Range<Int>) -> T) -> [T] {
        if chunks <= 1 { return [body(0, 0..<count)] }
        return IndexedSlots.map(chunks) { c in body(c, range(c, of: chunks, count: count)) }
    }

    /// The items sorted by `less`, which must be a strict TOTAL order (no two items equal), so
    /// that the result is the one order whatever the chunking: chunks are sorted on several
    /// threads, then merged pairwise (each round's merges on several threads).
    static func sorted<T: Sendable>(_ items: [T], minimum: Int = 32_768, by less: @Sendable (T, T) -> Bool) -> [T] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunks = max(1, min(cores, items.count / max(1, minimum)))
        if chunks == 1 { return items.sorted(by: less) }
        var runs = map(items.count, minimum: (items.count + chunks - 1) / chunks) { r in items[r].sorted(by: less) }
        while runs.count > 1 {
            let pairs = (runs.count + 1) / 2
            let current = runs
            runs = IndexedSlots.map(pairs) { p in
                let x = current[2 * p]
                guard 2 * p + 1 < current.count else { return x }
                return merge(x, current[2 * p + 1], by: less)
            }
        }
        return runs[0]
    }

    /// Two sorted lists as one sorted list (on ties, `x`'s items first).
    static func merge<T>(_ x: [T], _ y: [T], by less: (T, T) -> Bool) -> [T] {
        var out: [T] = []
        out.reserveCapacity(x.count + y.count)
        var i = 0, j = 0
        while i < x.count && j < y.count {
            if less(y[j], x[i]) { out.append(y[j]); j += 1 } else { out.append(x[i]); i += 1 }
        }
        out.append(contentsOf: x[i...])
        out.append(contentsOf: y[j...])
        return out
    }
}

/// The first few items of a long list in an order, without sorting the whole list.
enum Selection {
    /// The first `n` items of `items` in the order `less`, in that order: `items.sorted(by:
    /// less).prefix(n)` for a strict total order (no two items equal). Each item is checked
    /// against the worst item kept so far and inserted by binary search when it beats it.
    static func first<T>(_ n: Int, of items: [T], by less: (T, T) -> Bool) -> [T] {
        guard n > 0 else { return [] }
        if items.count <= n { return items.sorted(by: less) }
        var kept: [T] = []
        kept.reserveCapacity(n + 1)
        for item in items {
            if kept.count == n {
                guard less(item, kept[n - 1]) else { continue }
                kept.removeLast()
            }
            var lo = 0, hi = kept.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if less(kept[mid], item) { lo = mid + 1 } else { hi = mid }
            }
            kept.insert(item, at: lo)
        }
        return kept
    }
}
