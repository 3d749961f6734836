import Foundation
import Testing
import TestSupport

/// The commands anywhere on earth: negative coordinates as typed, land borders by name, a
/// render of data from another region (no Syrian or Turkish word unless the data has one).
@Suite struct WorldCommandsTests {
    /// Cape Town to London, typed as is and after `--`: GeodSolve's answer (run live), 1 mm.
    @Test func negativeCoordinatesAsTyped() throws {
        let reference = try #require(try GeodSolve.inverse([(-33.9, 18.4, 51.5, -0.1)]).first)
        for args in [["distance", "-33.9,18.4", "51.5,-0.1", "--json"], ["distance", "--json", "--", "-33.9,18.4", "51.5,-0.1"]] {
            let j = try QueryCommandsTests.json(try CLI.run(args))
            #expect(abs((j["distance_m"] as! Double) - reference.s12) < 0.001, "\(args)")
        }
        for args in [["nearest", "-33.9,18.4", "-k", "1"], ["within", "10000km", "--of", "-33.9,18.4"],
                     ["buffer", "-33.9,18.4", "--radius", "1km", "-o", "-"], ["distance", "-33.9,18.4", "border"],
                     ["distance", "-1.6792,29.2228", "Rwanda", "--json"]] {
            let r = try CLI.run(args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        let bad = try CLI.run(["distance", "-95,18.4", "0,0"])
        #expect(bad.status != 0 && bad.stderr.contains("outside -90..90"))
    }

    /// The nearest land border anywhere, with the two countries named (reference: the
    /// GeographicLib brute force of Tests/Reference/world-border-distances.csv).
    @Test func nearestBorderSaysWhichOne() throws {
        let text = try String(contentsOfFile: Paths.reference("world-border-distances.csv"), encoding: .utf8)
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("kharkiv,") }).split(separator: ",")
        let j = try QueryCommandsTests.json(try CLI.run(["distance", "\(row[1]),\(row[2])", "border", "--json"]))
        #expect(abs((j["distance_m"] as! Double) - Double(row[4])!) < 0.001)
        let border = try #require(j["border"] as? [String: Any])
        #expect(border["countries"] as? [String] == ["RUS", "UKR"] && border["names"] as? [String] == ["Russia", "Ukraine"])
        let named = try QueryCommandsTests.json(try CLI.run(["distance", "\(row[1]),\(row[2])", "border:UA-RU", "--json"]))
        #expect(abs((named["distance_m"] as! Double) - Double(row[4])!) < 0.001)
        let none = try CLI.run(["distance", "0,0", "border:SYR-EGY"])
        #expect(none.status != 0 && none.stderr.contains("share no land border"))
    }

    /// `analyze` on events from three continents: the new columns, in the existing order.
    @Test func analyzeNamesTheBorderAndTheCountry() throws {
        let dir = Paths.temporaryFolder()
        try "id,lat,lon\nkt,36.1168,36.51522\nkh,49.9935,36.2304\nsea,-40,-30\n".write(toFile: dir + "/e.csv", atomically: true, encoding: .utf8)
        let r = try CLI.run(["analyze", dir + "/e.csv", "-o", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows[0] == ["id", "border_distance_m", "border_lat", "border_lon", "nearest_id", "nearest_name", "nearest_distance_m",
                            "within", "border_countries", "country"])
        // Tests/Reference/world-border-distances.csv (GeographicLib brute force): kafr-takharim 10823.086630 m, SYR-TUR; kharkiv RUS-UKR.
        #expect(rows[1][0] == "kt" && rows[1][1] == "10823.087" && rows[1][8] == "SYR-TUR" && rows[1][9] == "SYR")
        #expect(rows[2][8] == "RUS-UKR" && rows[2][9] == "UKR")
        #expect(rows[3][9] == "")
        let narrowed = try CLI.run(["analyze", dir + "/e.csv", "--border", "border:SYR-TUR", "-o", "-"])
        #expect(narrowed.status == 0, "\(narrowed.stderr)")
        #expect(narrowed.stdout.split(separator: "\n").count == rows.count)
        #expect(narrowed.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.contains(",SYR-TUR,") })
    }

    /// Places around Kharkiv (test points, not data) and two ACLED-style events: titles, file
    /// names, countries drawn and measurements come from the data, not from the bundled example.
    @Test func renderOfAForeignDataSet() throws {
        let dir = Paths.temporaryFolder("eventmap-ua")
        let places = [
            "id,name,kind,lat,lon,admin1,country,precision,uncertainty_m,source",
            "kharkiv,Kharkiv,city,49.98081,36.25272,Kharkivska,UA,1,,test:point",
            "izium,Izium,town,49.21221,37.25696,Kharkivska,UA,1,,test:point",
            "kupiansk,Kupiansk,town,49.71055,37.61517,Kharkivska,UA,1,,test:point",
        ].joined(separator: "\r\n") + "\r\n"
        try places.write(toFile: dir + "/ua.csv", atomically: true, encoding: .utf8)
        let header = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
        let events = [header,
                      "UKR1,2022-03-01,2022,1,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Russia (2000-),,8,,,0,80,,804,Europe,Ukraine,Kharkiv,Kharkivskyi,,Kharkiv,49.98081,36.25272,1,Test,National,test,5,,1646092800",
                      "UKR2,2022-03-20,2022,1,Political violence,Battles,Armed clash,Military Forces of Russia (2000-),,8,Military Forces of Ukraine (2019-),,1,18,,804,Europe,Ukraine,Kharkiv,Iziumskyi,,Izium,49.21221,37.25696,1,Test,National,test,2,,1647734400"]
            .joined(separator: "\r\n") + "\r\n"
        try events.write(toFile: dir + "/acled.csv", atomically: true, encoding: .utf8)
        let r = try CLI.run(["render", "--gazetteer", dir + "/ua.csv", "--events", dir + "/acled.csv", "-o", dir + "/out"])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted()
        #expect(files == ["borders.geojson", "events.geojson", "overview.html", "overview.svg", "places.geojson"], "\(files)")
        let svg = try String(contentsOfFile: dir + "/out/overview.svg", encoding: .utf8)
        #expect(svg.contains("<title>Events in Ukraine, 1-20 Mar 2022</title>"))
        #expect(svg.contains("id=\"country-UKR\"") && svg.contains("id=\"country-RUS\""))  // the map reaches the nearest border
        for word in ["Syria", "Turkey", "Turkish", "Idlib"] {
            #expect(!svg.contains(word) && !r.stdout.contains(word), "\(word)")
        }
        #expect(r.stdout.contains("Kharkiv to the Russia-Ukraine border: "))
        let borders = try String(contentsOfFile: dir + "/out/borders.geojson", encoding: .utf8)
        #expect(borders.contains("\"RUS-UKR\""))
        #expect(try ExternalTool.run("xmllint", ["--noout", dir + "/out/overview.svg"]).status == 0)
    }
}
