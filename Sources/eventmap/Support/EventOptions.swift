import ArgumentParser
import EventMapKit
import Foundation

/// Where events come from: the bundled geodata/events.csv + reports.csv, or `--events FILE`
/// (an ACLED export or a UCDP GED CSV), and whether bad rows stop the load.
struct EventOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("An ACLED export or UCDP GED CSV to read instead of the bundled events (recognised by its header).", valueName: "file"))
    var events: String?

    @Flag(name: .long, help: "Skip rows that cannot be read, with a warning each and a count at the end, instead of stopping.")
    var skipBad = false

    /// The events, with skipped rows' warnings printed to standard error.
    func load(_ data: DataOptions, gazetteer: Gazetteer, world: World? = nil) throws -> [Event] {
        try Self.load(events, skipBad: skipBad, data: data, gazetteer: gazetteer, world: world)
    }

    /// The same for commands that take no --events option (nil = the bundled files). The bundled
    /// events take their country names from the world: a caller that holds it passes it.
    static func load(_ events: String?, skipBad: Bool, data: DataOptions, gazetteer: Gazetteer, world: World? = nil) throws -> [Event] {
        let result: EventLoad
        do {
            if let events {
                result = try ForeignEvents.read(DataOptions.readText(events, what: "the events file"), file: events, skipBad: skipBad)
            } else {
                let dir = try data.dataDirectory()
                let ep = dir + "/events.csv", rp = dir + "/reports.csv"
                result = try EventsCSV.read(events: DataOptions.readText(ep, what: "the events"), eventsFile: ep,
                                            reports: DataOptions.readText(rp, what: "the reports"), reportsFile: rp,
                                            gazetteer: gazetteer, skipBad: skipBad,
                                            countryNames: try (world ?? data.loadWorld()).countryNamesByISO2)
            }
        } catch let e as EventDataError {
            throw CLIError(e.description + (e.isRowError && !skipBad ? " (nothing was written; --skip-bad skips such rows)" : ""))
        }
        for w in result.skipped { Printing.warn("skipped: \(w.description)") }
        if !result.skipped.isEmpty { Printing.warn("\(result.skipped.count) bad row(s) skipped.") }
        return result.events
    }
}
