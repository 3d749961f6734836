import EventMapKit
import Foundation
import GeoCore
import Testing
import TestSupport

/// Resolving what users type, and measuring to it.
@Suite struct TargetTests {
    static func resolver() throws -> TargetResolver {
        TargetResolver(gazetteer: try AnalysisFixtures.gazetteer(), world: try AnalysisFixtures.world())
    }

    /// Counts from geodata/world/borders.json: 329 borders, 4 naming SYR (IRQ, JOR, LBN, TUR).
    @Test(arguments: [("border", 329), ("Border", 329), ("border:SYR-TUR", 1), ("border:tr-sy", 1), ("border:SYR", 4), ("border: Syria ", 4)])
    func borderWords(_ text: String, _ count: Int) throws {
        guard case .borders(let set) = try Self.resolver().resolve(text) else { Issue.record("\(text) is not borders"); return }
        #expect(set.borders.count == count)
    }

    @Test(arguments: ["border:SYR-EGY", "border:XXX", "border:SYR-TUR-IRQ", "border:ISL"])
    func bordersThatDoNotExistAreRefused(_ text: String) throws {
        #expect(throws: AnalysisError.self) { try Self.resolver().resolve(text) }
    }

    /// Names and codes users type, resolved like place names (case, accents, Arabic, Cyrillic).
    @Test(arguments: [("Syria", "SYR"), ("SY", "SYR"), ("syr", "SYR"), ("Syrian Arab Republic", "SYR"), ("سوريا", "SYR"),
                      ("Turkey", "TUR"), ("Türkiye", "TUR"), ("TUR", "TUR"), ("DRC", "COD"), ("Ukraine", "UKR"), ("Украина", "UKR"),
                      ("Sudan", "SDN"), ("Myanmar", "MMR"), ("Burma", "MMR"), ("Colombia", "COL"), ("FR", "FRA")])
    func countries(_ text: String, _ code: String) throws {
        #expect(try AnalysisFixtures.world().countryEntry(text)?.code == code)
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
            return text.contains("Narnia") && text.contains("`border`") && text.contains("a country")
        }
    }

    @Test func geoJSONTargets() throws {
        let polygon = #"{"type":"Polygon","coordinates":[[[36,36],[36.1,36],[36.1,36.1],[36,36.1],[36,36]]]}"#
        guard case .area = try Target.fromGeoJSON(polygon, name: "square.geojson") else { Issue.record("not an area"); return }
        let line = #"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[36,36],[36.1,36]]}}"#
        guard case .line = try Target.fromGeoJSON(line, name: "line.geojson") else { Issue.record("not a line"); return }
        #expect(throws: AnalysisError.self) { try Target.fromGeoJSON("{", name: "bad.geojson") }
    }

    @Test func badWorldFileIsNamed() throws {
        #expect {
            try World(countriesIndex: #"{"countries":[]}"#, countryVertices: Data("EMWORLD1".utf8), bordersIndex: #"{"borders":[]}"#,
                      borderVertices: Data(), files: ("c.json", "c.bin", "b.json", "b.bin"))
        } throws: { error in
            (error as? AnalysisError)?.description.hasPrefix("c.bin: ") == true
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
