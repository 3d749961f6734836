import Testing
import TestSupport
@testable import GeoCore

/// Transforms against PROJ's cs2cs (proj-bin), run live: WGS 84 to UTM 37N and back.
@Suite struct TransformerTests {
    static let places: [(lat: Double, lon: Double)] = [
        (36.1168, 36.51522),   // Kafr Takharim (GeoNames 168629)
        (35.93062, 36.63393),  // Idlib (GeoNames 169389)
        (35.37615, 36.6897),   // Morek (GeoNames 166640)
        (36.20124, 37.16117),  // Aleppo (GeoNames 170063)
    ]

    @Test func wgs84ToUTM37NMatchesCS2CS() throws {
        let reference = try CS2CS.transform(from: "EPSG:4326", to: "EPSG:32637", Self.places.map { ($0.lat, $0.lon) })
        let ctx = try PROJContext()
        let t = try ctx.transformer(toProjected: "EPSG:32637")
        for (p, ref) in zip(Self.places, reference) {
            let xy = try t.project(LonLat(lon: p.lon, lat: p.lat))
            #expect(abs(xy.x - ref.0) < 0.001 && abs(xy.y - ref.1) < 0.001, "\(p) → \(xy) vs cs2cs \(ref)")
        }
    }

    @Test func utm37NBackToWGS84MatchesCS2CS() throws {
        let ctx = try PROJContext()
        let t = try ctx.transformer(toProjected: "EPSG:32637")
        let projected = try t.project(Self.places.map { LonLat(lon: $0.lon, lat: $0.lat) })
        let reference = try CS2CS.transform(from: "EPSG:32637", to: "EPSG:4326", projected.map { ($0.x, $0.y) })
        let back = try t.unproject(projected)
        for ((ll, ref), p) in zip(zip(back, reference), Self.places) {
            // cs2cs prints EPSG:4326 as lat lon; 1e-8 degrees is about 1 mm.
            #expect(abs(ll.lat - ref.0) < 1e-8 && abs(ll.lon - ref.1) < 1e-8)
            #expect(abs(ll.lat - p.lat) < 1e-9 && abs(ll.lon - p.lon) < 1e-9)
        }
    }

    @Test func azimuthalEquidistantKeepsDistancesFromItsCentre() throws {
        let centre = LonLat(lon: 36.51522, lat: 36.1168)
        let ctx = try PROJContext()
        let t = try ctx.transformer(toProjected: ProjectionDefinition.azimuthalEquidistant(centre: centre))
        let idlib = LonLat(lon: 36.63393, lat: 35.93062)
        let xy = try t.project(idlib)
        let reference = try CS2CS.transform(from: "EPSG:4326", to: ProjectionDefinition.azimuthalEquidistant(centre: centre), [(idlib.lat, idlib.lon)])[0]
        #expect(abs(xy.x - reference.0) < 0.001 && abs(xy.y - reference.1) < 0.001, "vs cs2cs \(reference)")
        // GeodSolve -i: 23265.061956186 m from Kafr Takharim to Idlib.
        #expect(abs((xy.x * xy.x + xy.y * xy.y).squareRoot() - 23265.061956186) < 0.001)
    }

    @Test func badDefinitionIsATypedErrorWithPROJsMessage() throws {
        let ctx = try PROJContext()
        #expect(throws: PROJError.self) { try ctx.transformer(toProjected: "EPSG:999999") }
        do {
            _ = try ctx.transformer(toProjected: "+proj=nonsense")
            Issue.record("expected an error")
        } catch {
            #expect(!error.message.isEmpty)
        }
    }

    @Test func transformersAreCachedPerContext() throws {
        let ctx = try PROJContext()
        let a = try ctx.transformer(toProjected: "EPSG:32637")
        let b = try ctx.transformer(toProjected: "EPSG:32637")
        #expect(a === b)
    }

    /// A geometry changes frame as a whole: the projected polygon is a `ProjectedGeometry` (it
    /// cannot be passed where longitude, latitude is expected), with cs2cs's coordinates, and GEOS
    /// reads its planar result back in the same frame; unprojecting returns the input.
    @Test func geometryProjectsIntoItsOwnTypeAndBack() throws {
        let ctx = try PROJContext()
        let t = try ctx.transformer(toProjected: "EPSG:32637")
        let ring = Self.places.map { LonLat(lon: $0.lon, lat: $0.lat) } + [LonLat(lon: Self.places[0].lon, lat: Self.places[0].lat)]
        let projected: ProjectedGeometry = try t.project(Geometry.polygon([ring]))
        let reference = try CS2CS.transform(from: "EPSG:4326", to: "EPSG:32637", ring.map { ($0.lat, $0.lon) })
        guard case .polygon(let rings) = projected else { Issue.record("expected a polygon, got \(projected.typeName)"); return }
        for (xy, ref) in zip(rings[0], reference) {
            #expect(abs(xy.x - ref.0) < 0.001 && abs(xy.y - ref.1) < 0.001, "\(xy) vs cs2cs \(ref)")
        }
        let geos = GEOSContext()
        let buffered = try GEOSGeometry(projected, in: geos).planarBuffer(0).value()
        #expect(buffered.positions.count == 5 && Set(buffered.positions) == Set(rings[0]))
        let back = try t.unproject(projected)
        for (a, b) in zip(back.positions, ring) { #expect(abs(a.lon - b.lon) < 1e-9 && abs(a.lat - b.lat) < 1e-9) }
    }

    /// The context caches its transformers and each transformer keeps the C context alive: no
    /// retain cycle (ASan's leak check in CI caught one), and a transformer outlives its context.
    @Test func transformerOutlivesItsContext() throws {
        var ctx: PROJContext? = try PROJContext()
        let t = try ctx!.transformer(toProjected: "EPSG:32637")
        ctx = nil
        let xy = try t.project(LonLat(lon: 36.51522, lat: 36.1168))
        // cs2cs -f %.6f EPSG:4326 EPSG:32637 <<< "36.1168 36.51522" → 276361.804870 3999762.802576
        #expect(abs(xy.x - 276361.804870) < 0.001 && abs(xy.y - 3999762.802576) < 0.001)
    }

    @Test func utmZoneOfNWSyria() {
        #expect(ProjectionDefinition.utmZone(containing: LonLat(lon: 36.5, lat: 36.1)) == "EPSG:32637")
        #expect(ProjectionDefinition.utmZone(containing: LonLat(lon: 35.8, lat: 35.5)) == "EPSG:32636")
    }
}
