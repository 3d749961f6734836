import Foundation
import GeoCore
import Synchronization

/// Which country a point lies in, for millions of points (the `country` column of `analyze`):
/// countries whose box (widened by half a degree, beyond any bulge of their geodesic edges) holds
/// the point are tested by geodesic-edge containment (`GeodesicArea`), each prepared once, on first
/// use. Points at sea lie in none. Sendable: the prepared areas are shared by the workers.
public final class CountryLocator: Sendable {
    private let entries: [World.CountryEntry]
    /// Every country's polygons, decoded once here (tens of milliseconds), so that the workers
    /// never touch the world's vertex bytes.
    private let countries: [Country]
    private let boxes: [BoundingBox]
    private let prepared: Mutex<[Int: GeodesicArea]>

    public init(world: World) {
        entries = world.countryEntries
        countries = world.countryEntries.map(world.country(of:))
        boxes = world.countryEntries.map { $0.bbox.widened(byFraction: 0, minimumDegrees: 0.5) }
        prepared = Mutex([:])
    }

    /// Built under the lock: workers that meet a country at the same moment wait for one build
    /// instead of each preparing it (at the start of a run every worker meets the same countries).
    private func area(_ i: Int) -> GeodesicArea {
        prepared.withLock { areas in
            if let a = areas[i] { return a }
            let built = countries[i].prepared()
            areas[i] = built
            return built
        }
    }

    /// A country's prepared area by its code (the same one `country(of:)` tests), or nil.
    public func area(code: String) -> GeodesicArea? {
        entries.firstIndex { $0.code == code }.map(area)
    }

    /// The country holding `p` (a point on a shared boundary goes to the first listed), or nil at sea.
    public func country(of p: LonLat) -> World.CountryEntry? {
        for i in boxes.indices where boxes[i].contains(p) && area(i).contains(p) { return entries[i] }
        return nil
    }
}
