import ArgumentParser
import EventMapKit
import GeoCore

/// `eventmap distance A B`: the geodesic between two points.
struct DistanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distance",
        abstract: "Geodesic distance and azimuths between two points on WGS 84.",
        discussion: """
            A and B are place names or ids from the gazetteer, or LAT,LON in decimal degrees. The distance is the WGS 84 geodesic \
            (GeographicLib's geod_inverse through PROJ); the azimuths are degrees clockwise from \
            north, at A (GeodSolve's azi1) and at B (azi2). Negative coordinates need '--' first, \
            e.g. eventmap distance -- -33.9,18.4 51.5,-0.1

            Examples:
              eventmap distance 36.1168,36.51522 35.93062,36.63393
              eventmap distance 36.1168,36.51522 35.93062,36.63393 --json
            """
    )

    @Argument(help: "The start: a place name or id, or LAT,LON in decimal degrees.")
    var a: String

    @Argument(help: "The end: a place name or id, or LAT,LON in decimal degrees.")
    var b: String

    @OptionGroup var dataOptions: DataOptions

    @Flag(help: "Print a JSON object (distance_m, azimuth_deg, ...) instead of text.")
    var json = false

    func run() throws {
        let from: LonLat, to: LonLat
        if LonLat.looksLikeCoordinate(a) && LonLat.looksLikeCoordinate(b) {
            // Two coordinates need no gazetteer: works anywhere, even without the bundled data.
            from = try Self.coordinate(a, named: "A")
            to = try Self.coordinate(b, named: "B")
        } else {
            let gazetteer = try dataOptions.loadGazetteer()
            from = try gazetteer.point(a, argument: "argument A").position
            to = try gazetteer.point(b, argument: "argument B").position
        }
        let g = Geodesic.inverse(from, to)
        if json {
            Printing.json([
                "from": ["lat": .number(from.lat), "lon": .number(from.lon)],
                "to": ["lat": .number(to.lat), "lon": .number(to.lon)],
                "distance_m": .number(g.distanceMetres),
                "distance_km": .number(g.distanceMetres / 1000),
                "azimuth_deg": .number(g.initialAzimuthDegrees),
                "azimuth2_deg": .number(g.finalAzimuthDegrees),
                "method": "WGS 84 geodesic (GeographicLib geod_inverse via PROJ)",
            ])
        } else {
            print(Printing.table(["", ""], [
                ["From", from.description],
                ["To", to.description],
                ["Distance", Printing.metres(g.distanceMetres)],
                ["Azimuth at A", Printing.azimuth(g.initialAzimuthDegrees)],
                ["Azimuth at B", Printing.azimuth(g.finalAzimuthDegrees)],
            ]).split(separator: "\n").dropFirst().joined(separator: "\n"))
        }
    }

    static func coordinate(_ text: String, named name: String) throws -> LonLat {
        do {
            return try LonLat(parsingLatLon: text)
        } catch {
            throw CLIError("argument \(name): \(error.description).")
        }
    }
}
