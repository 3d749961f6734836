import Foundation
import Testing
import TestSupport
@testable import GeoCore

/// The grid cells behind the batch caches: each cell's radius bounds the geodesic distance from
/// its centre to every point of it (checked against geod_inverse, GeographicLib, on each cell's
/// edges), and the cells' candidate pieces give exactly the tree's nearest points.
@Suite struct CellTests {
    /// Cells at the equator, mid-latitudes of both hemispheres and next to the poles, and 2°
    /// tiles: the radius is at least the largest distance to 200 points along each of the cell's
    /// sides (the farthest point of a lon/lat box from its centre lies on them), and, being the
    /// sum of the half height and the half width, at most √2 times it, plus its 1 m margin.
    @Test func radiusHoldsEveryPointOfTheCell() {
        let cells: [(south: Double, size: Double)] = [(0, 1.0 / 32), (-0.01, 1.0 / 32), (36.1, 1.0 / 32), (-41.3, 1.0 / 32), (89.9, 1.0 / 32),
                                                      (-89.96875, 1.0 / 32), (36, 2), (-60, 2)]
        for (south, size) in cells {
            let box = BoundingBox(west: 36.5, south: south, east: 36.5 + size, north: min(90, south + size))
            var farthest = 0.0
            for k in 0...199 {
                let t = Double(k) / 199
                let lon = box.west + t * (box.east - box.west), lat = box.south + t * (box.north - box.south)
                let sides = [LonLat(lon: lon, lat: box.south), LonLat(lon: lon, lat: box.north), LonLat(lon: box.west, lat: lat), LonLat(lon: box.east, lat: lat)]
                for p in sides { farthest = max(farthest, Geodesic.distance(box.centre, p)) }
            }
            #expect(box.centreRadiusMetres >= farthest, "\(box): \(box.centreRadiusMetres) < \(farthest)")
            #expect(box.centreRadiusMetres <= farthest * 2.squareRoot() * 1.001 + 1, "\(box): \(box.centreRadiusMetres) vs \(farthest)")
        }
    }

    /// Seeded points packed around the Syria-Turkey border and 60-150 km south of it (about 25
    /// per cell, so that the cells learn their candidates after four): through the cells the
    /// nearest point and distance are the tree's, first while the cells learn and again once they
    /// have. Near points are bit for bit the same; beyond 40 km the cells measure from their
    /// anchors (`PieceAnchor`), within 0.4 mm of the tree's distance and 1 cm of its point.
    @Test func polylineCellsAnswerAsTheTree() throws {
        let lines = GeodesicPolyline(line: try PointToLineTests.border())
        let cells = PolylineCells(lines)
        var rng = SeededGenerator(seed: 0xCE11)
        let near = (0..<6_000).map { _ in LonLat(lon: Double.random(in: 36.4...36.9, using: &rng), lat: Double.random(in: 36.0...36.5, using: &rng)) }
        let far = (0..<3_000).map { _ in LonLat(lon: Double.random(in: 36.0...36.3, using: &rng), lat: Double.random(in: 35.0...35.3, using: &rng)) }
        var anchored = 0
        for pass in 0..<2 {
            for p in near + far {
                var a = GeodesicPolyline.SearchCounts(), b = GeodesicPolyline.SearchCounts()
                let tree = try #require(lines.nearestHit(to: p, counts: &a))
                let cell = try #require(cells.nearestHit(to: p, chord: EarthCentred(p), key: CellGrid.Key(p), counts: &b))
                anchored += b.anchored
                if b.anchored == 0 && tree.distanceMetres < 40_000 {
                    #expect(cell.distanceMetres == tree.distanceMetres && cell.point == tree.point, "pass \(pass), \(p)")
                } else {
                    #expect(abs(cell.distanceMetres - tree.distanceMetres) <= 0.0004, "pass \(pass), \(p): \(cell.distanceMetres) vs \(tree.distanceMetres)")
                    #expect(Geodesic.distance(cell.point, tree.point) <= 0.01, "pass \(pass), \(p)")
                }
            }
        }
        #expect(anchored > 2_000, "anchored \(anchored)")  // measured: 11,902 pieces anchored
    }

    /// The same anywhere: seeded wiggly lines of 40 vertices 0.5-3 km apart in both hemispheres,
    /// at high latitudes and across the antimeridian, and clusters of points in cells 40-400 km
    /// from them: the anchored distances stay within 0.4 mm of the tree's.
    @Test func anchoredCellsAgreeWithTheTreeAnywhere() throws {
        var rng = SeededGenerator(seed: 0xA9C4)
        var anchored = 0, worst = 0.0
        for origin in [LonLat(lon: 170.5, lat: -45.2), LonLat(lon: -179.95, lat: -3.1), LonLat(lon: 24.8, lat: 67.9), LonLat(lon: -71.3, lat: -33.4), LonLat(lon: 2.3, lat: 0.2)] {
            var vertices = [origin]
            var azimuth = Double.random(in: -180...180, using: &rng)
            for _ in 0..<39 {
                azimuth += Double.random(in: -40...40, using: &rng)
                vertices.append(Geodesic.direct(from: vertices.last!, azimuthDegrees: azimuth, distanceMetres: Double.random(in: 500...3_000, using: &rng)).destination)
            }
            let lines = GeodesicPolyline(line: vertices)
            let cells = PolylineCells(lines)
            var points: [LonLat] = []
            for _ in 0..<25 {
                let from = vertices[Int.random(in: 0..<vertices.count, using: &rng)]
                let centre = Geodesic.direct(from: from, azimuthDegrees: Double.random(in: -180...180, using: &rng), distanceMetres: Double.random(in: 40_000...400_000, using: &rng)).destination
                for _ in 0..<12 {
                    points.append(Geodesic.direct(from: centre, azimuthDegrees: Double.random(in: -180...180, using: &rng), distanceMetres: Double.random(in: 0...1_500, using: &rng)).destination)
                }
            }
            for _ in 0..<2 {
                for p in points {
                    var a = GeodesicPolyline.SearchCounts(), b = GeodesicPolyline.SearchCounts()
                    let tree = try #require(lines.nearestHit(to: p, counts: &a))
                    let cell = try #require(cells.nearestHit(to: p, chord: EarthCentred(p), key: CellGrid.Key(p), counts: &b))
                    anchored += b.anchored
                    worst = max(worst, abs(cell.distanceMetres - tree.distanceMetres))
                    #expect(abs(cell.distanceMetres - tree.distanceMetres) <= 0.0004, "\(origin): \(p): \(cell.distanceMetres) vs \(tree.distanceMetres)")
                }
            }
        }
        #expect(anchored > 1_000, "anchored \(anchored)")  // measured: 4,286
        #expect(worst <= 1e-4, "worst \(worst) m")  // measured: 5.9e-5 m (anchors up to 400 km away)
    }
}
