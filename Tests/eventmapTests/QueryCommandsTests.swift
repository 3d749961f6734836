import Foundation
import Testing
import TestSupport

/// The spatial query commands end to end on the bundled data: distance to the border and to a
/// country, nearest, within, buffer and area, and their errors.
@Suite struct QueryCommandsTests {
    static func json(_ r: ExternalTool.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    /// id → (distance m, nearest lat, nearest lon) from Tests/Reference/border-distances.csv
    /// (make_border_reference.py: GeographicLib brute force over the border densified to 10 m).
    static func reference(_ id: String) throws -> (Double, Double, Double) {
        let text = try String(contentsOfFile: Paths.repository + "/Tests/Reference/border-distances.csv", encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(id + ",") })
        let f = line.split(separator: ",")
        return (Double(f[3])!, Double(f[4])!, Double(f[5])!)
    }

    static func expectOneSentenceError(_ r: ExternalTool.Result, _ message: String) {
        #expect(r.status != 0)
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
        #expect(r.stderr.split(separator: "\n").count <= 2)
    }

    @Test func distanceToTheBorder() throws {
        let r = try CLI.run(["distance", "Kafr Takharim", "border", "--json"])
        #expect(r.status == 0)
        let j = try Self.json(r), ref = try Self.reference("kafr-takharim")
        #expect(abs((j["distance_m"] as! Double) - ref.0) < 0.001)
        let nearest = try #require(j["nearest"] as? [String: Double])
        #expect(abs(nearest["lat"]! - ref.1) < 1e-6 && abs(nearest["lon"]! - ref.2) < 1e-6)
        #expect(j["azimuth_deg"] is Double)
        let text = try CLI.run(["distance", "Kafr Takharim", "border"])
        #expect(text.stdout.contains("10,823.087 m (10.823 km)") && text.stdout.contains("Nearest point"))
    }

    @Test func distanceFromAnApproximatePlaceSaysSo() throws {
        let r = try CLI.run(["distance", "Jabal al-Duwayla camp", "border", "--json"])
        let j = try Self.json(r)
        #expect(j["uncertainty_m"] as? Double == 8000)
        #expect((j["note"] as? String)?.contains("Jabal al-Duwayla camp is placed within 8 km") == true)
        let text = try CLI.run(["distance", "Jabal al-Duwayla camp", "border"])
        #expect(text.stdout.contains("Note: Jabal al-Duwayla camp is placed within 8 km (where_prec 2); the distance may be off by as much."))
    }

    @Test func distanceToACountry() throws {
        let inside = try Self.json(try CLI.run(["distance", "Idlib", "Syria", "--json"]))
        #expect(inside["distance_m"] as? Double == 0 && inside["inside"] as? Bool == true)
        let outside = try Self.json(try CLI.run(["distance", "Idlib", "TR", "--json"]))
        #expect(abs((outside["distance_m"] as! Double) - (try Self.reference("idlib").0)) < 0.001)
        #expect(outside["inside"] as? Bool == false && outside["nearest"] != nil)
    }

    @Test func nearestAgreesWithGeodSolve() throws {
        let r = try CLI.run(["nearest", "Idlib", "-k", "3", "--json"])
        #expect(r.status == 0)
        let places = try #require(try Self.json(r)["places"] as? [[String: Any]])
        #expect(places.count == 3 && !places.contains { $0["id"] as? String == "idlib" })
        let ref = try GeodSolve.inverse(places.map { (35.93062, 36.63393, $0["lat"] as! Double, $0["lon"] as! Double) })
        for (p, g) in zip(places, ref) {
            #expect(abs((p["distance_m"] as! Double) - g.s12) < 0.001)
            // Two places at one point (Idlib and its governorate's centre) have no azimuth: null.
            if let azimuth = p["azimuth_deg"] as? Double { #expect(abs(azimuth - g.azi1) < 1e-5) } else { #expect(g.s12 == 0) }
        }
        let d = places.map { $0["distance_m"] as! Double }
        #expect(d == d.sorted())
        let ops = try CLI.run(["nearest", "Idlib", "--kind", "observation-point"])
        #expect(ops.status == 0 && ops.stdout.contains("observation point") && !ops.stdout.contains(" town "))
    }

    @Test func withinTheBorder() throws {
        let r = try CLI.run(["within", "5km", "--of", "border", "--json"])
        #expect(r.status == 0)
        let places = try #require(try Self.json(r)["places"] as? [[String: Any]])
        #expect(!places.isEmpty)
        for p in places {
            let ref = try Self.reference(p["id"] as! String)
            #expect(ref.0 <= 5000 && abs((p["distance_m"] as! Double) - ref.0) < 0.001)
        }
        let text = try CLI.run(["within", "3mi", "--of", "Kafr Takharim"])
        #expect(text.status == 0 && text.stdout.contains("within 4.828 km of Kafr Takharim"))
    }

    @Test func bufferWritesGeoJSONWithItsArea() throws {
        let dir = Paths.temporaryFolder("buffer")
        let file = dir + "/zone20.geojson"
        let r = try CLI.run(["buffer", "border:SYR-TUR", "--radius", "20km", "--clip", "Syria", "-o", file])
        #expect(r.status == 0 && r.stdout.contains("km²") && r.stdout.contains("Written to"))
        let info = try ExternalTool.run("ogrinfo", ["-so", "-al", file])
        #expect(info.stdout.contains("Feature Count: 1") && info.stdout.contains("Geometry: Polygon"))
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        let props = try #require(((doc["features"] as? [[String: Any]])?.first?["properties"]) as? [String: Any])
        let km2 = try #require(props["area_km2"] as? Double)
        // `area` re-reads the written file (densified by the writer) and measures it with geod_polygonarea.
        let area = try Self.json(try CLI.run(["area", file, "--json"]))
        #expect(abs((area["area_km2"] as! Double) - km2) < 0.01)
        #expect(props["clip"] as? String == "SYR" && props["radius_m"] as? Double == 20_000)
        // The same bytes on a second run.
        let again = dir + "/again.geojson"
        _ = try CLI.run(["buffer", "border:SYR-TUR", "--radius", "20km", "--clip", "Syria", "-o", again])
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data(contentsOf: URL(fileURLWithPath: again)))
    }

    @Test func bufferToStandardOutput() throws {
        let r = try CLI.run(["buffer", "Kafr Takharim", "--radius", "10km", "-o", "-"])
        #expect(r.status == 0)
        let doc = try Self.json(r)
        #expect(doc["type"] as? String == "FeatureCollection")
        #expect(r.stderr.contains("km²"))
    }

    /// Syria's area against GeographicLib's Planimeter on the same ring (same geodesic edges).
    @Test func areaOfACountryMatchesPlanimeter() throws {
        let text = try String(contentsOfFile: Paths.reference("syria-turkey-countries.geojson"), encoding: .utf8)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let syria = try #require((doc["features"] as? [[String: Any]])?.first { ($0["properties"] as? [String: Any])?["id"] as? String == "SY" })
        let geometry = try #require(syria["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "Polygon")
        let rings = try #require(geometry["coordinates"] as? [[[Double]]])
        #expect(rings.count == 1)
        let lines = rings[0].dropLast().map { "\($0[1]) \($0[0])" }
        let areas = try [lines, lines.reversed()].map { ls in
            let out = try ExternalTool.run("Planimeter", ["-p", "3"], input: ls.joined(separator: "\n") + "\n").stdout
            return Double(out.split(separator: " ")[2].trimmingCharacters(in: .whitespacesAndNewlines))!
        }
        let reference = areas.map(abs).min()!
        let r = try Self.json(try CLI.run(["area", "Syria", "--json"]))
        #expect(abs((r["area_m2"] as! Double) - reference) < 1)
    }

    @Test func errors() throws {
        Self.expectOneSentenceError(try CLI.run(["within", "20", "--of", "border"]), "give a unit, e.g. 20km or 20m")
        Self.expectOneSentenceError(try CLI.run(["buffer", "border", "--radius", "20"]), "--radius: '20' is not a length")
        Self.expectOneSentenceError(try CLI.run(["distance", "Idlib", "Narnia"]), "no place named 'Narnia'")
        Self.expectOneSentenceError(try CLI.run(["within", "5km", "--of", "Narnia"]), "A target may also be LAT,LON, `border`")
        Self.expectOneSentenceError(try CLI.run(["buffer", "border", "--radius", "5km", "--clip", "Narnia"]), "--clip: no country 'Narnia'")
        Self.expectOneSentenceError(try CLI.run(["area", "border"]), "has no area")
        Self.expectOneSentenceError(try CLI.run(["distance", "border", "Idlib"]), "A must be a place or LAT,LON")
        Self.expectOneSentenceError(try CLI.run(["area", "/nonexistent/zone.geojson"]), "cannot read the GeoJSON file")
        Self.expectOneSentenceError(try CLI.run(["nearest", "Idlib", "--kind", "castle"]), "--kind: no place is of kind 'castle'")
        Self.expectOneSentenceError(try CLI.run(["within", "5km", "--of", "Idlib", "--kind", "castle"]), "--kind: no place is of kind 'castle'")
        Self.expectOneSentenceError(try CLI.run(["buffer", "border", "--radius", "5km", "-o", "/nonexistent/dir/z.geojson"]), "could not write")
    }
}
