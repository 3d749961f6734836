/// A geometry in WGS 84 longitude, latitude: the GeoJSON geometry types, as values.
public typealias Geometry = GeometryOf<LonLat>

/// A geometry in a projected frame (a map's, a buffer's working frame): x, y in the frame's units.
public typealias ProjectedGeometry = GeometryOf<Projected>

/// The GeoJSON geometry types, as values, in the frame of `Position`. Polygons are lists of rings
/// (first the exterior, then holes), each ring closed (first position repeated last).
public enum GeometryOf<Position: FramePosition>: Sendable, Equatable {
    case point(Position)
    case multiPoint([Position])
    case lineString([Position])
    case multiLineString([[Position]])
    case polygon([[Position]])
    case multiPolygon([[[Position]]])
    case geometryCollection([GeometryOf<Position>])

    /// The GeoJSON type name.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }

    /// Every position, in order (ring closing points included).
    public var positions: [Position] {
        switch self {
        case .point(let p): [p]
        case .multiPoint(let ps), .lineString(let ps): ps
        case .multiLineString(let ls), .polygon(let ls): ls.flatMap { $0 }
        case .multiPolygon(let polys): polys.flatMap { $0.flatMap { $0 } }
        case .geometryCollection(let gs): gs.flatMap(\.positions)
        }
    }

    /// The polygons of an areal geometry (a polygon, a multipolygon, or those inside a collection).
    public var polygons: [[[Position]]] {
        switch self {
        case .polygon(let rings): [rings]
        case .multiPolygon(let polys): polys
        case .geometryCollection(let gs): gs.flatMap(\.polygons)
        default: []
        }
    }

    /// The lines of a linear geometry (polygon rings count as lines: their boundary).
    public var lines: [[Position]] {
        switch self {
        case .lineString(let l): [l]
        case .multiLineString(let ls), .polygon(let ls): ls
        case .multiPolygon(let polys): polys.flatMap { $0 }
        case .geometryCollection(let gs): gs.flatMap(\.lines)
        default: []
        }
    }
}

extension Geometry {
    /// The bounding box in degrees, nil for an empty geometry. Does not handle the antimeridian.
    public var boundingBox: BoundingBox? { BoundingBox(positions) }
}

/// A longitude/latitude box: west, south, east, north (the RFC 7946 `bbox` order).
public struct BoundingBox: Sendable, Equatable {
    public var west: Double, south: Double, east: Double, north: Double

    @inlinable public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west; self.south = south; self.east = east; self.north = north
    }

    /// Inlinable, so that callers in other modules get it specialised (generic, it costs hundreds
    /// of instructions a vertex: ~70 ms over the world's 550,000).
    @inlinable public init?<S: Sequence>(_ positions: S) where S.Element == LonLat {
        var it = positions.makeIterator()
        guard let first = it.next() else { return nil }
        var b = BoundingBox(west: first.lon, south: first.lat, east: first.lon, north: first.lat)
        while let p = it.next() { b.include(p) }
        self = b
    }

    @inlinable public mutating func include(_ p: LonLat) {
        west = min(west, p.lon); east = max(east, p.lon)
        south = min(south, p.lat); north = max(north, p.lat)
    }

    public func union(_ o: BoundingBox) -> BoundingBox {
        BoundingBox(west: min(west, o.west), south: min(south, o.south), east: max(east, o.east), north: max(north, o.north))
    }

    public var centre: LonLat { LonLat(lon: (west + east) / 2, lat: (south + north) / 2) }

    public func contains(_ p: LonLat) -> Bool {
        p.lon >= west && p.lon <= east && p.lat >= south && p.lat <= north
    }
}
