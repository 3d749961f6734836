extension Geometry {
    /// The same geometry with every run of positions passed through `transform`: a line, each
    /// ring, and each point on its own (so that nothing is ever inserted between the members of
    /// a MultiPoint). For projecting, densifying, and the like.
    public func mapPositionLists(_ transform: ([LonLat]) throws -> [LonLat]) rethrows -> Geometry {
        switch self {
        case .point(let p): return .point(try transform([p]).first ?? p)
        case .multiPoint(let ps): return .multiPoint(try ps.map { try transform([$0]).first ?? $0 })
        case .lineString(let l): return .lineString(try transform(l))
        case .multiLineString(let ls): return .multiLineString(try ls.map(transform))
        case .polygon(let rings): return .polygon(try rings.map(transform))
        case .multiPolygon(let polys): return .multiPolygon(try polys.map { try $0.map(transform) })
        case .geometryCollection(let gs): return .geometryCollection(try gs.map { try $0.mapPositionLists(transform) })
        }
    }

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
