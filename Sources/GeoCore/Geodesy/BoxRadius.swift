import CPROJ
import Foundation

extension BoundingBox {
    /// A proven upper bound in metres of the geodesic distance from the box's centre to any of its
    /// points, so that a line farther than this from the centre misses the whole box. Any point
    /// (λ, φ) is reached from the centre (λ₀, φ₀) along the meridian to φ (a geodesic) and then
    /// along the parallel to λ (a path, so no shorter than the geodesic): half the larger meridian
    /// arc plus half the widest parallel arc, N(φ)·cos φ·Δλ/2 at the latitude nearest the equator.
    /// One metre is added for rounding and for a point assigned to a neighbouring box by it.
    public var centreRadiusMetres: Double {
        let c = centre
        let meridian = max(Geodesic.distance(c, LonLat(lon: c.lon, lat: south)), Geodesic.distance(c, LonLat(lon: c.lon, lat: north)))
        let widest = south > 0 ? south : (north < 0 ? north : 0)
        let phi = widest * .pi / 180
        let g = Geodesic.wgs84.raw
        let parallelRadius = g.a * cos(phi) / (1 - g.e2 * sin(phi) * sin(phi)).squareRoot()
        return meridian + parallelRadius * (east - west) / 2 * .pi / 180 + 1
    }
}
