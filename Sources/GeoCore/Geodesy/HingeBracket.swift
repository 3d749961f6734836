import Foundation

private typealias Small = SphereComparison.Small

/// Triangles on the two spheres that bracket WGS 84's geometry: its Gaussian curvature
/// K = W⁴/(a²(1 − e²)) runs from (1 − e²)/a² at the poles to 1/b² at the equator, so by
/// Toponogov's comparison (K ≥ (1 − e²)/a² everywhere) and by the CAT(1/b²) comparison (K ≤ 1/b²,
/// within a few thousand kilometres) a geodesic triangle of the ellipsoid lies between its copies
/// on the sphere of radius a²/b (the flattest) and on the sphere of radius b (the roundest):
/// - a hinge (two sides and the angle between them): its third side is at most that on the
///   flattest sphere and at least that on the roundest;
/// - a triangle given by its sides: each angle is at least that on the flattest sphere and at
///   most that on the roundest.
/// Haversine forms throughout: no cancellation for short sides.
public enum SphereComparison {
    /// The sphere radii: the roundest (b, K = 1/b²) and the flattest (a²/b, K = b²/a⁴), for
    /// WGS 84's a = 6,378,137 m and b = a(1 − 1/298.257223563) (literals: no lazy initialiser
    /// in the hot path; a test checks them).
    public static let roundest = 6_356_752.314245179, flattest = 6_399_593.625758493
    /// The reach within which both comparisons are used: far inside the ellipsoid's convexity
    /// radius (thousands of kilometres), so every side and hinge is a minimising geodesic.
    public static let reachMetres = 1_000_000.0

    /// sin²(x/2).
    @inline(__always) public static func haversine(_ x: Double) -> Double {
        let s = Small.sin(x / 2)
        return s * s
    }

    /// The third side of a hinge on the sphere of radius `r`: sides `u` and `v` metres, the angle
    /// between them given by its haversine.
    @inline(__always) public static func hingeSide(radius r: Double, _ u: Double, _ v: Double, haversineOfAngle h: Double) -> Double {
        let x = haversine((u - v) / r) + Small.sin(u / r) * Small.sin(v / r) * h
        return 2 * r * Small.asin(min(1, max(0, x).squareRoot()))
    }

    /// The haversine of the angle between sides `u` and `v` of a triangle on the sphere of radius
    /// `r` whose third side (opposite the angle) is `w` metres; nil when u or v is zero.
    @inline(__always) public static func haversineOfAngle(radius r: Double, opposite w: Double, _ u: Double, _ v: Double) -> Double? {
        let den = Small.sin(u / r) * Small.sin(v / r)
        guard den > 0 else { return nil }
        return min(1, max(0, (haversine(w / r) - haversine((u - v) / r)) / den))
    }

    /// sin, asin, atan and tan by their Taylor series below 0.05 (300 km on the earth), where the
    /// first term left out is under 1e-19 of the result; libm beyond. The angles here are
    /// nearly all that small, and libm's general paths cost several times more.
    public enum Small {
        static let limit = 0.05

        @inline(__always) public static func sin(_ x: Double) -> Double {
            guard x.magnitude <= limit else { return Foundation.sin(x) }
            let x2 = x * x
            return x * (1 - x2 * (1.0 / 6 - x2 * (1.0 / 120 - x2 * (1.0 / 5040 - x2 * (1.0 / 362880)))))
        }

        @inline(__always) public static func asin(_ x: Double) -> Double {
            guard x.magnitude <= limit else { return Foundation.asin(x) }
            let x2 = x * x
            return x * (1 + x2 * (1.0 / 6 + x2 * (3.0 / 40 + x2 * (5.0 / 112 + x2 * (35.0 / 1152 + x2 * (63.0 / 2816))))))
        }

        @inline(__always) public static func atan(_ x: Double) -> Double {
            guard x.magnitude <= limit else { return Foundation.atan(x) }
            let x2 = x * x
            return x * (1 - x2 * (1.0 / 3 - x2 * (1.0 / 5 - x2 * (1.0 / 7 - x2 * (1.0 / 9 - x2 * (1.0 / 11 - x2 / 13))))))
        }

        @inline(__always) public static func tan(_ x: Double) -> Double {
            guard x.magnitude <= limit else { return Foundation.tan(x) }
            let x2 = x * x
            return x * (1 + x2 * (1.0 / 3 + x2 * (2.0 / 15 + x2 * (17.0 / 315 + x2 * (62.0 / 2835 + x2 * (1382.0 / 155925))))))
        }
    }
}

/// The distance from a point p to a piece of a geodesic line, bracketed from one point x of the
/// line: p's geodesic distance d to x and the angle at x between the line and the geodesic from
/// p. A Newton step along the line can then end with no further `geod_inverse`, even kilometres
/// long, and a point of a cell can be measured from its centre's geodesics (`PieceAnchor`).
///
/// With L the arc from x along the line, the hinge at x (sides d and |L|) gives for each point of
/// the line its distance on both spheres of `SphereComparison`: the roundest bounds every point
/// below (the distance to its great circle, b·asin(sin(d/b)·|sin θ|), where the foot lies in the
/// piece; else at the piece's nearer end), the flattest bounds the chosen point y above. The two
/// differ by about D·L²·(1/b² − b²/a⁴)/6: ~0.3 µm for a 1 km step at 100 km.
public struct HingeBracket: Sendable, Equatable {
    /// Bounds of the piece's distance from p, metres.
    public let lower: Double
    public let upper: Double
    /// The arc from x to the point y (in the piece) whose distance `upper` bounds: the foot.
    public let along: Double

    /// The middle of the bracket: within `width / 2` of the distance.
    @inlinable public var estimate: Double { (lower + upper) / 2 }
    @inlinable public var width: Double { upper - lower }

    /// Metres added to each side for rounding (the formulas to ~1e-10 m at 1,000 km).
    static let rounding = 1e-6

    /// Brackets the distance from p to the part of the line from arc `from` to arc `to` (metres
    /// from x, signed in the line's direction). `distance` is the geodesic distance from p to x;
    /// `sine` and `cosine` are those of the angle θ at x from the line's forward direction to the
    /// geodesic from p continued beyond x (`geod_inverse`'s azi2 less the line's azimuth). Nil
    /// beyond `SphereComparison.reachMetres`.
    public init?(distance d: Double, sine: Double, cosine: Double, from l0: Double, to l1: Double) {
        guard d <= SphereComparison.reachMetres, l0.magnitude <= SphereComparison.reachMetres, l1.magnitude <= SphereComparison.reachMetres, l0 <= l1 else { return nil }
        let rs = SphereComparison.roundest, rf = SphereComparison.flattest
        // Lower: on the roundest sphere the distance along the great circle falls towards its
        // foot, tan(L/b) = −tan(d/b)·cos θ, and rises beyond: least at the foot when the piece
        // holds it, else at the piece's end nearer to it.
        let footRound = rs * Small.atan(Small.tan(d / rs) * -cosine)
        let low: Double
        if footRound >= l0 && footRound <= l1 {
            low = rs * Small.asin(min(1, Small.sin(d / rs) * sine.magnitude))
        } else {
            let end = footRound < l0 ? l0 : l1
            low = SphereComparison.hingeSide(radius: rs, d, end.magnitude, haversineOfAngle: Self.haversineAtX(sine, cosine, towards: end))
        }
        // Upper: the distance to one point of the piece, the flattest sphere's foot (the plane's
        // would be off by ~L·d²/(3R²), 4 cm for L = 1 km at 60 km), or the end nearer to it.
        let y = min(l1, max(l0, rf * Small.atan(Small.tan(d / rf) * -cosine)))
        let up = SphereComparison.hingeSide(radius: rf, d, y.magnitude, haversineOfAngle: Self.haversineAtX(sine, cosine, towards: y))
        lower = low - Self.rounding
        upper = max(up, low) + Self.rounding
        along = y
    }

    /// The haversine of the hinge angle φ at x between the direction back to p and the direction
    /// to the point `l` along: cos φ = −sign(l)·cos θ; written as sin²θ/(2(1 + cos φ)) when cos φ
    /// is near 1 (no cancellation).
    @inline(__always) static func haversineAtX(_ sine: Double, _ cosine: Double, towards l: Double) -> Double {
        let cosPhi = l >= 0 ? -cosine : cosine
        return cosPhi > 0 ? sine * sine / (2 * (1 + cosPhi)) : (1 - cosPhi) / 2
    }
}
