import GeoCore

/// The events on one map of the render job, aggregated as the options say (see EventAggregation).
extension RenderJob {
    /// The events lying in `box` (all when nil), as map layers; the equal-area grid is centred on them.
    static func eventContent(_ events: [Event], within box: BoundingBox?, options: RenderOptions, proj: PROJContext) throws -> EventMapContent {
        let centre = box?.centre ?? BoundingBox(events.map(\.position))?.centre ?? LonLat(lon: 0, lat: 0)
        return try EventAggregation.content(events, in: box, options: options.aggregation, centre: centre, context: proj)
    }

    /// The box a map's events are taken from: the box of what it must show, widened by 30 % each
    /// way (the frame's margin and aspect show more than the focus).
    static func eventBox(_ focus: [LonLat]) -> BoundingBox? {
        BoundingBox(focus).map { b in BoundingBox(west: b.west - (b.east - b.west) * 0.3, south: b.south - (b.north - b.south) * 0.3,
                                                  east: b.east + (b.east - b.west) * 0.3, north: b.north + (b.north - b.south) * 0.3) }
    }

    /// The subtitle's words for the events.
    static func eventsSubtitle(_ c: EventMapContent) -> String {
        switch c.mode {
        case .hex: "events per equal-area hexagon, the largest drawn on top; "
        case .admin1: "events per admin-1 area, the largest drawn on top; "
        default: c.layers.last?.features.isEmpty ?? true ? "" : "events sized by their death toll; "
        }
    }
}
