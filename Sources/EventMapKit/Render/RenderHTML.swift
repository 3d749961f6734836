import GeoCore

/// The render job's interactive map (`overview.html`): the overview's basemap and layers, and
/// every event, for the page's own time slider, filters and clusters.
extension RenderJob {
    public static let htmlFileName = "overview.html"

    static func htmlMap(_ inputs: RenderInputs, _ analysis: RenderAnalysis, _ options: RenderOptions, proj: PROJContext) throws -> OutputFile {
        let g = inputs.gazetteer
        // The scenario's first map fitted to the data gives the page its title and extent.
        let spec = analysis.scenario.maps.first { if case .fitData = $0.extent { true } else { false } } ?? analysis.scenario.maps[0]
        var focus = try focusPositions(spec, inputs, analysis, options, events: [])
        if case .fitData = spec.extent, options.bbox == nil { focus += inputs.events.map(\.position) }
        var layers = [try countriesLayer(focus, inputs, analysis).0]
        if let z = analysis.zones.last { layers.append(ZoneLayers.zone(z.result, id: z.name, side: z.side, style: MapPalette.zone20)) }
        layers += [PlaceLayers.regions(g), bordersLayer(inputs, analysis), PlaceLayers.observationPoints(g), PlaceLayers.places(g)]
        let input = HTMLMapInput(
            title: spec.title,
            subtitle: "Interactive offline map: move the time slider, filter, click an event for its casualty ranges and every report.",
            layers: layers, events: inputs.events, attribution: attribution(inputs, projectionNote: projectionNote(options)),
            projection: options.projection, focus: focus)
        return OutputFile(name: htmlFileName, contents: try HTMLMap.page(input, context: proj))
    }
}

extension RenderProduct {
    /// The same product less one file (the HTML page, when `--html` writes it elsewhere).
    public func without(file name: String) -> RenderProduct {
        RenderProduct(files: files.filter { $0.name != name }, measurements: measurements, droppedLabels: droppedLabels)
    }
}
