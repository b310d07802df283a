import CrosscheckModel
import Foundation

/// One output line of `crosscheck quantities`: the conformance checker's line protocol
/// (shared/conformance/README.md).
///
/// Kinds map to the checker's: count and fraction are `number`, a range of counts is `range`,
/// money is `currency`, measure is `dimension`. A range gives `value` null with `low`/`high`.
/// A single figure with an open qualifier keeps its `value` and adds the interval it states:
/// *more than 10* and *at least 10* give `low` 10, `high` null; *less than 10*, *at most 10* give
/// `low` null, `high` 10 (so it passes both as a number and as an open range). Durations carry
/// `seconds` (month 30 days, year 365 days, as Duckling counts). An amount with a unit is followed
/// by a second item of kind `number` (or `range`) for the bare figure, and a range by one `number`
/// item for each end, all marked `"inner": true`. An explicit *exactly* / *equal to* (a
/// qualifiers.tsv row with qualifier `exact`) gives `low` = `high` = the value.
public enum ConformanceLine {
    public static func render(_ quantities: [Quantity]) -> Data {
        var items: [[String: Any]] = []
        for q in quantities {
            var item: [String: Any] = ["text": q.text, "start": q.start, "end": q.end, "qualifier": q.qualifier.rawValue]
            item["kind"] = kind(q)
            if let u = q.unit { item["unit"] = u }
            if q.value.isRange {
                item["value"] = NSNull()
                item["low"] = q.value.low.map { $0 as Any } ?? NSNull()
                item["high"] = q.value.high.map { $0 as Any } ?? NSNull()
            } else if q.kind == .ordinal, let n = q.value.number, let ref = q.unit, ["end", "current", "start"].contains(ref) {
                // a relative ordinal: "end-1", "current+1"
                item["value"] = ref + (n < 0 ? "-" : "+") + String(Int(abs(n)))
            } else if let n = q.value.number {
                item["value"] = n
                switch q.qualifier {
                case .moreThan, .atLeast: item["low"] = n; item["high"] = NSNull()
                case .lessThan, .atMost: item["low"] = NSNull(); item["high"] = n
                case .exact where q.trace.contains(where: { $0.contains("/qualifiers.tsv:") }):
                    // an explicit "exactly" / "equal to" pins the interval to the point
                    item["low"] = n; item["high"] = n
                default: break
                }
            } else {
                item["value"] = NSNull()
            }
            if q.kind == .duration, let n = q.value.number, let s = seconds(q.unit) { item["seconds"] = n * s }
            items.append(item)
            // The figure inside an amount with a unit is also a number ("$20" holds 20, "30 years" holds 30).
            // The two ends of a range are numbers too ("from 0 to 10" holds 0 and 10).
            if q.value.isRange, q.kind != .ordinal, let lo = q.value.low, let hi = q.value.high {
                for v in [lo, hi] {
                    items.append(["text": q.text, "start": q.start, "end": q.end, "kind": "number", "value": v,
                                  "qualifier": "exact", "inner": true])
                }
            }
            // Not for a unit glued to its digits ("29km", "180ml"): that is one token, not a number.
            let glued = q.text.utf8.first.map { $0 &- 0x30 < 10 || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") } == true
                && !q.text.utf8.contains(0x20)
            if [.money, .measure, .duration, .percent].contains(q.kind), q.value.number != nil || q.value.isRange, !glued {
                var inner = item
                inner["kind"] = q.value.isRange ? "range" : "number"
                inner["unit"] = nil
                inner["seconds"] = nil
                inner["inner"] = true
                items.append(inner)
            }
        }
        return (try? JSONSerialization.data(withJSONObject: items, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
    }

    static func kind(_ q: Quantity) -> String {
        switch q.kind {
        case .count, .fraction: return q.value.isRange ? "range" : "number"
        case .ordinal: return q.value.isRange ? "range" : "ordinal"
        case .percent: return q.value.isRange ? "range" : "percent"
        case .duration: return "duration"
        case .money: return "currency"
        case .measure: return q.unit.map { $0.hasPrefix("°") && $0.count > 1 } == true ? "temperature" : "dimension"
        case .date: return "date"
        }
    }

    /// Seconds in one unit, Duckling's convention (month 30 days, year 365 days).
    static func seconds(_ unit: String?) -> Double? {
        switch unit {
        case "second": return 1
        case "minute": return 60
        case "hour": return 3600
        case "day": return 86400
        case "week": return 604800
        case "fortnight": return 1_209_600
        case "month": return 2_592_000
        case "quarter": return 7_776_000
        case "year": return 31_536_000
        case "decade": return 315_360_000
        case "century": return 3_153_600_000
        default: return nil
        }
    }
}
