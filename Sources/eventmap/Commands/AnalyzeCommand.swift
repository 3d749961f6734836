import ArgumentParser
import EventMapKit
import Foundation
import GeoCore

/// `eventmap analyze EVENTS.csv`: border distance, nearest place and the within flag for every
/// event of a file, streamed and on all cores.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Border distance, nearest place and a within flag for every event of a CSV file.",
        discussion: """
            EVENTS.csv needs a header with an id and a latitude and longitude column: id,lat,lon, \
            or an ACLED export (event_id_cnty, latitude, longitude) or a UCDP GED file (id, latitude, \
            longitude). Other columns are ignored unless named with --keep.

            For each event, in input order: the WGS 84 geodesic distance to the nearest point of the \
            border (edges read as geodesics; GeographicLib through PROJ, within 1 mm) and that point; \
            the nearest place of the gazetteer and its geodesic distance; and whether the border is \
            within --within. Output columns: \
            id,border_distance_m,border_lat,border_lon,nearest_id,nearest_name,nearest_distance_m,within,\
            border_countries,country (metres to 3 decimals, degrees to 7; border_countries the two ISO \
            alpha-3 codes of the nearest land border, sorted, e.g. SYR-TUR; country the alpha-3 code of the \
            country the event lies in, by geodesic-edge containment, empty at sea). The border is every \
            international land border of the world unless --border names one (border:SYR-TUR, border:SYR) \
            or a GeoJSON file. An output ending in .geojson gets point features instead. \
            With --border, polygons count by their rings: an event inside a polygon is measured to its \
            boundary like any other.

            A bad row stops the run with its line (the header is line 1) and field; a file output is then \
            not written at all.

            As a pipe worker (Spark, xargs, GNU parallel): `-` reads the events from standard input, \
            --columns names the columns of header-less input in file order (then line 1 is the first event), \
            and --no-header leaves the header line out of the CSV output. Rows come out in input order, \
            one per event, so a partition's output lines up with its input.

            Examples:
              eventmap analyze events.csv -o analysis.csv
              eventmap analyze acled_syria.csv --within 10km --keep event_date --keep fatalities -o -
              eventmap analyze events.csv --border border:SYR-TUR -o events.geojson
              tail -n +2 events.csv | eventmap analyze - --columns id,lat,lon --no-header
            """
    )

    @Argument(help: ArgumentHelp("The events CSV file, or - for standard input.", valueName: "events.csv"))
    var events: String

    @Option(help: ArgumentHelp("The input has no header: its columns, in file order, comma-separated (e.g. id,lat,lon).", valueName: "names"))
    var columns: String?

    @Flag(help: "Leave the header line out of the CSV output.")
    var noHeader = false

    @Option(help: ArgumentHelp("What to measure to: a border TARGET (border:SYR-TUR, border:SYR) or a GeoJSON file of lines or polygons (default: every international land border of the world).", valueName: "target|file"))
    var border: String?

    @Option(help: ArgumentHelp("A gazetteer CSV of places to find the nearest of (default: the bundled gazetteer).", valueName: "places.csv"))
    var nearest: String?

    @Option(help: ArgumentHelp("The distance from the border that sets `within`, with a unit: m, km, mi or nmi.", valueName: "distance"))
    var within = "20km"

    @Option(name: .customLong("keep"), help: ArgumentHelp("An input column to copy to the output (repeatable).", valueName: "column"))
    var keep: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("The output file (.csv or .geojson), or - for standard output.", valueName: "file"))
    var output = "-"

    @Flag(help: "Print where the time went (read, parse, border, nearest, format, write) on standard error.")
    var profile = false

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let setupStart = Date()
        var options = BatchAnalysis.Options()
        do { options.withinMetres = try Length(parsing: within).metres } catch { throw CLIError("--within: \(error.description).") }
        options.keepColumns = keep
        options.format = output.lowercased().hasSuffix(".geojson") ? .geojson : .csv
        options.inputColumns = columns.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        options.writeHeader = !noHeader
        if noHeader && options.format == .geojson { throw CLIError("--no-header is for CSV output; GeoJSON has no header line.") }

        let world = try dataOptions.loadWorld()
        let border = border
        let gazetteers = try nearest.map { [$0] } ?? dataOptions.gazetteerPaths()
        // The border's index, the country locator and the places do not depend on each other.
        let (borderLines, locator, places) = try Concurrently.run({ try Self.borderLines(border, in: world) },
                                                                  { CountryLocator(world: world) },
                                                                  { () throws -> [Place] in
            do { return try gazetteers.flatMap { path throws in try GazetteerFile.pointPlaces(path) } } catch let e as GazetteerError {
                throw CLIError(e.description)
            }
        })
        let analysis = BatchAnalysis(border: borderLines, countries: locator, places: places)
        let setupSeconds = Date().timeIntervalSince(setupStart)
        let destination: BatchAnalysis.Destination = output == "-" ? .standardOutput : .file(output)
        let bar = ProgressBar(enabled: isatty(2) != 0)
        let summary: BatchAnalysis.Summary
        do {
            summary = try analysis.run(eventsPath: events, to: destination, options: options, progress: bar.update)
        } catch {
            bar.clear()
            throw CLIError(error.description)
        }
        bar.clear()
        let withinText = Printing.grouped(options.withinMetres / 1000, decimals: 3)
        FileHandle.standardError.write(Data((
            "\(summary.events) events; \(summary.within) within \(withinText) km of the border; "
            + "\(Printing.grouped(summary.profile.wallSeconds, decimals: 2)) s"
            + (output == "-" ? "" : " → \(output)") + "\n").utf8))
        // Nearest places that are only approximately placed: say so, with their radius.
        let approximate = zip(places, summary.nearestCounts).filter { $0.0.isApproximate && $0.1 > 0 }.sorted { $0.1 > $1.1 }
        for (place, count) in approximate.prefix(5) {
            FileHandle.standardError.write(Data("\(count) events have \(place.name) (\(place.id)) as nearest place. \(PlaceText.warning(place) ?? "")\n".utf8))
        }
        if approximate.count > 5 {
            FileHandle.standardError.write(Data("\(approximate.count - 5) more approximate places are nearest to some events.\n".utf8))
        }
        if profile {
            FileHandle.standardError.write(Data(("setup (read the border and places, build the indexes): "
                + "\(JSONWriter.format(setupSeconds, decimals: 3)) s\n" + Self.describe(summary.profile, events: summary.events)).utf8))
        }
    }

    /// The lines to measure to: a GeoJSON file's lines and polygon rings, or land borders by name.
    static func borderLines(_ border: String?, in world: World) throws -> BatchAnalysis.BorderLines {
        if let border, !TargetResolver.isBorder(border) {
            let lines: [[LonLat]]
            do {
                let collection = try GeoJSONReader.read(DataOptions.readText(border, what: "the border file"))
                lines = collection.features.compactMap(\.geometry).flatMap(\.lines)
            } catch let e as GeoJSONError {
                throw CLIError("--border \(border): \(e.description).")
            }
            guard !lines.isEmpty else { throw CLIError("--border \(border): the file holds no lines or polygons.") }
            return BatchAnalysis.BorderLines(lines: lines)
        }
        do { return BatchAnalysis.BorderLines(try TargetResolver.borders(border ?? "border", in: world)) } catch {
            throw CLIError("--border: \(error.description)")
        }
    }

    static func describe(_ p: BatchProfile, events: Int) -> String {
        func row(_ name: String, _ s: Double) -> [String] {
            [name, JSONWriter.format(s, decimals: 3) + " s", JSONWriter.format(events > 0 ? s / Double(events) * 1e6 : 0, decimals: 3) + " µs/event"]
        }
        let cpu = p.readSeconds + p.parseSeconds + p.borderSeconds + p.nearestSeconds + p.countrySeconds + p.formatSeconds + p.writeSeconds
        return "profile (CPU seconds summed over threads; wall \(JSONWriter.format(p.wallSeconds, decimals: 3)) s):\n"
            + Printing.table(["phase", "time", "per event"], [
                row("read", p.readSeconds), row("parse", p.parseSeconds), row("border", p.borderSeconds),
                row("nearest", p.nearestSeconds), row("country", p.countrySeconds), row("format", p.formatSeconds), row("write", p.writeSeconds), row("total", cpu),
            ]) + "\nborder refinements: \(p.borderRefinements) (\(JSONWriter.format(Double(p.borderRefinements) / Double(max(events, 1)), decimals: 3)) per event), border inverses: \(p.borderInverses) (\(JSONWriter.format(Double(p.borderInverses) / Double(max(events, 1)), decimals: 3)) per event), second searches: \(p.borderSecondSearches), anchored: \(p.borderAnchored) (\(JSONWriter.format(Double(p.borderAnchored) / Double(max(events, 1)), decimals: 3)) per event); "
            + "place inverses: \(p.placeInverses) (\(JSONWriter.format(Double(p.placeInverses) / Double(max(events, 1)), decimals: 3)) per event)\n"
    }
}

/// A one-line progress bar on standard error, redrawn at most 10 times a second.
final class ProgressBar {
    private let enabled: Bool
    private var last = 0.0
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let now = Date().timeIntervalSince1970
        guard now - last > 0.1 else { return }
        last = now
        let fraction = min(1, Double(done) / Double(total))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(Int(fraction * 100))%".utf8))
        shown = true
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
