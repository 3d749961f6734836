import Foundation

/// A calendar day (proleptic Gregorian), the unit in which event dates are known.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= CalendarDay.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; a trailing time (`2020-10-26 00:00:00.000`, as UCDP writes) is ignored.
    /// Also `26 October 2020` and `26-October-2020`, as older ACLED exports write.
    public init?(parsing text: String) {
        // The usual cell, exactly `YYYY-MM-DD` in ASCII digits, without Foundation's trimming and splitting.
        let u = text.utf8
        if u.count == 10 {
            var v = (0, 0, 0), ok = true
            for (i, c) in u.enumerated() {
                if i == 4 || i == 7 { ok = ok && c == UInt8(ascii: "-"); continue }
                guard c >= 0x30 && c <= 0x39 else { ok = false; break }
                let digit = Int(c - 0x30)
                if i < 4 { v.0 = v.0 * 10 + digit } else if i < 7 { v.1 = v.1 * 10 + digit } else { v.2 = v.2 * 10 + digit }
            }
            if ok {
                guard let day = CalendarDay(year: v.0, month: v.1, day: v.2) else { return nil }
                self = day
                return
            }
        }
        let t = text.trimmingCharacters(in: .whitespaces)
        let head = t.split(separator: " ", maxSplits: 1).first.map(String.init) ?? t
        let iso = head.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, iso[1].count == 2, iso[2].count == 2,
           let y = Int(iso[0]), let m = Int(iso[1]), let d = Int(iso[2]),
           let day = CalendarDay(year: y, month: m, day: d) {
            self = day
            return
        }
        let words = t.split(whereSeparator: { $0 == " " || $0 == "-" })
        guard words.count == 3, let d = Int(words[0]), let y = Int(words[2]), words[2].count == 4,
              let m = CalendarDay.monthNames.firstIndex(where: { $0.lowercased() == words[1].lowercased()
                  || $0.prefix(3).lowercased() == words[1].lowercased() }),
              let day = CalendarDay(year: y, month: m + 1, day: d) else { return nil }
        self = day
    }

    /// "Jan" ... "Dec", as maps, timelines and labels write a month.
    static let shortMonthNames = monthNames.map { String($0.prefix(3)) }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil), for ranges and weekdays.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day `n` days after 1970-01-01.
    public init(dayNumber n: Int) {
        let z = n + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + days) }

    /// ISO 8601 `YYYY-MM-DD`.
    public var description: String {
        // Digits written directly: called for every event in every output.
        var b: [UInt8] = []
        b.reserveCapacity(10)
        let y = String(year).utf8
        if y.count < 4 { b.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 4 - y.count)) }
        b.append(contentsOf: y)
        for v in [month, day] { b += [UInt8(ascii: "-"), UInt8(ascii: "0") + UInt8(v / 10), UInt8(ascii: "0") + UInt8(v % 10)] }
        return String(decoding: b, as: UTF8.self)
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.dayNumber < b.dayNumber }
}

/// How well an event's date is known, on UCDP GED's `date_prec` scale (1-5), with ACLED's
/// `time_precision` (1-3) derived from it.
public enum DatePrecision: Int, Sendable, CaseIterable, Comparable {
    /// The day is known (date_prec 1; ACLED 1).
    case day = 1
    /// Within a span of 2-6 days (date_prec 2; ACLED 2).
    case days = 2
    /// Only the week is known (date_prec 3; ACLED 2).
    case week = 3
    /// Within 8-30 days, or only the month (date_prec 4; ACLED 3).
    case month = 4
    /// Longer than a month (date_prec 5; ACLED 3).
    case longer = 5

    /// The word used in geodata/events.csv.
    public var name: String {
        switch self {
        case .day: "day"
        case .days: "days"
        case .week: "week"
        case .month: "month"
        case .longer: "longer"
        }
    }

    public init?(name: String) {
        guard let p = DatePrecision.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = p
    }

    /// ACLED time_precision: 1 the day, 2 a week or a few days, 3 a month or more.
    public var acledTimePrecision: Int {
        switch self {
        case .day: 1
        case .days, .week: 2
        case .month, .longer: 3
        }
    }

    public init?(acledTimePrecision: Int) {
        switch acledTimePrecision {
        case 1: self = .day
        case 2: self = .week
        case 3: self = .month
        default: return nil
        }
    }

    public static func < (a: DatePrecision, b: DatePrecision) -> Bool { a.rawValue < b.rawValue }
}

/// When an event happened: the earliest and the latest possible day, how precisely that is
/// known, and whether a source states it or we derived it (e.g. from "on Thursday").
public struct EventDate: Sendable, Hashable, CustomStringConvertible {
    public let start: CalendarDay
    public let end: CalendarDay
    public let precision: DatePrecision
    /// True when no source gives the date itself and it was worked out from the reports' wording.
    public let derived: Bool

    public init(start: CalendarDay, end: CalendarDay? = nil, precision: DatePrecision = .day, derived: Bool = false) {
        self.start = start
        self.end = max(end ?? start, start)
        self.precision = precision
        self.derived = derived
    }

    public var isSingleDay: Bool { start == end }

    /// `2020-10-26`, or `2020-10-01/2020-10-31` for a range (ISO 8601 interval).
    public var description: String { isSingleDay ? start.description : "\(start)/\(end)" }

    /// True when any day of the event's span lies within `from`...`to` (either bound optional).
    public func overlaps(from: CalendarDay?, to: CalendarDay?) -> Bool {
        if let from, end < from { return false }
        if let to, start > to { return false }
        return true
    }
}
