import GeoCore

/// The geodesic from a place to the nearest point of the border (the "about 10 km" of the
/// reports): the measurement (`TargetDistance`, exact along the border's geodesic edges) and the
/// line the detail map draws.
public struct BorderDistance: Sendable {
    public let place: Place
    public let measurement: TargetDistance

    public init(place: Place, borders: LandBorderSet) {
        self.place = place
        measurement = TargetDistance(from: NamedPoint(position: place.position, place: place), to: .borders(borders))
    }

    public var distanceMetres: Double { measurement.distanceMetres }

    /// The geodesic itself with a vertex every 250 m, so that any GIS draws it true.
    public var line: [LonLat] { Geodesic.densify([place.position, measurement.nearest], maximumStepMetres: 250) }

    /// "10.4 km" (or "850 m") for a map label.
    public var shortLength: String {
        distanceMetres >= 1000 ? JSONWriter.format(distanceMetres / 1000, decimals: 1) + " km" : JSONWriter.format(distanceMetres, decimals: 0) + " m"
    }
}
