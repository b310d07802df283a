import Dispatch

/// Values written from several threads, one index each, and read once every writer is done: the
/// one place the package's parallel loops (language tables, articles, cross-reference facts and
/// chunks, JSON pieces) keep their results in a fixed order, whatever order the threads finish in.
///
/// The slots are raw memory rather than an array property, so that writers of different indices
/// neither take a lock nor trip the exclusivity checks of a class's stored property. Visible to
/// the package's own modules only.
package final class IndexedSlots<T: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<T?>

    package init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    /// Stores slot `i`; each index is written by one thread only.
    package func set(_ i: Int, _ value: T) { slots[i] = value }

    /// Every slot, in index order; call after all writers are done (each slot must be set).
    package func values() -> [T] { slots.map { $0! } }

    /// `body(i)` for every `i` in `0..<count` on all cores, the results in index order.
    package static func map(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = IndexedSlots(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { slots.set($0, body($0)) }
        return slots.values()
    }
}
