import CGEOS

/// Planar operations on GEOS geometries. Coordinates are whatever the caller put in:
/// run them in a projected (metric) frame, never to measure on raw degrees.
extension GEOSGeometry {
    private func wrap(_ result: OpaquePointer?, _ function: String) throws(GEOSError) -> GEOSGeometry {
        GEOSGeometry(owning: try context.check(result, function), in: context)
    }

    /// Whether the geometry is valid in the OGC sense (`GEOSisValid_r`).
    public func isValid() throws(GEOSError) -> Bool {
        try context.checkPredicate(GEOSisValid_r(context.handle, pointer), "GEOSisValid_r")
    }

    /// Why the geometry is invalid, or "Valid Geometry" (`GEOSisValidReason_r`).
    public func validityReason() throws(GEOSError) -> String {
        guard let text = GEOSisValidReason_r(context.handle, pointer) else { throw context.error("GEOSisValidReason_r") }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }

    /// A valid version of the geometry (`GEOSMakeValid_r`).
    public func makeValid() throws(GEOSError) -> GEOSGeometry {
        try wrap(GEOSMakeValid_r(context.handle, pointer), "GEOSMakeValid_r")
    }

    /// `GEOSIntersection_r`.
    public func intersection(_ other: GEOSGeometry) throws(GEOSError) -> GEOSGeometry {
        try wrap(GEOSIntersection_r(context.handle, pointer, other.pointer), "GEOSIntersection_r")
    }

    /// `GEOSDifference_r`.
    public func difference(_ other: GEOSGeometry) throws(GEOSError) -> GEOSGeometry {
        try wrap(GEOSDifference_r(context.handle, pointer, other.pointer), "GEOSDifference_r")
    }

    /// `GEOSUnion_r`.
    public func union(_ other: GEOSGeometry) throws(GEOSError) -> GEOSGeometry {
        try wrap(GEOSUnion_r(context.handle, pointer, other.pointer), "GEOSUnion_r")
    }

    /// Dissolves a collection into one geometry (`GEOSUnaryUnion_r`).
    public func unaryUnion() throws(GEOSError) -> GEOSGeometry {
        try wrap(GEOSUnaryUnion_r(context.handle, pointer), "GEOSUnaryUnion_r")
    }

    /// Planar buffer in the geometry's own units (`GEOSBuffer_r`), `quadrantSegments` per quarter circle.
    public func planarBuffer(_ width: Double, quadrantSegments: Int32 = 16) throws(GEOSError) -> GEOSGeometry {
        try wrap(GEOSBuffer_r(context.handle, pointer, width, quadrantSegments), "GEOSBuffer_r")
    }

    /// Planar distance in the geometry's own units (`GEOSDistance_r`).
    public func planarDistance(to other: GEOSGeometry) throws(GEOSError) -> Double {
        var d = 0.0
        try context.checkStatus(GEOSDistance_r(context.handle, pointer, other.pointer, &d), "GEOSDistance_r")
        return d
    }

    /// The nearest points of this geometry and `other`, planar (`GEOSNearestPoints_r`).
    public func nearestPoints(to other: GEOSGeometry) throws(GEOSError) -> (Position, Position) {
        let seq = try context.check(GEOSNearestPoints_r(context.handle, pointer, other.pointer), "GEOSNearestPoints_r")
        defer { GEOSCoordSeq_destroy_r(context.handle, seq) }
        var x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0
        try context.checkStatus(GEOSCoordSeq_getXY_r(context.handle, seq, 0, &x0, &y0), "GEOSCoordSeq_getXY_r")
        try context.checkStatus(GEOSCoordSeq_getXY_r(context.handle, seq, 1, &x1, &y1), "GEOSCoordSeq_getXY_r")
        return (Position(frameX: x0, frameY: y0), Position(frameX: x1, frameY: y1))
    }

    /// `GEOSContains_r`.
    public func contains(_ other: GEOSGeometry) throws(GEOSError) -> Bool {
        try context.checkPredicate(GEOSContains_r(context.handle, pointer, other.pointer), "GEOSContains_r")
    }

    /// `GEOSIntersects_r`.
    public func intersects(_ other: GEOSGeometry) throws(GEOSError) -> Bool {
        try context.checkPredicate(GEOSIntersects_r(context.handle, pointer, other.pointer), "GEOSIntersects_r")
    }

    /// Planar area in the geometry's own units (`GEOSArea_r`).
    public func planarArea() throws(GEOSError) -> Double {
        var a = 0.0
        try context.checkStatus(GEOSArea_r(context.handle, pointer, &a), "GEOSArea_r")
        return a
    }
}
