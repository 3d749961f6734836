import Foundation
import GeoCore
import Testing
import TestSupport
@testable import EventMapKit

/// The equal-area hexagon grid: every cell covers the same ground area, and a point falls in
/// the cell whose centre is nearest (in the equal-area plane).
@Suite struct HexGridTests {
    let centre = LonLat(lon: 36.5, lat: 35.9)

    /// Reference: the geodesic area of the cell's ring on WGS 84 (GeographicLib's geod_polygonarea
    /// through GeoCore's Geodesic.area), which knows nothing of the projection the grid was laid in.
    /// Expected: (√3/2)·width² = 86.6025 km² for 10 km, the same within 0.01 % near the centre and
    /// 400 km away (PROJ's ellipsoidal laea is equal-area; what is left is the straight-vs-geodesic edge).
    @Test func cellsHaveEqualGeodesicArea() throws {
        let proj = try PROJContext()
        let grid = try HexGrid(centre: centre, widthMetres: 10_000, context: proj)
        let expected = 3.0.squareRoot() / 2 * 1e8
        #expect(abs(grid.cellAreaSquareMetres - expected) < 1e-6)
        var areas: [Double] = []
        for (q, r) in [(0, 0), (1, 0), (-3, 5), (20, -10), (-25, 30), (40, 0), (0, -46)] {
            let ring = try grid.ring(of: HexGrid.Cell(q: q, r: r), edgeSteps: 16)
            let a = Geodesic.area(of: .polygon([ring]))
            areas.append(a)
            #expect(abs(a - expected) / expected < 1e-4, "cell \(q),\(r): \(a) m²")
        }
        #expect((areas.max()! - areas.min()!) / expected < 1e-4)
        // 400 km from the centre: still the same area (a transverse Mercator cell would be 0.4 % larger).
        let far = grid.centre(of: HexGrid.Cell(q: 40, r: 0))
        #expect(far.x > 390_000)
    }

    /// Seeded random points: the cell found is the one whose centre is nearest among it and its 6 neighbours.
    @Test func pointsFallInTheNearestCell() throws {
        let proj = try PROJContext()
        let grid = try HexGrid(centre: centre, widthMetres: 5_000, context: proj)
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<2_000 {
            let p = Projected(x: Double.random(in: -60_000...60_000, using: &rng), y: Double.random(in: -60_000...60_000, using: &rng))
            let c = grid.cell(of: p)
            let d = { (k: HexGrid.Cell) -> Double in let o = grid.centre(of: k); return hypot(o.x - p.x, o.y - p.y) }
            let own = d(c)
            #expect(own <= grid.sizeMetres + 1e-6)
            for (dq, dr) in [(1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1)] {
                #expect(own <= d(HexGrid.Cell(q: c.q + dq, r: c.r + dr)) + 1e-6)
            }
        }
    }
}
