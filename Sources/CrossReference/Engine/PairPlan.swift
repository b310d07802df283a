/// The pairs of groups a crowded fact compares (more groups than ``CrossReferencer/Limits/fullPairwiseGroups``),
/// each pair once, with each pair's slot found from its two groups by arithmetic: no hash map.
///
/// Groups are in (day, value) order. Each group `i` meets its next `window` neighbours (the
/// *window pairs*, asked first, row by row) and the groups nearest its value on the next day that
/// has groups (the *day pairs*, a contiguous range of groups per row, asked after all window
/// pairs). A day pair that is also a window pair is the same pair asked twice: it keeps its window
/// slot and counts as asked twice (``asked``). So the slots are: row i's window pairs at
/// `windowStart[i] ..< windowStart[i + 1]`, then row i's remaining day pairs
/// `(i, dayLo[i] ..< dayHi[i])` from `dayStart[i]`, in the order the pairs are first asked.
struct PairPlan: Sendable {
    /// The number of groups.
    let k: Int
    let window: Int
    /// Per row (group i) and one past the last: where its window pairs start.
    private(set) var windowStart: [Int32]
    /// Per row: its day pairs that are not window pairs, as the range of the other group.
    private(set) var dayLo: [Int32]
    private(set) var dayHi: [Int32]
    private(set) var dayStart: [Int32]
    /// Per slot: how many times the pair was asked (1 or 2).
    private(set) var asked: [Int32]
    /// The number of slots (distinct pairs).
    var count: Int { asked.count }

    /// - Parameters:
    ///   - dayStarts: the first group of each day, in order, then `k`.
    ///   - dayGroups: how many groups on each side of the value's place on the next day are met.
    ///   - value: a group's value (groups of one day are in increasing value order).
    init(k: Int, window: Int, dayStarts: [Int], dayGroups: Int, value: (Int) -> Double) {
        let window = max(1, window)
        self.k = k
        self.window = window
        windowStart = [Int32](repeating: 0, count: k + 1)
        var at = 0
        for i in 0..<k {
            windowStart[i] = Int32(at)
            at += min(window, k - 1 - i)
        }
        windowStart[k] = Int32(at)
        asked = [Int32](repeating: 1, count: at)
        dayLo = [Int32](repeating: 0, count: k)
        dayHi = [Int32](repeating: 0, count: k)
        dayStart = [Int32](repeating: Int32(at), count: k)
        guard dayStarts.count > 2 else { return }
        for d in 0..<(dayStarts.count - 2) {
            let next = dayStarts[d + 1]..<dayStarts[d + 2]
            for i in dayStarts[d]..<dayStarts[d + 1] {
                let v = value(i)
                // First group of the next day whose value is not below v.
                var lo = next.lowerBound, hi = next.upperBound
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if value(mid) < v { lo = mid + 1 } else { hi = mid }
                }
                let first = max(next.lowerBound, lo - dayGroups), end = min(next.upperBound, lo + dayGroups)
                guard first < end else { dayStart[i] = Int32(at); continue }
                // The pairs also in the window: asked a second time.
                var j = first
                while j < end, j - i <= window {
                    asked[Int(windowStart[i]) + j - i - 1] += 1
                    j += 1
                }
                dayLo[i] = Int32(j)
                dayHi[i] = Int32(max(j, end))
                dayStart[i] = Int32(at)
                if j < end {
                    at += end - j
                    for _ in j..<end { asked.append(1) }
                }
            }
        }
    }

    /// The slot of pair (i, j), i < j; nil when the pair is not in the plan.
    @inline(__always)
    func slot(_ i: Int, _ j: Int) -> Int? {
        let d = j - i
        if d <= window {
            let s = Int(windowStart[i]) + d - 1
            return s < Int(windowStart[i + 1]) ? s : nil
        }
        let lo = Int(dayLo[i])
        guard j >= lo, j < Int(dayHi[i]) else { return nil }
        return Int(dayStart[i]) + j - lo
    }

    /// The pairs in slot order, as keys i * k + j.
    var keys: [Int] {
        var out: [Int] = []
        out.reserveCapacity(count)
        for i in 0..<k {
            for j in (i + 1)..<(i + 1 + Int(windowStart[i + 1] - windowStart[i])) { out.append(i * k + j) }
        }
        // Day pairs: rows in order, each row's in order (their starts increase with the row).
        for i in 0..<k where dayLo[i] < dayHi[i] {
            for j in Int(dayLo[i])..<Int(dayHi[i]) { out.append(i * k + j) }
        }
        return out
    }
}
