import Foundation
import Testing
import TestSupport

/// `eventmap render` on many events (seeded synthetic ACLED file from bench/make_acled_events.py):
/// hexagons, legend classes, the largest events, facets and the timeline, read back from the SVG.
/// Expected counts come from the CSV itself (geo_precision 1-2 are binned, 3 is not).
@Suite(.serialized) struct RenderAggregationTests {
    static let csv: String = {
        let dir = Paths.temporaryFolder("eventmap-synthetic")
        let path = dir + "/synthetic.csv"
        let r = try! ExternalTool.run("/usr/bin/python3", [Paths.repository + "/bench/make_acled_events.py", "3000", path, "--seed", "11"])
        precondition(r.status == 0, r.stderr)
        return path
    }()

    static let rows: [[String: String]] = {
        let lines = try! String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            // The generator quotes only the notes column (it holds a comma); fields before it are plain.
            let cells = line.replacingOccurrences(of: "\"Synthetic event (generated, not real).\"", with: "notes").split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
    }()

    static let render: (dir: String, result: ExternalTool.Result) = {
        let dir = Paths.temporaryFolder("eventmap-render-many")
        return (dir, try! CLI.run(["render", "--scenario", Paths.geodata("scenarios/kafr-takharim-2020.json"), "--events", csv, "--facet", "quarter", "-o", dir]))
    }()

    static func svg(_ name: String) throws -> String { try String(contentsOfFile: render.dir + "/" + name, encoding: .utf8) }

    /// Every `<path id="hex-...">` with its data-events and fill.
    static func hexes(_ svg: String) -> [(events: Int, fill: String)] {
        let re = try! NSRegularExpression(pattern: "<path id=\"hex-[^\"]*\" data-events=\"([0-9]+)\"[^>]*? fill=\"(#[0-9a-f]{6})\"")
        let ns = svg as NSString
        return re.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map {
            (Int(ns.substring(with: $0.range(at: 1)))!, ns.substring(with: $0.range(at: 2)))
        }
    }

    @Test func overviewBinsEveryPreciseEventAndNamesTheRest() throws {
        #expect(Self.render.result.status == 0, "\(Self.render.result.stderr)")
        let s = try Self.svg("nw-syria-overview.svg")
        let binned = Self.rows.filter { $0["geo_precision"] != "3" }.count
        let coarse = Self.rows.count - binned
        let hexes = Self.hexes(s)
        #expect(!hexes.isEmpty)
        #expect(hexes.reduce(0) { $0 + $1.events } == binned)
        // The legend's words, with its line breaks (one <text> per line) read as spaces.
        let words = s.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        #expect(words.contains("Hexagons 10 km across, 86.6 km² each"))
        #expect(words.contains("\(coarse) event(s) known only to an admin area or coarser (where_prec ≥ 3)"))
        #expect(s.utf8.count < 2_000_000)
    }

    /// Each hexagon's fill is the legend swatch of the class its count falls in ("a–b events per 10 km hexagon").
    @Test func legendClassesMatchTheFills() throws {
        let s = try Self.svg("nw-syria-overview.svg")
        let re = try NSRegularExpression(pattern: "<rect [^>]*fill=\"(#[0-9a-f]{6})\"[^>]*/>\\n<text [^>]*>([0-9]+)(?:–([0-9]+))? events per 10 km hexagon</text>")
        let ns = s as NSString
        let classes = re.matches(in: s, range: NSRange(location: 0, length: ns.length)).map { m -> (ClosedRange<Int>, String) in
            let lo = Int(ns.substring(with: m.range(at: 2)))!
            let hi = m.range(at: 3).location == NSNotFound ? lo : Int(ns.substring(with: m.range(at: 3)))!
            return (lo...hi, ns.substring(with: m.range(at: 1)))
        }
        #expect(classes.count >= 3 && classes.count <= 5)
        for h in Self.hexes(s) {
            let c = classes.first { $0.0.contains(h.events) }
            #expect(c?.1 == h.fill, "a hexagon of \(h.events) events is \(h.fill)")
        }
    }

    /// The largest events keep their labels inside the frame (never stacked beside it).
    @Test func notableLabelsStayInTheFrame() throws {
        let s = try Self.svg("nw-syria-overview.svg")
        _ = try #require(s.range(of: "<rect id=\"frame\" x=\"16\" y=\"64\" width=\"900\" height=\""))
        #expect(s.components(separatedBy: "<circle id=\"event-SYN").count - 1 == 10)
        let re = try NSRegularExpression(pattern: "<text id=\"label-[^\"]*\" x=\"([0-9.]+)\"")
        let ns = s as NSString
        for m in re.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
            let x = Double(ns.substring(with: m.range(at: 1)))!
            #expect(x >= 16 && x <= 916, "label at x \(x)")
        }
    }

    /// --facet quarter: 4 panels of one size, the events split among them, one set of classes.
    @Test func facetsShareFrameAndClasses() throws {
        let s = try Self.svg("nw-syria-overview-by-quarter.svg")
        #expect(s.contains("data-panels=\"4\""))
        for q in 1...4 { #expect(s.contains("data-title=\"Q\(q) 2020: ")) }
        let re = try NSRegularExpression(pattern: "<clipPath id=\"panel-[0-9]+-clip\"><rect x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"([0-9.]+)\" height=\"([0-9.]+)\"")
        let ns = s as NSString
        let sizes = Set(re.matches(in: s, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) .split(separator: " ").suffix(2).joined() })
        #expect(sizes.count == 1)
        let binned = Self.rows.filter { $0["geo_precision"] != "3" }.count
        #expect(Self.hexes(s).reduce(0) { $0 + $1.events } == binned)
        // The layers every panel shares (the basemap, places, observation points) are drawn once and used in each.
        #expect(s.components(separatedBy: "<g id=\"countries\"").count - 1 == 1)
        #expect(s.components(separatedBy: "<use xlink:href=\"#shared-countries\"").count - 1 == 4)
        #expect(s.utf8.count < 2_000_000, "\(s.utf8.count) bytes")
    }

    /// The terminal lists the 20 largest events' casualty claims, not all 3,000, and counts the rest
    /// (every event placed within 25 km, geo_precision 1-2, carries ACLED's fatalities).
    @Test func casualtyListIsCappedAndCountsTheRest() throws {
        let out = Self.render.result.stdout
        let drawable = Self.rows.filter { $0["geo_precision"] != "3" }.count
        #expect(out.contains("\(drawable - 20) more event(s) with casualty figures: not listed"), "\(out.prefix(2000))")
        #expect(out.components(separatedBy: "the casualty claims:").count - 1 == 20)
    }

    /// The timeline: 12 monthly bars over 2020 in the overview, summing to every event.
    @Test func timelineStripCountsEveryEvent() throws {
        let s = try Self.svg("nw-syria-overview.svg")
        #expect(s.contains("<g id=\"timeline\" font-size=\"10\" fill=\"#1a1a1a\" data-period=\"month\" data-measure=\"events\" data-bars=\"12\""))
        let re = try NSRegularExpression(pattern: "data-start=\"2020-[0-9-]+\" data-value=\"([0-9]+)\"")
        let ns = s as NSString
        let total = re.matches(in: s, range: NSRange(location: 0, length: ns.length)).reduce(0) { $0 + Int(ns.substring(with: $1.range(at: 1)))! }
        #expect(total == Self.rows.count)
    }

    @Test func badOptionsAreRefused() throws {
        let r = try CLI.run(["render", "--aggregate", "grid", "-o", Paths.temporaryFolder()])
        #expect(r.status != 0 && r.stderr.contains("--aggregate: 'grid' is not one of auto, hex, admin1, none."))
        let b = try CLI.run(["render", "--bin", "10", "-o", Paths.temporaryFolder()])
        #expect(b.status != 0 && b.stderr.contains("--bin"))
    }
}
