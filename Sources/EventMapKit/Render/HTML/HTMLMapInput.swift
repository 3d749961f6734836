import GeoCore

/// What the interactive map shows: the map layers (basemap and overlays, bottom to top, as for
/// the SVG maps), the events with their reports, and the words around them.
public struct HTMLMapInput: Sendable {
    public var title: String
    public var subtitle: String
    /// Drawn bottom to top with their styles; points with an uncertainty radius as its circle.
    public var layers: [MapLayer]
    public var events: [Event]
    public var attribution: [String]
    /// A PROJ string or EPSG code; nil for a transverse Mercator centred on `focus`.
    public var projection: String?
    /// What the first view shows (lon/lat).
    public var focus: [LonLat]

    public init(title: String, subtitle: String = "", layers: [MapLayer], events: [Event], attribution: [String],
                projection: String? = nil, focus: [LonLat]) {
        self.title = title; self.subtitle = subtitle; self.layers = layers; self.events = events
        self.attribution = attribution; self.projection = projection; self.focus = focus
    }
}

/// The days an event is drawn on: its stated range, or, for a single day given with a coarse
/// precision, the whole calendar week (Monday-Sunday) or month it stands for.
public enum EventSpan {
    public static func days(_ d: EventDate) -> (first: CalendarDay, last: CalendarDay) {
        guard d.isSingleDay else { return (d.start, d.end) }
        switch d.precision {
        case .day, .days: return (d.start, d.end)
        case .week:
            let s = TimePeriod.week.start(of: d.start)
            return (s, s.adding(days: 6))
        case .month, .longer:
            let s = TimePeriod.month.start(of: d.start)
            return (s, TimePeriod.month.next(s).adding(days: -1))
        }
    }
}
