import Foundation

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
    /// Per polygon, its edges by latitude band, for ray casting.
    private let bands: [LatitudeBands]
    /// For each ring of `boundary`, whether the area's interior lies to its left.
    private let interiorOnLeft: [Bool]
    /// The largest gap in metres between an edge's geodesic and lon/lat midpoints.
    public let containmentToleranceMetres: Double

    public init(_ geometry: Geometry) {
        polygons = geometry.polygons.filter { !$0.isEmpty }
        boundary = GeodesicPolyline(polygons.flatMap { $0 })
        boxes = polygons.map { BoundingBox($0[0]) ?? BoundingBox(west: 0, south: 0, east: 0, north: 0) }
        bands = zip(polygons, boxes).map { LatitudeBands(rings: $0, box: $1) }
        // geod_polygonarea is positive for counter-clockwise rings; a hole's interior is outside it.
        interiorOnLeft = polygons.flatMap { rings in
            rings.enumerated().map { i, ring in (Geodesic.signedArea(ofRing: ring) > 0) == (i == 0) }
        }
        // The boundary has solved every edge's geodesic already (a ring of one vertex is a point edge).
        var tol = 0.0
        for e in boundary.edges where e.line.start != e.line.end {
            let line = e.line
            let mid = line.position(atMetres: line.lengthMetres / 2)
            let straight = LonLat(lon: (line.start.lon + line.end.lon) / 2, lat: (line.start.lat + line.end.lat) / 2)
            tol = max(tol, Geodesic.distance(mid, straight))
        }
        containmentToleranceMetres = tol
    }

    /// Whether `p` is inside the area (a point on the boundary counts as inside). Far from the
    /// boundary (proved by the lower bounds alone) no geodesic is computed.
    public func contains(_ p: LonLat) -> Bool {
        if !boundary.mayLieWithin(nearBoundaryMetres, of: p) { return rayCastContains(p) }
        guard let nearest = boundary.nearest(to: p) else { return false }
        return contains(p, nearest: nearest)
    }

    /// Within this distance of the boundary, containment is decided at the nearest boundary point.
    private var nearBoundaryMetres: Double { containmentToleranceMetres * 1.01 + 0.01 }

    private func contains(_ p: LonLat, nearest: NearestPoint) -> Bool {
        if nearest.distanceMetres == 0 { return true }
        if nearest.distanceMetres <= nearBoundaryMetres { return isOnInteriorSide(p, nearest) }
        return rayCastContains(p)
    }

    /// Even-odd ray casting on lon/lat (straight lon/lat edges).
    func rayCastContains(_ p: LonLat) -> Bool {
        for (band, box) in zip(bands, boxes) where box.contains(p) {
            if band.contains(p) { return true }
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
