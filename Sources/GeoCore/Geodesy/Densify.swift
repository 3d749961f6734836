extension Geodesic {
    /// The one densification of the project: adds points along each edge of `line` (edges read as
    /// geodesics), first evenly so that no step exceeds `maximumStepMetres` (when given), then
    /// until a straight longitude/latitude segment between neighbours departs from the geodesic by
    /// at most `toleranceMetres` (when given; checked at midpoints, split in halves as needed).
    /// GIS software draws straight lon/lat segments, so the tolerance keeps what it draws on our
    /// geodesics; the step serves computations that sample the line.
    public static func densify(_ line: [LonLat], maximumStepMetres: Double? = nil, toleranceMetres: Double? = nil,
                               maximumDepth: Int = 16) -> [LonLat] {
        guard line.count > 1 else { return line }
        var out: [LonLat] = [line[0]]
        out.reserveCapacity(line.count)
        for i in 1..<line.count {
            var a = line[i - 1]
            if let step = maximumStepMetres, step > 0, a != line[i] {
                let g = GeodesicLine(from: a, to: line[i])
                let steps = max(1, Int((g.lengthMetres / step).rounded(.up)))
                for k in 1..<steps {
                    let p = g.position(atMetres: g.lengthMetres * Double(k) / Double(steps))
                    if let tol = toleranceMetres, tol > 0 { split(a, p, tol, maximumDepth, &out) }
                    out.append(p)
                    a = p
                }
            }
            if let tol = toleranceMetres, tol > 0 { split(a, line[i], tol, maximumDepth, &out) }
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
