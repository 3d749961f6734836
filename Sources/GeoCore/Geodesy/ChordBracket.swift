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
    static let halfInverseSmallestRadius = 0.5 / smallestRadius, inverseA = 1 / a
    /// Metres added to each side for rounding (positions to ~1e-9 m, the formulas to ~1e-10 m).
    static let rounding = 1e-6

    /// Brackets the geodesic distance between two points of the ellipsoid given by their
    /// earth-centred positions (`EarthCentred(p)`); nil beyond `maximumChordMetres` (the bracket
    /// grows as the cube of the distance: ~1 mm wide at 30 km). Square roots only: the latitudes
    /// and normals come from the positions, the arcsines and arctangents from bounding series.
    public init?(_ pe: EarthCentred, _ qe: EarthCentred, maximumChordMetres: Double = 60_000) {
        self.init(pe, normal: pe.surfaceNormal, qe, normal: qe.surfaceNormal, maximumChordMetres: maximumChordMetres)
    }

    /// The same with the points' `surfaceNormal`s already at hand (a query measures many points
    /// from one).
    public init?(_ pe: EarthCentred, normal np: EarthCentred, _ qe: EarthCentred, normal nq: EarthCentred, maximumChordMetres: Double = 60_000) {
        let d = qe - pe
        let c2 = d.dot(d)
        guard c2 <= maximumChordMetres * maximumChordMetres else { return nil }
        if c2 == 0 { lower = 0; upper = 0; estimate = 0; return }
        let c = c2.squareRoot()
        let rho = Self.smallestRadius, halfInverseRho = Self.halfInverseSmallestRadius
        // Upper: Schur with the largest curvature at the lowest latitude the geodesic can reach
        // (every point of it lies within s/2 of an end along it, latitude changes by at most 1/ρ
        // radian per metre, and |sin| by no more than its angle).
        let crude = 2 * rho * Self.arcsineAbove(c * halfInverseRho)
        let sinLowest = max(0, min(abs(np.z), abs(nq.z)) - crude * halfInverseRho)
        let w = 1 - Self.e2 * sinLowest * sinLowest
        let w3 = w * w.squareRoot()  // the meridian radius there is ρ / w³ᐟ²
        let up = 2 * rho / w3 * Self.arcsineAbove(c * w3 * halfInverseRho)
        // Lower: around the ball of radius ρ touching the surface where its normal is the mean of
        // the ends' normals (any surface point would do; one below the middle makes the bound tightest).
        let sum = np + nq
        let m = sum * (1 / sum.length)
        let wm = 1 - Self.e2 * m.z * m.z
        let rootWm = wm.squareRoot()
        let n = Self.a / rootWm  // the prime vertical radius there; the meridian one is ρ / wm³ᐟ²
        let surface = EarthCentred(x: n * m.x, y: n * m.y, z: n * (1 - Self.e2) * m.z)
        let centre = surface - m * rho
        let u = pe - centre, v = qe - centre
        let ru2 = u.dot(u), rv2 = v.dot(v)
        let cross = u.cross(v)
        let dot = u.dot(v)
        let theta = dot > 0 ? Self.arctangentBelow(cross.length / dot) : atan2(cross.length, dot)
        let tu = max(0, ru2 - rho * rho).squareRoot(), tv = max(0, rv2 - rho * rho).squareRoot()
        let inverseRho = 2 * halfInverseRho
        let wrap = theta - Self.arctangentAbove(tu * inverseRho) - Self.arctangentAbove(tv * inverseRho)
        let low = wrap > 0 ? max(c, tu + tv + rho * wrap) : c
        lower = low - Self.rounding
        upper = up + Self.rounding
        // Estimate: Euler's normal curvature there in the chord's direction,
        // cos²α/M + sin²α/N with the chord's horizontal part split north and east.
        let vertical = d.dot(m)
        let horizontal2 = max(0, c2 - vertical * vertical)
        let axis2 = m.x * m.x + m.y * m.y
        let eastScaled = d.y * m.x - d.x * m.y  // east · cos φ
        let east2 = axis2 > 0 ? eastScaled * eastScaled / axis2 : 0
        let north2 = max(0, horizontal2 - east2)
        let k = horizontal2 > 0
            ? (north2 * wm * rootWm * inverseRho + east2 * rootWm * Self.inverseA) / horizontal2
            : wm * rootWm * inverseRho
        let k2c2 = k * k * c2
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
