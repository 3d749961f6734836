import GeoCore

/// A point a user named: a gazetteer place (by name or id) or a bare `LAT,LON`.
public struct NamedPoint: Sendable, Equatable {
    public let position: LonLat
    /// The place, when the query named one; nil for a bare coordinate.
    public let place: Place?

    /// How to call it in output: the place's name, or the coordinate.
    public var label: String { place?.name ?? position.description }
    /// The uncertainty radius, metres: the place's, or 0 for a typed coordinate (taken as exact).
    public var uncertaintyMetres: Double { place?.uncertaintyMetres ?? 0 }
    public var isApproximate: Bool { place?.isApproximate ?? false }
}

extension Gazetteer {
    /// Resolves a name, an id or `LAT,LON` to a point. A text that looks like a coordinate but is
    /// malformed is an error about the coordinate, never a name lookup.
    public func resolvePoint(_ query: String) throws(PlaceLookupError) -> NamedPoint {
        if LonLat.looksLikeCoordinate(query) {
            do { return NamedPoint(position: try LonLat(parsingLatLon: query), place: nil) } catch {
                throw .badCoordinate(query: query, reason: error.reason)
            }
        }
        let p = try lookup(query)
        return NamedPoint(position: p.position, place: p)
    }
}
