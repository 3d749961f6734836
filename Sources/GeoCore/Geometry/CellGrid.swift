import Synchronization

/// The longitude/latitude grid behind the per-cell caches of the batch queries: 2° tiles (180
/// columns, 90 rows), each cut into 64 × 64 cells of 1/32° (about 3.5 km), made on first use.
public enum CellGrid {
    public static let columns = 180, rows = 90
    public static let tileCount = columns * rows
    public static let side = 64
    public static let cellsPerTile = side * side
    public static let cellDegrees = 2.0 / Double(side)

    /// The tile of a longitude and latitude, clamped to the grid (finite values only). Clamped
    /// first, the offsets are non-negative: truncation is the floor.
    @inlinable public static func tile(lon: Double, lat: Double) -> Int {
        let x = Int(min(Double(columns - 1), max(0, (lon + 180) / 2)))
        let y = Int(min(Double(rows - 1), max(0, (lat + 90) / 2)))
        return y * columns + x
    }

    /// The cell of `p` within tile `k` (clamped at the tile's edges, so that the poles and the
    /// antimeridian fall in the last row and column).
    @inlinable public static func cell(of p: LonLat, inTile k: Int) -> Int {
        let west = Double(k % columns) * 2 - 180, south = Double(k / columns) * 2 - 90
        let x = Int(min(Double(side - 1), max(0, (p.lon - west) / cellDegrees)))
        let y = Int(min(Double(side - 1), max(0, (p.lat - south) / cellDegrees)))
        return y * side + x
    }

    /// A point's tile and its cell within it, found once per point for every cache that uses the grid.
    public struct Key: Sendable {
        public let tile: Int
        public let cell: Int

        /// Nil for a point that is not finite (it has no cell).
        @inlinable public init?(_ p: LonLat) {
            guard p.lon.isFinite, p.lat.isFinite else { return nil }
            tile = CellGrid.tile(lon: p.lon, lat: p.lat)
            cell = CellGrid.cell(of: p, inTile: tile)
        }

        /// The cell's extent.
        public var box: BoundingBox { CellGrid.box(ofCell: cell, inTile: tile) }
    }

    /// The extent of cell `c` of tile `k`.
    public static func box(ofCell c: Int, inTile k: Int) -> BoundingBox {
        let west = Double(k % columns) * 2 - 180, south = Double(k / columns) * 2 - 90
        let x = Double(c % side), y = Double(c / side)
        return BoundingBox(west: west + x * cellDegrees, south: south + y * cellDegrees,
                           east: west + (x + 1) * cellDegrees, north: south + (y + 1) * cellDegrees)
    }
}

/// One value per tile of `CellGrid`, made on first use and then found without a lock: each slot
/// is an atomic pointer; two threads making the same tile at once keep the first one published.
public final class TileTable<Tile: AnyObject & Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Atomic<UnsafeMutableRawPointer?>>
    private let make: @Sendable (Int) -> Tile

    public init(make: @escaping @Sendable (Int) -> Tile) {
        self.make = make
        slots = .allocate(capacity: CellGrid.tileCount)
        for k in 0..<CellGrid.tileCount { (slots + k).initialize(to: Atomic(nil)) }
    }

    deinit {
        for k in 0..<CellGrid.tileCount {
            if let raw = slots[k].load(ordering: .relaxed) { Unmanaged<Tile>.fromOpaque(raw).release() }
        }
        slots.deinitialize(count: CellGrid.tileCount)
        slots.deallocate()
    }

    /// `body` with tile `k`, made now if no thread has made it yet. The tile is lent, not
    /// retained: the table keeps every tile until it goes, and two workers counting references
    /// to one tile would trade its cache line at every point.
    @inline(__always) public func withTile<R>(_ k: Int, _ body: (Tile) -> R) -> R {
        let raw = slots[k].load(ordering: .acquiring) ?? publish(k)
        return Unmanaged<Tile>.fromOpaque(raw)._withUnsafeGuaranteedRef(body)
    }

    /// Makes tile `k` and publishes it, unless another thread did first: the one published.
    private func publish(_ k: Int) -> UnsafeMutableRawPointer {
        let fresh = Unmanaged.passRetained(make(k))
        let (exchanged, original) = slots[k].compareExchange(expected: nil, desired: fresh.toOpaque(), ordering: .acquiringAndReleasing)
        if exchanged { return fresh.toOpaque() }
        fresh.release()
        return original!
    }
}
