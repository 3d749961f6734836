import Foundation

extension Geodesic {
    /// The ring of points at `radiusMetres` geodesic distance from `centre` (a geodesic circle,
    /// e.g. an uncertainty area or a distance ring): vertices by `geod_direct` at even azimuths,
    /// counter-clockwise as RFC 7946 wants for exterior rings, closed (first point repeated last).
    /// `vertexCount` is the number of distinct vertices (at least 8).
    public static func circle(centre: LonLat, radiusMetres: Double, vertexCount: Int) -> [LonLat] {
        let n = max(8, vertexCount)
        var ring: [LonLat] = []
        ring.reserveCapacity(n + 1)
        for i in 0..<n {
            // Azimuths decrease (north, west, south, east): counter-clockwise on a lon/lat plot.
            let azimuth = i == 0 ? 0 : 360 - 360 * Double(i) / Double(n)
            ring.append(direct(from: centre, azimuthDegrees: azimuth, distanceMetres: radiusMetres).destination)
        }
        ring.append(ring[0])
        return ring
    }

    /// A geodesic circle whose straight edges stay within `toleranceMetres` of the true circle:
    /// the sagitta r(1 - cos(π/n)) of each edge is at most the tolerance (n capped at 720).
    public static func circle(centre: LonLat, radiusMetres: Double, toleranceMetres: Double) -> [LonLat] {
        guard radiusMetres > 0, toleranceMetres > 0 else { return circle(centre: centre, radiusMetres: radiusMetres, vertexCount: 8) }
        let ratio = min(1, toleranceMetres / radiusMetres)
        let n = Int((Double.pi / acos(1 - ratio)).rounded(.up))
        return circle(centre: centre, radiusMetres: radiusMetres, vertexCount: min(720, n))
    }
}
