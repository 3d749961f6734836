import Synchronization

/// Per-cell candidate lists for nearest queries over millions of points: once a few points of a
/// cell of `CellGrid` have been answered by a full search, the cell learns the few items (border
/// pieces, places) that could be the nearest to any point of it, and later points there test only
/// those. Sparse points cost nothing extra. Sendable: the cells are shared by the worker threads.
public final class CandidateCells: Sendable {
    private let tiles = TileTable { _ in Tile() }
    /// Points answered by a full search in a cell before it learns its candidates.
    static let threshold = 4

    public init() {}

    /// The candidates learned for the cell of `p`, or nil (search everything). The point that
    /// brings its cell to the threshold has `learn` make the cell's list first (nil: too many,
    /// search everything there for good).
    @inline(__always)
    public func candidates(at p: LonLat, learn: (BoundingBox) -> [Int32]?) -> UnsafeBufferPointer<Int32>? {
        guard p.lon.isFinite, p.lat.isFinite else { return nil }
        let k = CellGrid.tile(lon: p.lon, lat: p.lat)
        let c = CellGrid.cell(of: p, inTile: k)
        let tile = tiles.tile(k)
        var state = tile.state(c)
        if state <= Tile.usesTree {
            guard tile.count(c, seen: state) else { return nil }
            tile.learn(c, learn(CellGrid.box(ofCell: c, inTile: k)))
            state = tile.state(c)
        }
        guard state > Tile.usesTree, let list = UnsafePointer<Int32>(bitPattern: state) else { return nil }
        return UnsafeBufferPointer(start: list + 1, count: Int(list[0]))
    }

    /// One tile's cells. A cell's state is one atomic: -n (n points searched in full so far), 1
    /// (too many candidates: search in full for good), or the address of its candidate list
    /// (count first, then the items), written once and freed with the tile.
    final class Tile: @unchecked Sendable {
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

        /// Counts a point searched in full in a cell whose state was `seen`; true for the point
        /// that reaches the threshold (it alone has the cell learn). A count lost to a race only delays that.
        func count(_ c: Int, seen: Int) -> Bool {
            guard seen <= 0, seen > -CandidateCells.threshold else { return false }
            return states[c].compareExchange(expected: seen, desired: seen - 1, ordering: .relaxed).exchanged
                && seen - 1 == -CandidateCells.threshold
        }

        /// Publishes a cell's candidates (nil: search in full for good).
        func learn(_ c: Int, _ candidates: [Int32]?) {
            guard let candidates else { states[c].store(Self.usesTree, ordering: .releasing); return }
            let list = UnsafeMutablePointer<Int32>.allocate(capacity: candidates.count + 1)
            list[0] = Int32(candidates.count)
            for (k, i) in candidates.enumerated() { list[k + 1] = i }
            states[c].store(Int(bitPattern: list), ordering: .releasing)
        }
    }
}
