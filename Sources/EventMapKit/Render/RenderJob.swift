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
        let overview = try SVGRenderer(request: request).render(overviewMap(inputs, analysis, options), proj: proj, geos: geos)
        files.append(OutputFile(name: "nw-syria-overview.svg", contents: overview.svg))
        dropped["nw-syria-overview.svg"] = overview.droppedLabels
        let detailRequest = MapFrameRequest(projection: options.projection)
        let detailDoc = detailMap(inputs, analysis, options)
        let detail = try SVGRenderer(request: detailRequest).render(detailDoc, proj: proj, geos: geos)
        files.append(OutputFile(name: detailDoc.id + ".svg", contents: detail.svg))
        dropped[detailDoc.id + ".svg"] = detail.droppedLabels
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

    static func overviewMap(_ inputs: RenderInputs, _ analysis: RenderAnalysis, _ options: RenderOptions) -> MapDocument {
        let g = inputs.gazetteer
        let ops = PlaceLayers.observationPoints(g)
        var focusPositions = ops.features.flatMap { $0.drawnGeometry.positions }
        if focusPositions.isEmpty { focusPositions = g.places.map(\.position) }
        focusPositions.append(analysis.focus.position)
        let events = EventLayers.layers(inputs.events)
        focusPositions += events.symbols.features.map(\.geometry).flatMap(\.positions)
        var layers = [BorderLayers.countries(inputs.borders.countries)]
        if let zone = analysis.zones.last, let side = analysis.zoneSide {
            layers.append(ZoneLayers.zone(zone.result, id: zone.name, side: side, style: MapPalette.zone20))
        }
        layers += [
            PlaceLayers.regions(g),
            BorderLayers.border(inputs.borders.border),
            events.areas,
            ops,
            events.symbols,
            PlaceLayers.places(g),
        ]
        layers = layers.filter { !$0.features.isEmpty }
        return MapDocument(
            id: "nw-syria-overview",
            title: "North-west Syria: the Turkish observation points and the border, end of 2020",
            subtitle: "Observation points coloured by their status on 31 Dec 2020; "
                + (events.symbols.features.isEmpty ? "" : "events sized by their death toll; ")
                + "approximate locations drawn as circles of their uncertainty radius.",
            layers: layers, attribution: attribution(inputs, projectionNote: projectionNote(options)),
            areaLabels: BorderLayers.countryLabels(inputs.borders.countries), focus: focusPositions)
    }

    static func detailMap(_ inputs: RenderInputs, _ analysis: RenderAnalysis, _ options: RenderOptions) -> MapDocument {
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
        let events = EventLayers.layers(inputs.events)
        let layers = [
            BorderLayers.countries(inputs.borders.countries),
            BorderLayers.border(inputs.borders.border),
            events.areas,
            rings,
            lines,
            PlaceLayers.observationPoints(g),
            events.symbols,
            PlaceLayers.places(g),
        ].filter { !$0.features.isEmpty }
        return MapDocument(
            id: focus.id + "-detail",
            title: "\(focus.name) and the Turkish border",
            subtitle: "Geodesic distances on WGS 84; places known only approximately are drawn as the area they may lie in.",
            layers: layers, attribution: attribution(inputs, projectionNote: projectionNote(options)),
            areaLabels: BorderLayers.countryLabels(inputs.borders.countries), focus: focusPositions)
    }

    // MARK: - Measurements

    /// The front towns near the Morek post that the terminal reports distances to.
    static let morekFrontTowns = ["morek", "qalat-al-madiq", "maarrat-al-numan", "hama"]

    static func measurements(_ inputs: RenderInputs, _ analysis: RenderAnalysis) -> [KeyMeasurement] {
        var out: [KeyMeasurement] = []
        let g = inputs.gazetteer
        for d in [analysis.focusToBorder] + analysis.nearbyApproximate {
            let m = d.measurement
            let azimuth = m.azimuthDegrees.map { " heading \(JSONWriter.format(CompassPoint.normalised($0), decimals: 1))° (\(CompassPoint.name(forAzimuthDegrees: $0)))" } ?? ""
            var note = "nearest border point \(m.nearest)\(azimuth); exact along the border's geodesic edges (Natural Earth 1:10m line)"
            if !m.notes.isEmpty { note += ". " + m.notes.joined(separator: " ") }
            out.append(KeyMeasurement(subject: "\(d.place.name) to the \(m.targetLabel)",
                                      value: .distance(metres: m.distanceMetres, plusMinusMetres: m.uncertaintyMetres > 0 ? m.uncertaintyMetres : nil),
                                      note: note))
        }
        for e in EventLayers.drawable(inputs.events) where e.killed != nil || e.wounded != nil || e.killedAndWounded != nil {
            var figures: [String] = []
            if let k = e.killed { figures.append("killed \(k)") }
            if let w = e.wounded { figures.append("wounded \(w)") }
            if let kw = e.killedAndWounded { figures.append("killed and wounded together (never split) \(kw)") }
            let superseded = CasualtyRules.supersededIds(in: e.claims)
            let reports = e.claims.filter(\.kind.isCasualty).map { "      " + EventLayers.claimLine(e, $0, superseded: superseded) }
            var where_ = "at \(e.location.isEmpty ? (e.placeId ?? e.position.description) : e.location)"
            if e.isApproximate { where_ += ", placed within \(JSONWriter.format(e.uncertaintyMetres / 1000, decimals: 1)) km" }
            out.append(KeyMeasurement(subject: "\(EventLayers.dateText(e.date)) \(e.subEventType) (\(e.id))",
                                      value: .text(figures.joined(separator: "; ")),
                                      note: "\(where_); \(e.claims.count) report(s), the casualty claims:\n" + reports.joined(separator: "\n")))
        }
        for z in analysis.zones {
            out.append(KeyMeasurement(subject: "Zone within \(JSONWriter.format(z.result.radiusMetres / 1000, decimals: 0)) km of the border, \(analysis.zoneSide?.name ?? "") side",
                                      value: .text("\(JSONWriter.format(z.result.areaSquareMetres / 1e6, decimals: 1)) km²"),
                                      note: "geodesic buffer, boundary within \(JSONWriter.format(z.result.toleranceMetres, decimals: 1)) m of the true radius; area by geod_polygonarea"))
        }
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
