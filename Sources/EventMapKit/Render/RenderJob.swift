import Foundation
import GeoCore

/// What the main job reads: the gazetteer and the border data (events join when present).
public struct RenderInputs: Sendable {
    public var gazetteer: Gazetteer
    /// The Syria-Turkey border line and the country polygons.
    public var borders: Borders
    /// Events with their reports (the bundled ones, or a user's ACLED/UCDP file).
    public var events: [Event]

    public init(gazetteer: Gazetteer, borders: Borders, events: [Event] = []) {
        self.gazetteer = gazetteer; self.borders = borders; self.events = events
    }
}

/// The measurements behind the maps, made once: the detail map's place and its distance to the
/// border, and the geodesic zones along the border on the Syrian side.
public struct RenderAnalysis: Sendable {
    public let focus: Place
    public let focusToBorder: BorderDistance
    /// Approximate places near the focus (the camp), each with its distance to the border.
    public let nearbyApproximate: [BorderDistance]
    /// The side the zones lie on (Syria), when the border data has it.
    public let zoneSide: Country?
    /// The 10 km and 20 km zones, in that order.
    public let zones: [(name: String, result: BufferResult)]

    /// Zone radii in metres and their layer names.
    public static let zoneRadii: [(Double, String)] = [(10_000, "border-zone-10km"), (20_000, "border-zone-20km")]

    public init(_ inputs: RenderInputs, focus: Place) throws {
        self.focus = focus
        focusToBorder = BorderDistance(place: focus, borders: inputs.borders)
        nearbyApproximate = inputs.gazetteer.places
            .filter { $0.isApproximate && $0.observationPoint == nil && !PlaceLayers.regionKinds.contains($0.kind) && $0.id != focus.id }
            .filter { Geodesic.distance($0.position, focus.position) <= 25_000 }
            .map { BorderDistance(place: $0, borders: inputs.borders) }
        zoneSide = inputs.borders.country("SY")
        var zones: [(String, BufferResult)] = []
        if let side = zoneSide {
            for (radius, name) in Self.zoneRadii {
                zones.append((name, try Zones.borderZone(inputs.borders, radiusMetres: radius, side: side)))
            }
        }
        self.zones = zones
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
    /// `--aggregate`, `--measure`, `--bin`: how many events are drawn.
    public var aggregation = AggregationOptions()
    /// `--facet`: also draw small multiples of the overview, one panel per period.
    public var facet: TimePeriod?

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
    public static func geoJSONLayers(_ inputs: RenderInputs, _ analysis: RenderAnalysis) -> [FeatureCollection] {
        var layers = [
            GeoJSONLayers.places(inputs.gazetteer),
            GeoJSONLayers.observationPoints(inputs.gazetteer),
            GeoJSONLayers.events(inputs.events),
            GeoJSONLayers.border(inputs.borders.border),
        ]
        if let side = analysis.zoneSide {
            for z in analysis.zones { layers.append(GeoJSONLayers.borderZone(z.result, borders: inputs.borders, side: side, name: z.name)) }
        }
        layers.append(GeoJSONLayers.borderLine(analysis.focusToBorder, name: analysis.focus.id + "-border-line"))
        return layers.filter { !$0.features.isEmpty }
    }

    /// Runs the whole job in memory.
    public static func run(_ inputs: RenderInputs, _ options: RenderOptions) throws -> RenderProduct {
        let proj = try PROJContext()
        let geos = GEOSContext()
        let focus = try focusPlace(inputs, options)
        let analysis = try RenderAnalysis(inputs, focus: focus)
        var files: [OutputFile] = []
        for layer in geoJSONLayers(inputs, analysis) {
            files.append(OutputFile(name: (layer.name ?? "layer") + ".geojson", contents: geoJSONWriter.string(layer)))
        }
        var dropped: [String: [String]] = [:]
        let request = MapFrameRequest(projection: options.projection, bbox: options.bbox)
        let overviewEvents = try eventContent(inputs.events, within: options.bbox, options: options, proj: proj)
        let overviewDoc = overviewMap(inputs, analysis, options, events: overviewEvents)
        let overview = try SVGRenderer(request: request).render(overviewDoc, proj: proj, geos: geos)
        files.append(OutputFile(name: "nw-syria-overview.svg", contents: overview.svg))
        dropped["nw-syria-overview.svg"] = overview.droppedLabels
        if let period = options.facet, let (sheet, labels) = try facetSheet(inputs, analysis, options, period: period, overview: overviewDoc, proj: proj, geos: geos) {
            files.append(sheet)
            dropped[sheet.name] = labels
        }
        let detailRequest = MapFrameRequest(projection: options.projection)
        let detailDoc = try detailMap(inputs, analysis, options, proj: proj)
        let detail = try SVGRenderer(request: detailRequest).render(detailDoc, proj: proj, geos: geos)
        files.append(OutputFile(name: detailDoc.id + ".svg", contents: detail.svg))
        dropped[detailDoc.id + ".svg"] = detail.droppedLabels
        files.append(try htmlMap(inputs, analysis, options, proj: proj))
        return RenderProduct(files: files, measurements: measurements(inputs, analysis), droppedLabels: dropped)
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
}
