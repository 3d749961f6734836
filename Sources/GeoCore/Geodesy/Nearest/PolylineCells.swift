/// Nearest-point queries on lines for millions of points, through `CandidateCells`: a cell met by
/// a few points learns the pieces that could hold the nearest point of any of its points
/// (`GeodesicPolyline.candidates(inCell:limit:)`). The same answers as the tree.
public final class PolylineCells: Sendable {
    public let lines: GeodesicPolyline
    private let cells = CandidateCells(anchorValues: GeodesicPolyline.anchorValueCount)
    /// Cells with more candidates than this keep using the tree (far from wiggly lines).
    static let limit = 48

    public init(_ lines: GeodesicPolyline) { self.lines = lines }

    /// `GeodesicPolyline.nearestHit(to:chord:counts:)`, through the cell of `p` (`key`: `CellGrid.Key(p)`).
    public func nearestHit(to p: LonLat, chord q: EarthCentred, key: CellGrid.Key?, counts: inout GeodesicPolyline.SearchCounts) -> GeodesicPolyline.Hit? {
        let among = cells.candidates(at: key) { lines.candidates(inCell: $0, limit: Self.limit) }
        return lines.nearestHit(to: p, chord: q, among: among, counts: &counts)
    }
}
