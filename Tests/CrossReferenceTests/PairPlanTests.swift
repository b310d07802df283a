@testable import CrossReference
import Testing
import TestSupport

/// The plan of group pairs a crowded fact compares, against the list of keys it replaces (every
/// window pair, then every next-day pair, duplicates included).
@Suite struct PairPlanTests {
    /// The keys in the order they are asked, duplicates included (the plain construction).
    static func askedKeys(k: Int, window: Int, dayStarts: [Int], dayGroups: Int, value: [Double]) -> [Int] {
        var asked: [Int] = []
        let window = max(1, window)
        for i in 0..<k { for j in (i + 1)..<min(k, i + 1 + window) { asked.append(i * k + j) } }
        if dayStarts.count > 2 {
            for d in 0..<(dayStarts.count - 2) {
                let next = dayStarts[d + 1]..<dayStarts[d + 2]
                for i in dayStarts[d]..<dayStarts[d + 1] {
                    var lo = next.lowerBound, hi = next.upperBound
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if value[mid] < value[i] { lo = mid + 1 } else { hi = mid }
                    }
                    for j in max(next.lowerBound, lo - dayGroups)..<min(next.upperBound, lo + dayGroups) { asked.append(i * k + j) }
                }
            }
        }
        return asked
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    func planMatchesTheAskedKeys(seed: UInt64) {
        var r = SeededGenerator(seed: seed)
        for _ in 0..<40 {
            // Groups in (day, value) order: days of a few groups each, values rising within a day.
            let k = Int.random(in: 1...120, using: &r)
            var dayStarts: [Int] = []
            var value: [Double] = []
            var g = 0
            while g < k {
                dayStarts.append(g)
                let n = min(k - g, Int.random(in: 1...15, using: &r))
                var v = Double(Int.random(in: 0...5, using: &r))
                for _ in 0..<n {
                    value.append(v)
                    v += Double(Int.random(in: 0...3, using: &r))
                }
                g += n
            }
            dayStarts.append(k)
            let window = Int.random(in: 0...10, using: &r), dayGroups = Int.random(in: 0...4, using: &r)
            let plan = PairPlan(k: k, window: window, dayStarts: dayStarts, dayGroups: dayGroups) { value[$0] }
            let asked = Self.askedKeys(k: k, window: window, dayStarts: dayStarts, dayGroups: dayGroups, value: value)
            // Each key once, in the order first asked, with how many times it was asked.
            var unique: [Int] = [], times: [Int: Int32] = [:]
            for key in asked {
                if times[key] == nil { unique.append(key) }
                times[key, default: 0] += 1
            }
            #expect(plan.keys == unique)
            #expect(plan.count == unique.count)
            #expect(plan.asked == unique.map { times[$0]! })
            // Every pair's slot: its position among the unique keys, nil for pairs not asked.
            var position: [Int: Int] = [:]
            for (n, key) in unique.enumerated() { position[key] = n }
            for i in 0..<k {
                for j in (i + 1)..<max(i + 1, k) {
                    #expect(plan.slot(i, j) == position[i * k + j], "pair \(i), \(j) of \(k)")
                }
            }
        }
    }

    @Test func oneDayAskedOnlyNeighbours() {
        let plan = PairPlan(k: 5, window: 2, dayStarts: [0, 5], dayGroups: 2) { Double($0) }
        #expect(plan.keys == [1, 2, 7, 8, 13, 14, 19])
        #expect(plan.asked == [1, 1, 1, 1, 1, 1, 1])
        #expect(plan.slot(0, 3) == nil)
        #expect(plan.slot(3, 4) == 6)
    }

    @Test func nextDayPairInTheWindowCountsTwice() {
        // Day one: groups 0 and 1; day two: groups 2 and 3. Group 1 meets 2 in its window and
        // again as its next-day neighbour.
        let plan = PairPlan(k: 4, window: 1, dayStarts: [0, 2, 4], dayGroups: 1) { [1.0, 5.0, 5.0, 9.0][$0] }
        // Window: (0,1) (1,2) (2,3); next day: 0 meets 2 (value 5 is the first not below 1), 1 meets 2 again.
        #expect(plan.keys == [0 * 4 + 1, 1 * 4 + 2, 2 * 4 + 3, 0 * 4 + 2])
        #expect(plan.asked == [1, 2, 1, 1])
        #expect(plan.slot(0, 2) == 3)
        #expect(plan.slot(0, 3) == nil)
    }
}
