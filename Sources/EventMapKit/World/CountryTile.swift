import GeoCore
import Synchronization

/// One tile of `CountryLocator`'s `CellGrid`: its cells of 1/32° (about 3 km) learn, as
/// points fall into them, which country holds all of a cell: once `threshold` points of a cell
/// have been located one by one, the cell is settled (proved wholly inside one country, wholly at
/// sea, or mixed, which stays point by point), and later points in it cost one load.
///
/// Shared by the worker threads: each cell's state is one atomic, and a settled state never
/// changes, so a cell settled twice by two threads gets the same value twice.
final class CountryTile: @unchecked Sendable {
    /// Points located one by one in a cell before it is settled: cells met once or twice (sparse
    /// data) cost nothing extra.
    static let threshold: Int32 = 4

    /// A state: ≥ 0 the country (an index into the locator's entries); else one of these, or
    /// `unknown - n` for a cell not yet settled that has seen n points.
    static let sea: Int32 = -1, mixed: Int32 = -2, unknown: Int32 = -3

    private let states: UnsafeMutablePointer<Atomic<Int32>>

    init() {
        states = .allocate(capacity: CellGrid.cellsPerTile)
        for c in 0..<CellGrid.cellsPerTile { (states + c).initialize(to: Atomic(Self.unknown)) }
    }

    deinit {
        states.deinitialize(count: CellGrid.cellsPerTile)
        states.deallocate()
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
