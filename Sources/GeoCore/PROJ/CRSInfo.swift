import CPROJ

extension PROJContext {
    /// What kind of coordinate reference system a definition names (`proj_create`, `proj_get_type`),
    /// so a map can refuse to draw in raw degrees.
    public func isGeographic(_ definition: String) throws(PROJError) -> Bool {
        guard let pj = proj_create(handle.pointer, definition) else { throw handle.error("proj_create(\(definition))") }
        defer { proj_destroy(pj) }
        switch proj_get_type(pj) {
        case PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_GEOGRAPHIC_3D_CRS, PJ_TYPE_GEOGRAPHIC_CRS, PJ_TYPE_GEODETIC_CRS,
             PJ_TYPE_GEOCENTRIC_CRS:
            return true
        default:
            return false
        }
    }
}
