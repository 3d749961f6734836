import ArgumentParser
import EventMapKit
import Foundation
import GeoCore

/// `eventmap events`: list, filter and export events with their casualty ranges and reports.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List events with casualty ranges and every source's claim; filter; export as ACLED or UCDP GED CSV.",
        discussion: """
            Reads the bundled geodata/events.csv and reports.csv, or --events FILE (an ACLED export or a UCDP GED CSV). \
            Killed and wounded are ranges (low-high, best) built from the final claims; a superseded provisional toll is \
            listed but sets nothing, and a combined killed-and-wounded toll is shown on its own, never split. \
            --near/--within use WGS 84 geodesic distance to the event's coordinate.

            Examples:
              eventmap events
              eventmap events --from 2020-10-26 --to 2020-10-28 --type "Air/drone strike"
              eventmap events --near "Kafr Takharim" --within 20km --json
              eventmap events --format acled -o events-acled.csv
              eventmap events --events ged.csv --format acled -o -
            """
    )

    @Option(help: ArgumentHelp("Only events on or after this day (YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Only events on or before this day (YYYY-MM-DD).", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("Only this event_type or sub_event_type, e.g. \"Air/drone strike\".", valueName: "type"))
    var type: String?

    @Option(help: ArgumentHelp("Only events with an actor containing this text (case-insensitive).", valueName: "text"))
    var actor: String?

    @Option(help: ArgumentHelp("A place name or id, or LAT,LON: with --within, keep events near it.", valueName: "place"))
    var near: String?

    @Option(help: ArgumentHelp("With --near: the geodesic distance, with a unit (20km, 500m, 3mi, 2nmi).", valueName: "distance"))
    var within: String?

    @Option(help: ArgumentHelp("Write CSV in this format instead of a table: acled or ucdp (needs -o).", valueName: "format"))
    var format: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write with --format ('-' for standard output).", valueName: "file"))
    var output: String?

    @Flag(help: "Print a JSON array (id, date, event_type, actors, place_id, lat, lon, precision, killed, wounded, reports).")
    var json = false

    @OptionGroup var eventOptions: EventOptions
    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        if (near == nil) != (within == nil) { throw ValidationError("--near and --within go together: give both or neither.") }
        if format != nil && output == nil { throw ValidationError("--format needs -o FILE (or -o - for standard output).") }
        if output != nil && format == nil { throw ValidationError("-o needs --format acled or --format ucdp.") }
        if format != nil && json { throw ValidationError("--json and --format are alternatives: give one.") }
    }

    func run() throws {
        var filter = EventFilter(type: type, actor: actor)
        filter.from = try from.map { try Self.day($0, option: "--from") }
        filter.to = try to.map { try Self.day($0, option: "--to") }
        if let f = filter.from, let t = filter.to, t < f { throw CLIError("--to \(t) is before --from \(f).") }
        let exportFormat = try format.map { f -> EventFormat in
            guard let ef = EventFormat(rawValue: f.lowercased()) else { throw CLIError("--format \(f): expected acled or ucdp.") }
            return ef
        }
        let needsGazetteer = eventOptions.events == nil || (near.map { !LonLat.looksLikeCoordinate($0) } ?? false)
        let gazetteer = needsGazetteer ? try dataOptions.loadGazetteer() : Gazetteer(places: [])
        if let near, let within {
            filter.near = try gazetteer.point(near, argument: "--near").position
            do { filter.withinMetres = try Length(parsing: within).metres } catch { throw CLIError("--within: \(error.description).") }
        }
        let events = filter.apply(try eventOptions.load(dataOptions, gazetteer: gazetteer))

        if let exportFormat, let output {
            let text = ForeignEvents.write(events, as: exportFormat, isoNumeric: try dataOptions.loadWorld().isoNumericByName)
            if output == "-" {
                FileHandle.standardOutput.write(Data(text.utf8))
            } else {
                do { try AtomicWrite.write(text, to: output) } catch { throw CLIError(error.description) }
                print("Wrote \(events.count) event(s) as \(exportFormat == .acled ? "ACLED" : "UCDP GED") CSV to \(output).")
            }
            return
        }
        if json {
            Printing.json(EventJSON.array(events))
            return
        }
        print(Self.table(events))
    }

    static func day(_ text: String, option: String) throws -> CalendarDay {
        guard let d = CalendarDay(parsing: text) else { throw CLIError("\(option) '\(text)' is not a date: expected YYYY-MM-DD.") }
        return d
    }

    /// The table for people, then one line per combined toll and the claims of each event.
    static func table(_ events: [Event]) -> String {
        guard !events.isEmpty else { return "No events match." }
        func km(_ m: Double) -> String { Claim.format((m / 100).rounded() / 10) + " km" }
        let rows = events.map { e -> [String] in
            let place = e.location + (e.isApproximate ? " (within \(km(e.uncertaintyMetres)), where_prec \(e.precision.code))" : "")
            return [e.id, e.date.description + (e.date.derived ? " (derived)" : ""), e.subEventType.isEmpty ? "-" : e.subEventType,
                    e.actor2.isEmpty ? e.actor1 : "\(e.actor1) vs \(e.actor2)", place,
                    e.killed?.description ?? "-", e.wounded?.description ?? "-", String(e.claims.count)]
        }
        var out = Printing.table(["ID", "DATE", "TYPE", "ACTORS", "PLACE", "KILLED", "WOUNDED", "REPORTS"], rows)
        for e in events where !e.claims.isEmpty {
            out += "\n\n\(e.id):"
            if let kw = e.killedAndWounded { out += "\n  killed and wounded together (not split): \(kw)" }
            let superseded = CasualtyRules.supersededIds(in: e.claims)
            for c in e.claims {
                let date = c.published?.description ?? "undated"
                let via = c.via.isEmpty ? "" : " (via \(c.via))"
                out += "\n  \(c.outlet)\(via), \(date): \(e.summary(of: c))" + (superseded.contains(c.id) ? " [superseded]" : "")
            }
        }
        return out
    }
}
