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

    /// Seeded points packed around the Syria-Turkey border (about 25 per cell, so that the cells
    /// learn their candidates after four): through the cells the nearest point and distance are
    /// bit for bit the tree's, first while the cells learn and again once they have.
    @Test func polylineCellsAnswerAsTheTree() throws {
        let lines = GeodesicPolyline(line: try PointToLineTests.border())
        let cells = PolylineCells(lines)
        var rng = SeededGenerator(seed: 0xCE11)
        let points = (0..<6_000).map { _ in LonLat(lon: Double.random(in: 36.4...36.9, using: &rng), lat: Double.random(in: 36.0...36.5, using: &rng)) }
        for pass in 0..<2 {
            for p in points {
                var a = GeodesicPolyline.SearchCounts(), b = GeodesicPolyline.SearchCounts()
                let tree = try #require(lines.nearestHit(to: p, counts: &a))
                let cell = try #require(cells.nearestHit(to: p, chord: EarthCentred(p), key: CellGrid.Key(p), counts: &b))
                #expect(cell.distanceMetres == tree.distanceMetres && cell.point == tree.point, "pass \(pass), \(p)")
            }
        }
    }
}
