import Foundation

/// Geodesic buffers: the region within a geodesic distance of a point, a line or an area, on
/// WGS 84. Every vertex of the boundary lies at the radius (to about a millimetre) and every edge
/// (a geodesic) stays within `toleranceMetres` of it, checked at each edge's midpoint; exterior
/// rings are counter-clockwise (RFC 7946).
public enum GeodesicBuffer {
    /// A ring around `centre` with vertices by `geod_direct` at evenly spaced azimuths, closed and
    /// counter-clockwise. With n vertices an edge's midpoint lies about r·(1 − cos(π/n)) inside the
    /// circle, so n = ⌈π / acos(1 − tol/r)⌉ (rounded up to a multiple of 8, at least 32) keeps the
    /// whole boundary between `radius − tolerance` and `radius`.
    public static func circle(centre: LonLat, radiusMetres r: Double, toleranceMetres tol: Double = 1) -> [LonLat] {
        let n = vertexCount(radiusMetres: r, toleranceMetres: tol)
        var ring: [LonLat] = []
        ring.reserveCapacity(n + 1)
        for i in 0..<n {
            // Azimuths run anticlockwise (N, W, S, E) so that the ring is counter-clockwise.
            let azimuth = -360 * Double(i) / Double(n)
            ring.append(Geodesic.direct(from: centre, azimuthDegrees: azimuth, distanceMetres: r).destination)
        }
        ring.append(ring[0])
        return ring
    }

    /// The number of vertices `circle` uses.
    public static func vertexCount(radiusMetres r: Double, toleranceMetres tol: Double) -> Int {
        guard r > tol, tol > 0 else { return 32 }
        let n = Int((Double.pi / acos(1 - tol / r)).rounded(.up))
        return max(32, (n + 7) / 8 * 8)
    }

    /// The geodesic buffer of `geometry` (points, lines or areas in lon/lat, edges geodesic), optionally
    /// clipped to `clip` (an area).
    ///
    /// Method: the source is densified and projected to an azimuthal equidistant frame centred on
    /// it, buffered there with GEOS, and the boundary densified so that edges are at most
    /// √(8·r·tol) long (the sagitta of an arc of radius r). Then each boundary vertex is moved
    /// along the geodesic from its nearest source point (found exactly by `GeodesicPolyline`) to
    /// lie at exactly r, which removes the projection's distortion; edges whose geodesic midpoint
    /// is still off by more than the tolerance are split, and the split points moved the same way.
    /// Clipping (GEOS intersection) runs in the same projected frame, on edges ≤ 1 km.
    public static func around(_ geometry: Geometry, radiusMetres r: Double, toleranceMetres tol: Double = 1,
                              clip: Geometry? = nil, geos: GEOSContext, proj: PROJContext) throws -> BufferResult {
        guard r.isFinite, r > 0 else { throw BufferError.radius(r) }
        guard tol.isFinite, tol > 0 else { throw BufferError.tolerance(tol) }
        let sourceParts = geometry.lines + pointsOf(geometry).map { [$0] }
        guard !sourceParts.isEmpty, let box = geometry.boundingBox else { throw BufferError.emptySource }
        let source = GeodesicPolyline(sourceParts)
        let area = geometry.polygons.isEmpty ? nil : GeodesicArea(geometry)
        let frame = try proj.transformer(toProjected: ProjectionDefinition.azimuthalEquidistant(centre: box.centre))

        var worst = 0.0
        var polygons: [[[LonLat]]] = []
        if case .point(let centre) = geometry {
            // A point: the circle by geod_direct, its edges checked at their midpoints.
            let ring = circle(centre: centre, radiusMetres: r, toleranceMetres: tol)
            for i in 1..<ring.count {
                let line = GeodesicLine(from: ring[i - 1], to: ring[i])
                worst = max(worst, abs(Geodesic.distance(centre, line.position(atMetres: line.lengthMetres / 2)) - r))
            }
            polygons = [[ring]]
        } else {
            // 1. Planar buffer of the projected source: a first guess of the boundary.
            let projected = try GEOSGeometry(projectedGeometry(geometry, frame), in: geos)
            let planar = try projected.planarBuffer(r, quadrantSegments: 32).value()
            let step = min(5_000, max(10, (8 * r * tol).squareRoot()))

            // 2. Every ring: densify, unproject, move onto the geodesic radius, refine edges.
            for polygon in planar.polygons {
                var rings: [[LonLat]] = []
                for ring in polygon {
                    let dense = densifyPlanar(ring, maximumStep: step)
                    let lonLat = try frame.unproject(dense)
                    let (adjusted, deviation) = onRadius(lonLat, source: source, area: area, radius: r, tolerance: tol)
                    worst = max(worst, deviation)
                    rings.append(adjusted)
                }
                polygons.append(rings)
            }
        }
        var result: Geometry = polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons)

        // 3. Clip in the same projected frame.
        if let clip {
            let buffered = try GEOSGeometry(projectedGeometry(result, frame, densifyMetres: nil), in: geos)
            let valid = try buffered.isValid() ? buffered : try buffered.makeValid()
            let mask = try GEOSGeometry(projectedGeometry(clip, frame), in: geos)
            let clipped = try valid.intersection(mask.isValid() ? mask : mask.makeValid()).value()
            let out = try frame.unproject(clipped).polygons
            result = out.count == 1 ? .polygon(out[0]) : .multiPolygon(out)
        }
        result = result.orientedForRFC7946
        return BufferResult(geometry: result, radiusMetres: r, toleranceMetres: tol,
                            maximumDeviationMetres: worst, areaSquareMetres: Geodesic.area(of: result))
    }

    // MARK: - Steps

    private static func pointsOf(_ g: Geometry) -> [LonLat] {
        switch g {
        case .point(let p): [p]
        case .multiPoint(let ps): ps
        case .geometryCollection(let gs): gs.flatMap(pointsOf)
        default: []
        }
    }

    /// The geometry projected into `frame`, with geodesic edges first split to at most
    /// `densifyMetres` so that straight projected edges follow them.
    static func projectedGeometry(_ g: Geometry, _ frame: Transformer, densifyMetres: Double? = 1_000) throws -> ProjectedGeometry {
        func line(_ l: [LonLat]) throws -> [Projected] {
            var dense = l
            if let step = densifyMetres, l.count > 1 {
                dense = [l[0]]
                for i in 1..<l.count where l[i] != l[i - 1] {
                    dense += Geodesic.densify([l[i - 1], l[i]], maximumStepMetres: step).dropFirst()
                }
            }
            return try frame.project(dense)
        }
        return try g.mapPositionLists(line)
    }

    /// Straight projected edges split so that none exceeds `maximumStep`.
    static func densifyPlanar(_ ring: [Projected], maximumStep: Double) -> [Projected] {
        guard ring.count > 1 else { return ring }
        var out = [ring[0]]
        for i in 1..<ring.count {
            let a = ring[i - 1], b = ring[i]
            let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            let n = max(1, Int((length / maximumStep).rounded(.up)))
            for k in 1..<n {
                let t = Double(k) / Double(n)
                out.append(Projected(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t))
            }
            out.append(b)
        }
        return out
    }

    /// Moves `p` onto the radius: along the geodesic from its nearest source point; or, where two
    /// source points compete (a corner of the buffer, where two arcs meet), to the intersection of
    /// the two geodesic circles.
    private static func moved(_ p: LonLat, source: GeodesicPolyline, radius: Double) -> LonLat {
        var q = p
        var previous: LonLat?
        for _ in 0..<8 {
            guard let n = source.nearest(to: q), n.distanceMetres > 0 else { return q }
            if abs(n.distanceMetres - radius) < 1e-4 { return q }
            if let a = previous, Geodesic.distance(a, n.point) > 1e-3 {
                q = corner(q, a, n.point, radius)
            } else {
                let azimuth = Geodesic.inverse(n.point, q).initialAzimuthDegrees
                q = Geodesic.direct(from: n.point, azimuthDegrees: azimuth, distanceMetres: radius).destination
            }
            previous = n.point
        }
        return q
    }

    /// The point near `q` at `radius` from both `a` and `b`: Newton's method in the plane tangent
    /// at q, where the gradient of the distance from a source point is the unit vector of the
    /// geodesic's azimuth on arrival (`geod_inverse` azi2).
    static func corner(_ start: LonLat, _ a: LonLat, _ b: LonLat, _ radius: Double) -> LonLat {
        var q = start
        for _ in 0..<12 {
            let ia = Geodesic.inverse(a, q), ib = Geodesic.inverse(b, q)
            let za = ia.finalAzimuthDegrees * .pi / 180, zb = ib.finalAzimuthDegrees * .pi / 180
            let (ax, ay, bx, by) = (sin(za), cos(za), sin(zb), cos(zb))
            let ra = radius - ia.distanceMetres, rb = radius - ib.distanceMetres
            let det = ax * by - ay * bx
            guard abs(det) > 1e-9 else { break }
            let dx = (ra * by - ay * rb) / det, dy = (ax * rb - ra * bx) / det
            let step = (dx * dx + dy * dy).squareRoot()
            guard step > 1e-6 else { break }
            q = Geodesic.direct(from: q, azimuthDegrees: atan2(dx, dy) * 180 / .pi, distanceMetres: min(step, radius / 2)).destination
        }
        return q
    }

    /// The distance of `p` from the buffered geometry (0 inside an area).
    private static func distance(_ p: LonLat, _ source: GeodesicPolyline, _ area: GeodesicArea?) -> Double {
        if let area { return area.distance(from: p)?.distanceMetres ?? .infinity }
        return source.distance(from: p)
    }

    /// A closed ring with every vertex moved onto the radius and edges split where their geodesic
    /// midpoint is more than `tolerance` off; returns it with the largest deviation left.
    static func onRadius(_ ring: [LonLat], source: GeodesicPolyline, area: GeodesicArea?, radius: Double,
                         tolerance: Double) -> ([LonLat], Double) {
        guard ring.count > 1 else { return (ring, 0) }
        var worst = 0.0
        var out: [LonLat] = []
        out.reserveCapacity(ring.count * 2)
        func refine(_ a: LonLat, _ b: LonLat, _ depth: Int) {
            let line = GeodesicLine(from: a, to: b)
            let mid = line.position(atMetres: line.lengthMetres / 2)
            let off = abs(distance(mid, source, area) - radius)
            guard off > tolerance, depth > 0 else { worst = max(worst, off); return }
            let m = moved(mid, source: source, radius: radius)
            refine(a, m, depth - 1)
            out.append(m)
            refine(m, b, depth - 1)
        }
        var previous = moved(ring[0], source: source, radius: radius)
        out.append(previous)
        for i in 1..<ring.count {
            let next = i == ring.count - 1 ? out[0] : moved(ring[i], source: source, radius: radius)
            worst = max(worst, abs(distance(next, source, area) - radius))
            refine(previous, next, 8)
            out.append(next)
            previous = next
        }
        return (out, worst)
    }
}

/// A geodesic buffer and what is known of its accuracy.
public struct BufferResult: Sendable {
    /// A Polygon or MultiPolygon in lon/lat, exterior rings counter-clockwise.
    public let geometry: Geometry
    public let radiusMetres: Double
    /// The accuracy asked for: how far any boundary point may be from the radius.
    public let toleranceMetres: Double
    /// The largest |distance − radius| measured at the vertices and edge midpoints of the unclipped buffer.
    public let maximumDeviationMetres: Double
    /// The geodesic area (`geod_polygonarea`), m².
    public let areaSquareMetres: Double
}

/// Why a buffer cannot be made.
public enum BufferError: Error, Sendable, CustomStringConvertible {
    case radius(Double)
    case tolerance(Double)
    case emptySource

    public var description: String {
        switch self {
        case .radius(let r): "the buffer radius must be a positive distance (got \(r) m)"
        case .tolerance(let t): "the buffer tolerance must be a positive distance (got \(t) m)"
        case .emptySource: "there is nothing to buffer: the geometry has no positions"
        }
    }
}
