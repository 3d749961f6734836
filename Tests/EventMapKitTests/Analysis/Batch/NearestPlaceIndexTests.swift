import Foundation
import Testing
@testable import EventMapKit
import TestSupport

/// The pruned nearest-place search against brute force over every place (Geodesic.distance,
/// i.e. geod_inverse; ties to the first listed), including duplicate positions. The same place
/// must win; its distance may come from a chord bracket, within 1 mm of geod_inverse (the
/// bracket's proven width; in practice ~1e-8 m).
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
            #expect(hit.index == brute.1)
            #expect(abs(hit.distanceMetres - brute.0) <= 0.001, "\(p): \(hit.distanceMetres) vs \(brute.0)")
        }
        // The point of the index: fewer than one exact distance per query, not 340 (queries
        // within ~30 km of their nearest place are settled by the chord bracket with none).
        #expect(inverses < 2_000)
    }

    /// Near-ties: events on the perpendicular bisector of two places, a few micrometres to a
    /// metre off it, where the two brackets overlap and the choice must fall back to the exact
    /// distances (the nearer one, or the first listed on an exact tie).
    @Test func nearTiesAreDecidedExactly() {
        let a = LonLat(lon: 36.50, lat: 36.00), b = LonLat(lon: 36.60, lat: 36.00)
        let index = NearestPlaceIndex(positions: [a, b])
        var inverses = 0
        for offset in [-1.0, -1e-3, -1e-5, 0, 1e-5, 1e-3, 1.0] {
            for lat in stride(from: 35.90, through: 36.10, by: 0.05) {
                // Move along the parallel until the two exact distances differ by `offset` metres.
                var lon = 36.55
                for _ in 0..<40 {
                    let gap = Geodesic.distance(LonLat(lon: lon, lat: lat), a) - Geodesic.distance(LonLat(lon: lon, lat: lat), b) - offset
                    lon -= gap / (2 * 90_000)
                }
                let p = LonLat(lon: lon, lat: lat)
                let da = Geodesic.distance(p, a), db = Geodesic.distance(p, b)
                let hit = index.nearest(to: p, inverses: &inverses)!
                #expect(hit.index == (db < da ? 1 : 0), "offset \(offset), lat \(lat): \(da) vs \(db)")
                #expect(abs(hit.distanceMetres - min(da, db)) <= 0.001)
            }
        }
    }

    /// Through cells that learn their candidate places (about 20 points per cell, some cells far
    /// from every place), the nearest place and its distance are exactly those of the full search.
    @Test func candidateCellsAnswerAsTheFullSearch() {
        var rng = SeededGenerator(seed: 0xCA4D)
        let positions = (0..<200).map { _ in LonLat(lon: Double.random(in: 35...38, using: &rng), lat: Double.random(in: 34...37.5, using: &rng)) }
        let index = NearestPlaceIndex(positions: positions)
        let cells = CandidateCells()
        let points = (0..<4_000).map { k in
            k % 2 == 0 ? LonLat(lon: Double.random(in: 36.0...36.4, using: &rng), lat: Double.random(in: 35.0...35.4, using: &rng))
                : LonLat(lon: Double.random(in: 41.0...41.2, using: &rng), lat: Double.random(in: 30.0...30.2, using: &rng))  // 400 km off
        }
        var inverses = 0
        for p in points + points {
            let full = index.nearest(to: p, inverses: &inverses)
            let among = cells.candidates(at: CellGrid.Key(p)) { index.candidates(inCell: $0, limit: 48) }
            #expect(index.nearest(to: p, chord: EarthCentred(p), among: among, inverses: &inverses) == full, "\(p)")
        }
    }
}
