import Foundation
import GeoCore

/// What the main job reads: the gazetteer and the border data (events join when present).
public struct RenderInputs: Sendable {
    public var gazetteer: Gazetteer
    /// The Syria-Turkey border line(s), lon/lat.
    public var border: FeatureCollection
    /// The country polygons drawn under everything.
    public var countries: FeatureCollection

    public init(gazetteer: Gazetteer, border: FeatureCollection, countries: FeatureCollection) {
        self.gazetteer = gazetteer; self.border = border; self.countries = countries
    }
}

/// What a user may change about the maps.
public struct RenderOptions: Sendable {
    /// `--projection`: a PROJ string or EPSG code for both maps; nil for transverse Mercator on each.
    public var projection: String?
    /// `--bbox` for the overview map.
    public var bbox: BoundingBox?
    /// The place the detail map is about; nil for Kafr Takharim, or the first place when the
    /// gazetteer has none of that id.
    public var focusPlaceID: String?

    public init(projection: String? = nil, bbox: BoundingBox? = nil, focusPlaceID: String? = nil) {
        self.projection = projection; self.bbox = bbox; self.focusPlaceID = focusPlaceID
    }
}

/// One file of the main job's output: its name in the output folder and its text.
public struct OutputFile: Sendable, Equatable {
    public let name: String
    public let contents: String
}

/// A measurement worth printing: what was measured and its value, with the uncertainty that the
/// places' precision brings.
public struct KeyMeasurement: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        /// A geodesic distance; `plusMinusMetres` when a place is approximate.
        case distance(metres: Double, plusMinusMetres: Double?)
        case text(String)
    }

    public let subject: String
    public let value: Value
    /// How it was measured, or why it is uncertain.
    public let note: String
}

/// Everything the main job made, in the order it is written and printed.
public struct RenderProduct: Sendable {
    public let files: [OutputFile]
    public let measurements: [KeyMeasurement]
    /// Per map, labels that found no room and were left off.
    public let droppedLabels: [String: [String]]
}

/// Why the main job stopped.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The main job: the GeoJSON layers and the SVG maps of the bundled scenario (or of a user's
/// own data), and the measurements behind them. Pure: it returns file contents; `write` puts
/// them in a folder atomically.
public enum RenderJob {
    public static let defaultFocusPlaceID = "kafr-takharim"
    static let geoJSONWriter = GeoJSONWriter(coordinateDecimals: 7, propertyDecimals: 6, densifyToleranceMetres: 1)

    /// The place the detail map is about.
    public static func focusPlace(_ inputs: RenderInputs, _ options: RenderOptions) throws -> Place {
        if let id = options.focusPlaceID {
            do { return try inputs.gazetteer.lookup(id) } catch { throw RenderError("--focus: \(error.description)") }
        }
        if let p = inputs.gazetteer.place(id: defaultFocusPlaceID) { return p }
        guard let first = inputs.gazetteer.places.first else { throw RenderError("the gazetteer has no places: there is nothing to map") }
        return first
    }

    /// The named GeoJSON layers, in output order.
    public static func geoJSONLayers(_ inputs: RenderInputs, _ options: RenderOptions) throws -> [FeatureCollection] {
        var layers = [
            GeoJSONLayers.places(inputs.gazetteer),
            GeoJSONLayers.observationPoints(inputs.gazetteer),
            GeoJSONLayers.border(inputs.border),
        ]
        layers = layers.filter { !$0.features.isEmpty }
        return layers
    }

    /// Runs the whole job in memory.
    public static func run(_ inputs: RenderInputs, _ options: RenderOptions) throws -> RenderProduct {
        let proj = try PROJContext()
        let geos = GEOSContext()
        let focus = try focusPlace(inputs, options)
        var files: [OutputFile] = []
        for layer in try geoJSONLayers(inputs, options) {
            files.append(OutputFile(name: (layer.name ?? "layer") + ".geojson", contents: geoJSONWriter.string(layer)))
        }
        var dropped: [String: [String]] = [:]
        let request = MapFrameRequest(projection: options.projection, bbox: options.bbox)
        let overview = try SVGRenderer(request: request).render(overviewMap(inputs, focus: focus), proj: proj, geos: geos)
        files.append(OutputFile(name: "nw-syria-overview.svg", contents: overview.svg))
        dropped["nw-syria-overview.svg"] = overview.droppedLabels
        let detailRequest = MapFrameRequest(projection: options.projection)
        let detailDoc = detailMap(inputs, focus: focus)
        let detail = try SVGRenderer(request: detailRequest).render(detailDoc, proj: proj, geos: geos)
        files.append(OutputFile(name: detailDoc.id + ".svg", contents: detail.svg))
        dropped[detailDoc.id + ".svg"] = detail.droppedLabels
        return RenderProduct(files: files, measurements: measurements(inputs, focus: focus), droppedLabels: dropped)
    }

    /// Writes every file into `directory` (created if missing), each atomically; returns the paths.
    public static func write(_ product: RenderProduct, to directory: String) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw RenderError("cannot create the output folder \(directory): \(error.localizedDescription)")
        }
        var paths: [String] = []
        for f in product.files {
            let path = (directory as NSString).appendingPathComponent(f.name)
            try AtomicWrite.write(f.contents, to: path)
            paths.append(path)
        }
        return paths
    }

    // MARK: - The maps

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
        lines.append(projectionNote + " Distances are WGS 84 geodesics (GeographicLib via PROJ).")
        return lines
    }

    static func overviewMap(_ inputs: RenderInputs, focus: Place) -> MapDocument {
        let g = inputs.gazetteer
        let ops = PlaceLayers.observationPoints(g)
        var focusPositions = ops.features.flatMap { $0.drawnGeometry.positions }
        if focusPositions.isEmpty { focusPositions = g.places.map(\.position) }
        focusPositions.append(focus.position)
        let layers = [
            BorderLayers.countries(inputs.countries),
            PlaceLayers.regions(g),
            BorderLayers.border(inputs.border),
            ops,
            PlaceLayers.places(g),
        ].filter { !$0.features.isEmpty }
        return MapDocument(
            id: "nw-syria-overview",
            title: "North-west Syria: the Turkish observation points and the border, end of 2020",
            subtitle: "Observation points coloured by their status on 31 Dec 2020; approximate locations drawn as circles of their uncertainty radius.",
            layers: layers, attribution: attribution(inputs, projectionNote: "Transverse Mercator centred on the map unless stated."),
            areaLabels: BorderLayers.countryLabels(inputs.countries), focus: focusPositions)
    }

    static func detailMap(_ inputs: RenderInputs, focus: Place) -> MapDocument {
        let g = inputs.gazetteer
        let ring = MapFeature(id: "ring-10km-" + focus.id,
                              geometry: .lineString(Geodesic.circle(centre: focus.position, radiusMetres: 10_000, toleranceMetres: 1)),
                              label: "10 km from \(focus.name)", data: [("radius-m", "10000"), ("centre", focus.id)], labelPriority: 15)
        let rings = MapLayer(id: "ring-10km", title: "10 km ring", style: MapPalette.ring, features: [ring],
                             legend: [LegendEntry(.line, MapPalette.ring, "10 km from \(focus.name) (geodesic circle)")])
        // The frame shows the ring and the country around it, border included: 16 km each way.
        var focusPositions = Geodesic.circle(centre: focus.position, radiusMetres: 16_000, vertexCount: 72)
        focusPositions.append(focus.position)
        let layers = [
            BorderLayers.countries(inputs.countries),
            BorderLayers.border(inputs.border),
            rings,
            PlaceLayers.observationPoints(g),
            PlaceLayers.places(g),
        ].filter { !$0.features.isEmpty }
        return MapDocument(
            id: focus.id + "-detail",
            title: "\(focus.name) and the Turkish border",
            subtitle: "Geodesic distances on WGS 84; places known only approximately are drawn as the area they may lie in.",
            layers: layers, attribution: attribution(inputs, projectionNote: "Transverse Mercator centred on the map unless stated."),
            areaLabels: BorderLayers.countryLabels(inputs.countries), focus: focusPositions)
    }

    // MARK: - Measurements

    /// The front towns near the Morek post that the terminal reports distances to.
    static let morekFrontTowns = ["morek", "qalat-al-madiq", "maarrat-al-numan", "hama"]

    static func measurements(_ inputs: RenderInputs, focus: Place) -> [KeyMeasurement] {
        var out: [KeyMeasurement] = []
        let g = inputs.gazetteer
        if let op = g.place(id: "op09-morek") {
            for id in morekFrontTowns {
                guard let town = g.place(id: id) else { continue }
                let d = Geodesic.distance(op.position, town.position)
                let plusMinus = op.uncertaintyMetres + (town.isApproximate ? town.uncertaintyMetres : 0)
                var note = "WGS 84 geodesic between the gazetteer points; the post is placed within \(Int(op.uncertaintyMetres / 1000)) km (\(op.source))"
                if d < 1 { note += ": it is pinned at this town's centroid, so only the radius bounds the distance" }
                out.append(KeyMeasurement(subject: "\(op.name) to \(town.name)", value: .distance(metres: d, plusMinusMetres: op.isApproximate ? plusMinus : nil), note: note))
            }
        }
        return out
    }
}
