import ArgumentParser
import EventMapKit
import Foundation
import GeoCore

/// `eventmap export --format F [--layer NAME ...] -o FILE`: the main job's layers in a GIS format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the map layers to a GeoJSON, KML, GeoPackage, FlatGeobuf or CSV file, or to PostGIS.",
        discussion: """
            The layers are those `eventmap render` writes as GeoJSON (run `eventmap export --list` to see them). \
            KML and GeoPackage go through GDAL's OGR API: a GeoPackage keeps one table per layer with typed fields \
            and a spatial index; KML gives each placemark a name and a description (Google Earth's convention). \
            GeoJSON and CSV hold one table: with several layers each row names its layer. CSV has lat,lon columns \
            for points and a WKT column for other geometries. The file is written atomically.

            FlatGeobuf (fgb) holds one layer per file, with its packed R-tree spatial index: -o x.fgb takes one \
            --layer, any other -o becomes a folder of LAYER.fgb files. PostGIS (postgis) writes through GDAL's \
            PostgreSQL driver to -o 'PG:dbname=... host=...': a table per layer (names lower case, - as _) with a \
            geometry(..., 4326) column `geom`, a GiST index, typed columns, and the layer's sources as the table's \
            comment, all in one transaction. An existing table is refused unless --overwrite (drop and create) or \
            --append (add the rows), as with ogr2ogr.

            Examples:
              eventmap export --format gpkg -o /tmp/nw-syria.gpkg
              eventmap export --format kml --layer observation-points -o /tmp/ops.kml
              eventmap export --format csv --layer places -o /tmp/places.csv
              eventmap export --format fgb -o /tmp/layers        # /tmp/layers/places.fgb, ...
              eventmap export --format postgis -o 'PG:dbname=gis host=/var/run/postgresql' --overwrite
            """
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var eventOptions: EventOptions

    @Option(help: ArgumentHelp("geojson, kml, gpkg, fgb, csv or postgis (default: from -o: its extension, or postgis for PG:...).", valueName: "format"))
    var format: String?

    @Option(name: .customLong("layer"), help: ArgumentHelp("A layer to export (repeat for several; default: all).", valueName: "name"))
    var layers: [String] = []

    @Option(help: ArgumentHelp("A scenario file (JSON; see geodata/README.md) whose layers to export. Default: one built from the data.", valueName: "file"))
    var scenario: String?

    @Flag(help: "List the layer names and their feature counts, and write nothing.")
    var list = false

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write, or a PG: connection string for postgis.", valueName: "file"))
    var output: String?

    @Flag(help: "postgis: replace tables that exist already (drop and create, as ogr2ogr -overwrite).")
    var overwrite = false

    @Flag(help: "postgis: add the rows to tables that exist already (as ogr2ogr -append).")
    var append = false

    func run() throws {
        let inputs = try dataOptions.renderInputs(events: eventOptions)
        let all: [FeatureCollection]
        do {
            let chosen = try RenderJob.scenario(try dataOptions.scenario(scenario, inputs: inputs), inputs, RenderOptions())
            let analysis = try RenderAnalysis(inputs, scenario: chosen)
            all = RenderJob.geoJSONLayers(inputs, analysis)
        } catch let e as CustomStringConvertible {
            throw CLIError(e.description)
        }
        if list {
            for l in all { print("\(l.name ?? "?")  \(l.features.count) feature(s)") }
            return
        }
        guard let output else { throw CLIError("-o FILE is required: the file to write.") }
        // The format follows --format, else -o: PG:... is PostGIS, a file goes by its extension.
        let ext = (output as NSString).pathExtension.lowercased()
        let formats = LayerExport.Format.allCases.map(\.rawValue).joined(separator: ", ")
        let guessed = output.hasPrefix("PG:") ? "postgis" : (["json": "geojson"][ext] ?? (ext.isEmpty ? nil : ext))
        guard let formatText = format ?? guessed else {
            throw CLIError("--format is required when -o has no extension: one of \(formats).")
        }
        guard let fmt = LayerExport.Format(rawValue: formatText.lowercased()) else {
            throw CLIError(format == nil ? "-o \(output): cannot tell the format from '.\(ext)'; give --format (\(formats))."
                                         : "--format \(formatText): not one of \(formats).")
        }
        if overwrite && append { throw CLIError("--overwrite and --append exclude each other: give one.") }
        if (overwrite || append) && fmt != .postgis {
            throw CLIError("--\(overwrite ? "overwrite" : "append") is for --format postgis; a file is always replaced whole.")
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
            try LayerExport.write(chosen, format: fmt, to: output, existing: overwrite ? .overwrite : append ? .append : .refuse)
        } catch let e as CustomStringConvertible {
            throw CLIError(e.description)
        }
        let count = chosen.reduce(0) { $0 + $1.features.count }
        let target = PostgreSQLConnection(output).map { "PostgreSQL \($0.label)" } ?? output
        print("Wrote \(target) (\(fmt.rawValue), \(chosen.count) layer(s), \(count) feature(s)).")
    }
}
