import GeoCore

/// `--facet month|quarter|year`: the overview as small multiples, one panel per period from the
/// first event's to the last's (empty periods included), all in the overview's frame and classes.
extension RenderJob {
    /// At most this many panels on one sheet (two years of months).
    public static let maximumFacetPanels = 24

    static func facetSheet(_ inputs: RenderInputs, _ analysis: RenderAnalysis, _ options: RenderOptions, period: TimePeriod,
                           overview: MapDocument, proj: PROJContext, geos: GEOSContext) throws -> (OutputFile, [String])? {
        let events = inputs.events.filter { options.bbox?.contains($0.position) ?? true }
        guard let firstDay = events.map(\.date.start).min(), let lastDay = events.map(\.date.start).max() else { return nil }
        var groups: [(CalendarDay, [Event])] = []
        var d = period.start(of: firstDay)
        var byPeriod: [CalendarDay: [Event]] = [:]
        for e in events { byPeriod[period.start(of: e.date.start), default: []].append(e) }
        while d <= lastDay { groups.append((d, byPeriod[d] ?? [])); d = period.next(d) }
        guard groups.count <= maximumFacetPanels else {
            throw RenderError("--facet \(period.rawValue): the events span \(groups.count) \(period.rawValue)s, more than the \(maximumFacetPanels) panels one sheet holds; use a coarser period or --bbox/--events to narrow the data")
        }
        // One mode and one set of classes for every panel: decided on the busiest panel, classed on all panels' bins.
        var aggregation = options.aggregation
        aggregation.mode = aggregation.resolvedMode(eventCount: groups.map(\.1.count).max() ?? 0)
        let centre = BoundingBox(events.map(\.position))?.centre ?? analysis.focus.position
        var breaks: ClassBreaks?
        if aggregation.mode == .hex {
            let extent = options.bbox ?? BoundingBox(events.map(\.position))!
            aggregation.binMetres = EventAggregation.binWidth(aggregation, extent)
            let grid = try HexGrid(centre: centre, widthMetres: aggregation.binMetres!, context: proj)
            var values: [Double] = []
            for (_, es) in groups { values += try EventAggregation.hexValues(es, grid: grid).values.map { EventAggregation.value($0, aggregation.measure) } }
            breaks = ClassBreaks.quantiles(values)
        }
        var panelOptions = options
        panelOptions.aggregation = aggregation
        var panels: [FacetSheet.Panel] = []
        for (start, es) in groups {
            let content = try EventAggregation.content(es, in: options.bbox, options: aggregation, centre: centre, breaks: breaks, context: proj)
            let doc = overviewMap(inputs, analysis, panelOptions, events: content)
            panels.append(FacetSheet.Panel(title: "\(period.label(start)): \(es.count) event\(es.count == 1 ? "" : "s")", document: doc))
        }
        let all = try EventAggregation.content(events, in: options.bbox, options: aggregation, centre: centre, breaks: breaks, context: proj)
        var sheet = overviewMap(inputs, analysis, panelOptions, events: all)
        sheet.id = overview.id + "-by-" + period.rawValue
        sheet.title = overview.title + ", by \(period.rawValue)"
        sheet.subtitle = "One panel per \(period.rawValue); the same extent, scale and colour classes in every panel. " + sheet.subtitle
        sheet.focus = overview.focus
        sheet.timeline = Timeline(events, measure: aggregation.measure, period: period)
        let columns = groups.count <= 4 ? 2 : groups.count <= 9 ? 3 : 4
        let rendered = try SVGRenderer(request: MapFrameRequest(projection: options.projection, bbox: options.bbox))
            .render(FacetSheet(sheet: sheet, panels: panels, columns: columns, panelWidthPixels: columns == 4 ? 280 : 320), proj: proj, geos: geos)
        return (OutputFile(name: sheet.id + ".svg", contents: rendered.svg), rendered.droppedLabels)
    }
}
