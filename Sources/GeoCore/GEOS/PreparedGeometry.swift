import CGEOS

/// A prepared geometry (`GEOSPrepare_r`): indexes its edges once so that repeated
/// containment and distance tests against it run many times faster.
public final class PreparedGeometry<Position: FramePosition> {
    /// Kept alive: the prepared form points into it.
    public let base: GEOSGeometry<Position>
    let pointer: OpaquePointer

    public init(_ base: GEOSGeometry<Position>) throws(GEOSError) {
        self.base = base
        pointer = try base.context.check(GEOSPrepare_r(base.context.handle, base.pointer), "GEOSPrepare_r")
    }

    deinit {
        GEOSPreparedGeom_destroy_r(base.context.handle, pointer)
    }

    /// `GEOSPreparedContains_r`.
    public func contains(_ other: GEOSGeometry<Position>) throws(GEOSError) -> Bool {
        try base.context.checkPredicate(GEOSPreparedContains_r(base.context.handle, pointer, other.pointer), "GEOSPreparedContains_r")
    }

    /// `GEOSPreparedIntersects_r`.
    public func intersects(_ other: GEOSGeometry<Position>) throws(GEOSError) -> Bool {
        try base.context.checkPredicate(GEOSPreparedIntersects_r(base.context.handle, pointer, other.pointer), "GEOSPreparedIntersects_r")
    }

    /// Planar distance in the geometry's units (`GEOSPreparedDistance_r`).
    public func planarDistance(to other: GEOSGeometry<Position>) throws(GEOSError) -> Double {
        var d = 0.0
        try base.context.checkStatus(GEOSPreparedDistance_r(base.context.handle, pointer, other.pointer, &d), "GEOSPreparedDistance_r")
        return d
    }

    /// Nearest points, planar: the first on the prepared geometry (`GEOSPreparedNearestPoints_r`).
    public func nearestPoints(to other: GEOSGeometry<Position>) throws(GEOSError) -> (Position, Position) {
        let ctx = base.context
        let seq = try ctx.check(GEOSPreparedNearestPoints_r(ctx.handle, pointer, other.pointer), "GEOSPreparedNearestPoints_r")
        defer { GEOSCoordSeq_destroy_r(ctx.handle, seq) }
        var x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0
        try ctx.checkStatus(GEOSCoordSeq_getXY_r(ctx.handle, seq, 0, &x0, &y0), "GEOSCoordSeq_getXY_r")
        try ctx.checkStatus(GEOSCoordSeq_getXY_r(ctx.handle, seq, 1, &x1, &y1), "GEOSCoordSeq_getXY_r")
        return (Position(frameX: x0, frameY: y0), Position(frameX: x1, frameY: y1))
    }
}
