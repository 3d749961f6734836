import CPROJ

/// A coordinate operation between two CRSs (`proj_create_crs_to_crs` then
/// `proj_normalize_for_visualization`), so geographic coordinates are always longitude first.
public final class Transformer {
    let context: PROJContextHandle
    public let source: String
    public let target: String
    let pointer: OpaquePointer

    init(from source: String, to target: String, in context: PROJContextHandle) throws(PROJError) {
        self.context = context
        self.source = source
        self.target = target
        let op = "proj_create_crs_to_crs(\(source) → \(target))"
        guard let raw = proj_create_crs_to_crs(context.pointer, source, target, nil) else {
            throw context.error(op)
        }
        defer { proj_destroy(raw) }
        guard let normalised = proj_normalize_for_visualization(context.pointer, raw) else {
            throw context.error("proj_normalize_for_visualization(\(source) → \(target))")
        }
        pointer = normalised
    }

    deinit {
        proj_destroy(pointer)
    }

    /// Source to target: (longitude, latitude) or (x, y) in, (x, y) or (longitude, latitude) out.
    public func forward(_ x: Double, _ y: Double) throws(PROJError) -> (x: Double, y: Double) {
        try run(PJ_FWD, x, y)
    }

    /// Target back to source.
    public func inverse(_ x: Double, _ y: Double) throws(PROJError) -> (x: Double, y: Double) {
        try run(PJ_INV, x, y)
    }

    /// Forward transform of a WGS 84 position (the usual case: lon/lat to a projected frame).
    public func project(_ p: LonLat) throws(PROJError) -> Projected {
        let r = try run(PJ_FWD, p.lon, p.lat)
        return Projected(x: r.x, y: r.y)
    }

    /// Inverse transform back to a WGS 84 position.
    public func unproject(_ p: Projected) throws(PROJError) -> LonLat {
        let r = try run(PJ_INV, p.x, p.y)
        return LonLat(lon: r.x, lat: r.y)
    }

    /// A geometry projected vertex by vertex (straight edges stay straight: densify geodesic edges first).
    public func project(_ g: Geometry) throws -> ProjectedGeometry { try g.mapPositionLists(project) }

    /// A projected geometry back to longitude, latitude, vertex by vertex.
    public func unproject(_ g: ProjectedGeometry) throws -> Geometry { try g.mapPositionLists(unproject) }

    /// Transforms many positions in place with one call (`proj_trans_generic`).
    public func project(_ ps: [LonLat]) throws(PROJError) -> [Projected] {
        var xs = ps.map(\.lon), ys = ps.map(\.lat)
        try runMany(PJ_FWD, &xs, &ys)
        return zip(xs, ys).map { Projected(x: $0, y: $1) }
    }

    /// Inverse of `project(_:)` for many positions.
    public func unproject(_ ps: [Projected]) throws(PROJError) -> [LonLat] {
        var xs = ps.map(\.x), ys = ps.map(\.y)
        try runMany(PJ_INV, &xs, &ys)
        return zip(xs, ys).map { LonLat(lon: $0, lat: $1) }
    }

    private func run(_ direction: PJ_DIRECTION, _ x: Double, _ y: Double) throws(PROJError) -> (x: Double, y: Double) {
        proj_errno_reset(pointer)
        let out = proj_trans(pointer, direction, proj_coord(x, y, 0, 0))
        let e = proj_errno(pointer)
        if e != 0 || !out.xy.x.isFinite || !out.xy.y.isFinite {
            throw context.error("proj_trans(\(source) → \(target)) of (\(x), \(y))", errno: e)
        }
        return (out.xy.x, out.xy.y)
    }

    private func runMany(_ direction: PJ_DIRECTION, _ xs: inout [Double], _ ys: inout [Double]) throws(PROJError) {
        let n = xs.count
        guard n > 0 else { return }
        proj_errno_reset(pointer)
        let stride = MemoryLayout<Double>.stride
        let done = xs.withUnsafeMutableBufferPointer { xb in
            ys.withUnsafeMutableBufferPointer { yb in
                proj_trans_generic(pointer, direction, xb.baseAddress, stride, n, yb.baseAddress, stride, n, nil, 0, 0, nil, 0, 0)
            }
        }
        let e = proj_errno(pointer)
        if done != n || e != 0 || xs.contains(where: { !$0.isFinite }) || ys.contains(where: { !$0.isFinite }) {
            throw context.error("proj_trans_generic(\(source) → \(target)) of \(n) positions", errno: e)
        }
    }
}
