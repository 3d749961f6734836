import EventMapKit
import GeoCore
import Testing
import TestSupport

/// The border zones the maps draw: geodesic, on the Syrian side, with their measurements.
@Suite struct ZonesTests {
    @Test func syrianSideZones() throws {
        let borders = try AnalysisFixtures.borders()
        let syria = try #require(borders.country("Syria"))
        let z10 = try Zones.borderZone(borders, radiusMetres: 10_000, side: syria)
        let z20 = try Zones.borderZone(borders, radiusMetres: 20_000, side: syria)
        #expect(z10.maximumDeviationMetres <= 1 && z20.maximumDeviationMetres <= 1)
        // Nested zones: the 10 km band is a bit more than half of the 20 km one (the border is
        // about 900 km long, so roughly 900 km × radius, less where Syria is narrow).
        #expect(z10.areaSquareMetres < z20.areaSquareMetres && z10.areaSquareMetres > 0.45 * z20.areaSquareMetres)
        // Every vertex is in Syria (on its boundary at most: containment tolerance) and within 20 km + 1 m of the border.
        let area = syria.prepared()
        for p in z20.geometry.positions {
            #expect(borders.border.index.distance(from: p) <= 20_001)
            #expect(area.contains(p) || area.boundary.distance(from: p) < 1)
        }
        let f = Zones.feature(z20, target: .line(name: borders.border.name, geometry: .lineString(borders.border.line),
                                                 index: borders.border.index), clip: syria)
        #expect(f.properties["area_km2"]?.doubleValue == z20.areaSquareMetres / 1e6)
        #expect(f.properties["clip"]?.stringValue == "SY" && f.properties["radius_m"]?.doubleValue == 20_000)
    }
}
