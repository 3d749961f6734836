import Foundation
import Testing
import TestSupport

/// `eventmap check`, end to end. The border distances come from the queries code; the reference
/// value for Kafr Takharim (10,823.087 m, GeographicLib over the same border line) is in
/// Tests/Reference/border-distances.csv, made by Tests/Reference/make_border_reference.py.
@Suite struct CheckCommandTests {
    static func json(_ args: [String]) throws -> [[String: Any]] {
        let r = try CLI.run(["check", "--json"] + args)
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return try #require(o["claims"] as? [[String: Any]])
    }

    /// Kafr Takharim's distance to the border from the committed reference file.
    static func referenceMetres(_ id: String) throws -> Double {
        let text = try String(contentsOfFile: Paths.repository + "/Tests/Reference/border-distances.csv", encoding: .utf8)
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix(id + ",") })
        return try #require(Double(row.split(separator: ",")[3]))
    }

    /// The bundled claims: Kafr Takharim at 10.82 ± 1 km lies wholly within "about 10 km" (8-12 km);
    /// the camp, placed within 8 km, straddles "nearly 9 km"; Morek's point is pinned at Morek.
    @Test func bundledClaims() throws {
        let checks = try Self.json([])
        #expect(checks.map { $0["claim_id"] as? String } == ["r12", "r13", "r14"])
        let town = checks[0]
        let reference = try Self.referenceMetres("kafr-takharim")
        #expect(abs((town["computed_m"] as? Double ?? 0) - reference) < 1)  // 1 m, the accuracy the queries code states
        #expect(town["uncertainty_m"] as? Double == 0)  // where_prec 1: exact by the one rule (LocationUncertainty)
        #expect(town["verdict"] as? String == "consistent")
        #expect((town["reason"] as? String)?.contains("10.82 km") == true)
        #expect(checks[1]["verdict"] as? String == "cannot tell")
        #expect(checks[1]["uncertainty_m"] as? Double == 8000)
        #expect(checks[2]["verdict"] as? String == "cannot tell")
        #expect((checks[2]["reason"] as? String)?.contains("pinned at Morek") == true)
    }

    @Test func textOutputHasUnitsAndVerdicts() throws {
        let r = try CLI.run(["check"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("10,823.0"))
        #expect(r.stdout.contains("± 0.0 km"))  // where_prec 1 is exact by the one rule
        #expect(r.stdout.contains("verdict:  cannot tell"))
    }

    /// A data folder of our own with claims the geometry confirms and refutes.
    @Test func consistentAndInconsistentClaims() throws {
        let dir = Paths.temporaryFolder()
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/world", withIntermediateDirectories: true)
        for f in ["places.csv", "events.csv", "world/countries.json", "world/countries.bin", "world/borders.json", "world/borders.bin"] {
            try fm.copyItem(atPath: Paths.geodata(f), toPath: dir + "/" + f)
        }
        let reports = """
            id,event_id,outlet,via,published,title,link,kind,victims,low,high,unit,qualifier,place_id,reference,supersedes,quote,notes
            t1,e20201026-duwayla-airstrike,Test,,2020-10-26,,,distance,,11,,km,about,kafr-takharim,border,,,
            t2,e20201026-duwayla-airstrike,Test,,2020-10-26,,,distance,,5,,km,at_most,kafr-takharim,border,,,
            t3,e20201026-duwayla-airstrike,Test,,2020-10-26,,,location,,,,,near,kafr-takharim,harim,,,

            """
        try reports.write(toFile: dir + "/reports.csv", atomically: true, encoding: .utf8)
        let checks = try Self.json(["--data", dir])
        // 10.82 ± 1 km = 9.82-11.82 km: inside 9.35-12.65 km ("about 11"), entirely above 5 km ("at most 5").
        #expect(checks.map { $0["verdict"] as? String } == ["consistent", "inconsistent", "consistent"])
    }

    /// Events whose coordinates lie outside their declared country are found, with the distance.
    @Test func misplacedEventsAreReported() throws {
        let dir = Paths.temporaryFolder()
        // Two ACLED-style rows: one in Syria as declared, one declared Syria but placed in Cyprus
        // (lat/lon of Nicosia): the second is reported, about 100+ km from Syria.
        let acled = """
            event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
            SYR1,2020-10-26,2020,1,Political violence,Explosions/Remote violence,Air/drone strike,Military Forces of Russia (2000-),,8,Faylaq al Sham,,2,28,,760,Middle East,Syria,Idleb,Harim,Kafr Takharim,Kafr Takharim,36.1168,36.51522,1,SOHR,National,test row,78,,1603700000
            SYR2,2020-10-27,2020,1,Political violence,Explosions/Remote violence,Air/drone strike,Military Forces of Russia (2000-),,8,,,0,80,,760,Middle East,Syria,Idleb,Harim,Test,Test,35.1856,33.3823,1,Test,National,misplaced test row,0,,1603700000
            """.split(separator: "\n").joined(separator: "\r\n") + "\r\n"
        try acled.write(toFile: dir + "/acled.csv", atomically: true, encoding: .utf8)
        let r = try CLI.run(["check", "--events", dir + "/acled.csv", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let misplaced = try #require(o["misplaced_events"] as? [[String: Any]])
        #expect(misplaced.count == 1)
        #expect(misplaced.first?["event_id"] as? String == "SYR2" && misplaced.first?["found_in"] as? String == "CYP")
        // Nicosia lies far off the Syrian coast: GeodSolve -i 35.1856 33.3823 35.5317 35.7901 puts it
        // 222,177 m from Latakia; the nearest Syrian shore is nearer than that but well over 100 km.
        #expect((misplaced.first?["distance_m"] as? Double ?? 0) > 100_000)
        let text = try CLI.run(["check", "--events", dir + "/acled.csv"])
        #expect(text.stdout.contains("SYR2: declared Syria (SYR), lies in Cyprus (CYP)"), "\(text.stdout)")
    }
}
