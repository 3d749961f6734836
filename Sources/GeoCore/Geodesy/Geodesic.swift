import CPROJ

/// Geodesics on the WGS 84 ellipsoid, through the GeographicLib routines that PROJ ships
/// (`geod_inverse`, `geod_direct`, `geod_polygonarea`). Degrees in, metres out.
/// Accurate to about 15 nm anywhere on Earth, antipodes included.
public enum Geodesic {
    /// WGS 84: a = 6378137 m, f = 1/298.257223563. Initialised once, then only read.
    static let wgs84 = Ellipsoid(equatorialRadius: 6_378_137, flattening: 1 / 298.257223563)

    /// Distance in metres and azimuths in degrees clockwise from north, at each end
    /// (GeodSolve -i: `azi1 azi2 s12`). Wraps `geod_inverse`.
    public static func inverse(_ a: LonLat, _ b: LonLat) -> GeodesicInverse {
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        withUnsafePointer(to: wgs84.raw) { g in
            geod_inverse(g, a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2)
        }
        return GeodesicInverse(distanceMetres: s12, initialAzimuthDegrees: azi1, finalAzimuthDegrees: azi2)
    }

    /// The geodesic distance in metres (`geod_inverse` without the azimuths).
    public static func distance(_ a: LonLat, _ b: LonLat) -> Double {
        var s12 = 0.0
        withUnsafePointer(to: wgs84.raw) { g in
            geod_inverse(g, a.lat, a.lon, b.lat, b.lon, &s12, nil, nil)
        }
        return s12
    }

    /// The point reached by travelling `distanceMetres` along the geodesic that leaves `start`
    /// at `azimuthDegrees` (GeodSolve: `lat1 lon1 azi1 s12`). Wraps `geod_direct`.
    public static func direct(from start: LonLat, azimuthDegrees: Double, distanceMetres: Double) -> GeodesicDirect {
        var lat2 = 0.0, lon2 = 0.0, azi2 = 0.0
        withUnsafePointer(to: wgs84.raw) { g in
            geod_direct(g, start.lat, start.lon, azimuthDegrees, distanceMetres, &lat2, &lon2, &azi2)
        }
        return GeodesicDirect(destination: LonLat(lon: lon2, lat: lat2), finalAzimuthDegrees: azi2)
    }

    /// Geodesic length in metres of a line whose edges are geodesics.
    public static func length(of line: [LonLat]) -> Double {
        guard line.count > 1 else { return 0 }
        var total = 0.0
        for i in 1..<line.count { total += distance(line[i - 1], line[i]) }
        return total
    }

    /// Signed area in m² of one ring whose edges are geodesics: positive when counter-clockwise.
    /// The closing position may be present or not. Wraps `geod_polygonarea`.
    public static func signedArea(ofRing ring: [LonLat]) -> Double {
        var pts = ring
        if pts.count > 1, pts.first == pts.last { pts.removeLast() }
        guard pts.count >= 3 else { return 0 }
        var lats = pts.map(\.lat), lons = pts.map(\.lon)
        var area = 0.0, perimeter = 0.0
        withUnsafePointer(to: wgs84.raw) { g in
            geod_polygonarea(g, &lats, &lons, Int32(pts.count), &area, &perimeter)
        }
        return area
    }

    /// Area in m² of an areal geometry: exteriors minus holes, whatever the ring orientation.
    public static func area(of geometry: Geometry) -> Double {
        geometry.polygons.reduce(0.0) { sum, rings in
            guard let outer = rings.first else { return sum }
            let holes = rings.dropFirst().reduce(0.0) { $0 + abs(signedArea(ofRing: $1)) }
            return sum + abs(signedArea(ofRing: outer)) - holes
        }
    }
}

/// The answer to the inverse problem: how far and which way from one point to another.
public struct GeodesicInverse: Sendable, Equatable {
    public let distanceMetres: Double
    /// Azimuth at the start, degrees clockwise from north in -180...180 (GeodSolve's azi1).
    public let initialAzimuthDegrees: Double
    /// Azimuth at the end, continuing the same direction (GeodSolve's azi2).
    public let finalAzimuthDegrees: Double
}

/// The answer to the direct problem: where a geodesic ends and which way it then heads.
public struct GeodesicDirect: Sendable, Equatable {
    public let destination: LonLat
    public let finalAzimuthDegrees: Double
}

/// An initialised `geod_geodesic`: plain numbers, safe to read from any thread.
struct Ellipsoid: @unchecked Sendable {
    let raw: geod_geodesic
    init(equatorialRadius a: Double, flattening f: Double) {
        var g = geod_geodesic()
        geod_init(&g, a, f)
        raw = g
    }
}

/// One geodesic between two points, for positions along it (`geod_inverseline`, `geod_position`).
public struct GeodesicLine: @unchecked Sendable {
    private var raw = geod_geodesicline()
    public let start: LonLat
    public let end: LonLat

    public init(from a: LonLat, to b: LonLat) {
        start = a
        end = b
        withUnsafePointer(to: Geodesic.wgs84.raw) { g in
            geod_inverseline(&raw, g, a.lat, a.lon, b.lat, b.lon,
                             UInt32(GEOD_LATITUDE.rawValue | GEOD_LONGITUDE.rawValue | GEOD_DISTANCE_IN.rawValue | GEOD_AZIMUTH.rawValue))
        }
    }

    /// The geodesic distance from start to end, metres.
    public var lengthMetres: Double { raw.s13 }

    /// The azimuth at the start, degrees clockwise from north.
    public var initialAzimuthDegrees: Double { raw.azi1 }

    /// The position `metres` along the line from its start (may extend past the end).
    public func position(atMetres metres: Double) -> LonLat {
        var lat = 0.0, lon = 0.0
        withUnsafePointer(to: raw) { l in geod_position(l, metres, &lat, &lon, nil) }
        return LonLat(lon: lon, lat: lat)
    }

    /// The position `metres` along the line and the line's azimuth there (degrees clockwise from north).
    public func positionAndAzimuth(atMetres metres: Double) -> (position: LonLat, azimuthDegrees: Double) {
        var lat = 0.0, lon = 0.0, azi = 0.0
        withUnsafePointer(to: raw) { l in geod_position(l, metres, &lat, &lon, &azi) }
        return (LonLat(lon: lon, lat: lat), azi)
    }

    /// Where `geod_position` finds the line's coefficients inside a `GeodesicLine` in memory.
    private static let rawOffset = MemoryLayout<GeodesicLine>.offset(of: \GeodesicLine.raw)!

    /// `positionAndAzimuth` of a line read in place (no copy of its ~500 bytes of coefficients,
    /// which the method above makes): for the refinement's inner loop.
    static func positionAndAzimuth(of line: UnsafePointer<GeodesicLine>, atMetres metres: Double, azimuth: Bool = true)
        -> (position: LonLat, azimuthDegrees: Double) {
        var lat = 0.0, lon = 0.0, azi = 0.0
        let l = (UnsafeRawPointer(line) + rawOffset).assumingMemoryBound(to: geod_geodesicline.self)
        if azimuth { geod_position(l, metres, &lat, &lon, &azi) } else { geod_position(l, metres, &lat, &lon, nil) }
        return (LonLat(lon: lon, lat: lat), azi)
    }
}
