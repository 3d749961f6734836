/// The edges of a polygon's rings sorted into latitude bands, so that even-odd ray casting tests
/// only the edges that can cross a point's parallel (those whose latitude span overlaps its band)
/// instead of every edge: the same answer, in time proportional to the band, not the polygon.
struct LatitudeBands: Sendable {
    private let south: Double
    private let bandHeight: Double
    /// Edge ends, flattened: edge k runs from `ends[2k]` to `ends[2k + 1]`.
    private let ends: [LonLat]
    /// Per band, the edges overlapping it.
    private let bands: [[Int32]]

    init(rings: [[LonLat]], box: BoundingBox) {
        var ends: [LonLat] = []
        for ring in rings where ring.count > 2 {
            var j = ring.count - 1
            for i in 0..<ring.count {
                ends.append(ring[i]); ends.append(ring[j])
                j = i
            }
        }
        let edges = ends.count / 2
        let count = max(1, min(4096, edges / 8))
        south = box.south
        bandHeight = max((box.north - box.south) / Double(count), 1e-12)
        var bands = [[Int32]](repeating: [], count: count)
        for k in 0..<edges {
            let a = ends[2 * k], b = ends[2 * k + 1]
            let lo = Self.band(min(a.lat, b.lat), box.south, bandHeight, count), hi = Self.band(max(a.lat, b.lat), box.south, bandHeight, count)
            for i in lo...hi { bands[i].append(Int32(k)) }
        }
        self.ends = ends
        self.bands = bands
    }

    private static func band(_ lat: Double, _ south: Double, _ h: Double, _ count: Int) -> Int {
        min(count - 1, max(0, Int((lat - south) / h)))
    }

    /// Even-odd ray casting on longitude/latitude over the rings (straight lon/lat edges).
    func contains(_ p: LonLat) -> Bool {
        var inside = false
        for k in bands[Self.band(p.lat, south, bandHeight, bands.count)] {
            let a = ends[2 * Int(k)], b = ends[2 * Int(k) + 1]
            if (a.lat > p.lat) != (b.lat > p.lat), p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon {
                inside.toggle()
            }
        }
        return inside
    }
}
