/// A calendar period events are counted in (timeline bars, facet panels).
public enum TimePeriod: String, Sendable, CaseIterable, Comparable {
    case day, week, month, quarter, year

    /// The first day of the period holding `d` (weeks start on Monday, ISO 8601).
    public func start(of d: CalendarDay) -> CalendarDay {
        switch self {
        case .day: return d
        case .week: return d.adding(days: -((d.dayNumber + 3) % 7 + 7) % 7)
        case .month: return CalendarDay(year: d.year, month: d.month, day: 1)!
        case .quarter: return CalendarDay(year: d.year, month: (d.month - 1) / 3 * 3 + 1, day: 1)!
        case .year: return CalendarDay(year: d.year, month: 1, day: 1)!
        }
    }

    /// The first day of the next period.
    public func next(_ start: CalendarDay) -> CalendarDay {
        switch self {
        case .day: return start.adding(days: 1)
        case .week: return start.adding(days: 7)
        case .month, .quarter, .year:
            let step = self == .month ? 1 : self == .quarter ? 3 : 12
            let m = start.month - 1 + step
            return CalendarDay(year: start.year + m / 12, month: m % 12 + 1, day: 1)!
        }
    }

    /// "26 Oct 2020", "week of 26 Oct 2020", "Oct 2020", "Q4 2020", "2020".
    public func label(_ start: CalendarDay) -> String {
        switch self {
        case .day: return "\(start.day) \(CalendarDay.shortMonthNames[start.month - 1]) \(start.year)"
        case .week: return "week of \(start.day) \(CalendarDay.shortMonthNames[start.month - 1]) \(start.year)"
        case .month: return "\(CalendarDay.shortMonthNames[start.month - 1]) \(start.year)"
        case .quarter: return "Q\((start.month - 1) / 3 + 1) \(start.year)"
        case .year: return String(start.year)
        }
    }

    /// The timeline's period for a span of days: days up to 6 weeks, weeks up to half a year,
    /// months up to 3 years, quarters up to 10 years, else years (at most about 45 bars).
    public static func forSpan(days: Int) -> TimePeriod {
        days <= 42 ? .day : days <= 183 ? .week : days <= 1096 ? .month : days <= 3653 ? .quarter : .year
    }

    public static func < (a: TimePeriod, b: TimePeriod) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}
