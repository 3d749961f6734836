import GeoCore

/// Map layers from the events: each event known to within 25 km drawn as the area it may have
/// happened in, with a symbol whose area grows with its death toll (best estimate).
public enum EventLayers {
    /// Events placed more loosely than this are listed, not drawn (a governorate-wide circle
    /// would cover the map and say nothing).
    public static let maximumDrawnUncertaintyMetres = 25_000.0

    /// Symbol radius in pixels for a death toll: area proportional to the toll.
    public static func radiusPixels(killed: Double) -> Double { 3 + 1.6 * max(0, killed).squareRoot() }

    /// The events the maps draw: placed to within 25 km, with a casualty figure to size them by
    /// (the others stay in events.geojson; an OP's withdrawal, for one, shows in the OP's status).
    public static func drawable(_ events: [Event]) -> [Event] { events.filter(isDrawable) }

    /// Whether the maps draw the event (see `drawable`).
    public static func isDrawable(_ e: Event) -> Bool {
        e.uncertaintyMetres <= maximumDrawnUncertaintyMetres && (e.killed != nil || e.wounded != nil || e.killedAndWounded != nil)
    }

    /// The label: date, what happened, and the toll ("26 Oct 2020 air/drone strike: 78-105 killed").
    public static func label(_ e: Event) -> String {
        var text = "\(dateText(e.date)) \(e.subEventType.prefix(1).lowercased() + e.subEventType.dropFirst())"
        if let k = e.killed { text += ": \(k.low == k.high ? Claim.format(k.best) : "\(Claim.format(k.low))-\(Claim.format(k.high))") killed" }
        return text
    }

    /// "26 Oct 2020" for a day, "Oct 2020" for a month, "22-26 Oct 2020" or "1 Oct-3 Nov 2020" for other ranges.
    public static func dateText(_ d: EventDate) -> String {
        let months = CalendarDay.shortMonthNames
        let a = d.start, b = d.end
        if d.isSingleDay { return "\(a.day) \(months[a.month - 1]) \(a.year)" }
        if d.precision == .month || (a.day == 1 && a.month == b.month && a.year == b.year && b.adding(days: 1).month != b.month) {
            return "\(months[a.month - 1]) \(a.year)"
        }
        if a.year == b.year && a.month == b.month { return "\(a.day)-\(b.day) \(months[a.month - 1]) \(a.year)" }
        return "\(a.day) \(months[a.month - 1]) \(a.year)-\(b.day) \(months[b.month - 1]) \(b.year)"
    }

    /// One report as a line: outlet (and through whom), date, and what it claims.
    public static func claimLine(_ e: Event, _ c: Claim, superseded: Set<String>) -> String {
        let who = c.via.isEmpty ? c.outlet : "\(c.outlet) (via \(c.via))"
        return "\(who), \(c.published?.description ?? "undated"): \(e.summary(of: c))" + (superseded.contains(c.id) ? " [superseded]" : "")
    }

    static func data(_ e: Event) -> [(String, String)] {
        var d: [(String, String)] = [("event-id", e.id), ("date", e.date.description), ("event-type", e.eventType),
                                     ("sub-event-type", e.subEventType), ("actor1", e.actor1), ("actor2", e.actor2),
                                     ("place-id", e.placeId ?? ""), ("precision", String(e.precision.code)),
                                     ("uncertainty-m", JSONWriter.format(e.uncertaintyMetres, decimals: 0))]
        for (name, r) in [("killed", e.killed), ("wounded", e.wounded), ("killed-and-wounded", e.killedAndWounded)] {
            guard let r else { continue }
            d += [("\(name)-low", Claim.format(r.low)), ("\(name)-best", Claim.format(r.best)), ("\(name)-high", Claim.format(r.high))]
        }
        d.append(("report-count", String(e.claims.count)))
        return d
    }

    /// Two layers: the uncertainty areas (under everything else) and the casualty symbols.
    public static func layers(_ events: [Event]) -> (areas: MapLayer, symbols: MapLayer) {
        let shown = drawable(events)
        let areas = shown.filter(\.isApproximate).map { e in
            MapFeature(id: "event-area-" + e.id, geometry: .point(e.position), drawing: .uncertaintyArea(radiusMetres: e.uncertaintyMetres),
                       data: data(e), style: MapPalette.eventArea)
        }
        let symbols = shown.map { e in
            MapFeature(id: "event-" + e.id, geometry: .point(e.position),
                       drawing: .sizedMarker(radiusPixels: radiusPixels(killed: e.killed?.best ?? 0)),
                       label: label(e), data: data(e), style: MapPalette.event, labelPriority: 70)
        }
        var legend: [LegendEntry] = []
        if !areas.isEmpty {
            legend.append(LegendEntry(.area, MapPalette.eventArea, "Where the event may have happened (location approximate)",
                                      featureIDs: Set(areas.map(\.id))))
        }
        let areaLayer = MapLayer(id: "event-areas", title: "Event locations (uncertainty)", style: MapStyle(), features: areas, legend: legend)
        var symbolLegend: [LegendEntry] = []
        let tolls = shown.compactMap { $0.killed?.best }
        if let top = tolls.max(), top > 0 {
            for k in [10.0, 50.0, 100.0] where k <= max(10, top * 1.5) {
                symbolLegend.append(LegendEntry(.sizedMarker(radius: radiusPixels(killed: k)), MapPalette.event,
                                                "\(Int(k)) killed (symbol area ∝ best estimate)", featureIDs: Set(symbols.map(\.id))))
            }
        } else if !symbols.isEmpty {
            symbolLegend.append(LegendEntry(.marker, MapPalette.event, "Event", featureIDs: Set(symbols.map(\.id))))
        }
        let hidden = events.count - shown.count
        if hidden > 0, !symbols.isEmpty {
            symbolLegend.append(LegendEntry(.area, MapStyle(fill: "#ffffff", stroke: "#ffffff"),
                                            "\(hidden) other event(s), placed only to a governorate or without a casualty figure, are in events.geojson, not drawn", featureIDs: Set(symbols.map(\.id))))
        }
        return (areaLayer, MapLayer(id: "events", title: "Events", style: MapStyle(), features: symbols, legend: symbolLegend))
    }
}
