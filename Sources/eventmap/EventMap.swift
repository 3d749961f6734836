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
}

enum EventMapVersion {
    static let current = "0.1.0"
}
