import ArgumentParser
import EventMapKit
import Foundation
import GeoCore

/// `eventmap export --format F [--layer NAME ...] -o FILE`: the main job's layers in a GIS format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the map layers to one GeoJSON, KML, GeoPackage or CSV file.",
        discussion: """
            The layers are those `eventmap render` writes as GeoJSON (run `eventmap export --list` to see them). \
            KML and GeoPackage go through GDAL's OGR API: a GeoPackage keeps one table per layer with typed fields \
            and a spatial index; KML gives each placemark a name and a description (Google Earth's convention). \
            GeoJSON and CSV hold one table: with several layers each row names its layer. CSV has lat,lon columns \
            for points and a WKT column for other geometries. The file is written atomically.

            Examples:
              eventmap export --format gpkg -o /tmp/nw-syria.gpkg
              eventmap export --format kml --layer observation-points -o /tmp/ops.kml
              eventmap export --format csv --layer places -o /tmp/places.csv
            """
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var eventOptions: EventOptions

    @Option(help: ArgumentHelp("geojson, kml, gpkg or csv (default: from the -o file's extension).", valueName: "format"))
    var format: String?

    @Option(name: .customLong("layer"), help: ArgumentHelp("A layer to export (repeat for several; default: all).", valueName: "name"))
    var layers: [String] = []

    @Option(help: ArgumentHelp("A scenario file (JSON; see geodata/README.md) whose layers to export. Default: one built from the data.", valueName: "file"))
    var scenario: String?

    @Flag(help: "List the layer names and their feature counts, and write nothing.")
    var list = false

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write.", valueName: "file"))
    var output: String?

    func run() throws {
        let inputs = try dataOptions.renderInputs(events: eventOptions)
        let all: [FeatureCollection]
        do {
            let analysis = try RenderAnalysis(inputs, scenario: try dataOptions.scenario(scenario, inputs: inputs))
            all = RenderJob.geoJSONLayers(inputs, analysis)
        } catch let e as CustomStringConvertible {
            throw CLIError(e.description)
        }
        if list {
            for l in all { print("\(l.name ?? "?")  \(l.features.count) feature(s)") }
            return
        }
        guard let output else { throw CLIError("-o FILE is required: the file to write.") }
        // The format follows --format, else the file's extension (.geojson/.json, .kml, .gpkg, .csv).
        let ext = (output as NSString).pathExtension.lowercased()
        guard let formatText = format ?? (["json": "geojson"][ext] ?? (ext.isEmpty ? nil : ext)) else {
            throw CLIError("--format is required when -o has no extension: one of geojson, kml, gpkg, csv.")
        }
        guard let fmt = LayerExport.Format(rawValue: formatText.lowercased()) else {
            throw CLIError(format == nil ? "-o \(output): cannot tell the format from '.\(ext)'; give --format geojson, kml, gpkg or csv."
                                         : "--format \(formatText): not one of geojson, kml, gpkg, csv.")
        }
        var chosen = all
        if !layers.isEmpty {
            chosen = []
            for name in layers {
                guard let l = all.first(where: { $0.name == name }) else {
                    throw CLIError("--layer \(name): no such layer; the layers are \(all.compactMap(\.name).joined(separator: ", ")).")
                }
                chosen.append(l)
            }
        }
        do {
            try LayerExport.write(chosen, format: fmt, to: output)
        } catch let e as CustomStringConvertible {
            throw CLIError(e.description)
        }
        let count = chosen.reduce(0) { $0 + $1.features.count }
        print("Wrote \(output) (\(fmt.rawValue), \(chosen.count) layer(s), \(count) feature(s)).")
    }
}
