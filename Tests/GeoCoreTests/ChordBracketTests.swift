import Foundation
import Testing
import TestSupport
@testable import GeoCore

/// The chord bracket against geod_inverse (GeographicLib, accurate to ~15 nm) on seeded random
/// pairs all over the globe (poles, equator and antimeridian included) and in NW Syria: the
/// exact distance always lies inside the bracket, and the estimate is within the bracket's width
/// of it (within 1e-6 m in practice, the bound the test states for brackets under 1 mm).
@Suite struct ChordBracketTests {
    @Test func bracketHoldsTheGeodesicDistance() {
        var rng = SeededGenerator(seed: 20_261_202)
        var narrow = 0, worst = 0.0
        for k in 0..<20_000 {
            let p = k % 2 == 0
                ? LonLat(lon: Double.random(in: -180...180, using: &rng), lat: Double.random(in: -90...90, using: &rng))
                : LonLat(lon: Double.random(in: 35.5...37.5, using: &rng), lat: Double.random(in: 35...37, using: &rng))
            let metres = [1.0, 100, 5_000, 20_000, 40_000, 60_000][k % 6] * Double.random(in: 0...1, using: &rng)
            let q = Geodesic.direct(from: p, azimuthDegrees: Double.random(in: -180...180, using: &rng), distanceMetres: metres).destination
            let exact = Geodesic.distance(p, q)
            guard let b = ChordBracket(EarthCentred(p), EarthCentred(q)) else {
                #expect(exact > 59_000, "no bracket at \(exact) m")
                continue
            }
            #expect(b.lower <= exact && exact <= b.upper, "\(p) → \(q): \(exact) not in \(b.lower)...\(b.upper)")
            #expect(abs(b.estimate - exact) <= b.width)
            if b.width <= 0.001 {
                narrow += 1
                worst = max(worst, abs(b.estimate - exact))
            }
        }
        #expect(worst <= 1e-6, "estimate off by \(worst) m")  // measured: 7.6e-9 m
        // Up to ~30 km the bracket is under 1 mm: about half of these pairs.
        #expect(narrow > 8_000)
    }

    @Test func coincidentAndFarPoints() throws {
        let p = LonLat(lon: 36.51522, lat: 36.1168)
        let same = try #require(ChordBracket(EarthCentred(p), EarthCentred(p)))
        #expect(same.estimate == 0 && same.lower <= 0 && same.upper >= 0)
        // GeodSolve -i 36.1168 36.51522 36.20124 37.16117: 58,874.315 m; bracketed, but 3 mm wide.
        let aleppo = LonLat(lon: 37.16117, lat: 36.20124)
        #expect(try #require(ChordBracket(EarthCentred(p), EarthCentred(aleppo))).width > 0.001)
        let ankara = LonLat(lon: 32.85427, lat: 39.91987)  // beyond 60 km: solve the geodesic
        #expect(ChordBracket(EarthCentred(p), EarthCentred(ankara)) == nil)
    }
}
