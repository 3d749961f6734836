import Foundation
import Testing
import TestSupport

/// `eventmap geocode`, end to end on the built binary and the bundled geodata/places.csv.
@Suite struct GeocodeCommandTests {
    static func object(_ stdout: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    }

    @Test(arguments: [
        ("Kafr Takharim", "kafr-takharim"), ("Kafar Takhareem", "kafr-takharim"), ("كَفْر تَخَارِيم", "kafr-takharim"),
        ("Idleb", "idlib"), ("إدلب", "idlib"), ("Murak", "morek"), ("Harem", "harim"), ("Halab", "aleppo"),
        ("op09-morek", "op09-morek"),
    ])
    func jsonObjectForOneMatch(_ name: String, _ id: String) throws {
        let r = try CLI.run(["geocode", name, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try Self.object(r.stdout)
        #expect(o["id"] as? String == id)
        for key in ["id", "name", "kind", "lat", "lon", "precision", "acled_geo_precision", "uncertainty_m", "source",
                    "alt_names", "admin1", "country", "notes"] {
            #expect(o[key] != nil, "missing \(key)")
        }
        #expect(o["alt_names"] is [String])
    }

    @Test func jsonCarriesCoordinatesPrecisionAndSourceFromTheTable() throws {
        // Values of the kafr-takharim row of geodata/places.csv (GeoNames 168629), exactly as stored.
        let o = try Self.object(try CLI.run(["geocode", "Kafr Takharim", "--json"]).stdout)
        #expect(o["lat"] as? Double == 36.1168 && o["lon"] as? Double == 36.51522)
        #expect(o["precision"] as? Int == 1 && o["acled_geo_precision"] as? Int == 1)
        #expect(o["source"] as? String == "geonames:168629")
        #expect((o["alt_names"] as? [String])?.contains("كفر تخاريم") == true)
        #expect(o["op_number"] == nil)
    }

    @Test func anObservationPointHasItsAttributesAndItsUncertainty() throws {
        let r = try CLI.run(["geocode", "Tell Sawwan", "--json"])
        #expect(r.status == 0)
        let o = try Self.object(r.stdout)
        #expect(o["id"] as? String == "op09-morek")
        #expect(o["op_number"] as? Int == 9 && o["status_2020"] as? String == "evacuated" && o["established"] as? String == "2018-04-07")
        #expect(o["precision"] as? Int == 2 && o["acled_geo_precision"] as? Int == 2 && o["approximate"] as? Bool == true)
        #expect((o["uncertainty_m"] as? Double ?? 0) > 0)
    }

    @Test func textShowsTheFieldsAndWarnsWhenApproximate() throws {
        let exact = try CLI.run(["geocode", "Murak"])
        #expect(exact.status == 0)
        for part in ["morek", "35.37615,36.6897", "where_prec 1: exact location", "geonames:166640", "Hama", "matched    'Murak'"] {
            #expect(exact.stdout.contains(part), "missing \(part)")
        }
        #expect(!exact.stdout.contains("Warning"))
        let approx = try CLI.run(["geocode", "Jebel Dweila"])
        #expect(approx.status == 0)
        // The radius printed is the row's uncertainty_m, in km.
        let radius = try #require(try Self.object(try CLI.run(["geocode", "Jebel Dweila", "--json"]).stdout)["uncertainty_m"] as? Double)
        let km = radius.truncatingRemainder(dividingBy: 1000) == 0 ? String(Int(radius / 1000)) : String(radius / 1000)
        #expect(approx.stdout.contains("Warning: Jabal al-Duwayla camp is an approximate location (where_prec 2, within 25 km of a known place): "
                                       + "the place lies within \(km) km of this point."))
        #expect(approx.stdout.contains("anchor:kafr-takharim"))
    }

    @Test func anUnknownNameFailsWithSuggestions() throws {
        let r = try CLI.run(["geocode", "Kafr Takharm"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("no place named 'Kafr Takharm' in the gazetteer. Did you mean: Kafr Takharim (kafr-takharim)?"))
        let json = try CLI.run(["geocode", "Kafr Takharm", "--json"])
        #expect(json.status == 1 && json.stdout.isEmpty)
    }

    static func twoSalwas() throws -> String {
        let dir = Paths.temporaryFolder()
        let path = dir + "/two-salwas.csv"
        try """
            id,name,alt_names,lat,lon,kind,precision,source
            salwa-village,Salwa,,36.31,36.69,village,1,test
            op01-salwa,Salwa observation point,Salwa|Salwah,36.31111,36.68639,observation-point,2,test
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func anAmbiguousNameListsTheCandidatesAndFails() throws {
        let path = try Self.twoSalwas()
        let text = try CLI.run(["geocode", "Salwa", "--gazetteer", path])
        #expect(text.status == 1)
        #expect(text.stderr.contains("'Salwa' names 2 places: salwa-village (Salwa, village); op01-salwa"))
        #expect(text.stderr.contains("Give one of these ids instead."))
        // --json: the candidates, best first, as an array on stdout, and still a failure.
        let json = try CLI.run(["geocode", "Salwa", "--gazetteer", path, "--json"])
        #expect(json.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["id"] as? String } == ["salwa-village", "op01-salwa"])
        // The id settles it.
        let byId = try CLI.run(["geocode", "op01-salwa", "--gazetteer", path, "--json"])
        #expect(byId.status == 0)
        let chosen = try Self.object(byId.stdout)
        #expect(chosen["id"] as? String == "op01-salwa")
    }

    @Test func aBadGazetteerRowIsOneSentenceNamingFileLineAndField() throws {
        let path = Paths.temporaryFolder() + "/bad.csv"
        try "id,name,lat,lon,kind,precision,source\nx,X,91,36,town,1,test\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLI.run(["geocode", "X", "--gazetteer", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path), line 2, field 'lat': latitude 91 is outside -90..90"))
        #expect(r.stderr.split(separator: "\n").count <= 2 && !r.stderr.contains("Fatal"))
    }

    @Test func aCoordinateIsNotAName() throws {
        let r = try CLI.run(["geocode", "36.1,36.5"])
        #expect(r.status == 1 && r.stderr.contains("is a coordinate, not a name"))
    }
}
