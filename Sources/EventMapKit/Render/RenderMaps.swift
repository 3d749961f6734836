import GeoCore

/// The two maps of the main job: the overview of north-west Syria and the detail map of one place.
extension RenderJob {
    static func attribution(_ inputs: RenderInputs, projectionNote: String) -> [String] {
        var lines = ["Borders: Natural Earth 1:10m admin-0 countries v5.1.1 (public domain): de facto boundaries, generalised, not fit for judging a few hundred metres."]
        let sources = inputs.gazetteer.places.map(\.source)
        var places: [String] = []
        if sources.contains(where: { $0.contains("geonames:") }) { places.append("GeoNames (geonames.org, CC BY 4.0)") }
        if sources.contains(where: { $0.contains("wikipedia:") }) { places.append("Wikipedia article coordinates (CC BY-SA)") }
        if places.isEmpty { places.append("the sources named in the gazetteer's source column") }
        lines.append("Places: " + places.joined(separator: " and ") + ". Approximate places are pinned to a sourced anchor and drawn as areas.")
        if inputs.gazetteer.places.contains(where: { $0.observationPoint != nil }) {
            lines.append("Observation point numbers, dates and status: the announcements and reports named in the gazetteer's source and notes columns.")
        }
        var outletSet: Set<String> = []
        for e in inputs.events { for c in e.claims { outletSet.insert(c.outlet) } }
        let outlets = outletSet.sorted()
        if !outlets.isEmpty {
            lines.append("Events and casualty figures: the reports of \(outlets.joined(separator: ", ")); ranges span the final claims (provisional tolls superseded by the same outlet set nothing).")
        }
        lines.append(projectionNote + " Distances are WGS 84 geodesics (GeographicLib via PROJ).")
        return lines
    }

    static func projectionNote(_ options: RenderOptions) -> String {
        options.projection.map { "Projection: \(MapFrame.projectionDefinition($0))." } ?? "Projection: transverse Mercator centred on the map."
    }

    /// One map of the scenario: the events it shows (aggregated as the options say), then its document.
    static func map(_ spec: Scenario.MapSpec, _ inputs: RenderInputs, _ analysis: RenderAnalysis, _ options: RenderOptions,
                    proj: PROJContext) throws -> MapDocument {
        let box: BoundingBox?
        switch spec.extent {
        case .fitData: box = options.bbox
        case .box(let b): box = b
        case .aroundFocus: box = eventBox(try focusPositions(spec, inputs, analysis, options, events: []))
        }
        let content = try eventContent(inputs.events, within: box, options: options, proj: proj)
        return try document(spec, inputs, analysis, options, events: content,
                            timeline: Timeline(box.map { b in inputs.events.filter { b.contains($0.position) } } ?? inputs.events,
                                               measure: options.aggregation.measure))
    }

    /// The positions a map must show: its extent, with the drawn events when it fits the data.
    static func focusPositions(_ spec: Scenario.MapSpec, _ inputs: RenderInputs, _ analysis: RenderAnalysis, _ options: RenderOptions,
                               events: [LonLat]) throws -> [LonLat] {
        let g = inputs.gazetteer
        var positions: [LonLat]
        switch spec.extent {
        case .fitData:
            // --bbox is the extent: nothing of the data needs fitting.
            if let b = options.bbox { return [LonLat(lon: b.west, lat: b.south), LonLat(lon: b.east, lat: b.north)] }
            positions = PlaceLayers.observationPoints(g).features.flatMap { $0.drawnGeometry.positions }
            if positions.isEmpty { positions = g.places.map(\.position) }
            if let f = analysis.focus { positions.append(f.position) }
            positions += events
            if spec.showsNearestBorder, let box = BoundingBox(positions)?.widened(byFraction: 0.25, minimumDegrees: 0.1) {
                // The nearest border point of each (of the first 50) places on the map, so that the border measured
                // to is on it too; places far from the data (the rest of a gazetteer) do not stretch the map.
                positions += g.places.filter { !PlaceLayers.regionKinds.contains($0.kind) && box.contains($0.position) }.prefix(50)
                    .compactMap { analysis.borders.nearest(to: $0.position)?.point.point }
            }
        case .box(let b):
            positions = [LonLat(lon: b.west, lat: b.south), LonLat(lon: b.east, lat: b.north)]
        case .aroundFocus(let radius):
            guard let focus = analysis.focus else { throw RenderError("map \(spec.id): its extent is around the focus, but the scenario has none") }
            positions = GeodesicBuffer.circle(centre: focus.position, radiusMetres: radius, toleranceMetres: 50)
            positions.append(focus.position)
            if let d = analysis.focusToBorder { positions.append(d.measurement.nearest) }
        }
        return positions
    }

    /// The countries around a map's positions (cut to the frame when drawn), and which of them
    /// take the primary and secondary fills.
    static func countriesLayer(_ positions: [LonLat], _ inputs: RenderInputs, _ analysis: RenderAnalysis) throws -> (MapLayer, [Country]) {
        guard let box = BoundingBox(positions) else { throw RenderError("there is nothing to map (no places, events or focus)") }
        let countries = inputs.world.countries(meeting: box.widened(byFraction: 0.5, minimumDegrees: 0.5))
        let primary = analysis.primaryCountries
        let secondary = Set(analysis.borders.borders.count == 1 ? [analysis.borders.borders[0].codes.0, analysis.borders.borders[0].codes.1] : [])
        return (BorderLayers.countries(countries, primary: primary, secondary: secondary.subtracting(primary)), countries)
    }

    /// The borders layer of the scenario.
    static func bordersLayer(_ inputs: RenderInputs, _ analysis: RenderAnalysis) -> MapLayer {
        BorderLayers.borders(shown(analysis.borders, inputs, analysis), id: analysis.scenario.layerNames.border,
                             title: analysis.borders.borders.count == 1 ? analysis.borders.borders[0].displayName : "International land borders")
    }

    /// A map's document: its layers in the order the spec lists them, framed by its extent;
    /// `{events}` in the subtitle says how the events are drawn.
    static func document(_ spec: Scenario.MapSpec, _ inputs: RenderInputs, _ analysis: RenderAnalysis, _ options: RenderOptions,
                         events: EventMapContent, timeline: Timeline?) throws -> MapDocument {
        let g = inputs.gazetteer
        let ops = PlaceLayers.observationPoints(g)
        let focusPositions = try Self.focusPositions(spec, inputs, analysis, options,
                                                     events: events.layers.flatMap(\.features).map(\.geometry).flatMap(\.positions))
        let (countryLayer, countries) = try countriesLayer(focusPositions, inputs, analysis)
        var layers: [MapLayer] = []
        for name in spec.layers {
            switch name {
            case "countries": layers.append(countryLayer)
            case "regions": layers.append(PlaceLayers.regions(g))
            case "border": layers.append(bordersLayer(inputs, analysis))
            case "event-areas": layers += events.layers.dropLast()
            case "observation-points": layers.append(ops)
            case "events": if let last = events.layers.last { layers.append(last) }
            case "places": layers.append(PlaceLayers.places(g))
            case "ring":
                if let focus = analysis.focus, let r = spec.ringMetres { layers.append(ring(focus, radiusMetres: r)) }
            case "focus-line":
                if let d = analysis.focusToBorder { layers.append(focusLine(d)) }
            default:
                if name.hasPrefix("zone:"), let z = analysis.zones.first(where: { "zone:" + $0.name == name }) {
                    layers.append(ZoneLayers.zone(z.result, id: z.name, side: z.side, style: MapPalette.zone20))
                }
            }
        }
        return MapDocument(id: spec.id, title: spec.title, subtitle: spec.subtitle.replacingOccurrences(of: "{events}", with: eventsSubtitle(events)),
                           layers: layers.filter { !$0.features.isEmpty },
                           attribution: attribution(inputs, projectionNote: projectionNote(options)),
                           areaLabels: BorderLayers.countryLabels(countries), focus: focusPositions, timeline: timeline)
    }

    /// A geodesic circle around the focus.
    static func ring(_ focus: Place, radiusMetres r: Double) -> MapLayer {
        let km = JSONWriter.format(r / 1000, decimals: 1)
        let ring = MapFeature(id: "ring-\(km)km-" + focus.id,
                              geometry: .lineString(GeodesicBuffer.circle(centre: focus.position, radiusMetres: r, toleranceMetres: 1)),
                              label: "\(km) km from \(focus.name)", data: [("radius-m", JSONWriter.format(r, decimals: 0)), ("centre", focus.id)], labelPriority: 15)
        return MapLayer(id: "ring-\(km)km", title: "\(km) km ring", style: MapPalette.ring, features: [ring],
                        legend: [LegendEntry(.line, MapPalette.ring, "\(km) km from \(focus.name) (geodesic circle)")])
    }

    /// The focus place's geodesic to its nearest border point, labelled with its length.
    static func focusLine(_ d: BorderDistance) -> MapLayer {
        let focus = d.place
        let line = MapFeature(id: focus.id + "-border-line", geometry: .lineString(d.line),
                              label: "\(d.shortLength) to the border",
                              data: [("from-id", focus.id), ("distance-m", JSONWriter.format(d.distanceMetres, decimals: 1)),
                                     ("to-lat", JSONWriter.format(d.measurement.nearest.lat, decimals: 6)),
                                     ("to-lon", JSONWriter.format(d.measurement.nearest.lon, decimals: 6))],
                              labelPriority: 80)
        return MapLayer(id: focus.id + "-border-line", title: "Distance to the border", style: MapPalette.distanceLine, features: [line],
                        legend: [LegendEntry(.line, MapPalette.distanceLine,
                                             "Shortest geodesic from \(focus.name) to the border: \(JSONWriter.format(d.distanceMetres / 1000, decimals: 2)) km")])
    }
}

extension BoundingBox {
    /// The box widened by a fraction of its size each way (at least `minimumDegrees`), within the globe.
    func widened(byFraction f: Double, minimumDegrees: Double) -> BoundingBox {
        let dx = max((east - west) * f, minimumDegrees), dy = max((north - south) * f, minimumDegrees)
        return BoundingBox(west: max(-180, west - dx), south: max(-90, south - dy), east: min(180, east + dx), north: min(90, north + dy))
    }

    /// The box widened by a number of degrees each way, within the globe.
    func widened(byDegrees d: Double) -> BoundingBox { widened(byFraction: 0, minimumDegrees: d) }
}
