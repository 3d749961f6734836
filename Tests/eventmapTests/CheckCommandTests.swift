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
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
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
        #expect(town["uncertainty_m"] as? Double == 1000)
        #expect(town["verdict"] as? String == "consistent")
        #expect((town["reason"] as? String)?.contains("9.82 km-11.82 km") == true)
        #expect(checks[1]["verdict"] as? String == "cannot tell")
        #expect(checks[1]["uncertainty_m"] as? Double == 8000)
        #expect(checks[2]["verdict"] as? String == "cannot tell")
        #expect((checks[2]["reason"] as? String)?.contains("pinned at Morek") == true)
    }

    @Test func textOutputHasUnitsAndVerdicts() throws {
        let r = try CLI.run(["check"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("10,823.0"))
        #expect(r.stdout.contains("± 1.0 km"))
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
}
