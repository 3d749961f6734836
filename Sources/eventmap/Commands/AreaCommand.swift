import ArgumentParser
import EventMapKit
import GeoCore

/// `eventmap area TARGET`: the geodesic area of a country or of the polygons of a GeoJSON file.
struct AreaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "area",
        abstract: "The geodesic area of a country or of a GeoJSON file's polygons (e.g. a buffer), on WGS 84.",
        discussion: """
            Edges are read as geodesics and the area is GeographicLib's geod_polygonarea through PROJ \
            (exteriors minus holes, whatever the ring orientation).

            Examples:
              eventmap area Syria
              eventmap area zone20.geojson --json
            """
    )

    @Argument(help: "A country (name or ISO code) or a GeoJSON file with polygons.")
    var target: String

    @OptionGroup var dataOptions: DataOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let t = try dataOptions.target(target, argument: "argument TARGET")
        guard let m2 = t.areaSquareMetres else {
            throw CLIError("argument TARGET: '\(target)' is a \(t.geometry.typeName == "Point" ? "point" : "line") and has no area; give a country or a GeoJSON file with polygons.")
        }
        if json {
            Printing.json(["target": .string(t.label), "area_m2": .number(m2), "area_km2": .number(m2 / 1e6),
                           "method": "WGS 84 geodesic polygon area (GeographicLib geod_polygonarea via PROJ)"])
        } else {
            print("\(t.label): \(Printing.grouped(m2 / 1e6, decimals: 3)) km² (geodesic area on WGS 84)")
        }
    }
}
