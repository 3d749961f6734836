import Foundation
import Testing
import TestSupport
@testable import GeoCore

/// The hinge bracket against geod_inverse (GeographicLib, ~15 nm): on seeded geodesic pieces all
/// over the globe (poles, equator, antimeridian, both hemispheres), the piece's exact distance
/// from a point, found by golden-section search along the piece with one geod_inverse per step,
/// lies inside the bracket measured from one point x of the line, and the bracket is narrow.
@Suite struct HingeBracketTests {
    @Test func sphereRadiiAreWGS84s() {
        let a = 6_378_137.0, b = a * (1 - 1 / 298.257223563)
        #expect(SphereComparison.roundest == b)
        #expect(abs(SphereComparison.flattest - a * a / b) <= 1e-9)
    }

    /// The series agree with libm to a few units in the last place up to their limit, and are libm beyond.
    @Test func smallAngleSeriesAgreeWithLibm() {
        var worst = 0.0
        for k in 0...10_000 {
            let x = -0.05 + 0.1 * Double(k) / 10_000
            let pairs = [(SphereComparison.Small.sin(x), sin(x)), (SphereComparison.Small.asin(x), asin(x)),
                         (SphereComparison.Small.atan(x), atan(x)), (SphereComparison.Small.tan(x), tan(x))]
            for (series, libm) in pairs where libm != 0 { worst = max(worst, abs(series - libm) / abs(libm)) }
        }
        #expect(worst <= 1e-15, "relative error \(worst)")
        #expect(SphereComparison.Small.sin(0.3) == sin(0.3))
    }

    /// The exact distance from `p` to the piece of `line` between arcs s0 and s1: golden-section
    /// search on the arc (the distance is unimodal along a piece this short) to 1e-7 m.
    static func exactDistance(_ p: LonLat, _ line: GeodesicLine, _ s0: Double, _ s1: Double) -> (distance: Double, arc: Double) {
        func f(_ s: Double) -> Double { Geodesic.distance(p, line.positionAndAzimuth(atMetres: s).position) }
        var lo = s0, hi = s1
        let g = (5.0.squareRoot() - 1) / 2
        var a = hi - g * (hi - lo), b = lo + g * (hi - lo)
        var fa = f(a), fb = f(b)
        while hi - lo > 1e-7 {
            if fa < fb { hi = b; b = a; fb = fa; a = hi - g * (hi - lo); fa = f(a) } else { lo = a; a = b; fa = fb; b = lo + g * (hi - lo); fb = f(b) }
        }
        let m = (lo + hi) / 2
        let ends = [(f(s0), s0), (f(s1), s1), (f(m), m)]
        let best = ends.min { $0.0 < $1.0 }!
        return (best.0, best.1)
    }

    @Test func bracketHoldsThePiecesDistance() throws {
        var rng = SeededGenerator(seed: 20_261_202)
        var worstWidth = 0.0, worstEstimate = 0.0, checked = 0
        for k in 0..<400 {
            let start = k % 4 == 0
                ? LonLat(lon: Double.random(in: 35.5...37.5, using: &rng), lat: Double.random(in: 35...37, using: &rng))
                : LonLat(lon: Double.random(in: -180...180, using: &rng), lat: Double.random(in: -88...88, using: &rng))
            let end = Geodesic.direct(from: start, azimuthDegrees: Double.random(in: -180...180, using: &rng), distanceMetres: 20_000).destination
            let line = GeodesicLine(from: start, to: end)
            // A piece of up to 5 km, and a point up to 300 km from some point of the line near it.
            let s0 = Double.random(in: 0...10_000, using: &rng), s1 = s0 + Double.random(in: 100...5_000, using: &rng)
            let foot = line.positionAndAzimuth(atMetres: Double.random(in: (s0 - 3_000)...(s1 + 3_000), using: &rng))
            let side = foot.azimuthDegrees + (Bool.random(using: &rng) ? 90 : -90) + Double.random(in: -30...30, using: &rng)
            let p = Geodesic.direct(from: foot.position, azimuthDegrees: side, distanceMetres: [5_000.0, 50_000, 120_000, 300_000][k % 4] * Double.random(in: 0.2...1, using: &rng)).destination
            // Measured from x, a point of the line within 3 km of the piece.
            let sx = Double.random(in: (s0 - 3_000)...(s1 + 3_000), using: &rng)
            let (x, lineAzimuth) = line.positionAndAzimuth(atMetres: sx)
            let g = Geodesic.inverse(p, x)
            let theta = (g.finalAzimuthDegrees - lineAzimuth) * .pi / 180
            let h = try #require(HingeBracket(distance: g.distanceMetres, sine: sin(theta), cosine: cos(theta), from: s0 - sx, to: s1 - sx))
            let exact = Self.exactDistance(p, line, s0, s1)
            #expect(h.lower <= exact.distance + 1e-7 && exact.distance <= h.upper + 1e-7,
                    "\(p) to \(start)→\(end) [\(s0), \(s1)] from \(sx): \(exact.distance) not in \(h.lower)...\(h.upper)")
            // The bracket's point is on the piece and its distance is the upper side.
            #expect(sx + h.along >= s0 - 1e-9 && sx + h.along <= s1 + 1e-9)
            let atY = Geodesic.distance(p, line.positionAndAzimuth(atMetres: sx + h.along).position)
            #expect(atY <= h.upper + 1e-7 && atY >= exact.distance - 1e-7)
            worstWidth = max(worstWidth, h.width)
            worstEstimate = max(worstEstimate, abs(h.estimate - exact.distance))
            checked += 1
        }
        #expect(checked == 400)
        // Measured: widths up to 4.6e-4 m (points up to 300 km, x up to 8 km from the foot),
        // estimates within 2.2e-4 m of the golden-section distance.
        #expect(worstWidth <= 0.001, "width \(worstWidth)")
        #expect(worstEstimate <= 0.0005, "estimate off by \(worstEstimate)")
    }

    @Test func farAndDegenerateInputs() {
        #expect(HingeBracket(distance: 2_000_000, sine: 1, cosine: 0, from: -1, to: 1) == nil)
        #expect(HingeBracket(distance: 1_000, sine: 1, cosine: 0, from: 1, to: -1) == nil)
        // On the line itself (θ = 0 or π): the distance to the piece is along the line.
        let h = HingeBracket(distance: 1_000, sine: 0, cosine: 1, from: -2_000, to: 500)!
        #expect(abs(h.estimate) <= 1e-5 && abs(h.along + 1_000) <= 1e-6)
        let beyond = HingeBracket(distance: 1_000, sine: 0, cosine: 1, from: 10, to: 500)!
        #expect(abs(beyond.estimate - 1_010) <= 1e-5)
    }
}
