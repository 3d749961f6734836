import GeoCore

/// An event whose coordinates lie outside the country its row declares (a known fault of
/// conflict datasets: swapped or truncated coordinates, a namesake elsewhere), found before it is
/// mapped: where it lies instead and how far it is from the declared country.
public struct PlacementCheck: Sendable {
    public let event: Event
    /// The country the row names (its `country` column), as the world data knows it.
    public let declared: World.CountryEntry
    /// The country the coordinates lie in (geodesic-edge containment); nil at sea.
    public let foundIn: World.CountryEntry?
    /// The geodesic distance from the event to the declared country, metres.
    public let distanceMetres: Double

    /// The events lying outside their declared country. Rows whose country the world data does not
    /// know are returned in `unknownCountry` (never dropped silently).
    public static func misplaced(_ events: [Event], world: World) -> (misplaced: [PlacementCheck], unknownCountry: [Event]) {
        let locator = CountryLocator(world: world)
        var resolved: [String: World.CountryEntry?] = [:]
        var out: [PlacementCheck] = [], unknown: [Event] = []
        for e in events where !e.country.isEmpty {
            // Each distinct country value resolved once (a lookup by name folds every country's names).
            let entry = resolved[e.country] ?? world.countryEntry(e.country)
            resolved[e.country] = .some(entry)
            guard let declared = entry else { unknown.append(e); continue }
            let found = locator.country(of: e.position)
            if found?.code == declared.code { continue }
            guard let d = locator.area(code: declared.code)?.distance(from: e.position), !d.isInside else { continue }  // on the shared boundary
            out.append(PlacementCheck(event: e, declared: declared, foundIn: found, distanceMetres: d.distanceMetres))
        }
        return (out, unknown)
    }
}
