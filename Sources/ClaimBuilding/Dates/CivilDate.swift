/// A calendar day (proleptic Gregorian), with the day arithmetic the as-of resolution needs.
struct CivilDate: Sendable, Hashable, Comparable {
    var year: Int
    var month: Int
    var day: Int

    /// Reads "2021-08-11" (or the date part of "2021-08-11T09:00:00Z"); nil for anything else.
    init?(iso: String) {
        var text = iso
        guard let (y, m, d) = text.withUTF8({ Self.parse($0) }) else { return nil }
        year = y
        month = m
        day = d
    }

    /// Year, month and day of an ISO date's bytes (see ``init(iso:)``).
    private static func parse(_ u: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard u.count >= 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                guard u[i] >= 0x30, u[i] <= 0x39 else { return nil }
                n = n * 10 + Int(u[i] - 0x30)
            }
            return n
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), (1...12).contains(m),
              (1...CivilDate.daysIn(month: m, year: y)).contains(d) else { return nil }
        if u.count > 10, u[10] != UInt8(ascii: "T"), u[10] != UInt8(ascii: " ") { return nil }
        return (y, m, d)
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (H. Hinnant's days-from-civil).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    var weekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
        return (w < 0 ? w + 7 : w) + 1
    }

    func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// The latest day with ISO weekday `weekday` that is not after this one.
    func latest(weekday target: Int) -> CivilDate {
        adding(days: -((weekday - target + 7) % 7))
    }

    var iso: String {
        // the usual four-digit year: ten bytes written straight
        if (0...9999).contains(year), (1...12).contains(month), (1...99).contains(day) {
            let (y, m, d) = (year, month, day)
            return String(unsafeUninitializedCapacity: 10) { out in
                out[0] = UInt8(48 + y / 1000)
                out[1] = UInt8(48 + y / 100 % 10)
                out[2] = UInt8(48 + y / 10 % 10)
                out[3] = UInt8(48 + y % 10)
                out[4] = 0x2D
                out[5] = UInt8(48 + m / 10)
                out[6] = UInt8(48 + m % 10)
                out[7] = 0x2D
                out[8] = UInt8(48 + d / 10)
                out[9] = UInt8(48 + d % 10)
                return 10
            }
        }
        func pad(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }
}
