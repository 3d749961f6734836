import Foundation
import Testing
import TestSupport

/// `eventmap gazetteer import` on the committed GeoNames extract, then `geocode` on the result,
/// stacked under the bundled gazetteer.
@Suite struct GazetteerCommandTests {
    static let extract = Paths.repository + "/Tests/Reference/geonames/cities500-extract.txt"
    static let admin1 = Paths.repository + "/Tests/Reference/geonames/admin1-extract.txt"

    @Test func importWritesTheCSVAndItsIndexAndGeocodeRanksAndNarrows() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/gn.csv"
        let run = try CLI.run(["gazetteer", "import", Self.extract, "--admin1", Self.admin1, "-o", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("11 places → \(out)"))
        #expect(FileManager.default.fileExists(atPath: out + ".eventmap-index"))
        let csv = try String(contentsOfFile: out, encoding: .utf8)
        #expect(csv.hasPrefix("id,name,alt_names,kind,lat,lon,admin1,country,precision,uncertainty_m,source,notes,population\r\n"))
        #expect(csv.contains("geonames-168629,Kafr Takhārīm,"))

        // Ambiguous without context: the top candidates with country, admin-1, population; exit 1.
        let amb = try CLI.run(["geocode", "Tripoli", "--gazetteer", out])
        #expect(amb.status == 1)
        #expect(amb.stderr.contains("geonames-2210247  Tripoli  city     LY       77      1,302,947"), "\(amb.stderr)")
        #expect(amb.stderr.contains("--country CC"))
        let lb = try CLI.run(["geocode", "Tripoli", "--gazetteer", out, "--country", "LB", "--json"])
        #expect(lb.status == 0 && lb.stdout.contains("\"id\": \"geonames-266826\""), "\(lb.stdout)\(lb.stderr)")
        let near = try CLI.run(["geocode", "Tripoli", "--gazetteer", out, "--near", "33.89,35.50", "--json"])
        #expect(near.stdout.contains("\"country\": \"LB\""))
        let first = try CLI.run(["geocode", "Tripoli", "--gazetteer", out, "--first", "--json"])
        #expect(first.stdout.contains("\"id\": \"geonames-2210247\"") && first.stdout.contains("\"population\": 1302947"))
        // The curated file first: its Kafr Takharim wins; the import answers the rest.
        let stacked = try CLI.run(["geocode", "Kafr Takharim", "--gazetteer", Paths.geodata("places.csv"), "--gazetteer", out, "--json"])
        #expect(stacked.stdout.contains("\"id\": \"kafr-takharim\""))
        let orel = try CLI.run(["geocode", "ОРЁЛ", "--gazetteer", Paths.geodata("places.csv"), "--gazetteer", out, "--json"])
        #expect(orel.stdout.contains("\"id\": \"geonames-515012\""))
    }

    @Test func badInputIsNamedAndNothingIsWritten() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bad = dir + "/SY.txt"
        let rows = try String(contentsOfFile: Self.extract, encoding: .utf8).split(separator: "\n")
        try (rows[0] + "\n" + rows[1].replacingOccurrences(of: "\t35.93062\t", with: "\t95.93062\t") + "\n").write(toFile: bad, atomically: true, encoding: .utf8)
        let run = try CLI.run(["gazetteer", "import", bad, "-o", dir + "/out.csv"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(bad), line 2, field 'latitude': '95.93062' is not a latitude in -90..90"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.csv"))
        let zip = try CLI.run(["gazetteer", "import", dir + "/SY.zip", "-o", dir + "/out.csv"])
        #expect(zip.status == 1 && zip.stderr.contains("unzip it first"))
        let feature = try CLI.run(["gazetteer", "import", bad, "--feature", "Q", "-o", dir + "/out.csv"])
        #expect(feature.status == 1 && feature.stderr.contains("not a GeoNames feature class"))
    }
}
