import Foundation
import GeoCore

/// What the main job reads: the gazetteer, the world's countries and borders, and the events.
public struct RenderInputs: Sendable {
    public var gazetteer: Gazetteer
    public var world: World
    /// Events with their reports (the bundled ones, or a user's ACLED/UCDP file).
    public var events: [Event]

    public init(gazetteer: Gazetteer, world: World, events: [Event] = []) {
        self.gazetteer = gazetteer; self.world = world; self.events = events
    }
}

/// The measurements behind the maps, made once: the scenario's borders, the focus place and its
/// distance to them, and the geodesic zones.
public struct RenderAnalysis: Sendable {
    public let scenario: Scenario
    public let borders: LandBorderSet
    public let focus: Place?
    public let focusToBorder: BorderDistance?
    /// Approximate places near the focus, each with its distance to the border.
    public let nearbyApproximate: [BorderDistance]
    /// The zones, in the scenario's order, with the country each is clipped to.
    public let zones: [(name: String, result: BufferResult, side: Country)]
    /// The countries the maps fill as theirs (ADM0_A3): the zones' sides and the focus's country,
    /// else the country most of the data lies in. Worked out once, for every map and panel.
    public let primaryCountries: Set<String>

    public init(_ inputs: RenderInputs, scenario: Scenario) throws {
        self.scenario = scenario
        do { borders = try TargetResolver.borders(scenario.border, in: inputs.world) } catch {
            throw RenderError("scenario \(scenario.id): border: \(error.description)")
        }
        if let id = scenario.focus {
            do { focus = try inputs.gazetteer.lookup(id) } catch { throw RenderError("scenario \(scenario.id): focus: \(error.description)") }
        } else {
            focus = nil
        }
        let borders = self.borders
        focusToBorder = focus.map { BorderDistance(place: $0, borders: borders) }
        var nearbyRadius = 0.0
        for case .focusToBorder(let r) in scenario.measurements { nearbyRadius = r }
        if let focus, nearbyRadius > 0 {
            nearbyApproximate = inputs.gazetteer.places
                .filter { $0.isApproximate && $0.observationPoint == nil && !PlaceLayers.regionKinds.contains($0.kind) && $0.id != focus.id }
                .filter { Geodesic.distance($0.position, focus.position) <= nearbyRadius }
                .map { BorderDistance(place: $0, borders: borders) }
        } else {
            nearbyApproximate = []
        }
        var zones: [(String, BufferResult, Country)] = []
        for z in scenario.zones {
            guard let side = inputs.world.country(z.side) else { throw RenderError("scenario \(scenario.id): zone \(z.layer): no country '\(z.side)'") }
            zones.append((z.layer, try Zones.buffer(.borders(borders), radiusMetres: z.radiusMetres, clip: side), side))
        }
        self.zones = zones
        var primary = Set(zones.map(\.2.code))
        let samples = primary.isEmpty ? Self.samples(inputs, focus: focus) : []
        if primary.isEmpty, let box = BoundingBox(samples) {
            // Countries near the samples, each prepared only when a sample falls in its box.
            let near = inputs.world.countries(meeting: box)
            let boxes = near.map(\.geometry.boundingBox)
            var areas: [Int: GeodesicArea] = [:]
            var counts: [String: Int] = [:]
            for p in samples {
                for (i, c) in near.enumerated() where boxes[i]?.contains(p) ?? false {
                    let area = areas[i] ?? c.prepared()
                    areas[i] = area
                    if area.contains(p) { counts[c.code, default: 0] += 1; break }
                }
            }
            if let main = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key { primary = [main] }
        }
        primaryCountries = primary
    }

    /// Up to about 200 positions that stand for the data (the focus alone when there is one): events, else places.
    private static func samples(_ inputs: RenderInputs, focus: Place?) -> [LonLat] {
        if let focus { return [focus.position] }
        let n = inputs.events.isEmpty ? inputs.gazetteer.places.count : inputs.events.count
        return stride(from: 0, to: n, by: max(1, n / 200)).map { inputs.events.isEmpty ? inputs.gazetteer.places[$0].position : inputs.events[$0].position }
    }
}

/// What a user may change about the maps.
public struct RenderOptions: Sendable {
    /// `--projection`: a PROJ string or EPSG code for every map; nil for transverse Mercator on each.
    public var projection: String?
    /// `--bbox` for the maps that fit the data.
    public var bbox: BoundingBox?
    /// `--focus`: the place the scenario's focus becomes (name or id).
    public var focusPlace: String?
    /// `--aggregate`, `--measure`, `--bin`: how many events are drawn.
    public var aggregation = AggregationOptions()
    /// `--facet`: also draw small multiples of the first map fitted to the data, one panel per period.
    public var facet: TimePeriod?

    public init(projection: String? = nil, bbox: BoundingBox? = nil, focusPlace: String? = nil) {
        self.projection = projection; self.bbox = bbox; self.focusPlace = focusPlace
    }
}

/// One file of the main job's output: its name in the output folder and its text, held whole
/// or (for a large layer) made piece by piece as it is written.
public struct OutputFile: Sendable {
    public let name: String
    private let body: Body

    enum Body: Sendable {
        case text(String)
        /// Hands the file's bytes, in order, to the function it is given.
        case stream(@Sendable (_ emit: ([UInt8]) throws(AtomicWrite.Failure) -> Void) throws(AtomicWrite.Failure) -> Void)
    }

    public init(name: String, contents: String) { self.name = name; body = .text(contents) }

    init(name: String, stream: @escaping @Sendable (_ emit: ([UInt8]) throws(AtomicWrite.Failure) -> Void) throws(AtomicWrite.Failure) -> Void) {
        self.name = name; body = .stream(stream)
    }

    /// The whole text (made in memory for a streamed file).
    public var contents: String {
        switch body {
        case .text(let t): return t
        case .stream(let make):
            var bytes: [UInt8] = []
            try? make { bytes.append(contentsOf: $0) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Writes the file to `path` atomically: a streamed one never exists in memory whole.
    public func write(to path: String) throws(AtomicWrite.Failure) {
        switch body {
        case .text(let t): try AtomicWrite.write(t, to: path)
        case .stream(let make):
            let file = try AtomicFile(path)
            do throws(AtomicWrite.Failure) {
                try make { bytes throws(AtomicWrite.Failure) in try file.append(bytes) }
                try file.commit()
            } catch {
                file.abandon()
                throw error
            }
        }
    }
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

/// The main job: the GeoJSON layers, the SVG maps and the measurements of a scenario (bundled,
/// given, or derived from the data). Pure: it returns file contents; `write` puts them in a
/// folder atomically.
public enum RenderJob {
    static let geoJSONWriter = GeoJSONWriter(coordinateDecimals: 7, propertyDecimals: 6, densifyToleranceMetres: 1)

    /// The scenario with the user's `--focus` applied (a place name or id resolved to its id), and
    /// `{focus}` / `{focus_name}` in map ids, titles and layer names replaced by the focus place's.
    public static func scenario(_ base: Scenario, _ inputs: RenderInputs, _ options: RenderOptions) throws -> Scenario {
        var s = base
        if let f = options.focusPlace {
            do { s.focus = try inputs.gazetteer.lookup(f).id } catch { throw RenderError("--focus: \(error.description)") }
        }
        let place = s.focus.flatMap { inputs.gazetteer.place(id: $0) }
        func fill(_ t: String) -> String {
            t.replacingOccurrences(of: "{focus}", with: place?.id ?? "focus").replacingOccurrences(of: "{focus_name}", with: place?.name ?? "")
        }
        s.maps = s.maps.map { m in var m = m; m.id = fill(m.id); m.title = fill(m.title); m.subtitle = fill(m.subtitle); return m }
        s.layerNames.focusLine = s.layerNames.focusLine.map(fill)
        return s
    }

    /// The named GeoJSON layers, in output order.
    public static func geoJSONLayers(_ inputs: RenderInputs, _ analysis: RenderAnalysis) -> [FeatureCollection] {
        geoJSONLayerSources(inputs, analysis).map { layer in
            switch layer {
            case .built(let c): c
            case .events(let events, let name): GeoJSONLayers.events(events, name: name)
            }
        }
    }

    /// A GeoJSON layer, built, or the events whose features are made as the file is written.
    enum LayerSource {
        case built(FeatureCollection)
        case events([Event], name: String)
    }

    /// The layers in output order, none empty.
    static func geoJSONLayerSources(_ inputs: RenderInputs, _ analysis: RenderAnalysis) -> [LayerSource] {
        let names = analysis.scenario.layerNames
        var layers: [LayerSource] = [
            .built(GeoJSONLayers.places(inputs.gazetteer, name: names.places)),
            .built(GeoJSONLayers.observationPoints(inputs.gazetteer, name: names.observationPoints)),
            .events(inputs.events, name: names.events),
            .built(GeoJSONLayers.borders(shown(analysis.borders, inputs, analysis), name: names.border)),
        ]
        for z in analysis.zones { layers.append(.built(GeoJSONLayers.borderZone(z.result, borders: analysis.borders, side: z.side, name: z.name))) }
        if let d = analysis.focusToBorder, let name = names.focusLine {
            layers.append(.built(GeoJSONLayers.borderLine(d, name: name)))
        }
        return layers.filter { layer in
            switch layer {
            case .built(let c): !c.features.isEmpty
            case .events(let events, _): !events.isEmpty
            }
        }
    }

    /// The borders worth writing and drawing: a scenario's own, or, for the nearest land border,
    /// those near the data (within 500 km of its box).
    static func shown(_ set: LandBorderSet, _ inputs: RenderInputs, _ analysis: RenderAnalysis) -> [LandBorder] {
        guard set.borders.count > 1 else { return set.borders }
        guard let box = dataBox(inputs, analysis)?.widened(byDegrees: 5) else { return [] }
        return set.borders.filter { b in b.lines.contains { $0.contains(where: box.contains) } }
    }

    /// The box of the events and places (and the focus).
    static func dataBox(_ inputs: RenderInputs, _ analysis: RenderAnalysis) -> BoundingBox? {
        BoundingBox(inputs.events.map(\.position) + inputs.gazetteer.places.map(\.position) + [analysis.focus?.position].compactMap { $0 })
    }

    /// Runs the whole job in memory.
    public static func run(_ inputs: RenderInputs, scenario: Scenario, _ options: RenderOptions) throws -> RenderProduct {
        let proj = try PROJContext()
        let geos = GEOSContext()
        let analysis = try RenderAnalysis(inputs, scenario: try Self.scenario(scenario, inputs, options))
        var files: [OutputFile] = []
        for layer in geoJSONLayerSources(inputs, analysis) {
            switch layer {
            case .built(let c): files.append(OutputFile(name: (c.name ?? "layer") + ".geojson", contents: geoJSONWriter.string(c)))
            case .events(let events, let name):
                files.append(OutputFile(name: name + ".geojson") { emit throws(AtomicWrite.Failure) in
                    try geoJSONWriter.write(name: name, bbox: BoundingBox(events.map(\.position)), count: events.count,
                                            feature: { GeoJSONLayers.eventFeature(events[$0]) }, emit: emit)
                })
            }
        }
        var dropped: [String: [String]] = [:]
        for spec in analysis.scenario.maps {
            let doc = try map(spec, inputs, analysis, options, proj: proj)
            var request = MapFrameRequest(projection: options.projection)
            if case .box(let b) = spec.extent { request.bbox = b }
            if case .fitData = spec.extent, let b = options.bbox { request.bbox = b }
            let svg = try SVGRenderer(request: request).render(doc, proj: proj, geos: geos)
            files.append(OutputFile(name: spec.id + ".svg", contents: svg.svg))
            dropped[spec.id + ".svg"] = svg.droppedLabels
            // Small multiples of the first map fitted to the data.
            if let period = options.facet, spec.id == analysis.scenario.maps.first(where: { if case .fitData = $0.extent { true } else { false } })?.id,
               let (sheet, labels) = try facetSheet(inputs, analysis, options, spec: spec, period: period, overview: doc, proj: proj, geos: geos) {
                files.append(sheet)
                dropped[sheet.name] = labels
            }
        }
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
            try f.write(to: path)
            paths.append(path)
        }
        return paths
    }
}
