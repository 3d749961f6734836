import GeoCore

/// `--facet month|quarter|year`: the overview as small multiples, one panel per period from the
/// first event's to the last's (empty periods included), all in the overview's frame and classes.
extension RenderJob {
    /// At most this many panels on one sheet (two years of months).
    public static let maximumFacetPanels = 24

    static func facetSheet(_ inputs: RenderInputs, _ analysis: RenderAnalysis, _ options: RenderOptions, spec: Scenario.MapSpec,
                           period: TimePeriod, overview: MapDocument, proj: PROJContext, geos: GEOSContext) throws -> (OutputFile, [String])? {
        // Periods hold indices into the events, not copies (100,000 events are ~40 MB of structs);
        // a panel's events are gathered when it is drawn.
        let all = inputs.events
        let inBox = options.bbox.map { b in all.indices.filter { b.contains(all[$0].position) } } ?? Array(all.indices)
        guard let firstDay = inBox.map({ all[$0].date.start }).min(), let lastDay = inBox.map({ all[$0].date.start }).max() else { return nil }
        var groups: [(CalendarDay, [Int])] = []
        var d = period.start(of: firstDay)
        var byPeriod: [CalendarDay: [Int]] = [:]
        for i in inBox { byPeriod[period.start(of: all[i].date.start), default: []].append(i) }
        while d <= lastDay { groups.append((d, byPeriod[d] ?? [])); d = period.next(d) }
        let positions = inBox.map { all[$0].position }
        guard groups.count <= maximumFacetPanels else {
            throw RenderError("--facet \(period.rawValue): the events span \(groups.count) \(period.rawValue)s, more than the \(maximumFacetPanels) panels one sheet holds; use a coarser period or --bbox/--events to narrow the data")
        }
        // One mode and one set of classes for every panel: decided on the busiest panel, classed on all panels' bins.
        var aggregation = options.aggregation
        aggregation.mode = aggregation.resolvedMode(eventCount: groups.map(\.1.count).max() ?? 0)
        let centre = BoundingBox(positions)?.centre ?? analysis.focus?.position ?? LonLat(lon: 0, lat: 0)
        var breaks: ClassBreaks?
        if aggregation.mode == .hex {
            let extent = options.bbox ?? BoundingBox(positions)!
            aggregation.binMetres = EventAggregation.binWidth(aggregation, extent)
            let grid = try HexGrid(centre: centre, widthMetres: aggregation.binMetres!, context: proj)
            var values: [Double] = []
            for (_, group) in groups {
                values += try EventAggregation.hexValues(all, group, grid: grid).values.map { EventAggregation.value($0, aggregation.measure) }
            }
            breaks = ClassBreaks.quantiles(values)
        }
        var panelOptions = options
        panelOptions.aggregation = aggregation
        let columns = groups.count <= 4 ? 2 : groups.count <= 9 ? 3 : 4
        let panelWidth = columns == 4 ? 280.0 : 320.0
        let panelScale = max(0.35, panelWidth / MapFrameRequest().widthPixels)
        var panels: [FacetSheet.Panel] = []
        var eventLayerIDs: Set<String> = []
        for (start, group) in groups {
            let es = group.map { all[$0] }
            let content = try EventAggregation.content(es, in: options.bbox, options: aggregation, centre: centre, breaks: breaks, context: proj)
            eventLayerIDs.formUnion(content.layers.map(\.id))
            let doc = smallerNotables(try document(spec, inputs, analysis, panelOptions, events: content, timeline: nil), scale: panelScale)
            panels.append(FacetSheet.Panel(title: "\(period.label(start)): \(es.count) event\(es.count == 1 ? "" : "s")", document: doc))
        }
        let everything = try EventAggregation.content(options.bbox == nil ? all : inBox.map { all[$0] }, in: options.bbox, options: aggregation, centre: centre, breaks: breaks, context: proj)
        var sheet = try document(spec, inputs, analysis, panelOptions, events: everything, timeline: nil)
        for j in sheet.layers.indices where sheet.layers[j].id == "notable-events" {
            for k in sheet.layers[j].legend.indices {
                sheet.layers[j].legend[k].text = "The \(facetNotableCount) largest events of each panel by best fatality estimate, drawn and labelled where there is room (symbol area ∝ killed)"
                sheet.layers[j].legend[k].swatch = .sizedMarker(radius: max(2.5, EventLayers.radiusPixels(killed: 10) * panelScale))
            }
        }
        sheet.id = overview.id + "-by-" + period.rawValue
        sheet.title = overview.title + ", by \(period.rawValue)"
        sheet.subtitle = "One panel per \(period.rawValue); the same extent, scale and colour classes in every panel. " + sheet.subtitle
        sheet.focus = overview.focus
        sheet.timeline = Timeline(options.bbox == nil ? all : inBox.map { all[$0] }, measure: aggregation.measure, period: period)
        let rendered = try SVGRenderer(request: MapFrameRequest(projection: options.projection, bbox: options.bbox))
            .render(FacetSheet(sheet: sheet, panels: panels, columns: columns, panelWidthPixels: panelWidth,
                               sharedLayerIDs: Set(panels.flatMap { $0.document.layers.map(\.id) }).subtracting(eventLayerIDs)), proj: proj, geos: geos)
        return (OutputFile(name: sheet.id + ".svg", contents: rendered.svg), rendered.droppedLabels)
    }

    /// A panel keeps its `facetNotableCount` largest events (with their uncertainty areas), their
    /// symbols scaled to the panel's width, so that they do not cover a small map.
    static func smallerNotables(_ doc: MapDocument, scale: Double) -> MapDocument {
        var doc = doc
        guard let i = doc.layers.firstIndex(where: { $0.id == "notable-events" }) else { return doc }
        let keep = Set(doc.layers[i].features.prefix(facetNotableCount).map { String($0.id.dropFirst("event-".count)) })
        for j in doc.layers.indices where doc.layers[j].id == "notable-events" || doc.layers[j].id == "notable-event-areas" {
            doc.layers[j].features = doc.layers[j].features.filter { f in keep.contains { f.id.hasSuffix("-" + $0) } }.map { f in
                var f = f
                if case .sizedMarker(let r) = f.drawing { f.drawing = .sizedMarker(radiusPixels: max(2.5, r * scale)) }
                return f
            }
        }
        return doc
    }

    /// The largest events drawn in each facet panel.
    public static let facetNotableCount = 3
}
