import Foundation
import Testing
@testable import EventMapKit
import TestSupport

/// The pruned nearest-place search against brute force over every place (Geodesic.distance,
/// i.e. geod_inverse; ties to the first listed), including duplicate positions.
@Suite struct NearestPlaceIndexTests {
    @Test func agreesWithBruteForce() {
        var rng = SeededGenerator(seed: 20_201_026)
        var positions = (0..<300).map { _ in LonLat(lon: Double.random(in: 35...38, using: &rng), lat: Double.random(in: 34...37.5, using: &rng)) }
        positions += positions.prefix(40)  // the same coordinates listed twice: the first must win
        let index = NearestPlaceIndex(positions: positions)
        var inverses = 0
        for _ in 0..<2_000 {
            let p = LonLat(lon: Double.random(in: 33...40, using: &rng), lat: Double.random(in: 32...39, using: &rng))
            let brute = positions.indices.map { (Geodesic.distance(p, positions[$0]), $0) }.min { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }!
            let hit = index.nearest(to: p, inverses: &inverses)!
            #expect(hit.index == brute.1 && hit.distanceMetres == brute.0)
        }
        // The point of the index: about one exact distance per query, not 340.
        #expect(inverses < 2_000 * 2)
    }
}
