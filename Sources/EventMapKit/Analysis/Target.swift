import GeoCore

/// What a spatial query measures to: a point (a place or a typed coordinate), a line (the
/// border) or an area (a country, or the polygons of a GeoJSON file).
public enum Target: Sendable {
    case point(NamedPoint)
    case line(name: String, geometry: Geometry, index: GeodesicPolyline)
    case area(name: String, geometry: Geometry, area: GeodesicArea)

    /// How to call it in output.
    public var label: String {
        switch self {
        case .point(let p): p.label
        case .line(let name, _, _), .area(let name, _, _): name
        }
    }

    /// Its geometry in lon/lat (edges geodesic).
    public var geometry: Geometry {
        switch self {
        case .point(let p): .point(p.position)
        case .line(_, let g, _), .area(_, let g, _): g
        }
    }

    /// The geodesic area in m² of an area target (`geod_polygonarea`); nil for points and lines.
    public var areaSquareMetres: Double? {
        if case .area(_, _, let a) = self { return a.areaSquareMetres }
        return nil
    }

    /// The place behind a point target, if any.
    public var place: Place? {
        if case .point(let p) = self { return p.place }
        return nil
    }

    /// A target from GeoJSON text: its polygons make an area; otherwise its lines make a line;
    /// a single point makes a point.
    public static func fromGeoJSON(_ text: String, name: String) throws(AnalysisError) -> Target {
        let fc: FeatureCollection
        do { fc = try GeoJSONReader.read(text) } catch { throw .badFile(file: name, reason: error.description) }
        let geometries = fc.features.compactMap(\.geometry)
        let polygons = geometries.flatMap(\.polygons)
        if !polygons.isEmpty {
            let g: Geometry = polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons)
            return .area(name: name, geometry: g, area: GeodesicArea(g))
        }
        let lines = geometries.flatMap(\.lines)
        if !lines.isEmpty {
            let g: Geometry = lines.count == 1 ? .lineString(lines[0]) : .multiLineString(lines)
            return .line(name: name, geometry: g, index: GeodesicPolyline(lines))
        }
        let points = geometries.flatMap(\.positions)
        if points.count == 1 { return .point(NamedPoint.coordinate(points[0])) }
        throw .badFile(file: name, reason: "no polygon, line or single point to measure to")
    }
}

/// Turns what a user typed into a target: `border`, `LAT,LON`, a country (name or ISO code),
/// or a gazetteer place (name or id). GeoJSON files are read by the caller and passed to
/// `Target.fromGeoJSON` (the library does not touch the file system).
public struct TargetResolver: Sendable {
    public let gazetteer: Gazetteer
    public let borders: Borders?

    /// Words that mean the Syria-Turkey border line.
    public static let borderWords: Set<String> = ["border", "syria turkey", "syria turkey border", "turkey syria border"]

    public init(gazetteer: Gazetteer, borders: Borders?) {
        self.gazetteer = gazetteer
        self.borders = borders
    }

    /// Whether `query` names the border (so that callers know to load the borders).
    public static func isBorder(_ query: String) -> Bool {
        let words = query.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).joined(separator: " ")
        return borderWords.contains(words)
    }

    public func resolve(_ query: String) throws(AnalysisError) -> Target {
        if Self.isBorder(query) {
            guard let borders else { throw .unknownTarget(query: query, reason: "the border data is not loaded") }
            return .line(name: borders.border.name, geometry: .lineString(borders.border.line), index: borders.border.index)
        }
        if !LonLat.looksLikeCoordinate(query), let c = borders?.country(query) {
            return .area(name: c.name, geometry: c.geometry, area: c.prepared())
        }
        do { return .point(try gazetteer.resolvePoint(query)) } catch {
            var reason = error.description
            if case .unknown = error {
                let countries = borders?.countries.map(\.name).joined(separator: ", ") ?? ""
                reason += " A target may also be LAT,LON, `border`" + (countries.isEmpty ? "" : ", a country (\(countries))") + " or a GeoJSON file."
            }
            throw .unknownTarget(query: query, reason: reason)
        }
    }
}

extension NamedPoint {
    /// A typed coordinate, taken as exact.
    public static func coordinate(_ position: LonLat) -> NamedPoint { NamedPoint(position: position, place: nil) }
}
