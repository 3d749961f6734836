import EventMapKit
import GeoCore
import Testing
import TestSupport

/// The border zones the maps draw: geodesic, on the Syrian side, with their measurements.
@Suite struct ZonesTests {
    @Test func syrianSideZones() throws {
        let border = try AnalysisFixtures.syriaTurkey()
        let syria = try #require(try AnalysisFixtures.world().country("Syria"))
        let z10 = try Zones.buffer(.borders(border), radiusMetres: 10_000, clip: syria)
        let z20 = try Zones.buffer(.borders(border), radiusMetres: 20_000, clip: syria)
        #expect(z10.maximumDeviationMetres <= 1 && z20.maximumDeviationMetres <= 1)
        // Nested zones: the 10 km band is a bit more than half of the 20 km one (the border is
        // about 900 km long, so roughly 900 km × radius, less where Syria is narrow).
        #expect(z10.areaSquareMetres < z20.areaSquareMetres && z10.areaSquareMetres > 0.45 * z20.areaSquareMetres)
        // Every vertex is in Syria (on its boundary at most: containment tolerance) and within 20 km + 1 m of the border.
        let area = syria.prepared(), line = GeodesicPolyline(border.borders[0].lines)
        for p in z20.geometry.positions {
            #expect(line.distance(from: p) <= 20_001)
            #expect(area.contains(p) || area.boundary.distance(from: p) < 1)
        }
        let f = Zones.feature(z20, target: .borders(border), clip: syria)
        #expect(f.properties["area_km2"]?.doubleValue == z20.areaSquareMetres / 1e6)
        #expect(f.properties["clip"]?.stringValue == "SYR" && f.properties["radius_m"]?.doubleValue == 20_000)
    }
}
