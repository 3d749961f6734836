import GeoCore

/// The render job's interactive map (`overview.html`): the overview's basemap and layers, and
/// every event, for the page's own time slider, filters and clusters.
extension RenderJob {
    public static let htmlFileName = "overview.html"

    static func htmlMap(_ inputs: RenderInputs, _ analysis: RenderAnalysis, _ options: RenderOptions, proj: PROJContext) throws -> OutputFile {
        let g = inputs.gazetteer
        var layers = [BorderLayers.countries(inputs.borders.countries)]
        if let zone = analysis.zones.last, let side = analysis.zoneSide {
            layers.append(ZoneLayers.zone(zone.result, id: zone.name, side: side, style: MapPalette.zone20))
        }
        layers += [PlaceLayers.regions(g), BorderLayers.border(inputs.borders.border), PlaceLayers.observationPoints(g), PlaceLayers.places(g)]
        var focus = PlaceLayers.observationPoints(g).features.flatMap { $0.drawnGeometry.positions } + [analysis.focus.position]
        if let b = options.bbox { focus += [LonLat(lon: b.west, lat: b.south), LonLat(lon: b.east, lat: b.north)] }
        let input = HTMLMapInput(
            title: "North-west Syria: events, the Turkish observation points and the border",
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
