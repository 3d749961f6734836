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
            lines.append("Observation point numbers, dates and status: Turkish General Staff announcements and news reports, as summarised in geodata/places.csv.")
        }
        let outlets = Set(inputs.events.flatMap { $0.claims.map(\.outlet) }).sorted()
        if !outlets.isEmpty {
            lines.append("Events and casualty figures: the reports of \(outlets.joined(separator: ", ")); ranges span the final claims (provisional tolls superseded by the same outlet set nothing).")
        }
        lines.append(projectionNote + " Distances are WGS 84 geodesics (GeographicLib via PROJ).")
        return lines
    }

    static func projectionNote(_ options: RenderOptions) -> String {
        options.projection.map { "Projection: \(MapFrame.projectionDefinition($0))." } ?? "Projection: transverse Mercator centred on the map."
    }

    static func overviewMap(_ inputs: RenderInputs, _ analysis: RenderAnalysis, _ options: RenderOptions, events: EventMapContent) -> MapDocument {
        let g = inputs.gazetteer
        let ops = PlaceLayers.observationPoints(g)
        var focusPositions = ops.features.flatMap { $0.drawnGeometry.positions }
        if focusPositions.isEmpty { focusPositions = g.places.map(\.position) }
        focusPositions.append(analysis.focus.position)
        focusPositions += events.layers.flatMap(\.features).map(\.geometry).flatMap(\.positions)
        var layers = [BorderLayers.countries(inputs.borders.countries)]
        if let zone = analysis.zones.last, let side = analysis.zoneSide {
            layers.append(ZoneLayers.zone(zone.result, id: zone.name, side: side, style: MapPalette.zone20))
        }
        layers += [
            PlaceLayers.regions(g),
            BorderLayers.border(inputs.borders.border),
        ] + events.layers.dropLast() + [
            ops,
            events.layers.last!,
            PlaceLayers.places(g),
        ]
        layers = layers.filter { !$0.features.isEmpty }
        return MapDocument(
            id: "nw-syria-overview",
            title: "North-west Syria: the Turkish observation points and the border, end of 2020",
            subtitle: "Observation points coloured by their status on 31 Dec 2020; "
                + eventsSubtitle(events)
                + "approximate locations drawn as circles of their uncertainty radius.",
            layers: layers, attribution: attribution(inputs, projectionNote: projectionNote(options)),
            areaLabels: BorderLayers.countryLabels(inputs.borders.countries), focus: focusPositions,
            timeline: Timeline(inputs.events.filter { options.bbox?.contains($0.position) ?? true }, measure: options.aggregation.measure))
    }

    static func detailMap(_ inputs: RenderInputs, _ analysis: RenderAnalysis, _ options: RenderOptions, proj: PROJContext) throws -> MapDocument {
        let g = inputs.gazetteer
        let focus = analysis.focus
        let ring = MapFeature(id: "ring-10km-" + focus.id,
                              geometry: .lineString(GeodesicBuffer.circle(centre: focus.position, radiusMetres: 10_000, toleranceMetres: 1)),
                              label: "10 km from \(focus.name)", data: [("radius-m", "10000"), ("centre", focus.id)], labelPriority: 15)
        let rings = MapLayer(id: "ring-10km", title: "10 km ring", style: MapPalette.ring, features: [ring],
                             legend: [LegendEntry(.line, MapPalette.ring, "10 km from \(focus.name) (geodesic circle)")])
        let d = analysis.focusToBorder
        let line = MapFeature(id: focus.id + "-border-line", geometry: .lineString(d.line),
                              label: "\(d.shortLength) to the border",
                              data: [("from-id", focus.id), ("distance-m", JSONWriter.format(d.distanceMetres, decimals: 1)),
                                     ("to-lat", JSONWriter.format(d.measurement.nearest.lat, decimals: 6)),
                                     ("to-lon", JSONWriter.format(d.measurement.nearest.lon, decimals: 6))],
                              labelPriority: 80)
        let lines = MapLayer(id: focus.id + "-border-line", title: "Distance to the border", style: MapPalette.distanceLine, features: [line],
                             legend: [LegendEntry(.line, MapPalette.distanceLine,
                                                  "Shortest geodesic from \(focus.name) to the border: \(JSONWriter.format(d.distanceMetres / 1000, decimals: 2)) km")])
        // The frame shows the ring, the nearest border point and the country around: 16 km each way.
        var focusPositions = GeodesicBuffer.circle(centre: focus.position, radiusMetres: 16_000, toleranceMetres: 50)
        focusPositions += [focus.position, d.measurement.nearest]
        let box = eventBox(focusPositions)
        let events = try eventContent(inputs.events, within: box, options: options, proj: proj)
        let layers = ([
            BorderLayers.countries(inputs.borders.countries),
            BorderLayers.border(inputs.borders.border),
        ] + events.layers.dropLast() + [
            rings,
            lines,
            PlaceLayers.observationPoints(g),
            events.layers.last!,
            PlaceLayers.places(g),
        ]).filter { !$0.features.isEmpty }
        return MapDocument(
            id: focus.id + "-detail",
            title: "\(focus.name) and the Turkish border",
            subtitle: "Geodesic distances on WGS 84; places known only approximately are drawn as the area they may lie in.",
            layers: layers, attribution: attribution(inputs, projectionNote: projectionNote(options)),
            areaLabels: BorderLayers.countryLabels(inputs.borders.countries), focus: focusPositions,
            timeline: Timeline(inputs.events.filter { box?.contains($0.position) ?? true }, measure: options.aggregation.measure))
    }
}
