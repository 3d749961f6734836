import GeoCore

/// What the events look like on one map: the layers (bottom to top) and what was done with the
/// events that are not drawn one by one.
public struct EventMapContent: Sendable {
    public var mode: AggregationOptions.Mode
    public var measure: AggregationOptions.Measure
    /// Bottom to top; the last holds the event symbols (drawn above the other point layers), the
    /// ones before it the bins, areas and uncertainty areas (drawn below them).
    public var layers: [MapLayer]
    /// The classes the bins or areas were coloured by (nil when not aggregated, or nothing to class).
    public var breaks: ClassBreaks?
    /// Events counted but not placed on the map, by admin-1 name ("" when the data names none).
    public var notMapped: [(name: String, count: Int)]
    public var notMappedCount: Int { notMapped.reduce(0) { $0 + $1.count } }
}

/// Turns events into map layers: one symbol each (`EventLayers`), or aggregated into equal-area
/// hexagons or admin-1 areas with the largest events drawn on top. Counting rules:
/// - hexagons take events with where_prec 1-2 only; coarser ones (admin-2, governorate, region,
///   country) are counted per admin-1 name and listed in the legend as not mapped;
/// - admin-1 takes every event that names its admin1, drawn at the mean position of its events
///   in the equal-area projection (the data carries no admin polygons); the others are listed.
public enum EventAggregation {
    /// The layers for the events in `area` (all when nil) on a map centred on `centre`. Hexagons
    /// count every event, also those outside `area`, so the cells at the frame's edge are whole;
    /// the mode, the largest events and the not-mapped counts go by the events in `area`.
    /// `breaks` fixes the classes (facets share one set); nil computes quantile breaks.
    public static func content(_ allEvents: [Event], in area: BoundingBox? = nil, options: AggregationOptions, centre: LonLat,
                               breaks: ClassBreaks? = nil, context: PROJContext) throws -> EventMapContent {
        let events = area.map { b in allEvents.filter { b.contains($0.position) } } ?? allEvents
        let mode = options.resolvedMode(eventCount: events.count)
        switch mode {
        case .none, .auto:
            let l = EventLayers.layers(events)
            return EventMapContent(mode: .none, measure: options.measure, layers: [l.areas, l.symbols], breaks: nil, notMapped: [])
        case .hex:
            let extent = area ?? BoundingBox(events.map(\.position)) ?? BoundingBox(west: centre.lon, south: centre.lat, east: centre.lon, north: centre.lat)
            let grid = try HexGrid(centre: centre, widthMetres: binWidth(options, extent), context: context)
            // The coarse few are copied; the binned majority is read in place (no copy of 100,000 events).
            let coarse = events.filter { $0.precision.code > AggregationOptions.coarsestBinnedPrecision }
            let cells = try hexValues(allEvents, grid: grid, within: extent)
            let values = cells.values.map { value($0, options.measure) }
            let classes = breaks ?? ClassBreaks.quantiles(values)
            var features: [MapFeature] = []
            for (cell, v) in cells.sorted(by: { $0.key < $1.key }) {
                let ring = try grid.ring(of: cell)
                features.append(MapFeature(id: "hex-\(cell.q)_\(cell.r)", geometry: .polygon([ring]),
                                           data: [("events", String(v.events)), ("fatalities", Claim.format(v.fatalities)),
                                                  ("q", String(cell.q)), ("r", String(cell.r))],
                                           style: style(classes?.classIndex(value(v, options.measure)), classes)))
            }
            let width = Claim.format(grid.widthMetres / 1000)
            let area = JSONWriter.format(grid.cellAreaSquareMetres / 1e6, decimals: 1)
            var legend = classLegend(classes, options.measure, unit: "per \(width) km hexagon", hasZero: cells.values.contains { value($0, options.measure) == 0 })
            legend.append(note("Hexagons \(width) km across, \(area) km² each (equal-area: Lambert azimuthal on WGS 84); events placed to within 25 km (where_prec 1-2); quantile classes."))
            let notMapped = counted(coarse)
            if !notMapped.isEmpty { legend.append(note(notMappedText(notMapped, why: "known only to an admin area or coarser (where_prec ≥ 3), not in the hexagons"))) }
            let bins = MapLayer(id: "event-bins", title: "Events per hexagon", style: MapStyle(fill: "#e6e6e6", fillOpacity: 0.85, stroke: "#7f7f7f", strokeWidth: 0.4), features: features, legend: legend)
            return EventMapContent(mode: .hex, measure: options.measure, layers: [bins] + notable(events, where: { $0.precision.code <= AggregationOptions.coarsestBinnedPrecision }), breaks: classes, notMapped: notMapped)
        case .admin1:
            let named = events.filter { !$0.admin1.isEmpty }
            let grid = try HexGrid(centre: centre, widthMetres: 10_000, context: context)
            var groups: [String: [Event]] = [:]
            for e in named { groups[e.admin1, default: []].append(e) }
            var tallies: [String: Tally] = [:]
            for (name, es) in groups { tallies[name] = Tally(events: es.count, fatalities: es.reduce(0) { $0 + ($1.killed?.best ?? 0) }) }
            let classes = breaks ?? ClassBreaks.quantiles(tallies.values.map { value($0, options.measure) })
            let top = tallies.values.map { value($0, options.measure) }.max() ?? 1
            var features: [MapFeature] = []
            for name in groups.keys.sorted() {
                let t = tallies[name]!
                let centre = try meanPosition(groups[name]!, grid.transformer)
                let v = value(t, options.measure)
                let r = 6 + 24 * (v / max(top, 1)).squareRoot()
                features.append(MapFeature(id: "admin1-" + name, geometry: .point(centre), drawing: .sizedMarker(radiusPixels: r),
                                           label: "\(name): \(Claim.format(v)) \(options.measure.rawValue)",
                                           data: [("admin1", name), ("events", String(t.events)), ("fatalities", Claim.format(t.fatalities))],
                                           style: style(classes?.classIndex(v), classes).with(labelSize: 11), labelPriority: 60))
            }
            var legend = classLegend(classes, options.measure, unit: "per admin-1 area", hasZero: tallies.values.contains { value($0, options.measure) == 0 })
            legend.append(note("Each admin-1 area named by the events, drawn at the mean position of its events (no admin boundaries in the data); circle area ∝ the count."))
            let notMapped = counted(events.filter { $0.admin1.isEmpty })
            if !notMapped.isEmpty { legend.append(note(notMappedText(notMapped, why: "name no admin-1 area and are not mapped"))) }
            let layer = MapLayer(id: "event-admin1", title: "Events per admin-1 area", style: MapStyle(), features: features, legend: legend)
            return EventMapContent(mode: .admin1, measure: options.measure, layers: [layer] + notable(named.filter { $0.precision.code <= AggregationOptions.coarsestBinnedPrecision }), breaks: classes, notMapped: notMapped)
        }
    }

    /// Events by count and fatalities for one bin or area.
    public struct Tally: Sendable, Equatable {
        public var events = 0
        public var fatalities = 0.0
    }

    /// The hexagon values of the `events` placed to within 25 km (where_prec 1-2; projected in one call), keeping the cells whose centre
    /// lies within one cell width of `within` (the map's box), when given.
    public static func hexValues(_ events: [Event], grid: HexGrid, within: BoundingBox? = nil) throws -> [HexGrid.Cell: Tally] {
        try hexValues(events, events.indices, grid: grid, within: within)
    }

    /// The same for the events at `indices` (a facet panel's), read in place.
    public static func hexValues(_ events: [Event], _ indices: some Sequence<Int>, grid: HexGrid, within: BoundingBox? = nil) throws -> [HexGrid.Cell: Tally] {
        // Only positions and tolls are read: no copy of the events themselves (100k of them cost a second).
        var positions: [LonLat] = [], tolls: [Double] = []
        positions.reserveCapacity(indices.underestimatedCount); tolls.reserveCapacity(indices.underestimatedCount)
        for i in indices where events[i].precision.code <= AggregationOptions.coarsestBinnedPrecision {
            positions.append(events[i].position)
            tolls.append(events[i].killed?.best ?? 0)
        }
        let projected = try grid.transformer.project(positions)
        var cells: [HexGrid.Cell: Tally] = [:]
        for (k, p) in zip(tolls, projected) {
            let c = grid.cell(of: p)
            cells[c, default: Tally()].events += 1
            cells[c, default: Tally()].fatalities += k
        }
        guard let b = within else { return cells }
        var edge: [LonLat] = []
        for i in 0...8 {
            let f = Double(i) / 8
            let lon = b.west + (b.east - b.west) * f, lat = b.south + (b.north - b.south) * f
            edge += [LonLat(lon: lon, lat: b.south), LonLat(lon: lon, lat: b.north), LonLat(lon: b.west, lat: lat), LonLat(lon: b.east, lat: lat)]
        }
        let box = try grid.transformer.project(edge)
        let pad = grid.widthMetres
        let (x0, x1) = (box.map(\.x).min()! - pad, box.map(\.x).max()! + pad), (y0, y1) = (box.map(\.y).min()! - pad, box.map(\.y).max()! + pad)
        return cells.filter { let o = grid.centre(of: $0.key); return o.x >= x0 && o.x <= x1 && o.y >= y0 && o.y <= y1 }
    }

    /// The hexagon width for a map of `extent`: `--bin`, or about 15 across its geodesic width at mid-latitude.
    public static func binWidth(_ options: AggregationOptions, _ extent: BoundingBox) -> Double {
        let mid = (extent.south + extent.north) / 2
        return options.binWidth(mapWidthMetres: Geodesic.distance(LonLat(lon: extent.west, lat: mid), LonLat(lon: extent.east, lat: mid)))
    }

    public static func value(_ t: Tally, _ m: AggregationOptions.Measure) -> Double { m == .events ? Double(t.events) : t.fatalities }

    /// The `AggregationOptions.notableCount` largest events by best fatality estimate (ties by id),
    /// as the usual event layers (uncertainty areas, then sized and labelled symbols).
    /// Only the events `included` accepts take part.
    public static func notable(_ events: [Event], where included: (Event) -> Bool = { _ in true }) -> [MapLayer] {
        let scored = events.indices.compactMap { i -> (best: Double, index: Int)? in
            guard included(events[i]) else { return nil }
            let b = events[i].killed?.best ?? 0
            return b > 0 ? (b, i) : nil
        }
        let top = scored.sorted { $0.best != $1.best ? $0.best > $1.best : events[$0.index].id < events[$1.index].id }
            .prefix(AggregationOptions.notableCount).map { events[$0.index] }
        // Always the two layers (empty when no event has a toll), so callers can put them in place.
        var l = EventLayers.layers(Array(top))
        l.areas.id = "notable-event-areas"
        l.symbols.id = "notable-events"
        l.symbols.title = "Largest events"
        let ids = Set(l.symbols.features.map(\.id))
        l.symbols.legend = [LegendEntry(.sizedMarker(radius: EventLayers.radiusPixels(killed: 10)), MapPalette.event,
                                        "The \(top.count) largest events by best fatality estimate, drawn and labelled on top (symbol area ∝ killed; 10 shown)",
                                        featureIDs: ids)]
        return [l.areas, l.symbols]
    }

    static func style(_ index: Int?, _ breaks: ClassBreaks?) -> MapStyle {
        guard let i = index, let b = breaks else { return MapStyle(fill: "#e6e6e6", fillOpacity: 0.85, stroke: "#9a9a9a", strokeWidth: 0.4) }
        return MapStyle(fill: ColourRamp.colour(i, of: b.upperBounds.count), fillOpacity: 0.85, stroke: "#7f7f7f", strokeWidth: 0.4)
    }

    static func classLegend(_ breaks: ClassBreaks?, _ m: AggregationOptions.Measure, unit: String, hasZero: Bool) -> [LegendEntry] {
        var out: [LegendEntry] = []
        if let b = breaks {
            for i in (0..<b.upperBounds.count).reversed() {
                out.append(LegendEntry(.area, style(i, b), "\(b.rangeText(i)) \(m.rawValue) \(unit)"))
            }
        }
        if hasZero { out.append(LegendEntry(.area, style(nil, nil), "events, no fatalities recorded")) }
        return out
    }

    static func note(_ text: String) -> LegendEntry { LegendEntry(.area, MapStyle(fill: "#ffffff", stroke: "#ffffff"), text) }

    static func counted(_ events: [Event]) -> [(name: String, count: Int)] {
        var c: [String: Int] = [:]
        for e in events { c[e.admin1, default: 0] += 1 }
        return c.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    static func notMappedText(_ list: [(name: String, count: Int)], why: String) -> String {
        let total = list.reduce(0) { $0 + $1.count }
        let named = list.prefix(4).map { "\($0.name.isEmpty ? "no admin-1 given" : $0.name) \($0.count)" }.joined(separator: ", ")
        return "\(total) event(s) \(why): \(named)\(list.count > 4 ? ", …" : "")."
    }

    /// The mean of positions taken in the equal-area plane, back in lon/lat.
    static func meanPosition(_ events: [Event], _ t: Transformer) throws -> LonLat {
        let ps = try t.project(events.map(\.position))
        let x = ps.reduce(0) { $0 + $1.x } / Double(ps.count), y = ps.reduce(0) { $0 + $1.y } / Double(ps.count)
        return try t.unproject(Projected(x: x, y: y))
    }
}

extension MapStyle {
    func with(labelSize: Double) -> MapStyle { var s = self; s.labelSize = labelSize; return s }
}
