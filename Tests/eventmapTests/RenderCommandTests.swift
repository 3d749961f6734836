import Foundation
import Testing
import TestSupport

/// `eventmap render` end to end: the files GIS tools and browsers open as they are.
@Suite(.serialized) struct RenderCommandTests {
    /// One render of the bundled data, shared by the checks below.
    static let scenario = Paths.geodata("scenarios/kafr-takharim-2020.json")

    static let bundled: (dir: String, result: ExternalTool.Result) = {
        let dir = Paths.temporaryFolder("eventmap-render")
        let r = try! CLI.run(["render", "--scenario", scenario, "-o", dir])
        return (dir, r)
    }()

    static func files(_ dir: String, _ ext: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix("." + ext) }.sorted().map { dir + "/" + $0 }
    }

    @Test func writesTheLayersAndMapsAndListsThem() throws {
        let (dir, r) = Self.bundled
        #expect(r.status == 0, "\(r.stderr)")
        for name in ["places.geojson", "observation-points.geojson", "events.geojson", "syria-turkey-border.geojson", "border-zone-10km.geojson",
                     "border-zone-20km.geojson", "kafr-takharim-border-line.geojson", "nw-syria-overview.svg", "kafr-takharim-detail.svg"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/" + name), "\(name)")
            #expect(r.stdout.contains(dir + "/" + name))
        }
        #expect(r.stdout.contains("Morek observation point to Hama: 27,810.529 m (27.811 km) ± 3.0 km"))
        #expect(r.stdout.contains("Kafr Takharim to the Syria-Turkey border: 10,823."))
        #expect(r.stdout.contains("Jabal al-Duwayla camp to the Syria-Turkey border: 10,823.") && r.stdout.contains("± 8.0 km"))
        // No temporary files left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).allSatisfy { !$0.hasPrefix(".") })
    }

    @Test func svgIsWellFormedAndRendersToPNG() throws {
        for svg in try Self.files(Self.bundled.dir, "svg") {
            let lint = try ExternalTool.run("xmllint", ["--noout", svg])
            #expect(lint.status == 0, "\(svg): \(lint.stderr)")
            let png = svg.replacingOccurrences(of: ".svg", with: ".png")
            let conv = try ExternalTool.run("rsvg-convert", ["-o", png, svg])
            #expect(conv.status == 0, "\(conv.stderr)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
            #expect(bytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            try FileManager.default.removeItem(atPath: png)
        }
    }

    @Test func svgHasTheRequiredPartsAndNoScript() throws {
        for svg in try Self.files(Self.bundled.dir, "svg") {
            let text = try String(contentsOfFile: svg, encoding: .utf8)
            for id in ["legend", "scale-bar", "north-arrow", "title", "attribution", "syria-turkey-border", "places", "countries"] {
                #expect(text.contains("<g id=\"\(id)\""), "\(svg) lacks \(id)")
            }
            #expect(!text.lowercased().contains("<script"))
            #expect(text.contains("Natural Earth") && text.contains("GeoNames"))
            #expect(text.contains("font-family=\"DejaVu Sans, Verdana, Arial, Helvetica, sans-serif\""))
        }
        let overview = try String(contentsOfFile: Self.bundled.dir + "/nw-syria-overview.svg", encoding: .utf8)
        #expect(overview.contains("<g id=\"observation-points\""))
        // All 12 observation points drawn, each with its id, number and status.
        #expect(overview.components(separatedBy: "data-op-number=").count - 1 == 12)
        #expect(overview.contains("id=\"op-op09-morek\" data-op-number=\"9\" data-name=\"Morek observation point\" data-established=\"2018-04-07\" data-status-2020=\"evacuated\""))
    }

    @Test func svgCoordinatesAreRoundedToHundredthsOfAPixel() throws {
        let attribute = try Regex(#" (?:x|y|cx|cy|r|x1|y1|x2|y2|width|height)="(-?[0-9.]+)""#)
        let number = try Regex(#"-?[0-9]+(?:\.[0-9]+)?"#)
        for svg in try Self.files(Self.bundled.dir, "svg") {
            let text = try String(contentsOfFile: svg, encoding: .utf8)
            var checked = 0
            for m in text.matches(of: attribute) {
                let v = String(text[m.range]).split(separator: "\"")[1]
                #expect(v.split(separator: ".").dropFirst().first.map { $0.count <= 2 } ?? true, "\(v)")
                checked += 1
            }
            for path in text.matches(of: try Regex(#" d="([^"]*)""#)) {
                for n in String(text[path.range]).matches(of: number) {
                    let s = String(String(text[path.range])[n.range])
                    #expect(s.split(separator: ".").dropFirst().first.map { $0.count <= 2 } ?? true, "\(s)")
                    checked += 1
                }
            }
            #expect(checked > 100)
        }
    }

    @Test func geoJSONOpensInOgrinfoWithTheRightCountsAndTypes() throws {
        let dir = Self.bundled.dir
        // References from GDAL reading the gazetteer CSV itself.
        let all = try Self.count(Paths.geodata("places.csv"), sql: "SELECT COUNT(*) FROM places")
        let ops = try Self.count(Paths.geodata("places.csv"), sql: "SELECT COUNT(*) FROM places WHERE op_number <> ''")
        #expect(ops == 12)
        let events = try Self.count(Paths.geodata("events.csv"), sql: "SELECT COUNT(*) FROM events")
        for (file, expected, type) in [("places.geojson", all - ops, "Point"), ("observation-points.geojson", ops, "Point"),
                                       ("events.geojson", events, "Point"),
                                       ("syria-turkey-border.geojson", 1, "Line String"), ("border-zone-10km.geojson", 1, "Polygon"),
                                       ("border-zone-20km.geojson", 1, "Polygon"), ("kafr-takharim-border-line.geojson", 1, "Line String")] {
            let info = try ExternalTool.run("ogrinfo", ["-ro", "-so", "-al", dir + "/" + file])
            #expect(info.status == 0, "\(file): \(info.stderr)")
            #expect(info.stdout.contains("Feature Count: \(expected)"), "\(file)")
            #expect(info.stdout.contains("Geometry: \(type)"), "\(file)")
        }
    }

    @Test func geoJSONHasAtMostSevenDecimalsNoCRSAndCounterClockwiseRings() throws {
        let decimals = try Regex(#"-?[0-9]+\.([0-9]+)"#)
        var polygonCount = 0
        defer { #expect(polygonCount >= 2) }  // the two border zones at least
        for file in try Self.files(Self.bundled.dir, "geojson") {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(!text.contains("\"crs\""))
            let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
            let features = json["features"] as! [[String: Any]]
            for f in features {
                #expect(f["properties"] is [String: Any])
                let g = f["geometry"] as! [String: Any]
                let coords = try JSONSerialization.data(withJSONObject: g["coordinates"]!)
                let s = String(decoding: coords, as: UTF8.self)
                for m in s.matches(of: decimals) { #expect(String(s[m.range]).split(separator: ".")[1].count <= 7) }
                // Exterior rings counter-clockwise, holes clockwise (shoelace sign on lon/lat).
                let polygons: [[[[Double]]]] = switch g["type"] as! String {
                case "Polygon": [g["coordinates"] as! [[[Double]]]]
                case "MultiPolygon": g["coordinates"] as! [[[[Double]]]]
                default: []
                }
                polygonCount += polygons.count
                for rings in polygons {
                    for (i, ring) in rings.enumerated() {
                        var sum = 0.0
                        for k in 0..<(ring.count - 1) { sum += (ring[k + 1][0] - ring[k][0]) * (ring[k + 1][1] + ring[k][1]) }
                        #expect((sum < 0) == (i == 0), "\(file): ring \(i) orientation")
                    }
                }
            }
        }
    }

    /// The distance line: its length agrees with the independent border reference
    /// (Tests/Reference/border-distances.csv, GeographicLib in Python over the same line; 1 mm), its
    /// end with the reference's nearest point (7 decimals: about 1 cm), and its vertices lie on the
    /// geodesic (legs add up to the whole, GeodSolve, 1 cm).
    @Test func borderLineLayerHoldsTheGeodesicAndItsLength() throws {
        let text = try String(contentsOfFile: Self.bundled.dir + "/kafr-takharim-border-line.geojson", encoding: .utf8)
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        let f = (json["features"] as! [[String: Any]])[0]
        let props = f["properties"] as! [String: Any]
        let coords = (f["geometry"] as! [String: Any])["coordinates"] as! [[Double]]
        let start = coords.first!, end = coords.last!
        #expect(abs(start[0] - 36.51522) < 1e-7 && abs(start[1] - 36.1168) < 1e-7)
        let reference = try String(contentsOfFile: Paths.repository + "/Tests/Reference/border-distances.csv", encoding: .utf8)
        let row = try #require(reference.split(separator: "\n").first { $0.hasPrefix("kafr-takharim,") }).split(separator: ",")
        #expect(abs(Double(row[3])! - (props["distance_m"] as! Double)) < 0.001)
        #expect(abs(Double(row[4])! - end[1]) < 2e-7 && abs(Double(row[5])! - end[0]) < 2e-7)
        let ref = try GeodSolve.inverse([(start[1], start[0], end[1], end[0])])[0]
        #expect(coords.count > 40)  // densified: a vertex every 250 m over about 10.8 km
        // Each vertex lies on the geodesic: distances from the start add up (GeodSolve, 1 cm).
        let legs = try GeodSolve.inverse(zip(coords, coords.dropFirst()).map { ($0[1], $0[0], $1[1], $1[0]) })
        #expect(abs(legs.reduce(0) { $0 + $1.s12 } - ref.s12) < 0.01)
    }

    /// The strike: its casualty ranges on the terminal and on the map are those `eventmap events
    /// --json` gives (one model, one set of range rules), and it is drawn sized, with its area.
    @Test func theStrikeIsPrintedAndDrawnWithTheEventsRanges() throws {
        let r = try CLI.run(["events", "--json"])
        let list = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        let strike = try #require(list.first { ($0["id"] as? String) == "e20201026-duwayla-airstrike" })
        let killed = strike["killed"] as! [String: Any], wounded = strike["wounded"] as! [String: Any]
        func range(_ o: [String: Any]) -> String {
            let low = "\(o["low"]!)", high = "\(o["high"]!)", best = "\(o["best"]!)"
            return low == high ? best : "\(low)-\(high) (best \(best))"
        }
        let out = Self.bundled.result.stdout
        #expect(out.contains("killed \(range(killed)); wounded \(range(wounded))"))
        #expect(out.contains("SOHR (via AFP), 2020-10-26: killed"))
        let svg = try String(contentsOfFile: Self.bundled.dir + "/nw-syria-overview.svg", encoding: .utf8)
        #expect(svg.contains("id=\"event-e20201026-duwayla-airstrike\""))
        #expect(svg.contains("data-killed-best=\"\(killed["best"]!)\""))
        #expect(svg.contains("<path id=\"event-area-e20201026-duwayla-airstrike\""))
        #expect(svg.contains("data-report-count=\"\(strike["report_count"]!)\""))
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let other = Paths.temporaryFolder("eventmap-render-again")
        let r = try CLI.run(["render", "--scenario", Self.scenario, "-o", other])
        #expect(r.status == 0)
        let a = try FileManager.default.contentsOfDirectory(atPath: Self.bundled.dir).filter { !$0.hasSuffix(".png") }.sorted()
        let b = try FileManager.default.contentsOfDirectory(atPath: other).sorted()
        #expect(a == b)
        for name in b {
            let x = try Data(contentsOf: URL(fileURLWithPath: Self.bundled.dir + "/" + name))
            let y = try Data(contentsOf: URL(fileURLWithPath: other + "/" + name))
            #expect(x == y, "\(name) differs between runs")
        }
    }

    /// The scale bar against a geodesic measured on the map: lay the bar's pixel length through
    /// the map's centre, unproject its ends with PROJ's cs2cs, measure them with GeodSolve.
    /// Tolerance: 0.02 px of map (the bar and the frame numbers are rounded to 0.01 px) plus 1 mm.
    @Test func scaleBarIsTrueAtTheCentreByCs2csAndGeodSolve() throws {
        for svg in try Self.files(Self.bundled.dir, "svg") {
            let text = try String(contentsOfFile: svg, encoding: .utf8)
            let attr = { (name: String) throws -> String in
                let m = try #require(text.firstMatch(of: try Regex(" data-\(name)=\"([^\"]*)\"")))
                return String(String(text[m.range]).split(separator: "\"")[1])
            }
            let projection = try attr("projection")
            let xMin = Double(try attr("x-min"))!, yMax = Double(try attr("y-max"))!
            let perUnit = Double(try attr("px-per-unit"))!
            let w = Double(try attr("frame-width-px"))!, h = Double(try attr("frame-height-px"))!
            let lengthM = Double(try attr("length-m"))!, lengthPx = Double(try attr("length-px"))!
            // Map centre in projected units, the bar laid along grid x through it.
            let cx = xMin + w / 2 / perUnit, cy = yMax - h / 2 / perUnit
            let half = lengthPx / 2 / perUnit
            // cs2cs takes a PROJ string source only in its `SRC +to DST` form; EPSG:4326 comes out latitude first.
            let out = try ExternalTool.run("cs2cs", ["-f", "%.10f", projection, "+to", "EPSG:4326"],
                                           input: "\(cx - half) \(cy)\n\(cx + half) \(cy)\n")
            let ends = out.stdout.split(separator: "\n").map { line in
                let v = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Double($0) }
                return (v[0], v[1])
            }
            try #require(ends.count == 2, "cs2cs: \(out.stderr)")
            let ref = try GeodSolve.inverse([(ends[0].0, ends[0].1, ends[1].0, ends[1].1)])[0].s12
            #expect(abs(ref - lengthM) < 0.02 / perUnit + 0.001, "\(svg): bar \(lengthM) m, map \(ref) m")
        }
    }

    @Test func hostileNamesStayTextInEveryOutput() throws {
        let dir = Paths.temporaryFolder("eventmap-hostile")
        let csv = [
            "id,name,kind,lat,lon,precision,uncertainty_m,source",
            #"evil,"<script>alert(1)</script> & ""x""",town,36.1168,36.51522,1,,test:fixture"#,
            #"vague,"<b>vague</b> ]]> place",site,36.0,36.4,2,5000,test:fixture"#,
            "idlib,Idlib,city,35.93062,36.63393,1,,geonames:169389",
        ].joined(separator: "\r\n") + "\r\n"
        try csv.write(toFile: dir + "/places.csv", atomically: true, encoding: .utf8)
        let r = try CLI.run(["render", "--gazetteer", dir + "/places.csv", "-o", dir + "/out"])
        #expect(r.status == 0, "\(r.stderr)")
        let svgs = try Self.files(dir + "/out", "svg")
        #expect(svgs.count == 1)
        for svg in svgs {
            #expect(try ExternalTool.run("xmllint", ["--noout", svg]).status == 0)
            let text = try String(contentsOfFile: svg, encoding: .utf8)
            #expect(!text.contains("<script"))
            #expect(!text.contains("<b>"))
            #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
        }
        // The approximate place is drawn as its area, never as a marker.
        let overview = try String(contentsOfFile: dir + "/out/overview.svg", encoding: .utf8)
        #expect(overview.contains("<path id=\"place-vague\""))
        #expect(!overview.contains("<circle id=\"place-vague\""))
        #expect(overview.contains("&lt;b&gt;vague&lt;/b&gt; ]]&gt; place"))
        // Without a scenario the map is built from the data: one overview, generic names.
        #expect(svgs.contains { $0.hasSuffix("/overview.svg") })
        let places = try String(contentsOfFile: dir + "/out/places.geojson", encoding: .utf8)
        let json = try JSONSerialization.jsonObject(with: Data(places.utf8)) as! [String: Any]
        let names = (json["features"] as! [[String: Any]]).map { ($0["properties"] as! [String: Any])["name"] as! String }
        #expect(names.contains("<script>alert(1)</script> & \"x\""))
    }

    @Test func projectionAndBoxOptions() throws {
        let dir = Paths.temporaryFolder("eventmap-utm")
        let r = try CLI.run(["render", "--scenario", Self.scenario, "--projection", "EPSG:32637", "--bbox", "35.8,35.2,37.3,36.7", "-o", dir])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: dir + "/nw-syria-overview.svg", encoding: .utf8)
        #expect(text.contains("data-projection=\"EPSG:32637\""))
        // UTM 37N is centred on 39°E: the north arrow turns (by about 1.5° here).
        #expect(!text.contains("data-convergence-deg=\"0\""))
        #expect(try ExternalTool.run("xmllint", ["--noout", dir + "/nw-syria-overview.svg"]).status == 0)

        let geographic = try CLI.run(["render", "--scenario", Self.scenario, "--projection", "EPSG:4326", "-o", dir])
        #expect(geographic.status != 0 && geographic.stderr.contains("is a geographic CRS"))
        #expect(!geographic.stderr.contains("Fatal error"))
        let box = try CLI.run(["render", "--scenario", Self.scenario, "--bbox", "37,35,36,36", "-o", dir])
        #expect(box.status != 0 && box.stderr.contains("--bbox"))
    }

    @Test func exportWritesEveryFormat() throws {
        let dir = Paths.temporaryFolder("eventmap-export")
        for format in ["geojson", "kml", "gpkg", "csv"] {
            let path = "\(dir)/layers.\(format)"
            let r = try CLI.run(["export", "--format", format, "--layer", "observation-points", "-o", path])
            #expect(r.status == 0, "\(format): \(r.stderr)")
            let info = try ExternalTool.run("ogrinfo", ["-ro", "-al", "-so", path])
            #expect(info.status == 0)
            #expect(info.stdout.contains("Feature Count: 12"), "\(format)")
        }
        let inferred = try CLI.run(["export", "--layer", "places", "-o", dir + "/places.kml"])
        #expect(inferred.status == 0 && inferred.stdout.contains("(kml, 1 layer(s)"))
        let unknownExt = try CLI.run(["export", "-o", dir + "/x.shp"])
        #expect(unknownExt.status != 0 && unknownExt.stderr.contains("cannot tell the format"))
        let bad = try CLI.run(["export", "--format", "shp", "-o", dir + "/x.shp"])
        #expect(bad.status != 0 && bad.stderr.contains("not one of geojson, kml, gpkg, csv"))
        let unknown = try CLI.run(["export", "--format", "kml", "--layer", "nope", "-o", dir + "/x.kml"])
        #expect(unknown.status != 0 && unknown.stderr.contains("no such layer"))
    }

    @Test func focusNamesTheDetailMapAndItsLine() throws {
        let dir = Paths.temporaryFolder("eventmap-focus")
        let r = try CLI.run(["render", "--scenario", Self.scenario, "--focus", "Salqin", "-o", dir])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/salqin-detail.svg"))
        #expect(FileManager.default.fileExists(atPath: dir + "/salqin-border-line.geojson"))
        #expect(r.stdout.contains("Salqin to the Syria-Turkey border: "))
        let bad = try CLI.run(["render", "--scenario", Self.scenario, "--focus", "Atlantis", "-o", dir])
        #expect(bad.status != 0 && bad.stderr.contains("--focus: no place named 'Atlantis'"))
    }

    static func count(_ file: String, sql: String) throws -> Int {
        let r = try ExternalTool.run("ogrinfo", ["-ro", "-q", file, "-sql", sql])
        let m = r.stdout.split(separator: "\n").first { $0.contains("(Integer") && $0.contains("=") }
        return Int(m!.split(separator: "=").last!.trimmingCharacters(in: .whitespaces))!
    }
}
