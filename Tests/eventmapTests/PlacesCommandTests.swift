import Foundation
import Testing
import TestSupport

/// `eventmap places`, end to end on the built binary and the bundled geodata/places.csv.
@Suite struct PlacesCommandTests {
    static func array(_ stdout: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [[String: Any]])
    }

    @Test func jsonListsEveryPlaceInTableOrder() throws {
        let r = try CLI.run(["places", "--json"])
        #expect(r.status == 0)
        let places = try Self.array(r.stdout)
        #expect(places.count >= 30)
        #expect(Set(places.compactMap { $0["id"] as? String }).count == places.count)
        #expect(places.first?["id"] as? String == "kafr-takharim")
        // The table lists the same places in the same order.
        let table = try CLI.run(["places"]).stdout.split(separator: "\n")
        #expect(table.last == "\(places.count) places; precision is UCDP where_prec (1 exact ... 7) with the uncertainty radius.")
        #expect(table.dropFirst().dropLast().map { String($0.prefix { $0 != " " }) } == places.map { $0["id"] as? String ?? "" })
        for p in places {
            #expect(p["source"] as? String != "" && (1...7).contains(p["precision"] as? Int ?? 0))
        }
    }

    @Test func kindFilters() throws {
        let r = try CLI.run(["places", "--kind", "observation-point", "--json"])
        #expect(r.status == 0)
        let ops = try Self.array(r.stdout)
        #expect(ops.count == 12)
        #expect(ops.allSatisfy { $0["kind"] as? String == "observation-point" && $0["op_number"] is Int })
        let text = try CLI.run(["places", "--kind", "observation-point"])
        #expect(text.stdout.contains("op09-morek") && !text.stdout.contains("kafr-takharim"))
        #expect(text.stdout.contains("12 places"))
    }

    @Test func theTableShowsPrecisionRadiusAndSource() throws {
        let r = try CLI.run(["places"])
        #expect(r.status == 0)
        let header = try #require(r.stdout.split(separator: "\n").first)
        #expect(header.hasPrefix("id") && header.contains("precision") && header.contains("source"))
        let camp = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("jabal-al-duwayla-camp") })
        #expect(camp.contains("  2, ±") && camp.contains("anchor:kafr-takharim"))
    }

    @Test func anUnknownKindListsTheKindsPresent() throws {
        let r = try CLI.run(["places", "--kind", "towns"])
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr.contains("--kind towns: no place of that kind; the kinds present are "))
        #expect(r.stderr.contains("observation-point") && r.stderr.contains("town"))
    }

    @Test func aUserGazetteerReplacesTheBundledOne() throws {
        let path = Paths.temporaryFolder() + "/mine.csv"
        try "id,name,lat,lon,kind,precision,source\nhome,Home,1.5,2.5,site,1,survey\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLI.run(["places", "--gazetteer", path, "--json"])
        #expect(r.status == 0)
        let places = try Self.array(r.stdout)
        #expect(places.count == 1 && places[0]["id"] as? String == "home" && places[0]["lat"] as? Double == 1.5)
    }
}
