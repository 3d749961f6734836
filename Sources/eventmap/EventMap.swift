import ArgumentParser

/// The `eventmap` command: subcommands only; each lives in its own file under Commands/.
@main
struct EventMap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eventmap",
        abstract: "Place, measure and map conflict events: geodesic answers on WGS 84, GIS-ready output.",
        discussion: """
            Distances and areas are geodesics on the WGS 84 ellipsoid (GeographicLib through PROJ). \
            Coordinates are written LAT,LON in decimal degrees, as GeographicLib's GeodSolve and most \
            map sites show them.
            """,
        version: EventMapVersion.current,
        subcommands: [
            DistanceCommand.self,
            NearestCommand.self,
            WithinCommand.self,
            BufferCommand.self,
            AreaCommand.self,
            GeocodeCommand.self,
            PlacesCommand.self,
            GazetteerCommand.self,
            GeoparseCommand.self,
            EventsCommand.self,
            CheckCommand.self,
            AnalyzeCommand.self,
            RenderCommand.self,
            ExportCommand.self,
        ]
    )

    /// Negative coordinates work as typed (`distance -33.9,18.4 51.5,-0.1`): an argument that starts
    /// with a minus and a digit is a number, not an option, so its minus becomes U+2212 (which
    /// every coordinate parser reads as a minus) before the arguments are parsed.
    static func main() {
        main(CommandLine.arguments.dropFirst().map(NegativeNumberArgument.protect))
    }
}

/// The rewrite that keeps negative numbers from being read as options.
enum NegativeNumberArgument {
    static func protect(_ argument: String) -> String {
        let s = argument.unicodeScalars
        guard s.count >= 2, s.first == "-", let second = s.dropFirst().first,
              ("0"..."9").contains(second) || second == "." else { return argument }
        return "\u{2212}" + String(argument.dropFirst())
    }
}

enum EventMapVersion {
    static let current = "0.1.0"
}
