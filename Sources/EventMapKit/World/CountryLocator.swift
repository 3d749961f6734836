import Foundation
import GeoCore
import Synchronization

/// Which country a point lies in, for millions of points (the `country` column of `analyze`):
/// countries with a polygon near the point whose box (widened by half a degree, beyond any bulge
/// of their geodesic edges) holds the point are tested by geodesic-edge containment
/// (`GeodesicArea`), each prepared once, on first use. Points at sea lie in none. Where points are
/// dense, cells of 1/32° that lie wholly in one country (or at sea) learn it (`CountryTile`), so
/// that most points cost one lookup. Sendable: the prepared areas and tiles are shared by the workers.
public final class CountryLocator: Sendable {
    /// The countries, in the world's order (a point on a shared boundary goes to the first listed).
    public let entries: [World.CountryEntry]
    /// Every country's polygons, decoded once here, so that the workers never touch the world's
    /// vertex bytes (and the world's file data is not kept alive by the workers).
    private let countries: [Country]
    private let boxes: [BoundingBox]
    /// Every country's polygon boxes, widened likewise: a cell meeting none lies outside the country.
    private let polygonBoxes: [[BoundingBox]]
    /// For each 2° tile of `CellGrid`, the countries with a polygon whose box (widened
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
    /// The tiles met so far (`CellGrid`), whose cells learn their country.
    private let tiles = TileTable { _ in CountryTile() }

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
        polygonBoxes = countries.map { c in
            c.geometry.polygons.compactMap { $0.first.flatMap { BoundingBox($0) }?.widened(byFraction: 0, minimumDegrees: 0.5) }
        }
        (cellStart, cellCountries) = Self.cells(polygonBoxes)
        prepared = world.countryEntries.map { _ in Slot() }
    }

    /// The cells' country lists (each country once per cell, in order) from every country's polygon boxes.
    private static func cells(_ boxes: [[BoundingBox]]) -> ([Int32], [Int32]) {
        let columns = CellGrid.columns, cellCount = CellGrid.tileCount
        var counts = [Int32](repeating: 0, count: cellCount + 1)
        var last = [Int32](repeating: -1, count: cellCount)  // the last country added to each cell
        func each(_ i: Int, _ body: (Int) -> Void) {
            for b in boxes[i] where b.west <= b.east && b.south <= b.north {
                let lo = CellGrid.tile(lon: b.west, lat: b.south), hi = CellGrid.tile(lon: b.east, lat: b.north)
                for y in (lo / columns)...(hi / columns) {
                    for x in (lo % columns)...(hi % columns) where last[y * columns + x] != Int32(i) {
                        last[y * columns + x] = Int32(i)
                        body(y * columns + x)
                    }
                }
            }
        }
        for i in boxes.indices { each(i) { counts[$0 + 1] += 1 } }
        for k in 0..<cellCount { counts[k + 1] += counts[k] }
        var fill = counts
        var list = [Int32](repeating: 0, count: Int(counts[cellCount]))
        last = Array(repeating: -1, count: cellCount)
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
        index(of: p, CellGrid.Key(p), area: preparedArea)
    }

    /// `countryIndex(of:)` for many points (a block of events): the lock that guards the prepared
    /// areas is taken once per country met, not once per point, so workers do not contend for it.
    public func countryIndices(of points: [LonLat]) -> [Int?] {
        countryIndices(of: points, keys: points.map(CellGrid.Key.init))
    }

    /// The same with the points' cells found by the caller (`CellGrid.Key`, once per event).
    public func countryIndices(of points: [LonLat], keys: [CellGrid.Key?]) -> [Int?] {
        var met = [PreparedArea?](repeating: nil, count: entries.count)
        return zip(points, keys).map { p, key in
            index(of: p, key) { i in
                if let a = met[i] { return a }
                let a = preparedArea(i)
                met[i] = a
                return a
            }
        }
    }

    @inline(__always)
    private func index(of p: LonLat, _ key: CellGrid.Key?, area: (Int) -> PreparedArea) -> Int? {
        guard let key else { return nil }
        let k = key.tile, c = key.cell
        guard cellStart[k] < cellStart[k + 1] else { return nil }
        return tiles.withTile(k) { t in
            let state = t.state(c)
            if state >= 0 { return Int(state) }
            if state == CountryTile.sea { return nil }
            let found = pointIndex(of: p, k, area: area)
            if t.count(c, seen: state) { t.settle(c, settled(key.box, k, area: area)) }
            return found
        }
    }

    /// The country of one point, testing tile k's countries in order.
    @inline(__always)
    private func pointIndex(of p: LonLat, _ k: Int, area: (Int) -> PreparedArea) -> Int? {
        for j in Int(cellStart[k])..<Int(cellStart[k + 1]) {
            let i = Int(cellCountries[j])
            if boxes[i].contains(p) && area(i).area.contains(p) { return i }
        }
        return nil
    }

    /// The state of a cell of tile k, proved for every point of it: tile k's countries are taken
    /// in order; a cell meeting none of a country's polygon boxes is outside it; else, when its
    /// boundary lies farther from the cell's centre than any point of the cell (so that no
    /// boundary crosses the cell), the whole cell is on the centre's side; else it is mixed.
    private func settled(_ cell: BoundingBox, _ k: Int, area: (Int) -> PreparedArea) -> Int32 {
        let centre = cell.centre, radius = cell.centreRadiusMetres
        for j in Int(cellStart[k])..<Int(cellStart[k + 1]) {
            let i = Int(cellCountries[j])
            guard polygonBoxes[i].contains(where: { $0.intersects(cell) }) else { continue }
            let a = area(i).area
            if a.boundary.mayLieWithin(radius, of: centre) { return CountryTile.mixed }
            if a.contains(centre) { return Int32(i) }
        }
        return CountryTile.sea
    }
}
