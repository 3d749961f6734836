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

    /// Brackets the geodesic distance between two points of the ellipsoid given by their
    /// earth-centred positions (`EarthCentred(p)`); nil beyond `maximumChordMetres` (the bracket
    /// grows as the cube of the distance: ~1 mm wide at 30 km). Square roots only: the latitudes
    /// and normals come from the positions, the arcsines and arctangents from bounding series.
    public init?(_ pe: EarthCentred, _ qe: EarthCentred, maximumChordMetres: Double = 60_000) {
        let d = qe - pe
        let c = d.length
        guard c <= maximumChordMetres else { return nil }
        if c == 0 { lower = 0; upper = 0; estimate = 0; return }
        let rho = Self.smallestRadius
        let np = pe.surfaceNormal, nq = qe.surfaceNormal
        // Upper: Schur with the largest curvature at the lowest latitude the geodesic can reach
        // (every point of it lies within s/2 of an end along it, latitude changes by at most 1/ρ
        // radian per metre, and |sin| by no more than its angle).
        let crude = 2 * rho * Self.arcsineAbove(c / (2 * rho))
        let sinLowest = max(0, min(abs(np.z), abs(nq.z)) - crude / 2 / rho)
        let w = 1 - Self.e2 * sinLowest * sinLowest
        let meridian = Self.smallestRadius / (w * w.squareRoot())
        let up = 2 * meridian * Self.arcsineAbove(c / (2 * meridian))
        // Lower: around the ball of radius ρ touching the surface where its normal is the mean of
        // the ends' normals (any surface point would do; one below the middle makes the bound tightest).
        let sum = np + nq
        let m = sum * (1 / sum.length)
        let wm = 1 - Self.e2 * m.z * m.z
        let n = Self.a / wm.squareRoot(), meridianAtM = Self.smallestRadius / (wm * wm.squareRoot())
        let surface = EarthCentred(x: n * m.x, y: n * m.y, z: n * (1 - Self.e2) * m.z)
        let centre = surface - m * rho
        let u = pe - centre, v = qe - centre
        let ru = u.length, rv = v.length
        let cross = EarthCentred(x: u.y * v.z - u.z * v.y, y: u.z * v.x - u.x * v.z, z: u.x * v.y - u.y * v.x)
        let dot = u.dot(v)
        let theta = dot > 0 ? Self.arctangentBelow(cross.length / dot) : atan2(cross.length, dot)
        let tu = max(0, (ru - rho) * (ru + rho)).squareRoot(), tv = max(0, (rv - rho) * (rv + rho)).squareRoot()
        let wrap = theta - Self.arctangentAbove(tu / rho) - Self.arctangentAbove(tv / rho)
        let low = wrap > 0 ? max(c, tu + tv + rho * wrap) : c
        lower = low - Self.rounding
        upper = up + Self.rounding
        // Estimate: Euler's normal curvature there in the chord's direction.
        let vertical = d.dot(m)
        let horizontal2 = max(0, c * c - vertical * vertical)
        let cosPhi = (m.x * m.x + m.y * m.y).squareRoot()
        let east = cosPhi > 0 ? (d.y * m.x - d.x * m.y) / cosPhi : 0
        let north2 = max(0, horizontal2 - east * east)
        let k = horizontal2 > 0 ? (north2 / meridianAtM + east * east / n) / horizontal2 : 1 / meridianAtM
        let k2c2 = k * k * c * c
        estimate = min(upper, max(lower, c * (1 + k2c2 / 24 + 3 * k2c2 * k2c2 / 640)))
    }

    /// An upper bound of asin x for 0 ≤ x ≤ 1: below 0.1 the series to x⁵ with its coefficient
    /// raised from 3/40 to 0.08, which covers every later term.
    @inline(__always) static func arcsineAbove(_ x: Double) -> Double {
        guard x <= 0.1 else { return asin(min(1, x)) }
        let x2 = x * x
        return x * (1 + x2 * (1.0 / 6 + x2 * 0.08))
    }

    /// Bounds of atan x for 0 ≤ x ≤ 0.1 by its alternating series (cut after a negative term:
    /// below; after a positive one: above); beyond, `atan` itself.
    @inline(__always) static func arctangentBelow(_ x: Double) -> Double {
        guard x <= 0.1 else { return atan(x) }
        let x2 = x * x
        return x * (1 - x2 * (1.0 / 3 - x2 * (1.0 / 5 - x2 / 7)))
    }

    @inline(__always) static func arctangentAbove(_ x: Double) -> Double {
        guard x <= 0.1 else { return atan(x) }
        let x2 = x * x
        return x * (1 - x2 * (1.0 / 3 - x2 / 5))
    }
}
