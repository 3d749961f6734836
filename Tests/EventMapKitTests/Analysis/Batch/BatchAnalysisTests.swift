import Foundation
import Testing
import TestSupport
@testable import EventMapKit

/// The batch analysis against the committed reference (Tests/Reference/analyze_reference.csv,
/// made by Tests/Reference/make_analyze_reference.py with GeographicLib's Python implementation:
/// brute force over the border densified to 10 m, then a golden-section refinement).
@Suite struct BatchAnalysisTests {
    struct ReferenceRow {
        let id: String
        let position: LonLat
        let borderMetres: Double
        let borderPoint: LonLat
        let nearestId: String
        let nearestMetres: Double
    }

    static func reference() throws -> [ReferenceRow] {
        let text = try String(contentsOfFile: Paths.repository + "/Tests/Reference/analyze_reference.csv", encoding: .utf8)
        return try CSVReader.rows(text).dropFirst().map { r in
            let f = r.fields
            return ReferenceRow(id: f[0], position: LonLat(lon: Double(f[2])!, lat: Double(f[1])!), borderMetres: Double(f[3])!,
                                borderPoint: LonLat(lon: Double(f[5])!, lat: Double(f[4])!), nearestId: f[6], nearestMetres: Double(f[7])!)
        }
    }

    static func analysis() throws -> BatchAnalysis {
        let places = try GazetteerCSV.read(String(contentsOfFile: Paths.geodata("places.csv"), encoding: .utf8), file: "places.csv")
        let world = try AnalysisFixtures.world()
        return BatchAnalysis(border: .init(try AnalysisFixtures.syriaTurkey()), countries: CountryLocator(world: world), places: places.places)
    }

    /// Runs the analysis on `csv` with small blocks (many blocks, many threads) and returns the output rows.
    static func run(_ csv: String, options: BatchAnalysis.Options = small()) throws -> (BatchAnalysis.Summary, [[String]]) {
        let dir = Paths.temporaryFolder("analyze")
        try csv.write(toFile: dir + "/in.csv", atomically: true, encoding: .utf8)
        let summary = try analysis().run(eventsPath: dir + "/in.csv", to: .file(dir + "/out.csv"), options: options)
        let out = try String(contentsOfFile: dir + "/out.csv", encoding: .utf8)
        return (summary, try CSVReader.rows(out).map(\.fields))
    }

    static func small() -> BatchAnalysis.Options {
        var o = BatchAnalysis.Options()
        o.blockBytes = 512
        o.blocksInFlight = 3
        return o
    }

    @Test func agreesWithTheGeographicLibReference() throws {
        let ref = try Self.reference()
        #expect(ref.count >= 150)
        let csv = "id,lat,lon\n" + ref.map { "\($0.id),\($0.position.lat),\($0.position.lon)" }.joined(separator: "\n") + "\n"
        let (summary, rows) = try Self.run(csv)
        #expect(summary.events == ref.count)
        #expect(rows.first == BatchAnalysis.columns)
        for (r, row) in zip(ref, rows.dropFirst()) {
            #expect(row[0] == r.id)  // input order kept
            // Tolerances: 1 mm on distances (the reference is good to 1e-6 m; we print 3 decimals);
            // 2 cm on the border point (7 decimals of a degree are about 1 cm).
            #expect(abs(Double(row[1])! - r.borderMetres) < 0.001, "\(r.id): border \(row[1]) vs \(r.borderMetres)")
            let foot = LonLat(lon: Double(row[3])!, lat: Double(row[2])!)
            #expect(Geodesic.distance(foot, r.borderPoint) < 0.02, "\(r.id): border point \(foot) vs \(r.borderPoint)")
            #expect(row[4] == r.nearestId, "\(r.id): nearest \(row[4]) vs \(r.nearestId)")
            #expect(abs(Double(row[6])! - r.nearestMetres) < 0.001, "\(r.id): nearest distance \(row[6]) vs \(r.nearestMetres)")
            #expect(row[7] == (r.borderMetres <= 20_000 ? "true" : "false"))
        }
    }

    @Test func pointsOnTheBorderAndOnVerticesAreAtZero() throws {
        let ref = try Self.reference().filter { $0.id.hasPrefix("vertex") || $0.id.hasPrefix("on-edge") }
        #expect(ref.count == 40)
        let index = try Self.analysis().border.index
        var counts = GeodesicPolyline.SearchCounts()
        for r in ref {
            let hit = try #require(index.nearestHit(to: r.position, counts: &counts))
            // A vertex is on the line exactly; a point made by geod_position inside an edge lies on it to ~1e-9 m.
            #expect(hit.distanceMetres < 0.001, "\(r.id): \(hit.distanceMetres)")
        }
    }

    @Test func theWithinFlagFollowsTheDistance() throws {
        let ref = try Self.reference().filter { $0.borderMetres > 1000 && $0.borderMetres < 100_000 }.prefix(20)
        let csv = "id,lat,lon\n" + ref.map { "\($0.id),\($0.position.lat),\($0.position.lon)" }.joined(separator: "\n") + "\n"
        for limit in [5_000.0, 30_000.0] {
            var o = Self.small()
            o.withinMetres = limit
            let (summary, rows) = try Self.run(csv, options: o)
            let expected = ref.filter { $0.borderMetres <= limit }.count
            #expect(summary.within == expected)
            #expect(rows.dropFirst().filter { $0[7] == "true" }.count == expected)
        }
    }

    @Test func keptColumnsQuotedFieldsAndAcledHeaders() throws {
        let csv = """
            event_id_cnty,event_date,notes,latitude,longitude\r
            SYR1,2020-10-26,"Strike, ""camp"" near
            Kafr Takharim",36.1168,36.51522\r
            SYR2,2020-10-27,plain,35.93062,36.63393\r

            """
        var o = Self.small()
        o.keepColumns = ["notes", "event_date"]
        let (summary, rows) = try Self.run(csv, options: o)
        #expect(summary.events == 2)
        #expect(rows[0] == BatchAnalysis.columns + ["notes", "event_date"])
        #expect(rows[1][0] == "SYR1" && rows[1][10] == "Strike, \"camp\" near\nKafr Takharim" && rows[1][11] == "2020-10-26")
        #expect(rows[2][0] == "SYR2" && rows[2][4] == "idlib")
    }

    @Test(arguments: [
        ("id,lat,lon\na,36.1,36.5\nb,36.2\n", 3, "-", "fields"),
        ("id,lat,lon\na,36.1,36.5\nb,north,36.5\n", 3, "lat", "'north' is not a number"),
        ("id,lat,lon\na,36.1,36.5\n\nb,96.5,36.5\n", 4, "lat", "outside -90..90"),
        ("id,latitude,longitude\na,36.1,36.5\n\"b\nc\",36.1,236.5\n", 3, "longitude", "outside -180..180"),
        ("id,lat,lon\na,36.1,36.5\n,36.1,36.5\n", 3, "id", "empty"),
        ("id,lat,lon\na, 36.1 ,36.5\nb,,36.5\n", 3, "lat", "the latitude is empty"),
        ("id,lat,lon\na,36.1,36.5\n\"b,36.1,36.5\n", 3, "id", "never closed"),
    ])
    func badRowsAreNamedByLineAndFieldAndNothingIsWritten(_ csv: String, _ line: Int, _ field: String, _ words: String) throws {
        // Padding rows push the bad one past several 512-byte blocks, so line counting crosses blocks.
        let padding = (1...60).map { "pad\($0),36.0,36.5" }.joined(separator: "\n") + "\n"
        let lines = csv.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let text = lines[0] + "\n" + padding + lines[1]
        let dir = Paths.temporaryFolder("analyze")
        try text.write(toFile: dir + "/in.csv", atomically: true, encoding: .utf8)
        #expect {
            _ = try Self.analysis().run(eventsPath: dir + "/in.csv", to: .file(dir + "/out.csv"), options: Self.small())
        } throws: { error in
            guard case .badRow(_, let l, let f, let reason) = error as? BatchError else { return false }
            return l == line + 60 && f == field && reason.contains(words)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["in.csv"])
    }

    @Test func aHeaderWithoutCoordinatesIsRefused() throws {
        #expect(throws: BatchError.self) { _ = try Self.run("id,x,y\na,1,2\n") }
    }
}
