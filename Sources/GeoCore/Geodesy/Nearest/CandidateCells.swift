import Foundation
import Synchronization

/// Per-cell candidate lists for nearest queries over millions of points: once a few points of a
/// cell of `CellGrid` have been answered by a full search, the cell learns the few items (border
/// pieces, places) that could be the nearest to any point of it, and later points there test only
/// those. Sparse points cost nothing extra, except in cells with anchors (see `init`), which learn
/// at their first point. Sendable: the cells are shared by the worker threads.
public final class CandidateCells: Sendable {
    private let tiles: TileTable<Tile>
    /// Points answered by a full search in a cell before it learns its candidates.
    static let threshold = 4
    /// Whether every point waits for its cell's list (and anchors): see `init`.
    private let waits: Bool

    /// `anchorValues`: how many numbers each entry of a cell may solve once, on first need, and
    /// share (`Candidates.anchor`); none by default. Cells with anchors learn at their first
    /// point, and a point whose cell (or anchor) another thread is making waits for it, so that
    /// every point of a cell is answered the same way whatever the order, the threads or the
    /// partition of the input: an answer measured from an anchor may differ from the full
    /// search's in its last micrometres, and an output must not depend on which was used.
    public init(anchorValues: Int = 0) {
        waits = anchorValues > 0
        let threshold = anchorValues > 0 ? 1 : Self.threshold
        tiles = TileTable { _ in Tile(anchorValues: anchorValues, threshold: threshold) }
    }

    /// What a cell learned: its items, nearest to its centre first, each with a lower bound of its
    /// distance from the centre (rounded down), and the cell's radius (`centreRadiusMetres`).
    public struct Candidates {
        struct Entry {
            var lowerAtCentre: Float
            var item: Int32
        }

        let entries: UnsafeBufferPointer<Entry>
        public let radiusMetres: Double
        /// The cell's centre, its earth-centred position and its surface normal.
        public let centre: LonLat
        public let centreChord: EarthCentred, centreNormal: EarthCentred
        let anchors: Anchors?

        /// Calls `body` for the items in order until none left can lie within `bound` of the point
        /// `q` of the cell: an item's bound at q is at least its bound at the centre less the chord
        /// from q to the centre (the bounds used are 1-Lipschitz chords; the chord is at most the
        /// cell's radius). `body` may lower `bound`.
        @inline(__always)
        public func visit(from q: EarthCentred, _ bound: inout Double, _ body: (Int, inout Double) -> Void) {
            visitEntries(from: q, &bound) { item, _, bound in body(item, &bound) }
        }

        /// The same, with each item's entry (for `anchor`).
        @inline(__always)
        public func visitEntries(from q: EarthCentred, _ bound: inout Double, _ body: (Int, Int, inout Double) -> Void) {
            let v = q - centreChord
            // A micrometre above the rounding of the chord and of the bounds.
            let moved = min(radiusMetres, v.dot(v).squareRoot() + 1e-6)
            for (k, e) in entries.enumerated() {
                if Double(e.lowerAtCentre) - moved > bound { return }
                body(Int(e.item), k, &bound)
            }
        }

        /// The numbers entry `k` solved once for all threads, solving them now with `solve` (which
        /// writes them and returns false if it cannot) when none has: nil when they cannot be
        /// solved, when the cells keep none, or while another thread is solving them.
        @inline(__always)
        public func anchor(_ k: Int, solve: (UnsafeMutablePointer<Double>) -> Bool) -> UnsafePointer<Double>? {
            guard let anchors else { return nil }
            let values = anchors.values + k * anchors.count
            var state = anchors.states[k].load(ordering: .acquiring)
            if state == Anchors.unsolved {
                if anchors.states[k].compareExchange(expected: Anchors.unsolved, desired: Anchors.solving, ordering: .relaxed).exchanged {
                    let ok = solve(values)
                    anchors.states[k].store(ok ? Anchors.solved : Anchors.failed, ordering: .releasing)
                    return ok ? UnsafePointer(values) : nil
                }
                state = anchors.states[k].load(ordering: .acquiring)
            }
            while state == Anchors.solving {  // another thread is solving it: the answer must not depend on who
                sched_yield()
                state = anchors.states[k].load(ordering: .acquiring)
            }
            return state == Anchors.solved ? UnsafePointer(values) : nil
        }
    }

    /// Per entry of a cell: a state (unsolved, solving, solved, failed) and `count` numbers.
    struct Anchors {
        static let unsolved = 0, solving = 1, solved = 2, failed = 3
        let states: UnsafeMutablePointer<Atomic<Int>>
        let values: UnsafeMutablePointer<Double>
        let count: Int
    }

    /// The candidates learned for a point's cell (`key`, nil for a point with none), or nil (search everything). The point that
    /// brings its cell to the threshold has `learn` make the cell's list first: every item that
    /// could be nearest to a point of the cell, with a lower bound of its chord distance from
    /// the cell's centre (nil: too many, search everything there for good).
    @inline(__always)
    public func candidates(at key: CellGrid.Key?, learn: (BoundingBox) -> [(item: Int32, lowerAtCentre: Double)]?) -> Candidates? {
        guard let key else { return nil }
        let c = key.cell
        let state = tiles.withTile(key.tile) { tile -> Int? in
            let seen = tile.state(c)
            guard seen <= Tile.usesTree else { return seen }
            if tile.count(c, seen: seen) {
                let box = key.box
                tile.learn(c, learn(box), box: box)
            } else if waits {
                while tile.state(c) <= 0 { sched_yield() }  // another thread is learning the cell
            } else {
                return nil
            }
            return tile.state(c)
        }
        guard let state, state > Tile.usesTree, let raw = UnsafeRawPointer(bitPattern: state) else { return nil }
        let header = raw.assumingMemoryBound(to: Tile.Header.self).pointee
        let entries = UnsafeBufferPointer(start: (raw + MemoryLayout<Tile.Header>.stride).assumingMemoryBound(to: Candidates.Entry.self),
                                          count: header.count)
        let anchors = header.anchorValues == 0 ? nil : Anchors(
            states: UnsafeMutableRawPointer(mutating: raw + header.statesOffset).assumingMemoryBound(to: Atomic<Int>.self),
            values: UnsafeMutableRawPointer(mutating: raw + header.valuesOffset).assumingMemoryBound(to: Double.self),
            count: header.anchorValues)
        return Candidates(entries: entries, radiusMetres: header.radius, centre: header.centre,
                          centreChord: header.centreChord, centreNormal: header.centreNormal, anchors: anchors)
    }

    /// One tile's cells. A cell's state is one atomic: -n (n points searched in full so far), 1
    /// (too many candidates: search in full for good), or the address of its candidate list
    /// (a header, the entries, then their anchors' states and numbers), written once and freed
    /// with the tile.
    final class Tile: @unchecked Sendable {
        static let usesTree = 1
        private let states: UnsafeMutablePointer<Atomic<Int>>
        private let anchorValues: Int
        private let threshold: Int

        init(anchorValues: Int, threshold: Int) {
            self.anchorValues = anchorValues
            self.threshold = threshold
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
            guard seen <= 0, seen > -threshold else { return false }
            return states[c].compareExchange(expected: seen, desired: seen - 1, ordering: .relaxed).exchanged
                && seen - 1 == -threshold
        }

        struct Header {
            var count: Int
            var radius: Double
            var centre: LonLat
            var centreChord: EarthCentred, centreNormal: EarthCentred
            var anchorValues: Int
            var statesOffset: Int, valuesOffset: Int
        }

        /// Publishes a cell's candidates, nearest first (nil: search in full for good).
        func learn(_ c: Int, _ candidates: [(item: Int32, lowerAtCentre: Double)]?, box: BoundingBox) {
            guard let candidates else { states[c].store(Self.usesTree, ordering: .releasing); return }
            let sorted = candidates.sorted { ($0.lowerAtCentre, $0.item) < ($1.lowerAtCentre, $1.item) }
            let n = sorted.count
            let statesOffset = MemoryLayout<Header>.stride + (n * MemoryLayout<Candidates.Entry>.stride + 7) / 8 * 8
            let valuesOffset = statesOffset + (anchorValues > 0 ? n * MemoryLayout<Atomic<Int>>.stride : 0)
            let bytes = valuesOffset + n * anchorValues * MemoryLayout<Double>.stride
            let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: MemoryLayout<Header>.alignment)
            let centre = box.centre, chord = EarthCentred(centre)
            raw.initializeMemory(as: Header.self, to: Header(count: n, radius: box.centreRadiusMetres, centre: centre, centreChord: chord,
                                                             centreNormal: chord.surfaceNormal, anchorValues: anchorValues,
                                                             statesOffset: statesOffset, valuesOffset: valuesOffset))
            if anchorValues > 0 {
                let anchorStates = (raw + statesOffset).bindMemory(to: Atomic<Int>.self, capacity: n)
                for k in 0..<n { (anchorStates + k).initialize(to: Atomic(Anchors.unsolved)) }
                (raw + valuesOffset).bindMemory(to: Double.self, capacity: n * anchorValues).initialize(repeating: 0, count: n * anchorValues)
            }
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
        visitEntries(q, &bound, among: candidates) { item, _, bound in body(item, &bound) }
    }

    /// The same, with each item's entry in `candidates` (-1 from the tree).
    @inline(__always)
    public func visitEntries(_ q: EarthCentred, _ bound: inout Double, among candidates: CandidateCells.Candidates?,
                             _ body: (Int, Int, inout Double) -> Void) {
        if let candidates {
            candidates.visitEntries(from: q, &bound, body)
        } else {
            search(q, bound: &bound) { range, bound in
                for i in range { body(i, -1, &bound) }
            }
        }
    }
}
