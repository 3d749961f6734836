import GeoCore
import Synchronization

/// One 2° tile of `CountryLocator`'s grid, cut into cells of 1/32° (about 3 km) that learn, as
/// points fall into them, which country holds all of a cell: once `threshold` points of a cell
/// have been located one by one, the cell is settled (proved wholly inside one country, wholly at
/// sea, or mixed, which stays point by point), and later points in it cost one load.
///
/// Shared by the worker threads: each cell's state is one atomic, and a settled state never
/// changes, so a cell settled twice by two threads gets the same value twice.
final class CountryTile: @unchecked Sendable {
    static let side = 64
    static let cellDegrees = 2.0 / Double(side)
    /// Points located one by one in a cell before it is settled: cells met once or twice (sparse
    /// data) cost nothing extra.
    static let threshold: Int32 = 4

    /// A state: ≥ 0 the country (an index into the locator's entries); else one of these, or
    /// `unknown - n` for a cell not yet settled that has seen n points.
    static let sea: Int32 = -1, mixed: Int32 = -2, unknown: Int32 = -3

    let west: Double, south: Double
    private let states: UnsafeMutablePointer<Atomic<Int32>>

    init(west: Double, south: Double) {
        self.west = west
        self.south = south
        states = .allocate(capacity: Self.side * Self.side)
        for c in 0..<Self.side * Self.side { (states + c).initialize(to: Atomic(Self.unknown)) }
    }

    deinit {
        states.deinitialize(count: Self.side * Self.side)
        states.deallocate()
    }

    /// The cell holding `p`, a point of this tile (clamped at the tile's edges).
    @inline(__always) func cell(of p: LonLat) -> Int {
        let x = min(Self.side - 1, max(0, Int((p.lon - west) / Self.cellDegrees)))
        let y = min(Self.side - 1, max(0, Int((p.lat - south) / Self.cellDegrees)))
        return y * Self.side + x
    }

    /// A cell's extent.
    func box(ofCell c: Int) -> BoundingBox {
        let x = Double(c % Self.side), y = Double(c / Self.side)
        return BoundingBox(west: west + x * Self.cellDegrees, south: south + y * Self.cellDegrees,
                           east: west + (x + 1) * Self.cellDegrees, north: south + (y + 1) * Self.cellDegrees)
    }

    @inline(__always) func state(_ c: Int) -> Int32 { states[c].load(ordering: .relaxed) }

    /// Counts a point located one by one in an unsettled cell whose state was `seen`; true for the
    /// point that reaches the threshold (it settles the cell). A count lost to a race only delays that.
    func count(_ c: Int, seen: Int32) -> Bool {
        guard seen <= Self.unknown, seen > Self.unknown - Self.threshold else { return false }
        return states[c].compareExchange(expected: seen, desired: seen - 1, ordering: .relaxed).exchanged
            && seen - 1 == Self.unknown - Self.threshold
    }

    func settle(_ c: Int, _ state: Int32) { states[c].store(state, ordering: .relaxed) }
}
