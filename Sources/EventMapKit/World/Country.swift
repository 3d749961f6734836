import GeoCore

/// A country (a Natural Earth admin-0 unit) with its polygons.
public struct Country: Sendable {
    /// Natural Earth's ADM0_A3, e.g. SYR: the code borders are named by.
    public let code: String
    /// ISO 3166-1 alpha-2 (e.g. SY), empty where none is assigned.
    public let iso2: String
    /// ISO 3166-1 alpha-3 (usually equal to `code`), empty where none is assigned.
    public let iso3: String
    public let name: String
    /// Every name a user may type for it: Natural Earth's names in several languages, then the
    /// curated aliases of geodata/world/country-aliases.csv.
    public let names: [String]
    /// Polygons (exterior ring counter-clockwise, then holes), edges geodesic.
    public let geometry: Geometry

    public init(code: String, iso2: String, iso3: String, name: String, names: [String], geometry: Geometry) {
        self.code = code; self.iso2 = iso2; self.iso3 = iso3; self.name = name; self.names = names; self.geometry = geometry
    }

    /// The polygon prepared for containment and boundary distance (milliseconds: done on demand).
    public func prepared() -> GeodesicArea { GeodesicArea(geometry) }
}
