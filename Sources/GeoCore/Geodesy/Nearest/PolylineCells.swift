import Synchronization

/// Nearest-point queries on lines for millions of points: once a few points of a cell of
/// `CellGrid` have been answered by the tree, the cell learns the few pieces that could hold the
/// nearest point of any of its points (`GeodesicPolyline.candidates(inCell:limit:)`), and later
/// points there test only those. The same answers as the tree; sparse points cost nothing extra.
/// Sendable: the cells are shared by the worker threads.
public final class PolylineCells: Sendable {
    public let lines: GeodesicPolyline
    private let tiles = TileTable { _ in Tile() }
    /// Cells with more candidates than this keep using the tree (far from wiggly lines).
    static let limit = 48

    public init(_ lines: GeodesicPolyline) { self.lines = lines }

    /// `GeodesicPolyline.nearestHit(to:chord:counts:)`, through the cell of `p`.
    public func nearestHit(to p: LonLat, chord q: EarthCentred, counts: inout GeodesicPolyline.SearchCounts) -> GeodesicPolyline.Hit? {
        guard p.lon.isFinite, p.lat.isFinite else { return lines.nearestHit(to: p, chord: q, among: nil, counts: &counts) }
        let k = CellGrid.tile(lon: p.lon, lat: p.lat)
        let c = CellGrid.cell(of: p, inTile: k)
        let tile = tiles.tile(k)
        let state = tile.state(c)
        if state > Tile.usesTree, let list = UnsafePointer<Int32>(bitPattern: state) {
            return lines.nearestHit(to: p, chord: q, among: UnsafeBufferPointer(start: list + 1, count: Int(list[0])), counts: &counts)
        }
        let hit = lines.nearestHit(to: p, chord: q, among: nil, counts: &counts)
        if tile.count(c, seen: state) {
            tile.learn(c, lines.candidates(inCell: CellGrid.box(ofCell: c, inTile: k), limit: Self.limit))
        }
        return hit
    }

    /// One tile's cells. A cell's state is one atomic: -n (n ≤ `threshold` points answered by
    /// the tree so far), 1 (too many candidates: the tree for good), or the address of its
    /// candidate list (count first, then the pieces), written once and freed with the tile.
    final class Tile: @unchecked Sendable {
        static let threshold = 4
        static let usesTree = 1
        private let states: UnsafeMutablePointer<Atomic<Int>>

        init() {
            states = .allocate(capacity: CellGrid.cellsPerTile)
            for c in 0..<CellGrid.cellsPerTile { (states + c).initialize(to: Atomic(0)) }
        }

        deinit {
            for c in 0..<CellGrid.cellsPerTile {
                let s = states[c].load(ordering: .relaxed)
                if s > Self.usesTree { UnsafeMutablePointer<Int32>(bitPattern: s)?.deallocate() }
            }
            states.deinitialize(count: CellGrid.cellsPerTile)
            states.deallocate()
        }

        @inline(__always) func state(_ c: Int) -> Int { states[c].load(ordering: .acquiring) }

        /// Counts a point answered by the tree in a cell whose state was `seen`; true for the point
        /// that reaches the threshold (it alone learns the cell). A count lost to a race only delays that.
        func count(_ c: Int, seen: Int) -> Bool {
            guard seen <= 0, seen > -Self.threshold else { return false }
            return states[c].compareExchange(expected: seen, desired: seen - 1, ordering: .relaxed).exchanged
                && seen - 1 == -Self.threshold
        }

        /// Publishes a cell's candidates (nil: the tree for good).
        func learn(_ c: Int, _ candidates: [Int32]?) {
            guard let candidates else { states[c].store(Self.usesTree, ordering: .releasing); return }
            let list = UnsafeMutablePointer<Int32>.allocate(capacity: candidates.count + 1)
            list[0] = Int32(candidates.count)
            for (k, i) in candidates.enumerated() { list[k + 1] = i }
            states[c].store(Int(bitPattern: list), ordering: .releasing)
        }
    }
}
