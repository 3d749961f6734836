import GeoCore

/// Which events to keep: a date window, an event type, an actor, a distance from a point.
public struct EventFilter: Sendable {
    public var from: CalendarDay?
    public var to: CalendarDay?
    /// Matches event_type or sub_event_type, case-insensitively.
    public var type: String?
    /// A case-insensitive substring of any of the four actor fields.
    public var actor: String?
    /// Keep events whose geodesic distance from `near` is at most `withinMetres`.
    public var near: LonLat?
    public var withinMetres: Double?

    public init(from: CalendarDay? = nil, to: CalendarDay? = nil, type: String? = nil, actor: String? = nil,
                near: LonLat? = nil, withinMetres: Double? = nil) {
        self.from = from
        self.to = to
        self.type = type
        self.actor = actor
        self.near = near
        self.withinMetres = withinMetres
    }

    /// A date range overlapping the window counts; distances are WGS 84 geodesics to the
    /// event's coordinate (its uncertainty is not added: the table shows it beside the event).
    public func matches(_ e: Event) -> Bool {
        guard e.date.overlaps(from: from, to: to) else { return false }
        if let type, !type.isEmpty {
            let t = type.lowercased()
            guard e.eventType.lowercased() == t || e.subEventType.lowercased() == t else { return false }
        }
        if let actor, !actor.isEmpty {
            let a = actor.lowercased()
            guard [e.actor1, e.assocActor1, e.actor2, e.assocActor2].contains(where: { $0.lowercased().contains(a) }) else { return false }
        }
        if let near, let withinMetres {
            guard Geodesic.distance(near, e.position) <= withinMetres else { return false }
        }
        return true
    }

    public func apply(_ events: [Event]) -> [Event] { events.filter(matches) }
}
