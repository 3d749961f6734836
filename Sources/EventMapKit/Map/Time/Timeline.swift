/// Events or fatalities per period over the events' dates: the data of a map's timeline strip.
/// An event is counted in the period of its first possible day (a month-precision event in its month).
public struct Timeline: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public let start: CalendarDay
        public let label: String
        public let value: Double
    }

    public let period: TimePeriod
    public let measure: AggregationOptions.Measure
    /// Every period from the first event's to the last's, empty ones included.
    public let bars: [Bar]

    /// nil when there are no events.
    public init?(_ events: [Event], measure: AggregationOptions.Measure, period: TimePeriod? = nil) {
        guard let first = events.map(\.date.start).min(), let last = events.map(\.date.start).max() else { return nil }
        let p = period ?? TimePeriod.forSpan(days: last.dayNumber - first.dayNumber + 1)
        var sums: [CalendarDay: Double] = [:]
        for e in events { sums[p.start(of: e.date.start), default: 0] += measure == .events ? 1 : e.killed?.best ?? 0 }
        var bars: [Bar] = []
        var d = p.start(of: first)
        while d <= last {
            bars.append(Bar(start: d, label: p.label(d), value: sums[d] ?? 0))
            d = p.next(d)
        }
        self.period = p; self.measure = measure; self.bars = bars
    }
}
