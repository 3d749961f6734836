import Foundation
import Testing
import TestSupport

/// `eventmap analyze` end to end: output file, standard output, GeoJSON read back by GDAL's
/// ogrinfo, errors as one sentence naming the line and field, and no output on a bad row.
@Suite struct AnalyzeCommandTests {
    static let events = """
        id,lat,lon
        kafr-takharim,36.1168,36.51522
        idlib,35.93062,36.63393
        far,33.5138,36.2765

        """

    func input(_ text: String = Self.events) throws -> String {
        let dir = Paths.temporaryFolder("analyze-cli")
        try text.write(toFile: dir + "/events.csv", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func writesOneRowPerEventInOrderAndSummarises() throws {
        let dir = try input()
        let r = try CLI.run(["analyze", dir + "/events.csv", "-o", dir + "/out.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try String(contentsOfFile: dir + "/out.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows[0].joined(separator: ",") == "id,border_distance_m,border_lat,border_lon,nearest_id,nearest_name,nearest_distance_m,within,border_countries,country")
        #expect(rows.dropFirst().map { String($0[0]) } == ["kafr-takharim", "idlib", "far"])
        // Kafr Takharim is a gazetteer place: its own nearest place at 0 m; the press put it "about 10 km" from the border.
        #expect(rows[1][4] == "kafr-takharim" && rows[1][6] == "0.000")
        #expect(rows[3][7] == "false")
        #expect(r.stderr.contains("3 events; ") && r.stderr.contains("within 20.000 km"))
    }

    @Test func standardOutputMatchesTheFile() throws {
        let dir = try input()
        let file = try CLI.run(["analyze", dir + "/events.csv", "-o", dir + "/out.csv", "--within", "12km"])
        let stdout = try CLI.run(["analyze", dir + "/events.csv", "--within", "12km", "-o", "-"])
        #expect(file.status == 0 && stdout.status == 0)
        #expect(try String(contentsOfFile: dir + "/out.csv", encoding: .utf8) == stdout.stdout)
    }

    @Test func geoJSONOpensInOgrinfoWithTheRightCount() throws {
        let dir = try input()
        let r = try CLI.run(["analyze", dir + "/events.csv", "-o", dir + "/out.geojson"])
        #expect(r.status == 0, "\(r.stderr)")
        let info = try ExternalTool.run("ogrinfo", ["-so", "-al", dir + "/out.geojson"])
        #expect(info.status == 0)
        #expect(info.stdout.contains("Feature Count: 3"))
        #expect(info.stdout.contains("Geometry: Point"))
        #expect(info.stdout.contains("border_distance_m: Real"))
    }

    @Test func aBadRowNamesFileLineAndFieldAndWritesNothing() throws {
        let dir = try input(Self.events + "bad,36.1,east\n")
        let r = try CLI.run(["analyze", dir + "/events.csv", "-o", dir + "/out.csv"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("events.csv, line 5, field 'lon': 'east' is not a number"))
        #expect(!r.stderr.contains("Fatal error"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.csv"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["events.csv"])
    }

    @Test func aDistanceNeedsAUnit() throws {
        let dir = try input()
        let r = try CLI.run(["analyze", dir + "/events.csv", "--within", "20"])
        #expect(r.status != 0 && r.stderr.contains("give a unit"))
    }

    @Test func anApproximateNearestPlaceIsFlaggedWithItsRadius() throws {
        let dir = try input()
        try """
            id,name,lat,lon,kind,precision,source
            camp,Test camp,36.1,36.5,site,2,test:1
            far,Far town,33.5,36.3,town,1,test:2

            """.write(toFile: dir + "/places.csv", atomically: true, encoding: .utf8)
        let r = try CLI.run(["analyze", dir + "/events.csv", "--nearest", dir + "/places.csv", "-o", dir + "/out.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        // The two Syrian events are nearest to the where_prec 2 camp (default radius from the precision table).
        #expect(r.stderr.contains("2 events have Test camp (camp) as nearest place"))
        #expect(r.stderr.contains("approximate location (where_prec 2"))
        #expect(!r.stderr.contains("Far town (far) as nearest"))
    }

    @Test func geoJSONPropertiesMatchTheCSVRows() throws {
        let dir = try input()
        #expect(try CLI.run(["analyze", dir + "/events.csv", "-o", dir + "/out.csv"]).status == 0)
        #expect(try CLI.run(["analyze", dir + "/events.csv", "-o", dir + "/out.geojson"]).status == 0)
        let csv = try String(contentsOfFile: dir + "/out.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/out.geojson"))) as! [String: Any]
        let features = json["features"] as! [[String: Any]]
        #expect(features.count == csv.count)
        for (f, row) in zip(features, csv) {
            let props = f["properties"] as! [String: Any]
            let point = (f["geometry"] as! [String: Any])["coordinates"] as! [Double]
            #expect(props["id"] as? String == row[0])
            // The same numbers: CSV keeps 3 decimals for metres and 7 for degrees, GeoJSON drops trailing zeros.
            #expect(abs((props["border_distance_m"] as! Double) - Double(row[1])!) < 0.0005)
            #expect(abs((props["border_lat"] as! Double) - Double(row[2])!) < 1e-7)
            #expect(props["nearest_id"] as? String == row[4])
            #expect(abs((props["nearest_distance_m"] as! Double) - Double(row[6])!) < 0.0005)
            #expect((props["within"] as? Bool) == (row[7] == "true"))
            #expect(point.count == 2)
        }
    }

    /// A stray quote in an unquoted field is a character (RFC 4180 read leniently), kept and
    /// written back quoted; text after a closing quote is an error naming line and field.
    @Test func aStrayQuoteIsACharacterAndTextAfterAClosingQuoteIsAnError() throws {
        let dir = try input("id,lat,lon,notes\ns1,36.1168,36.51522,5\" shell\nidlib,35.93062,36.63393,plain\n")
        let r = try CLI.run(["analyze", dir + "/events.csv", "--keep", "notes", "-o", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n")[1].hasSuffix(",\"5\"\" shell\""))
        let bad = try input("id,lat,lon,notes\ns1,36.1168,36.51522,\"5\" shell\n")
        let e = try CLI.run(["analyze", bad + "/events.csv", "-o", bad + "/out.csv"])
        #expect(e.status != 0)
        #expect(e.stderr.contains("events.csv, line 2, field 'notes': text after the closing quote of a quoted field"), "\(e.stderr)")
    }
}
