extension Geodesic {
    /// Adds points along each edge of `line` (edges read as geodesics) until a straight
    /// longitude/latitude segment between neighbours departs from the geodesic by at most
    /// `toleranceMetres` (checked at each edge's midpoint, split in halves as needed).
    /// GIS software draws straight lon/lat segments, so this keeps what it draws on our geodesics.
    public static func densify(_ line: [LonLat], toleranceMetres: Double, maximumDepth: Int = 16) -> [LonLat] {
        guard line.count > 1, toleranceMetres > 0 else { return line }
        var out: [LonLat] = [line[0]]
        out.reserveCapacity(line.count)
        for i in 1..<line.count {
            split(line[i - 1], line[i], toleranceMetres, maximumDepth, &out)
            out.append(line[i])
        }
        return out
    }

    private static func split(_ a: LonLat, _ b: LonLat, _ tol: Double, _ depth: Int, _ out: inout [LonLat]) {
        guard depth > 0, a != b else { return }
        let geodesic = GeodesicLine(from: a, to: b)
        let mid = geodesic.position(atMetres: geodesic.lengthMetres / 2)
        let straight = LonLat(lon: (a.lon + b.lon) / 2, lat: (a.lat + b.lat) / 2)
        guard distance(mid, straight) > tol else { return }
        split(a, mid, tol, depth - 1, &out)
        out.append(mid)
        split(mid, b, tol, depth - 1, &out)
    }
}
