import ArgumentParser
import EventMapKit
import GeoCore

/// How many events a map draws and over what time: `--aggregate`, `--measure`, `--bin`, `--facet`.
struct MapOptions: ParsableArguments {
    @Option(help: ArgumentHelp("auto, hex, admin1 or none. auto draws equal-area hexagons when more than \(AggregationOptions.autoThreshold) events fall in a map, else one symbol per event.", valueName: "mode"))
    var aggregate: String = "auto"

    @Option(help: ArgumentHelp("What hexagons and areas count: events or fatalities (best estimate).", valueName: "what"))
    var measure: String = "events"

    @Option(help: ArgumentHelp("The hexagons' width across flats, with a unit (e.g. 10km, 5000m); default about 15 across each map (10 km on the overview).", valueName: "length"))
    var bin: String?

    @Option(help: ArgumentHelp("Also draw the overview as small multiples, one panel per month, quarter or year (same extent, scale and colour classes).", valueName: "period"))
    var facet: String?

    @Option(help: ArgumentHelp("Where to write the interactive offline HTML map (default: overview.html in the output folder).", valueName: "file"))
    var html: String?

    func apply(to options: inout RenderOptions) throws {
        guard let mode = AggregationOptions.Mode(rawValue: aggregate) else {
            throw CLIError("--aggregate: '\(aggregate)' is not one of auto, hex, admin1, none.")
        }
        guard let m = AggregationOptions.Measure(rawValue: measure) else {
            throw CLIError("--measure: '\(measure)' is not one of events, fatalities.")
        }
        var metres: Double?
        if let bin {
            metres = try parseLength(bin, argument: "--bin")
            guard metres! >= 100 else { throw CLIError("--bin: \(bin) is too small; hexagons are at least 100m across.") }
        }
        options.aggregation = AggregationOptions(mode: mode, measure: m, binMetres: metres)
        if let facet {
            guard let p = TimePeriod(rawValue: facet), [.month, .quarter, .year].contains(p) else {
                throw CLIError("--facet: '\(facet)' is not one of month, quarter, year.")
            }
            options.facet = p
        }
    }

    /// The product without its HTML page when `--html` sends the page elsewhere.
    func movingHTML(_ p: RenderProduct) -> RenderProduct {
        guard html != nil else { return p }
        return p.without(file: RenderJob.htmlFileName)
    }

    /// Writes the page to `--html FILE` (atomically); the path written, if any.
    func writeHTML(_ p: RenderProduct) throws -> [String] {
        guard let html, let page = p.files.first(where: { $0.name == RenderJob.htmlFileName }) else { return [] }
        try page.write(to: html)
        return [html]
    }
}
