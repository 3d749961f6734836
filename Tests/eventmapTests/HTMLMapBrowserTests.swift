import Foundation
import Testing
import TestSupport

/// The offline HTML map in a real browser: Debian's headless chromium driven by Playwright
/// (Tests/Browser/check_map.py, which blocks every non-file: request). The script computes each
/// expected count, a clicked place's source and precision, and an approximate event's circle radius
/// from the CSVs themselves; it also
/// plays and pauses the time slider, checks legend, scale bar, attribution and count, and decodes
/// a screenshot to see that it is not blank. It prints one line per check and exits 1 on any failure.
@Suite(.serialized) struct HTMLMapBrowserTests {
    func check(_ page: String, _ events: String, _ format: String, extra: [String] = []) throws {
        let r = try ExternalTool.run(Paths.venvPython, [Paths.repository + "/Tests/Browser/check_map.py", page, events, format] + extra,
                                     environment: ProcessInfo.processInfo.environment.merging(["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"]) { $1 })
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(!r.stdout.contains("FAIL") && r.stdout.contains("ok   no request leaves the file"), "\(r.stdout)")
    }

    @Test func bundledScenarioPage() throws {
        let dir = Paths.temporaryFolder("eventmap-html")
        let r = try CLI.run(["render", "--scenario", Paths.geodata("scenarios/kafr-takharim-2020.json"), "-o", dir])
        #expect(r.status == 0, "\(r.stderr)")
        let page = dir + "/overview.html"
        let size = try FileManager.default.attributesOfItem(atPath: page)[.size] as? Int ?? 0
        #expect(size > 10_000 && size < 1_000_000, "\(size) bytes")
        try check(page, Paths.geodata("events.csv"), "bundled", extra: ["--reports", Paths.geodata("reports.csv"), "--places", Paths.geodata("places.csv")])
    }

    @Test func syntheticEventsPageFromHTMLOption() throws {
        let dir = Paths.temporaryFolder("eventmap-html-synthetic")
        let csv = dir + "/synthetic.csv"
        let g = try ExternalTool.run("/usr/bin/python3", [Paths.repository + "/bench/make_acled_events.py", "2500", csv, "--seed", "5"])
        #expect(g.status == 0, "\(g.stderr)")
        let page = dir + "/synthetic.html"
        let r = try CLI.run(["render", "--events", csv, "--html", page, "-o", dir + "/out"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/overview.html"))
        try check(page, csv, "acled", extra: ["--places", Paths.geodata("places.csv")])
    }
}
