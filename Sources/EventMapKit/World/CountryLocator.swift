import Foundation
import GeoCore
import Synchronization

/// Which country a point lies in, for millions of points (the `country` column of `analyze`):
/// countries with a polygon near the point whose box (widened by half a degree, beyond any bulge
/// of their geodesic edges) holds the point are tested by geodesic-edge containment (`GeodesicArea`), each prepared once, on first
/// use. Points at sea lie in none. Sendable: the prepared areas are shared by the workers.
public final class CountryLocator: Sendable {
    /// The countries, in the world's order (a point on a shared boundary goes to the first listed).
    public let entries: [World.CountryEntry]
    /// Every country's polygons, decoded once here (tens of milliseconds), so that the workers
    /// never touch the world's vertex bytes.
    private let countries: [Country]
    private let boxes: [BoundingBox]
    /// For each 2° cell of longitude and latitude, the countries with a polygon whose box (widened
    /// likewise) meets it, in order (cell k's are `cellCountries[cellStart[k]..<cellStart[k + 1]]`):
    /// a point tests only those. By polygon, not by country: the United States' box (the
    /// Aleutians) and France's (its overseas regions) cover Syria, and one event at sea there
    /// would otherwise prepare both (~0.4 s).
    private let cellStart: [Int32]
    private let cellCountries: [Int32]
    /// Prepared areas by country, nil until first needed; each built under its own lock, so that
    /// workers meeting a country at the same moment wait for one build instead of each preparing
    /// it, and no worker waits for a country it does not need.
    private let prepared: [Slot]

    /// A prepared area behind a reference: handing it out of the lock is one retain, not a copy.
    private final class PreparedArea: Sendable {
        let area: GeodesicArea
        init(_ area: GeodesicArea) { self.area = area }
    }

    private final class Slot: Sendable {
        let area = Mutex<PreparedArea?>(nil)
    }

    public init(world: World) {
        entries = world.countryEntries
        countries = world.countryEntries.map(world.country(of:))
        boxes = world.countryEntries.map { $0.bbox.widened(byFraction: 0, minimumDegrees: 0.5) }
        let polygonBoxes = countries.map { c in
            c.geometry.polygons.compactMap { $0.first.flatMap { BoundingBox($0) }?.widened(byFraction: 0, minimumDegrees: 0.5) }
        }
        (cellStart, cellCountries) = Self.cells(polygonBoxes)
        prepared = world.countryEntries.map { _ in Slot() }
    }

    private static let columns = 180, rows = 90

    /// The 2° cell of a longitude and latitude, clamped to the grid.
    @inline(__always) private static func cell(lon: Double, lat: Double) -> Int {
        let x = min(columns - 1, max(0, Int(((lon + 180) / 2).rounded(.down))))
        let y = min(rows - 1, max(0, Int(((lat + 90) / 2).rounded(.down))))
        return y * columns + x
    }

    /// The cells' country lists (each country once per cell, in order) from every country's polygon boxes.
    private static func cells(_ boxes: [[BoundingBox]]) -> ([Int32], [Int32]) {
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        var last = [Int32](repeating: -1, count: columns * rows)  // the last country added to each cell
        func each(_ i: Int, _ body: (Int) -> Void) {
            for b in boxes[i] where b.west <= b.east && b.south <= b.north {
                let lo = cell(lon: b.west, lat: b.south), hi = cell(lon: b.east, lat: b.north)
                for y in (lo / columns)...(hi / columns) {
                    for x in (lo % columns)...(hi % columns) where last[y * columns + x] != Int32(i) {
                        last[y * columns + x] = Int32(i)
                        body(y * columns + x)
                    }
                }
            }
        }
        for i in boxes.indices { each(i) { counts[$0 + 1] += 1 } }
        for k in 0..<columns * rows { counts[k + 1] += counts[k] }
        var fill = counts
        var list = [Int32](repeating: 0, count: Int(counts[columns * rows]))
        last = Array(repeating: -1, count: columns * rows)
        for i in boxes.indices { each(i) { k in list[Int(fill[k])] = Int32(i); fill[k] += 1 } }
        return (counts, list)
    }

    private func preparedArea(_ i: Int) -> PreparedArea {
        prepared[i].area.withLock { area in
            if let a = area { return a }
            let built = PreparedArea(countries[i].prepared())
            area = built
            return built
        }
    }

    /// A country's prepared area by its code (the same one `country(of:)` tests), or nil.
    public func area(code: String) -> GeodesicArea? {
        entries.firstIndex { $0.code == code }.map { preparedArea($0).area }
    }

    /// The country holding `p` (a point on a shared boundary goes to the first listed), or nil at sea.
    public func country(of p: LonLat) -> World.CountryEntry? {
        countryIndex(of: p).map { entries[$0] }
    }

    /// The same as an index into `entries`.
    public func countryIndex(of p: LonLat) -> Int? {
        index(of: p, area: preparedArea)
    }

    /// `countryIndex(of:)` for many points (a block of events): the lock that guards the prepared
    /// areas is taken once per country met, not once per point, so workers do not contend for it.
    public func countryIndices(of points: [LonLat]) -> [Int?] {
        var met = [PreparedArea?](repeating: nil, count: entries.count)
        return points.map { p in
            index(of: p) { i in
                if let a = met[i] { return a }
                let a = preparedArea(i)
                met[i] = a
                return a
            }
        }
    }

    @inline(__always)
    private func index(of p: LonLat, area: (Int) -> PreparedArea) -> Int? {
        guard p.lon.isFinite, p.lat.isFinite else { return nil }
        let k = Self.cell(lon: p.lon, lat: p.lat)
        for j in Int(cellStart[k])..<Int(cellStart[k + 1]) {
            let i = Int(cellCountries[j])
            if boxes[i].contains(p) && area(i).area.contains(p) { return i }
        }
        return nil
    }
}
