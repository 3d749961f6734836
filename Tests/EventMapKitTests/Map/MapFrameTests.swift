import Foundation
import GeoCore
import Testing
import TestSupport
@testable import EventMapKit

/// The map frame: projection, extent, pixel mapping, clipping, scale bar and grid convergence.
@Suite struct MapFrameTests {
    let kafrTakharim = LonLat(lon: 36.51522, lat: 36.1168)
    let idlib = LonLat(lon: 36.63393, lat: 35.93062)

    @Test func frameHoldsTheDataWithAMarginAndDefaultsToTransverseMercator() throws {
        let proj = try PROJContext()
        let frame = try MapFrame.make(fitting: [kafrTakharim, idlib], request: MapFrameRequest(), origin: PixelPoint(x: 16, y: 64), context: proj)
        #expect(frame.projection.contains("+proj=tmerc"))
        for p in [kafrTakharim, idlib] {
            let px = try frame.pixel(p)
            // Inside by at least the 6 % margin of a 900 px frame (about 50 px): no point on the edge.
            #expect(px.x > 16 + 40 && px.x < 16 + 900 - 40 && px.y > 64 + 40 && px.y < 64 + frame.heightPixels - 40)
        }
        // Pixel ↔ projected round trip is exact to 1e-6 m.
        let q = try frame.transformer.project(idlib)
        let back = frame.projected(frame.pixel(q))
        #expect(abs(back.x - q.x) < 1e-6 && abs(back.y - q.y) < 1e-6)
    }

    @Test func aGeographicProjectionIsRefusedWithASentence() throws {
        let proj = try PROJContext()
        #expect(throws: MapFrameError.self) {
            _ = try MapFrame.make(fitting: [kafrTakharim, idlib], request: MapFrameRequest(projection: "EPSG:4326"),
                                  origin: PixelPoint(x: 0, y: 0), context: proj)
        }
        #expect(MapFrame.projectionDefinition("32637") == "EPSG:32637")
    }

    @Test(arguments: [
        ("36,35,37", "needs four numbers"),
        ("37,35,36,36", "west < east"),
        ("36,35,x,36", "'x'"),
        ("36,-95,37,36", "out of range"),
    ])
    func badBoxesAreExplained(_ text: String, _ message: String) {
        do {
            _ = try BoundingBox(parsingWSEN: text)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.description.contains(message))
        }
    }

    @Test func countryPolygonsAreCutToTheFrame() throws {
        let proj = try PROJContext(), geos = GEOSContext()
        let countries = try GeoJSONReader.read(String(contentsOfFile: Paths.reference("syria-turkey-countries.geojson"), encoding: .utf8))
        let antakya = LonLat(lon: 36.15722, lat: 36.20655)
        let frame = try MapFrame.make(fitting: [antakya, idlib], request: MapFrameRequest(), origin: PixelPoint(x: 0, y: 0), context: proj)
        let clip = try FrameClip(frame: frame, context: geos)
        let turkey = countries.features.first { $0.properties["id"]?.stringValue == "TR" }!.geometry!
        let cut = try #require(try clip.projectedInside(turkey))
        let pad = 4 / frame.pixelsPerUnit + 1e-6
        #expect(cut.positions.count < turkey.positions.count / 10)
        for p in cut.positions {
            #expect(p.x >= frame.projectedMin.x - pad && p.x <= frame.projectedMax.x + pad)
            #expect(p.y >= frame.projectedMin.y - pad && p.y <= frame.projectedMax.y + pad)
        }
        // Damascus is far outside this frame: a point there is not drawn.
        #expect(try clip.projectedInside(.point(LonLat(lon: 36.29128, lat: 33.5102))) == nil)
    }

    @Test func scaleBarIsARoundLengthTrueAtTheCentre() throws {
        let proj = try PROJContext()
        let frame = try MapFrame.make(fitting: [kafrTakharim, idlib], request: MapFrameRequest(), origin: PixelPoint(x: 0, y: 0), context: proj)
        let bar = try ScaleBar.make(for: frame, maximumPixels: 200)
        let mantissa = bar.lengthMetres / pow(10, floor(log10(bar.lengthMetres)))
        #expect([1.0, 2.0, 5.0].contains { abs($0 - mantissa) < 1e-9 })
        #expect(bar.lengthPixels <= 200 && bar.lengthPixels > 200 / 2.5)
        // The bar's end points, unprojected from the map, are its length apart on the ellipsoid
        // (GeodSolve; tolerance 0.01 px of the map, about 0.3 m here, plus 1 mm).
        let c = frame.pixel(try frame.transformer.project(bar.centre))
        let a = try frame.transformer.unproject(frame.projected(PixelPoint(x: c.x - bar.lengthPixels / 2, y: c.y)))
        let b = try frame.transformer.unproject(frame.projected(PixelPoint(x: c.x + bar.lengthPixels / 2, y: c.y)))
        let ref = try GeodSolve.inverse([(a.lat, a.lon, b.lat, b.lon)])[0].s12
        #expect(abs(ref - bar.lengthMetres) < 0.01 / frame.pixelsPerUnit + 0.001)
    }

    @Test func northArrowTurnsByTheGridConvergence() throws {
        let proj = try PROJContext()
        // Transverse Mercator centred on the frame (to 1e-4°, the rounding of its centre in the
        // PROJ string): true north is grid north at the centre to within 1e-4°.
        let tm = try MapFrame.make(fitting: [kafrTakharim, idlib], request: MapFrameRequest(), origin: PixelPoint(x: 0, y: 0), context: proj)
        #expect(abs(try GridConvergence.degrees(at: try tm.centre(), frame: tm)) < 1e-4)
        // UTM 37N (central meridian 39°E): at Kafr Takharim, 2.48° west of it, true north lies
        // clockwise of grid north by about Δλ·sin φ = 1.463° (spherical first-order formula; 0.01° tolerance).
        let utm = try MapFrame.make(fitting: [kafrTakharim, idlib], request: MapFrameRequest(projection: "EPSG:32637"),
                                    origin: PixelPoint(x: 0, y: 0), context: proj)
        let expected = (39 - kafrTakharim.lon) * sin(kafrTakharim.lat * .pi / 180)
        #expect(abs(try GridConvergence.degrees(at: kafrTakharim, frame: utm) - expected) < 0.01)
    }

    @Test func uncertaintyAreasAreCounterClockwiseGeodesicCircles() throws {
        let f = MapFeature(id: "camp", geometry: .point(kafrTakharim), drawing: .uncertaintyArea(radiusMetres: 8000))
        guard case .polygon(let rings) = f.drawnGeometry else { Issue.record("expected a polygon"); return }
        #expect(Geodesic.signedArea(ofRing: rings[0]) > 0)
        // Every vertex 8 km from the centre (GeodSolve, 1 mm).
        let ref = try GeodSolve.inverse(rings[0].prefix(8).map { (kafrTakharim.lat, kafrTakharim.lon, $0.lat, $0.lon) })
        for r in ref { #expect(abs(r.s12 - 8000) < 0.001) }
    }
}
