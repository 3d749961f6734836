import EventMapKit
import GeoCore
import Testing
import TestSupport

/// Resolving what users type, and measuring to it.
@Suite struct TargetTests {
    static func resolver() throws -> TargetResolver {
        TargetResolver(gazetteer: try AnalysisFixtures.gazetteer(), borders: try AnalysisFixtures.borders())
    }

    @Test(arguments: ["border", "Border", "syria-turkey", "Syria Turkey border"])
    func borderWords(_ text: String) throws {
        guard case .line = try Self.resolver().resolve(text) else { Issue.record("\(text) is not the border line"); return }
    }

    @Test(arguments: [("Syria", "SY"), ("SY", "SY"), ("syr", "SY"), ("Turkey", "TR"), ("Türkiye", "TR"), ("TUR", "TR")])
    func countries(_ text: String, _ id: String) throws {
        let borders = try AnalysisFixtures.borders()
        #expect(borders.country(text)?.id == id)
        guard case .area = try Self.resolver().resolve(text) else { Issue.record("\(text) is not an area"); return }
    }

    @Test func placesAndCoordinates() throws {
        let r = try Self.resolver()
        #expect(try r.resolve("Kafr Takharim").place?.id == "kafr-takharim")
        guard case .point(let p) = try r.resolve("36.2,36.5") else { Issue.record("not a point"); return }
        #expect(p.position == LonLat(lon: 36.5, lat: 36.2) && p.place == nil)
    }

    @Test func unknownTargetSaysWhatATargetCanBe() throws {
        #expect {
            try Self.resolver().resolve("Narnia")
        } throws: { error in
            let text = (error as? AnalysisError)?.description ?? ""
            return text.contains("Narnia") && text.contains("`border`") && text.contains("Syria, Turkey")
        }
    }

    @Test func geoJSONTargets() throws {
        let polygon = #"{"type":"Polygon","coordinates":[[[36,36],[36.1,36],[36.1,36.1],[36,36.1],[36,36]]]}"#
        guard case .area = try Target.fromGeoJSON(polygon, name: "square.geojson") else { Issue.record("not an area"); return }
        let line = #"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[36,36],[36.1,36]]}}"#
        guard case .line = try Target.fromGeoJSON(line, name: "line.geojson") else { Issue.record("not a line"); return }
        #expect(throws: AnalysisError.self) { try Target.fromGeoJSON("{", name: "bad.geojson") }
    }

    @Test func badBorderFileIsNamed() {
        #expect {
            try Borders.read(border: #"{"type":"Point","coordinates":[36,36]}"#, borderFile: "b.geojson",
                             countries: #"{"type":"FeatureCollection","features":[]}"#, countriesFile: "c.geojson")
        } throws: { error in
            (error as? AnalysisError)?.description.hasPrefix("b.geojson: the border is a Point") == true
        }
    }

    /// Kafr Takharim to the border: the reference row of border-distances.csv (GeographicLib, brute force).
    @Test func distanceToTheBorderMatchesTheReference() throws {
        let r = try Self.resolver()
        let ref = try #require(try AnalysisFixtures.borderReference()["kafr-takharim"])
        let m = TargetDistance(from: try r.gazetteer.resolvePoint("Kafr Takharim"), to: try r.resolve("border"))
        #expect(abs(m.distanceMetres - ref.distance) < 0.001)
        #expect(Geodesic.distance(m.nearest, LonLat(lon: ref.lon, lat: ref.lat)) < 0.01)
        #expect(m.notes.isEmpty && m.uncertaintyMetres == 0)
    }

    @Test func approximatePlacesCarryTheirRadius() throws {
        let r = try Self.resolver()
        let camp = try r.gazetteer.resolvePoint("jabal-al-duwayla-camp")
        let op = try r.resolve("op06-surman")
        let m = TargetDistance(from: camp, to: op)
        let campPlace = try #require(camp.place), opPlace = try #require(op.place)
        #expect(m.uncertaintyMetres == campPlace.uncertaintyMetres + opPlace.uncertaintyMetres)
        #expect(m.notes.first == "Jabal al-Duwayla camp is placed within \(PrecisionNote.kilometres(campPlace.uncertaintyMetres)) km (where_prec 2); the distance may be off by as much.")
    }

    @Test func insideACountryIsZero() throws {
        let r = try Self.resolver()
        let m = TargetDistance(from: try r.gazetteer.resolvePoint("Idlib"), to: try r.resolve("Syria"))
        #expect(m.isInside == true && m.distanceMetres == 0)
        let ref = try #require(try AnalysisFixtures.borderReference()["idlib"])
        // Idlib's nearest point of Syria's boundary is on the Turkish border (the reference line).
        #expect(abs(try #require(m.boundaryDistanceMetres) - ref.distance) < 0.001)
    }
}
