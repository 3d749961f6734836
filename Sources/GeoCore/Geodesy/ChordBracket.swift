import Foundation

/// The WGS 84 geodesic distance between two nearby points, bracketed from their straight chord
/// with no geodesic solved (a few square roots and arctangents instead of a `geod_inverse`), so
/// that a search can skip the inverse wherever the bracket is already narrower than it needs.
///
/// - Upper bound: a geodesic's curvature in space is its normal curvature, at most 1/M (M the
///   meridian radius of curvature) at the lowest latitude it reaches; a curve of length s whose
///   curvature is at most κ has a chord of at least (2/κ)·sin(κs/2) (Schur's comparison
///   theorem), so s ≤ (2/κ)·asin(κc/2).
/// - Lower bound: a ball of radius b²/a (the smallest radius of curvature of WGS 84) touching the
///   surface from inside lies within the ellipsoid (Blaschke's rolling theorem), so the geodesic,
///   on the surface, goes around it: it is at least as long as the shortest path around that ball
///   (two tangents and a great-circle arc), the ball touching the surface below the midpoint.
/// - Estimate: c + κ²c³/24 + 3κ⁴c⁵/640, κ the normal curvature (Euler) at the midpoint in the
///   chord's direction, clamped into the bracket. It is within ~1e-8 m of GeographicLib up to
///   50 km, but only the bracket is a proof: `width` bounds its error.
public struct ChordBracket: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let estimate: Double

    /// How far `estimate` may be from the geodesic distance, at most: metres.
    @inlinable public var width: Double { upper - lower }

    static let a = 6_378_137.0
    static let f = 1 / 298.257223563
    static let e2 = f * (2 - f)
    /// b²/a: the meridian radius of curvature at the equator, the smallest of WGS 84.
    static let smallestRadius = a * (1 - e2)
    /// Metres added to each side for rounding (positions to ~1e-9 m, the formulas to ~1e-10 m).
    static let rounding = 1e-6

    /// Brackets the geodesic distance between `p` and `q` (with their earth-centred positions,
    /// `EarthCentred(p)` and `EarthCentred(q)`); nil beyond `maximumChordMetres` (the bracket
    /// grows as the cube of the distance: ~1 mm wide at 30 km).
    public init?(_ p: LonLat, _ pe: EarthCentred, _ q: LonLat, _ qe: EarthCentred, maximumChordMetres: Double = 60_000) {
        let d = qe - pe
        let c = d.length
        guard c <= maximumChordMetres else { return nil }
        if c == 0 { lower = 0; upper = 0; estimate = 0; return }
        let rho = Self.smallestRadius
        // Upper: Schur with the largest curvature at the lowest latitude the geodesic can reach
        // (every point of it lies within s/2 of an end along it, and latitude changes by at most
        // 1/ρ radian per metre).
        let crude = 2 * rho * asin(min(1, c / (2 * rho)))
        let lowest = max(0, min(abs(p.lat), abs(q.lat)) * .pi / 180 - crude / 2 / rho)
        let sinLowest = sin(lowest)
        let w = 1 - Self.e2 * sinLowest * sinLowest
        let meridian = Self.smallestRadius / (w * w.squareRoot())
        let up = 2 * meridian * asin(min(1, c / (2 * meridian)))
        // Lower: around the ball of radius ρ touching the surface at the point below the
        // midpoint (any surface point would do; this one makes the bound tightest).
        let dLon = remainder(q.lon - p.lon, 360)
        let mid = LonLat(lon: p.lon + dLon / 2, lat: (p.lat + q.lat) / 2)
        let phi = mid.lat * .pi / 180, lambda = mid.lon * .pi / 180
        let sinPhi = sin(phi), cosPhi = cos(phi), sinLambda = sin(lambda), cosLambda = cos(lambda)
        let normal = EarthCentred(x: cosPhi * cosLambda, y: cosPhi * sinLambda, z: sinPhi)
        let wm = 1 - Self.e2 * sinPhi * sinPhi
        let n = Self.a / wm.squareRoot(), m = Self.smallestRadius / (wm * wm.squareRoot())
        let surface = EarthCentred(x: n * cosPhi * cosLambda, y: n * cosPhi * sinLambda, z: n * (1 - Self.e2) * sinPhi)
        let centre = surface - normal * rho
        let u = pe - centre, v = qe - centre
        let ru = u.length, rv = v.length
        let cross = EarthCentred(x: u.y * v.z - u.z * v.y, y: u.z * v.x - u.x * v.z, z: u.x * v.y - u.y * v.x)
        let theta = atan2(cross.length, u.dot(v))
        let tu = max(0, (ru - rho) * (ru + rho)).squareRoot(), tv = max(0, (rv - rho) * (rv + rho)).squareRoot()
        let wrap = theta - atan2(tu, rho) - atan2(tv, rho)
        let low = wrap > 0 ? max(c, tu + tv + rho * wrap) : c
        lower = low - Self.rounding
        upper = up + Self.rounding
        // Estimate: Euler's normal curvature at the midpoint in the chord's direction.
        let east = d.x * -sinLambda + d.y * cosLambda
        let north = d.x * -sinPhi * cosLambda + d.y * -sinPhi * sinLambda + d.z * cosPhi
        let horizontal2 = north * north + east * east
        let k = horizontal2 > 0 ? (north * north / m + east * east / n) / horizontal2 : 1 / m
        let k2c2 = k * k * c * c
        estimate = min(upper, max(lower, c * (1 + k2c2 / 24 + 3 * k2c2 * k2c2 / 640)))
    }
}
