import CGEOS

extension GEOSGeometry {
    /// A point guaranteed to lie inside an areal geometry (`GEOSPointOnSurface_r`): where a map
    /// can put an area's name even when the area is concave and its centroid falls outside.
    public func pointOnSurface() throws(GEOSError) -> Position? {
        let g = GEOSGeometry(owning: try context.check(GEOSPointOnSurface_r(context.handle, pointer), "GEOSPointOnSurface_r"), in: context)
        if g.isEmpty { return nil }
        if case .point(let p) = try g.value() { return p }
        return nil
    }
}
