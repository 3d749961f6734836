import CPROJ
import Foundation

/// The nearest point of a line (or of an area's boundary) to a query point, and how far it is.
/// Edges between consecutive vertices are WGS 84 geodesics; the minimum is found along them.
public struct NearestPoint: Sendable, Equatable {
    /// The geodesic distance in metres from the query point to `point`.
    public let distanceMetres: Double
    /// The nearest point of the line: a vertex or a point inside an edge.
    public let point: LonLat
    /// Which line (or ring) of the geometry holds it, in the order given.
    public let partIndex: Int
    /// The edge within that part: from vertex `segmentIndex` to vertex `segmentIndex + 1`.
    public let segmentIndex: Int
    /// How far along that edge, 0...1, as a fraction of the edge's geodesic length.
    public let fraction: Double
    /// The azimuth at the query point towards `point`, degrees clockwise from north in -180...180;
    /// nil when the point lies on the line.
    public let azimuthDegrees: Double?
}

/// A line or a set of lines (polygon rings included) prepared for many nearest-point queries:
/// per-edge geodesic lines and earth-centred bounds, grouped into blocks of consecutive edges.
///
/// Method. The chord between two points never exceeds their geodesic distance, and each geodesic
/// edge stays within a measured `slack` of its straight earth-centred chord; so
/// `chord distance to the edge's chord − slack` is a rigorous lower bound of the geodesic
/// distance to the edge. Blocks and edges are visited in order of that bound and skipped once it
/// reaches the best distance found; each remaining edge is minimised along its geodesic by a
/// safeguarded Newton iteration on the arc length s, whose step `−cos θ · m12 / M21`
/// (θ the angle at the foot between the edge and the geodesic from the point; m12, M21 from
/// `geod_geninverse`) is exact in the plane and converges to about 1 µm in 2-4 steps.
/// At the optimum θ = 90° or the foot is an edge end. (An azimuthal equidistant projection per
/// query point would do the pruning too, but building a PROJ transformer costs ~1 ms per point,
/// while the chord bounds cost nanoseconds and are exact bounds.)
///
/// A value: Sendable and read-only, so one index serves any number of threads.
public struct GeodesicPolyline: Sendable {
    /// The lines as given (each at least one vertex).
    public let parts: [[LonLat]]
    let segments: [Segment]
    let blocks: [Block]

    static let blockSize = 16

    struct Segment: Sendable {
        let line: GeodesicLine
        let a: EarthCentred
        let b: EarthCentred
        /// An upper bound, metres, on how far the geodesic edge departs from the chord a-b.
        let slack: Double
        let part: Int
        let index: Int
    }

    struct Block: Sendable {
        let range: Range<Int>
        let centre: EarthCentred
        /// Every point of every edge of the block lies within this many metres of `centre`.
        let radius: Double
    }

    /// Prepares `parts` (lines or rings; single-vertex parts count as points).
    public init(_ parts: [[LonLat]]) {
        self.parts = parts
        var segs: [Segment] = []
        for (pi, part) in parts.enumerated() {
            if part.count == 1 {
                let e = EarthCentred(part[0])
                segs.append(Segment(line: GeodesicLine(from: part[0], to: part[0]), a: e, b: e, slack: 0, part: pi, index: 0))
            }
            guard part.count > 1 else { continue }
            for i in 0..<(part.count - 1) {
                let line = GeodesicLine(from: part[i], to: part[i + 1])
                let a = EarthCentred(part[i]), b = EarthCentred(part[i + 1])
                var dev = 0.0
                if line.lengthMetres > 0 {
                    for t in [0.25, 0.5, 0.75] {
                        let x = EarthCentred(line.position(atMetres: line.lengthMetres * t))
                        dev = max(dev, x.distanceToSegment(a, b).distance)
                    }
                }
                // The departure is close to 4·h·t(1−t) (a circular arc); the margin covers the rest.
                segs.append(Segment(line: line, a: a, b: b, slack: dev * 1.25 + 1e-3, part: pi, index: i))
            }
        }
        segments = segs
        var blks: [Block] = []
        var start = 0
        while start < segs.count {
            let end = min(segs.count, start + Self.blockSize)
            var c = EarthCentred(x: 0, y: 0, z: 0)
            for s in segs[start..<end] { c = c + s.a + s.b }
            c = c * (1 / Double(2 * (end - start)))
            var r = 0.0, slack = 0.0
            for s in segs[start..<end] {
                r = max(r, c.chord(to: s.a), c.chord(to: s.b))
                slack = max(slack, s.slack)
            }
            blks.append(Block(range: start..<end, centre: c, radius: r + slack))
            start = end
        }
        blocks = blks
    }

    /// Prepares one line.
    public init(line: [LonLat]) { self.init([line]) }

    /// The number of edges.
    public var segmentCount: Int { segments.count }

    /// The nearest point of the lines to `p`, found to about a micrometre; nil if there are no vertices.
    public func nearest(to p: LonLat) -> NearestPoint? {
        guard !blocks.isEmpty else { return nil }
        let pe = EarthCentred(p)
        var best: NearestPoint?
        var bestDistance = Double.infinity
        withUnsafeTemporaryAllocation(of: (Double, Int).self, capacity: blocks.count) { buffer in
            var order = buffer
            for (i, b) in blocks.enumerated() { order[i] = (max(0, pe.chord(to: b.centre) - b.radius), i) }
            order.sort { $0.0 < $1.0 }
            withUnsafeTemporaryAllocation(of: (Double, Double, Int).self, capacity: Self.blockSize) { segOrder in
                for (lowerBound, bi) in order {
                    if lowerBound >= bestDistance { break }
                    let range = blocks[bi].range
                    var n = 0
                    for si in range {
                        let s = segments[si]
                        let (d, t) = pe.distanceToSegment(s.a, s.b)
                        segOrder[n] = (max(0, d - s.slack), t, si)
                        n += 1
                    }
                    var slice = UnsafeMutableBufferPointer(rebasing: segOrder[0..<n])
                    slice.sort { $0.0 < $1.0 }
                    for (lb, t, si) in slice {
                        if lb >= bestDistance { break }
                        let r = Self.nearestOnSegment(p, segments[si], initialFraction: t)
                        if r.distanceMetres < bestDistance {
                            bestDistance = r.distanceMetres
                            best = r
                        }
                    }
                }
            }
        }
        return best
    }

    /// The geodesic distance in metres from `p` to the nearest point of the lines (infinity if empty).
    public func distance(from p: LonLat) -> Double { nearest(to: p)?.distanceMetres ?? .infinity }

    // MARK: - One edge

    /// One evaluation at arc length `s` along an edge: the foot, the distance from the query point,
    /// dDistance/ds, and the Newton step towards the perpendicular foot.
    private struct Probe {
        var s: Double
        var point: LonLat
        var distance: Double
        var slope: Double
        var step: Double
        var azimuthAtP: Double
    }

    private static func probe(_ p: LonLat, _ seg: Segment, _ s: Double) -> Probe {
        let (x, lineAzimuth) = seg.line.positionAndAzimuth(atMetres: s)
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0, m12 = 0.0, M12 = 0.0, M21 = 0.0
        withUnsafePointer(to: Geodesic.wgs84.raw) { g in
            _ = geod_geninverse(g, p.lat, p.lon, x.lat, x.lon, &s12, &azi1, &azi2, &m12, &M12, &M21, nil)
        }
        guard s12 > 0 else { return Probe(s: s, point: x, distance: 0, slope: 0, step: 0, azimuthAtP: .nan) }
        // d(distance)/ds = cos of the angle at the foot between the edge and the arriving geodesic.
        let slope = cos((lineAzimuth - azi2) * .pi / 180)
        let step = M21 > 1e-3 ? -slope * m12 / M21 : -slope * s12
        return Probe(s: s, point: x, distance: s12, slope: slope, step: step, azimuthAtP: azi1)
    }

    static func nearestOnSegment(_ p: LonLat, _ seg: Segment, initialFraction: Double) -> NearestPoint {
        let length = seg.line.lengthMetres
        func result(_ pr: Probe) -> NearestPoint {
            NearestPoint(distanceMetres: pr.distance, point: pr.point, partIndex: seg.part, segmentIndex: seg.index,
                         fraction: length > 0 ? min(1, max(0, pr.s / length)) : 0,
                         azimuthDegrees: pr.distance > 0 ? pr.azimuthAtP : nil)
        }
        guard length > 0 else {
            let inv = Geodesic.inverse(p, seg.line.start)
            return NearestPoint(distanceMetres: inv.distanceMetres, point: seg.line.start, partIndex: seg.part,
                                segmentIndex: seg.index, fraction: 0,
                                azimuthDegrees: inv.distanceMetres > 0 ? inv.initialAzimuthDegrees : nil)
        }
        // Bracket [lo, hi]: the slope is negative at lo and non-negative at hi once each is known.
        var lo = 0.0, hi = length, loKnown = false, hiKnown = false
        var s = min(length, max(0, initialFraction * length))
        var best = probe(p, seg, s)
        var pr = best
        for _ in 0..<60 {
            if pr.distance < best.distance { best = pr }
            if pr.distance == 0 { return result(pr) }
            if pr.slope >= 0 {
                hi = s; hiKnown = true
                if s == 0 { return result(pr) }  // the distance grows from the start: the start is nearest
            } else {
                lo = s; loKnown = true
                if s == length { return result(pr) }  // still falling at the end: the end is nearest
            }
            if abs(pr.step) < 1e-6 || (hiKnown && loKnown && hi - lo < 1e-6) { return result(best) }
            var next = s + pr.step
            if next <= lo {
                next = loKnown ? (lo + hi) / 2 : 0
            } else if next >= hi {
                next = hiKnown ? (lo + hi) / 2 : length
            }
            s = next
            pr = probe(p, seg, s)
        }
        return result(best)
    }
}

/// An area (polygons with holes, edges geodesic) prepared for distance and containment queries.
///
/// Containment is exact for geodesic edges. Far from the boundary it is decided by even-odd ray
/// casting on longitude/latitude, which reads each edge as a straight lon/lat segment; the two
/// part by at most `containmentToleranceMetres` (measured at every edge's midpoint when prepared,
/// about 22 m for the bundled countries). A point nearer the boundary than that is decided at its
/// nearest boundary point instead: inside when it lies on the ring's interior side there
/// (left of a counter-clockwise exterior, by geodesic azimuths), which is exact because the
/// geodesic to the nearest point crosses no other edge. Areas must not cross the antimeridian.
public struct GeodesicArea: Sendable {
    public let polygons: [[[LonLat]]]
    /// Every ring, as lines: the boundary.
    public let boundary: GeodesicPolyline
    private let boxes: [BoundingBox]
    /// For each ring of `boundary`, whether the area's interior lies to its left.
    private let interiorOnLeft: [Bool]
    /// The largest gap in metres between an edge's geodesic and lon/lat midpoints.
    public let containmentToleranceMetres: Double

    public init(_ geometry: Geometry) {
        polygons = geometry.polygons.filter { !$0.isEmpty }
        boundary = GeodesicPolyline(polygons.flatMap { $0 })
        boxes = polygons.map { BoundingBox($0[0]) ?? BoundingBox(west: 0, south: 0, east: 0, north: 0) }
        // geod_polygonarea is positive for counter-clockwise rings; a hole's interior is outside it.
        interiorOnLeft = polygons.flatMap { rings in
            rings.enumerated().map { i, ring in (Geodesic.signedArea(ofRing: ring) > 0) == (i == 0) }
        }
        var tol = 0.0
        for ring in polygons.joined() where ring.count > 1 {
            for i in 1..<ring.count where ring[i - 1] != ring[i] {
                let line = GeodesicLine(from: ring[i - 1], to: ring[i])
                let mid = line.position(atMetres: line.lengthMetres / 2)
                let straight = LonLat(lon: (ring[i - 1].lon + ring[i].lon) / 2, lat: (ring[i - 1].lat + ring[i].lat) / 2)
                tol = max(tol, Geodesic.distance(mid, straight))
            }
        }
        containmentToleranceMetres = tol
    }

    /// Whether `p` is inside the area (a point on the boundary counts as inside).
    public func contains(_ p: LonLat) -> Bool {
        guard let nearest = boundary.nearest(to: p) else { return false }
        return contains(p, nearest: nearest)
    }

    private func contains(_ p: LonLat, nearest: NearestPoint) -> Bool {
        if nearest.distanceMetres == 0 { return true }
        if nearest.distanceMetres <= containmentToleranceMetres * 1.01 + 0.01 { return isOnInteriorSide(p, nearest) }
        return rayCastContains(p)
    }

    /// Even-odd ray casting on lon/lat (straight lon/lat edges).
    func rayCastContains(_ p: LonLat) -> Bool {
        for (polygon, box) in zip(polygons, boxes) where box.contains(p) {
            var inside = false
            for ring in polygon where ring.count > 2 {
                var j = ring.count - 1
                for i in 0..<ring.count {
                    let a = ring[i], b = ring[j]
                    if (a.lat > p.lat) != (b.lat > p.lat),
                       p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon {
                        inside.toggle()
                    }
                    j = i
                }
            }
            if inside { return true }
        }
        return false
    }

    /// Whether `p` lies on the interior side of the boundary at its nearest boundary point.
    private func isOnInteriorSide(_ p: LonLat, _ n: NearestPoint) -> Bool {
        let ring = boundary.parts[n.partIndex]
        let left = interiorOnLeft[n.partIndex]
        let toP = Geodesic.inverse(n.point, p).initialAzimuthDegrees
        func mod360(_ x: Double) -> Double { let r = x.truncatingRemainder(dividingBy: 360); return r < 0 ? r + 360 : r }
        let count = ring.count
        let atVertex: Int? = n.fraction <= 0 ? n.segmentIndex : n.fraction >= 1 ? n.segmentIndex + 1 : nil
        if let v = atVertex, count > 3 {
            // The interior angle at the vertex, swept from the outgoing edge to the incoming one.
            let closed = ring.first == ring.last
            let previous = v > 0 ? ring[v - 1] : (closed ? ring[count - 2] : ring[count - 1])
            let next = v < count - 1 ? ring[v + 1] : (closed ? ring[1] : ring[0])
            let out = Geodesic.inverse(ring[v], next).initialAzimuthDegrees
            let back = Geodesic.inverse(ring[v], previous).initialAzimuthDegrees
            return left ? mod360(out - toP) < mod360(out - back) : mod360(toP - out) < mod360(back - out)
        }
        let edge = GeodesicLine(from: ring[n.segmentIndex], to: ring[n.segmentIndex + 1])
        let along = edge.positionAndAzimuth(atMetres: n.fraction * edge.lengthMetres).azimuthDegrees
        // Left of the edge: the point's azimuth is 0...180° anticlockwise of the edge's.
        let isLeft = mod360(along - toP) < 180
        return isLeft == left
    }

    /// The distance from `p` to the area: 0 inside, else to the nearest boundary point; with the
    /// nearest boundary point either way.
    public func distance(from p: LonLat) -> AreaDistance? {
        guard let nearest = boundary.nearest(to: p) else { return nil }
        let inside = contains(p, nearest: nearest)
        return AreaDistance(isInside: inside, distanceMetres: inside ? 0 : nearest.distanceMetres, boundary: nearest)
    }

    /// The geodesic area in m² (`geod_polygonarea`).
    public var areaSquareMetres: Double { Geodesic.area(of: .multiPolygon(polygons)) }
}

/// The distance from a point to an area.
public struct AreaDistance: Sendable, Equatable {
    public let isInside: Bool
    /// 0 inside; otherwise the geodesic distance in metres to the boundary.
    public let distanceMetres: Double
    /// The nearest point of the boundary (also given inside: how deep the point lies).
    public let boundary: NearestPoint
}
