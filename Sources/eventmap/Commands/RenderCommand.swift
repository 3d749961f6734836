import ArgumentParser
import EventMapKit
import Foundation
import GeoCore

/// `eventmap render -o DIR`: the main job. GeoJSON layers and SVG maps, then the key measurements.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Write the map layers (GeoJSON) and the maps (SVG) to a folder, and print the key measurements.",
        discussion: """
            What is mapped and measured comes from a scenario file (--scenario; the bundled example is \
            geodata/scenarios/kafr-takharim-2020.json, schema in geodata/README.md): titles, the focus place, \
            the border, the zones, the maps and the measurements. Without one, a scenario is built from the data: \
            one overview map fitted to the events and places, the countries in it, the nearest international land \
            borders, and every place's distance to them (files overview.svg, places.geojson, events.geojson, \
            borders.geojson, ...). Events come from the bundled geodata/events.csv and reports.csv (or --events \
            FILE, an ACLED or UCDP GED CSV); with a --gazetteer of your own, only from --events. GeoJSON follows \
            RFC 7946 (lon/lat, counter-clockwise exterior rings, 7 decimals, long edges densified to 1 m of the \
            geodesic). Maps are projected: a transverse Mercator centred on each map unless --projection says \
            otherwise; the scale bar is true at the map's centre. Also overview.html, an interactive map that works \
            offline (--html FILE to put it elsewhere). Over \(AggregationOptions.autoThreshold) events in a map are \
            drawn as equal-area hexagons (--aggregate, --bin, --measure) with the 10 largest on top; where_prec 3 \
            and coarser are counted in the legend, not binned. Every file is written atomically; the same input \
            gives the same bytes.

            Examples:
              eventmap render --scenario geodata/scenarios/kafr-takharim-2020.json -o output
              eventmap render --gazetteer ua-places.csv --events acled-ukraine.csv -o /tmp/maps
              eventmap render --projection EPSG:32637 --bbox 35.8,35.2,37.3,36.7 -o /tmp/maps
              eventmap render --events acled.csv --bin 5km --measure fatalities --facet month -o /tmp/maps
            """
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var eventOptions: EventOptions
    @OptionGroup(title: "Maps of many events") var mapOptions: MapOptions

    @Option(help: ArgumentHelp("A PROJ string or EPSG code to draw the maps in (default: transverse Mercator centred on each map).", valueName: "proj"))
    var projection: String?

    @Option(help: ArgumentHelp("The overview map's box, W,S,E,N in decimal degrees (default: the data plus a margin).", valueName: "W,S,E,N"))
    var bbox: String?

    @Option(help: ArgumentHelp("A scenario file (JSON; see geodata/README.md). Default: one built from the data.", valueName: "file"))
    var scenario: String?

    @Option(help: ArgumentHelp("The place the scenario's focus becomes (name or id).", valueName: "place"))
    var focus: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The output folder (created if missing).", valueName: "dir"))
    var output: String

    func run() throws {
        var options = RenderOptions(projection: projection, focusPlace: focus)
        if let bbox {
            do { options.bbox = try BoundingBox(parsingWSEN: bbox) } catch { throw CLIError("--bbox: \(error)") }
        }
        try mapOptions.apply(to: &options)
        let inputs = try dataOptions.renderInputs(events: eventOptions)
        let chosen = try dataOptions.scenario(scenario, inputs: inputs)
        let product: RenderProduct
        let paths: [String]
        do {
            product = try RenderJob.run(inputs, scenario: chosen, options)
            paths = try RenderJob.write(mapOptions.movingHTML(product), to: output) + mapOptions.writeHTML(product)
        } catch let e as CustomStringConvertible where !(e is CLIError) {
            throw CLIError(e.description)
        }
        if !product.measurements.isEmpty {
            print("Key measurements (WGS 84 geodesics):")
            for m in product.measurements {
                let value: String
                switch m.value {
                case .distance(let metres, let plusMinus):
                    value = Printing.metres(metres) + (plusMinus.map { " ± \(Printing.grouped($0 / 1000, decimals: 1)) km" } ?? "")
                case .text(let t):
                    value = t
                }
                print("  \(m.subject): \(value)")
                if !m.note.isEmpty { print("    \(m.note)") }
            }
            print("")
        }
        for (map, labels) in product.droppedLabels.sorted(by: { $0.key < $1.key }) where !labels.isEmpty {
            // A facet sheet can leave off hundreds (a few per panel): the first 20 are named.
            let named = labels.prefix(20).joined(separator: ", ") + (labels.count > 20 ? " and \(labels.count - 20) more" : "")
            print("\(map): \(labels.count) label(s) left off for lack of room: \(named)")
        }
        print("Files written (\(paths.count)):")
        for p in paths { print("  \(p)") }
    }
}
