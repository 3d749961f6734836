extension GeometryOf {
    /// The same geometry with every run of positions passed through `transform`, which may change
    /// the frame (a projection): a line, each ring, and each point on its own (so that nothing is
    /// ever inserted between the members of a MultiPoint). For projecting, densifying, and the like.
    /// A point whose run comes back empty is dropped (an empty MultiPoint, as GEOS reads an empty point).
    public func mapPositionLists<Other>(_ transform: ([Position]) throws -> [Other]) rethrows -> GeometryOf<Other> {
        switch self {
        case .point(let p): return try transform([p]).first.map { .point($0) } ?? .multiPoint([])
        case .multiPoint(let ps): return .multiPoint(try ps.flatMap { try transform([$0]).prefix(1) })
        case .lineString(let l): return .lineString(try transform(l))
        case .multiLineString(let ls): return .multiLineString(try ls.map(transform))
        case .polygon(let rings): return .polygon(try rings.map(transform))
        case .multiPolygon(let polys): return .multiPolygon(try polys.map { try $0.map(transform) })
        case .geometryCollection(let gs): return .geometryCollection(try gs.map { try $0.mapPositionLists(transform) })
        }
    }
}

extension Geometry {
    /// Polygons with RFC 7946 ring orientation: exterior rings counter-clockwise, holes clockwise.
    public var orientedForRFC7946: Geometry {
        func fix(_ rings: [[LonLat]]) -> [[LonLat]] {
            rings.enumerated().map { i, r in (i == 0) == RingOrientation.isCounterClockwise(r) ? r : r.reversed() }
        }
        switch self {
        case .polygon(let rings): return .polygon(fix(rings))
        case .multiPolygon(let polys): return .multiPolygon(polys.map(fix))
        case .geometryCollection(let gs): return .geometryCollection(gs.map(\.orientedForRFC7946))
        default: return self
        }
    }
}
