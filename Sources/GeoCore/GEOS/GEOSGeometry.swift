import CGEOS

/// An owned GEOS geometry: freed once, in `deinit`, with the context that made it. GEOS computes
/// in the plane of its coordinates; `Position` names their frame (`LonLat` or `Projected`), so that
/// geometries of two frames never meet in one operation and a result reads back in its own frame.
public final class GEOSGeometry<Position: FramePosition> {
    public let context: GEOSContext
    let pointer: OpaquePointer

    /// Takes ownership of a geometry created in `context`.
    init(owning pointer: OpaquePointer, in context: GEOSContext) {
        self.pointer = pointer
        self.context = context
    }

    deinit {
        GEOSGeom_destroy_r(context.handle, pointer)
    }

    /// Parses Well-Known Text (`GEOSWKTReader_read_r`).
    public convenience init(wkt: String, in context: GEOSContext) throws(GEOSError) {
        guard let reader = GEOSWKTReader_create_r(context.handle) else { throw context.error("GEOSWKTReader_create_r") }
        defer { GEOSWKTReader_destroy_r(context.handle, reader) }
        guard let g = GEOSWKTReader_read_r(context.handle, reader, wkt) else { throw context.error("GEOSWKTReader_read_r") }
        self.init(owning: g, in: context)
    }

    /// Builds the GEOS form of a geometry value (x = longitude or easting, y = latitude or northing).
    public convenience init(_ geometry: GeometryOf<Position>, in context: GEOSContext) throws(GEOSError) {
        self.init(owning: try GEOSGeometry.make(geometry, context), in: context)
    }

    /// Well-Known Text, trimmed of trailing zeros (`GEOSWKTWriter_write_r`).
    public func wkt(decimals: Int32 = 7) throws(GEOSError) -> String {
        guard let writer = GEOSWKTWriter_create_r(context.handle) else { throw context.error("GEOSWKTWriter_create_r") }
        defer { GEOSWKTWriter_destroy_r(context.handle, writer) }
        GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, decimals)
        GEOSWKTWriter_setTrim_r(context.handle, writer, 1)
        guard let text = GEOSWKTWriter_write_r(context.handle, writer, pointer) else { throw context.error("GEOSWKTWriter_write_r") }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }

    /// The geometry as a value (`GEOSGeom_getCoordSeq_r` and friends).
    public func value() throws(GEOSError) -> GeometryOf<Position> {
        try GEOSGeometry.read(pointer, context)
    }

    public var isEmpty: Bool { GEOSisEmpty_r(context.handle, pointer) == 1 }

    // MARK: - Building GEOS geometries from values

    private static func sequence(_ ps: [Position], _ ctx: GEOSContext) throws(GEOSError) -> OpaquePointer {
        var buffer = [Double]()
        buffer.reserveCapacity(ps.count * 2)
        for p in ps { buffer.append(p.frameX); buffer.append(p.frameY) }
        return try ctx.check(GEOSCoordSeq_copyFromBuffer_r(ctx.handle, buffer, UInt32(ps.count), 0, 0), "GEOSCoordSeq_copyFromBuffer_r")
    }

    private static func ring(_ ps: [Position], _ ctx: GEOSContext) throws(GEOSError) -> OpaquePointer {
        try ctx.check(GEOSGeom_createLinearRing_r(ctx.handle, try sequence(ps, ctx)), "GEOSGeom_createLinearRing_r")
    }

    private static func polygon(_ rings: [[Position]], _ ctx: GEOSContext) throws(GEOSError) -> OpaquePointer {
        guard let outer = rings.first else {
            return try ctx.check(GEOSGeom_createEmptyPolygon_r(ctx.handle), "GEOSGeom_createEmptyPolygon_r")
        }
        let shell = try ring(outer, ctx)
        var holes: [OpaquePointer?] = []
        do {
            for r in rings.dropFirst() { holes.append(try ring(r, ctx)) }
        } catch {
            GEOSGeom_destroy_r(ctx.handle, shell)
            for h in holes { if let h { GEOSGeom_destroy_r(ctx.handle, h) } }
            throw error
        }
        return try ctx.check(GEOSGeom_createPolygon_r(ctx.handle, shell, &holes, UInt32(holes.count)), "GEOSGeom_createPolygon_r")
    }

    private static func collection(_ type: GEOSGeomTypes, _ parts: [OpaquePointer?], _ ctx: GEOSContext) throws(GEOSError) -> OpaquePointer {
        var parts = parts
        return try ctx.check(GEOSGeom_createCollection_r(ctx.handle, Int32(type.rawValue), &parts, UInt32(parts.count)), "GEOSGeom_createCollection_r")
    }

    /// Builds parts one by one; on a failure, frees those already made before rethrowing.
    private static func parts<T>(_ items: [T], _ ctx: GEOSContext, _ make: (T) throws(GEOSError) -> OpaquePointer) throws(GEOSError) -> [OpaquePointer?] {
        var made: [OpaquePointer?] = []
        do {
            for item in items { made.append(try make(item)) }
        } catch {
            for m in made { if let m { GEOSGeom_destroy_r(ctx.handle, m) } }
            throw error
        }
        return made
    }

    static func make(_ g: GeometryOf<Position>, _ ctx: GEOSContext) throws(GEOSError) -> OpaquePointer {
        switch g {
        case .point(let p):
            return try ctx.check(GEOSGeom_createPointFromXY_r(ctx.handle, p.frameX, p.frameY), "GEOSGeom_createPointFromXY_r")
        case .lineString(let ps):
            return try ctx.check(GEOSGeom_createLineString_r(ctx.handle, try sequence(ps, ctx)), "GEOSGeom_createLineString_r")
        case .polygon(let rings):
            return try polygon(rings, ctx)
        case .multiPoint(let ps):
            return try collection(GEOS_MULTIPOINT, try parts(ps, ctx) { p throws(GEOSError) in try make(.point(p), ctx) }, ctx)
        case .multiLineString(let ls):
            return try collection(GEOS_MULTILINESTRING, try parts(ls, ctx) { l throws(GEOSError) in try make(.lineString(l), ctx) }, ctx)
        case .multiPolygon(let polys):
            return try collection(GEOS_MULTIPOLYGON, try parts(polys, ctx) { p throws(GEOSError) in try polygon(p, ctx) }, ctx)
        case .geometryCollection(let gs):
            return try collection(GEOS_GEOMETRYCOLLECTION, try parts(gs, ctx) { g throws(GEOSError) in try make(g, ctx) }, ctx)
        }
    }

    // MARK: - Reading GEOS geometries into values

    private static func positions(_ g: OpaquePointer, _ ctx: GEOSContext) throws(GEOSError) -> [Position] {
        guard let seq = GEOSGeom_getCoordSeq_r(ctx.handle, g) else { throw ctx.error("GEOSGeom_getCoordSeq_r") }
        var size: UInt32 = 0
        try ctx.checkStatus(GEOSCoordSeq_getSize_r(ctx.handle, seq, &size), "GEOSCoordSeq_getSize_r")
        if size == 0 { return [] }
        var buffer = [Double](repeating: 0, count: Int(size) * 2)
        try ctx.checkStatus(GEOSCoordSeq_copyToBuffer_r(ctx.handle, seq, &buffer, 0, 0), "GEOSCoordSeq_copyToBuffer_r")
        return (0..<Int(size)).map { Position(frameX: buffer[2 * $0], frameY: buffer[2 * $0 + 1]) }
    }

    private static func rings(_ g: OpaquePointer, _ ctx: GEOSContext) throws(GEOSError) -> [[Position]] {
        if GEOSisEmpty_r(ctx.handle, g) == 1 { return [] }
        guard let shell = GEOSGetExteriorRing_r(ctx.handle, g) else { throw ctx.error("GEOSGetExteriorRing_r") }
        var out = [try positions(shell, ctx)]
        let n = GEOSGetNumInteriorRings_r(ctx.handle, g)
        if n < 0 { throw ctx.error("GEOSGetNumInteriorRings_r") }
        for i in 0..<n {
            guard let hole = GEOSGetInteriorRingN_r(ctx.handle, g, i) else { throw ctx.error("GEOSGetInteriorRingN_r") }
            out.append(try positions(hole, ctx))
        }
        return out
    }

    private static func children(_ g: OpaquePointer, _ ctx: GEOSContext) throws(GEOSError) -> [OpaquePointer] {
        let n = GEOSGetNumGeometries_r(ctx.handle, g)
        if n < 0 { throw ctx.error("GEOSGetNumGeometries_r") }
        var out: [OpaquePointer] = []
        for i in 0..<n {
            guard let c = GEOSGetGeometryN_r(ctx.handle, g, i) else { throw ctx.error("GEOSGetGeometryN_r") }
            out.append(c)
        }
        return out
    }

    static func read(_ g: OpaquePointer, _ ctx: GEOSContext) throws(GEOSError) -> GeometryOf<Position> {
        let type = GEOSGeomTypeId_r(ctx.handle, g)
        switch type {
        case Int32(GEOS_POINT.rawValue):
            let ps = try positions(g, ctx)
            guard let p = ps.first else { return .multiPoint([]) }
            return .point(p)
        case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
            return .lineString(try positions(g, ctx))
        case Int32(GEOS_POLYGON.rawValue):
            return .polygon(try rings(g, ctx))
        case Int32(GEOS_MULTIPOINT.rawValue):
            var ps: [Position] = []
            for c in try children(g, ctx) { ps += try positions(c, ctx) }
            return .multiPoint(ps)
        case Int32(GEOS_MULTILINESTRING.rawValue):
            var ls: [[Position]] = []
            for c in try children(g, ctx) { ls.append(try positions(c, ctx)) }
            return .multiLineString(ls)
        case Int32(GEOS_MULTIPOLYGON.rawValue):
            var polys: [[[Position]]] = []
            for c in try children(g, ctx) { polys.append(try rings(c, ctx)) }
            return .multiPolygon(polys)
        case Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
            var gs: [GeometryOf<Position>] = []
            for c in try children(g, ctx) { gs.append(try read(c, ctx)) }
            return .geometryCollection(gs)
        default:
            throw ctx.error("GEOSGeomTypeId_r", fallback: "unknown geometry type \(type)")
        }
    }
}
