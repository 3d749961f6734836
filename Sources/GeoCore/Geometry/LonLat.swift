/// A WGS 84 position, longitude first (OGC:CRS84), in decimal degrees: the order GeoJSON stores.
public struct LonLat: Sendable, Hashable, Codable, CustomStringConvertible {
    public var lon: Double
    public var lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    /// True when both values are finite and latitude lies in -90...90, longitude in -180...180.
    public var isValid: Bool {
        lon.isFinite && lat.isFinite && (-90.0...90.0).contains(lat) && (-180.0...180.0).contains(lon)
    }

    /// "lat,lon" as people and GeodSolve write it, 6 decimals (about 0.1 m).
    public var description: String {
        "\(JSONWriter.format(lat, decimals: 6)),\(JSONWriter.format(lon, decimals: 6))"
    }
}
