import Foundation
import Testing
import TestSupport

/// `eventmap events`, end to end on the bundled data and on small ACLED/UCDP files.
@Suite struct EventsCommandTests {
    static func json(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func tableShowsRangesReportsAndPrecision() throws {
        let r = try CLI.run(["events"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("78-105 (best 79)"))
        #expect(r.stdout.contains("Jabal al-Duwayla camp (within 8 km, where_prec 2)"))
        #expect(r.stdout.contains("killed and wounded together (not split): 200"))
        #expect(r.stdout.contains("at least 56 [superseded]"))
        #expect(r.stdout.contains("2020-10-22 (derived)"))
    }

    @Test func jsonShape() throws {
        let r = try CLI.run(["events", "--json"])
        #expect(r.status == 0)
        let all = try Self.json(r.stdout)
        #expect(all.count == 6)
        let strike = try #require(all.first { $0["id"] as? String == "e20201026-duwayla-airstrike" })
        #expect(strike["date"] as? String == "2020-10-26")
        #expect(strike["place_id"] as? String == "jabal-al-duwayla-camp" && strike["precision"] as? Int == 2)
        let killed = try #require(strike["killed"] as? [String: Int])
        #expect(killed == ["low": 78, "best": 79, "high": 105])
        #expect(strike["wounded"] as? [String: Int] == ["low": 90, "best": 90, "high": 100])
        let reports = try #require(strike["reports"] as? [[String: Any]])
        #expect(reports.count == 14)
        #expect(reports.allSatisfy { $0["outlet"] is String && $0["claim"] is String && $0.keys.contains("date") })
        let op = try #require(all.first { $0["id"] as? String == "e202010-morek-op-evacuation" })
        #expect(op["date"] == nil && op["date_start"] as? String == "2020-10-01" && op["date_end"] as? String == "2020-10-31")
        #expect(op["killed"] is NSNull)
    }

    @Test func filters() throws {
        func ids(_ args: [String]) throws -> [String] {
            let r = try CLI.run(["events", "--json"] + args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            return try Self.json(r.stdout).compactMap { $0["id"] as? String }
        }
        #expect(try ids(["--from", "2020-10-27", "--to", "2020-10-27"]) == ["e20201027-rebel-shelling", "e20201027-return-fire", "e202010-morek-op-evacuation"])
        #expect(try ids(["--type", "air/drone strike"]) == ["e20201026-duwayla-airstrike", "e20201022-us-strike"])
        #expect(try ids(["--actor", "turkey"]) == ["e202010-morek-op-evacuation"])
        // Morek's point is pinned at the town; GeodSolve puts Kafr Takharim 83.7 km and Idlib city 61.7 km from Morek.
        #expect(try ids(["--near", "Morek", "--within", "20km"]) == ["e202010-morek-op-evacuation"])
        #expect(try ids(["--near", "Kafr Takharim", "--within", "1km"]) == ["e20201026-duwayla-airstrike"])
    }

    @Test(arguments: [
        (["events", "--near", "Morek", "--within", "20"], "give a unit"),
        (["events", "--near", "Morek"], "--near and --within go together"),
        (["events", "--from", "26/10/2020"], "--from '26/10/2020' is not a date"),
        (["events", "--format", "acled"], "--format needs -o"),
        (["events", "--format", "kml", "-o", "-"], "--format kml: expected acled or ucdp"),
    ])
    func badArguments(_ args: [String], _ message: String) throws {
        let r = try CLI.run(args)
        #expect(r.status != 0)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
    }

    @Test func exportsACLEDAndReadsItBack() throws {
        let dir = Paths.temporaryFolder()
        let file = dir + "/acled.csv"
        let w = try CLI.run(["events", "--format", "acled", "-o", file])
        #expect(w.status == 0 && w.stdout.contains("Wrote 6 event(s)"))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"))
        let r = try CLI.run(["events", "--events", file, "--json"])
        #expect(r.status == 0)
        let back = try Self.json(r.stdout)
        #expect(back.count == 6)
        #expect(back.first?["killed"] as? [String: Int] == ["low": 79, "best": 79, "high": 79])
    }

    @Test func exportsUCDPToStandardOutput() throws {
        let r = try CLI.run(["events", "--format", "ucdp", "-o", "-", "--type", "Air/drone strike"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("id,relid,year,active_year,code_status,type_of_violence,") == true)
        #expect(lines.count == 3)
    }

    /// A bad row stops the run with file, line and field, and the output file is not written.
    @Test func badRowNamesFileLineFieldAndWritesNothing() throws {
        let dir = Paths.temporaryFolder()
        let input = dir + "/bad.csv"
        let header = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
        let good = "SYR1,2020-10-26,2020,1,Political violence,Explosions/Remote violence,Air/drone strike,Military Forces of Russia (2000-),,8,Faylaq al-Sham,,2,28,,760,Middle East,Syria,Idleb,Harim,,Kafr Takharim,36.1168,36.5152,2,SOHR,Other,\"a note, with a comma\nand a newline\",78,,1604000000"
        let bad = good.replacingOccurrences(of: "SYR1,", with: "SYR2,").replacingOccurrences(of: "36.1168", with: "136.1")
        try (header + "\n" + good + "\n" + bad + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let out = dir + "/out.csv"
        let r = try CLI.run(["events", "--events", input, "--format", "ucdp", "-o", out])
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(input), line 4, field 'latitude': latitude 136.1 is outside -90..90"))
        #expect(!FileManager.default.fileExists(atPath: out))

        let skipped = try CLI.run(["events", "--events", input, "--format", "ucdp", "-o", out, "--skip-bad"])
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("warning: skipped: \(input), line 4, field 'latitude'"))
        #expect(skipped.stderr.contains("warning: 1 bad row(s) skipped."))
        #expect(skipped.stdout.contains("Wrote 1 event(s)"))
    }
}
