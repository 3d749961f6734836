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

    /// What a cell learned: its items, nearest to its centre first, each with a lower bound of its
    /// distance from the centre (rounded down), and the cell's radius (`centreRadiusMetres`).
    public struct Candidates {
        struct Entry {
            var lowerAtCentre: Float
            var item: Int32
        }

        let entries: UnsafeBufferPointer<Entry>
        public let radiusMetres: Double

        /// Calls `body` for the items in order until none left can lie within `bound` of a point
        /// of the cell: an item's distance from any point of the cell is at least its bound at the
        /// centre less the radius (the bounds used are 1-Lipschitz chords). `body` may lower `bound`.
        @inline(__always)
        public func visit(_ bound: inout Double, _ body: (Int, inout Double) -> Void) {
            for e in entries {
                if Double(e.lowerAtCentre) - radiusMetres > bound { return }
                body(Int(e.item), &bound)
            }
        }
    }

    /// The candidates learned for a point's cell (`key`, nil for a point with none), or nil (search everything). The point that
    /// brings its cell to the threshold has `learn` make the cell's list first: every item that
    /// could be nearest to a point of the cell, with a lower bound of its chord distance from
    /// the cell's centre (nil: too many, search everything there for good).
    @inline(__always)
    public func candidates(at key: CellGrid.Key?, learn: (BoundingBox) -> [(item: Int32, lowerAtCentre: Double)]?) -> Candidates? {
        guard let key else { return nil }
        let c = key.cell
        let tile = tiles.tile(key.tile)
        var state = tile.state(c)
        if state <= Tile.usesTree {
            guard tile.count(c, seen: state) else { return nil }
            let box = key.box
            tile.learn(c, learn(box), radius: box.centreRadiusMetres)
            state = tile.state(c)
        }
        guard state > Tile.usesTree, let raw = UnsafeRawPointer(bitPattern: state) else { return nil }
        let header = raw.assumingMemoryBound(to: Tile.Header.self)
        return Candidates(entries: UnsafeBufferPointer(start: (raw + MemoryLayout<Tile.Header>.stride).assumingMemoryBound(to: Candidates.Entry.self),
                                                       count: header.pointee.count),
                          radiusMetres: header.pointee.radius)
    }

    /// One tile's cells. A cell's state is one atomic: -n (n points searched in full so far), 1
    /// (too many candidates: search in full for good), or the address of its candidate list
    /// (a header, then the entries), written once and freed with the tile.
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
                if s > Self.usesTree { UnsafeMutableRawPointer(bitPattern: s)?.deallocate() }
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

        struct Header {
            var count: Int
            var radius: Double
        }

        /// Publishes a cell's candidates, nearest first (nil: search in full for good).
        func learn(_ c: Int, _ candidates: [(item: Int32, lowerAtCentre: Double)]?, radius: Double) {
            guard let candidates else { states[c].store(Self.usesTree, ordering: .releasing); return }
            let sorted = candidates.sorted { ($0.lowerAtCentre, $0.item) < ($1.lowerAtCentre, $1.item) }
            let bytes = MemoryLayout<Header>.stride + sorted.count * MemoryLayout<Candidates.Entry>.stride
            let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: MemoryLayout<Header>.alignment)
            raw.initializeMemory(as: Header.self, to: Header(count: sorted.count, radius: radius))
            let entries = (raw + MemoryLayout<Header>.stride).bindMemory(to: Candidates.Entry.self, capacity: sorted.count)
            for (k, e) in sorted.enumerated() {
                // Rounded down, so that the bound stays a lower bound.
                var f = Float(e.lowerAtCentre)
                if Double(f) > e.lowerAtCentre { f = f.nextDown }
                (entries + k).initialize(to: Candidates.Entry(lowerAtCentre: f, item: e.item))
            }
            states[c].store(Int(bitPattern: raw), ordering: .releasing)
        }
    }
}

extension BoxTree {
    /// Calls `body` for each item that may lie within `bound` of `q`: a cell's learned
    /// `candidates` when there are some, else the items of every leaf within `bound`. `body`
    /// checks each item's own bound and may lower `bound`.
    @inline(__always)
    public func visit(_ q: EarthCentred, _ bound: inout Double, among candidates: CandidateCells.Candidates?,
                      _ body: (Int, inout Double) -> Void) {
        if let candidates {
            candidates.visit(&bound, body)
        } else {
            search(q, bound: &bound) { range, bound in
                for i in range { body(i, &bound) }
            }
        }
    }
}
