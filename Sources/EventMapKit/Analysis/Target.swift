import GeoCore

/// What a spatial query measures to: a point (a place or a typed coordinate), a line (the lines
/// of a GeoJSON file), land borders (the nearest of a set, named by the two countries) or an area
/// (a country, or the polygons of a GeoJSON file).
public enum Target: Sendable {
    case point(NamedPoint)
    case line(name: String, geometry: Geometry, index: GeodesicPolyline)
    case borders(LandBorderSet)
    case area(name: String, geometry: Geometry, area: GeodesicArea)

    /// How to call it in output.
    public var label: String {
        switch self {
        case .point(let p): p.label
        case .line(let name, _, _), .area(let name, _, _): name
        case .borders(let set): set.name
        }
    }

    /// Its geometry in lon/lat (edges geodesic).
    public var geometry: Geometry {
        switch self {
        case .point(let p): .point(p.position)
        case .line(_, let g, _), .area(_, let g, _): g
        case .borders(let set): set.geometry
        }
    }

    /// A single land border as a target.
    public static func border(_ b: LandBorder) -> Target { .borders(LandBorderSet([b], name: b.displayName)) }

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

/// Turns what a user typed into a target: `border` (the nearest international land border),
/// `border:AAA-BBB` (that shared border, alpha-3 or alpha-2, either order), `border:AAA` (every
/// land border of a country), `LAT,LON`, a country (name or ISO code), or a gazetteer place
/// (name or id). GeoJSON files are read by the caller and passed to `Target.fromGeoJSON` (the
/// library does not touch the file system).
public struct TargetResolver: Sendable {
    public let gazetteer: Gazetteer
    public let world: World?

    public init(gazetteer: Gazetteer, world: World?) {
        self.gazetteer = gazetteer
        self.world = world
    }

    /// Whether `query` names land borders (`border`, `border:...`), so that callers load the world.
    public static func isBorder(_ query: String) -> Bool {
        let q = query.trimmingSpaces.lowercased()
        return q == "border" || q == "borders" || q.hasPrefix("border:")
    }

    /// The land borders `query` names (`border`, `border:AAA-BBB`, `border:AAA`).
    public static func borders(_ query: String, in world: World) throws(AnalysisError) -> LandBorderSet {
        let q = query.trimmingSpaces
        guard q.lowercased().hasPrefix("border:") else { return LandBorderSet(world.allBorders, name: "the nearest land border") }
        let spec = String(q.dropFirst("border:".count)).trimmingSpaces
        let codes = spec.split(separator: "-", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        switch codes.count {
        case 1:
            let c = try country(codes[0], query, world)
            let all = world.borders(of: c.code)
            guard !all.isEmpty else { throw .unknownTarget(query: query, reason: "'\(query)': \(c.name) (\(c.code)) has no land border in Natural Earth.") }
            return LandBorderSet(all, name: "the land borders of \(c.name)")
        case 2:
            let a = try country(codes[0], query, world), b = try country(codes[1], query, world)
            guard let border = world.border(between: a.code, and: b.code) else {
                throw .unknownTarget(query: query, reason: "'\(query)': \(a.name) (\(a.code)) and \(b.name) (\(b.code)) share no land border in Natural Earth.")
            }
            return LandBorderSet([border], name: border.displayName)
        default:
            throw .unknownTarget(query: query, reason: "'\(query)': write border, border:AAA-BBB (e.g. border:SYR-TUR) or border:AAA.")
        }
    }

    /// A code of `border:...`, or the error naming it. (A static function, not a local one: a
    /// local function capturing the world leaked its context under LSan.)
    private static func country(_ code: String, _ query: String, _ world: World) throws(AnalysisError) -> World.CountryEntry {
        guard let c = world.countryEntry(code) else {
            throw .unknownTarget(query: query, reason: "'\(query)': no country '\(code)' (write border:AAA-BBB with ISO alpha-3 or alpha-2 codes, e.g. border:SYR-TUR, or border:SYR for all of a country's land borders).")
        }
        return c
    }

    public func resolve(_ query: String) throws(AnalysisError) -> Target {
        if Self.isBorder(query) {
            guard let world else { throw .unknownTarget(query: query, reason: "the world's border data is not loaded") }
            return .borders(try Self.borders(query, in: world))
        }
        if !LonLat.looksLikeCoordinate(query), gazetteer.place(id: query) == nil, let c = world?.country(query) {
            return .area(name: c.name, geometry: c.geometry, area: c.prepared())
        }
        do { return .point(try gazetteer.resolvePoint(query)) } catch {
            var reason = error.description
            if case .unknown = error {
                reason += " A target may also be LAT,LON, `border`, `border:AAA-BBB`, a country (name or ISO code) or a GeoJSON file."
            }
            throw .unknownTarget(query: query, reason: reason)
        }
    }
}

extension NamedPoint {
    /// A typed coordinate, taken as exact.
    public static func coordinate(_ position: LonLat) -> NamedPoint { NamedPoint(position: position, place: nil) }
}
