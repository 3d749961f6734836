import CGDAL

/// An open GDAL vector dataset (`GDALDatasetH`), closed once in `deinit` or by `close()`,
/// which flushes it and reports a failed flush. Not Sendable: one task uses a dataset.
final class GDALVectorDataset {
    private var handle: GDALDatasetH?
    let path: String

    /// Creates a new vector dataset with the named driver (`KML`, `GPKG`, ...).
    init(creating path: String, driver name: String, options: [String: String] = [:]) throws(GDALError) {
        try GDALSetup.load()
        cgdal_CPLErrorReset()
        guard let driver = cgdal_GDALGetDriverByName(name) else { throw GDALError.last("GDALGetDriverByName(\(name))", fallback: "no such driver") }
        let list = StringList(options)
        guard let ds = cgdal_GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, list.pointer) else {
            throw GDALError.last("GDALCreate(\(name), \(path))")
        }
        handle = ds
        self.path = path
    }

    /// Opens an existing vector dataset for update (`GDALOpenEx`), e.g. a `PG:` connection string.
    init(updating path: String) throws(GDALError) {
        try GDALSetup.load()
        cgdal_CPLErrorReset()
        guard let ds = cgdal_GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_UPDATE), nil, nil, nil) else {
            throw GDALError.last("GDALOpenEx", fallback: "GDAL cannot open it")
        }
        handle = ds
        self.path = path
    }

    deinit {
        if let handle { cgdal_GDALClose(handle) }
    }

    /// The layer named `name`, if the dataset has one (`GDALDatasetGetLayerByName`; owned by the dataset).
    func layer(named name: String) -> OGRLayerH? {
        guard let h = handle else { return nil }
        cgdal_CPLErrorReset()
        defer { cgdal_CPLErrorReset() }
        return cgdal_GDALDatasetGetLayerByName(h, name)
    }

    /// Closes the dataset (`GDALClose`), surfacing any error raised while it flushed.
    func close() throws(GDALError) {
        guard let h = handle else { return }
        handle = nil
        cgdal_CPLErrorReset()
        cgdal_GDALClose(h)
        if cgdal_CPLGetLastErrorType() == CE_Failure || cgdal_CPLGetLastErrorType() == CE_Fatal {
            throw GDALError.last("GDALClose(\(path))")
        }
    }

    /// A new layer (owned by the dataset; `GDALDatasetCreateLayer`).
    func createLayer(_ name: String, srs: SpatialReference, geometryType: OGRwkbGeometryType,
                     options: [String: String] = [:]) throws(GDALError) -> OGRLayerH {
        guard let h = handle else { throw GDALError(operation: "GDALDatasetCreateLayer(\(name))", message: "the dataset is closed") }
        cgdal_CPLErrorReset()
        let list = StringList(options)
        guard let layer = cgdal_GDALDatasetCreateLayer(h, name, srs.handle, geometryType, list.pointer) else {
            throw GDALError.last("GDALDatasetCreateLayer(\(name))")
        }
        return layer
    }

    func startTransaction() throws(GDALError) {
        guard let h = handle else { return }
        try GDALError.check(cgdal_GDALDatasetStartTransaction(h, 0), "GDALDatasetStartTransaction")
    }

    func commitTransaction() throws(GDALError) {
        guard let h = handle else { return }
        try GDALError.check(cgdal_GDALDatasetCommitTransaction(h), "GDALDatasetCommitTransaction")
    }

    /// Undoes the open transaction (`GDALDatasetRollbackTransaction`); used on the way out of a failure.
    func rollbackTransaction() {
        guard let h = handle else { return }
        _ = cgdal_GDALDatasetRollbackTransaction(h)
        cgdal_CPLErrorReset()
    }
}

/// An owned `OGRSpatialReferenceH`, longitude first (traditional GIS order); released in `deinit`.
final class SpatialReference {
    let handle: OGRSpatialReferenceH

    /// WGS 84 longitude/latitude (EPSG:4326 in lon, lat order): what every layer we write is in.
    init(epsg: Int32 = 4326) throws(GDALError) {
        try GDALSetup.load()
        cgdal_CPLErrorReset()
        guard let h = cgdal_OSRNewSpatialReference(nil) else { throw GDALError.last("OSRNewSpatialReference") }
        handle = h
        try GDALError.check(cgdal_OSRImportFromEPSG(h, epsg), "OSRImportFromEPSG(\(epsg))")
        cgdal_OSRSetAxisMappingStrategy(h, OAMS_TRADITIONAL_GIS_ORDER)
    }

    deinit { cgdal_OSRRelease(handle) }
}

/// An owned `OGRFieldDefnH` (`OGR_Fld_Create`), destroyed in `deinit` (OGR_L_CreateField copies it).
final class OGRFieldDefinition {
    let handle: OGRFieldDefnH

    init(name: String, type: OGRFieldType, subType: OGRFieldSubType = OFSTNone) throws(GDALError) {
        cgdal_CPLErrorReset()
        guard let h = cgdal_OGR_Fld_Create(name, type) else { throw GDALError.last("OGR_Fld_Create(\(name))") }
        handle = h
        if subType != OFSTNone { cgdal_OGR_Fld_SetSubType(h, subType) }
    }

    deinit { cgdal_OGR_Fld_Destroy(handle) }
}

/// An owned `OGRFeatureH`, destroyed in `deinit` (OGR_L_CreateFeature copies it).
final class OGRFeature {
    let handle: OGRFeatureH

    init(layer: OGRLayerH) throws(GDALError) {
        cgdal_CPLErrorReset()
        guard let h = cgdal_OGR_F_Create(cgdal_OGR_L_GetLayerDefn(layer)) else { throw GDALError.last("OGR_F_Create") }
        handle = h
    }

    deinit { cgdal_OGR_F_Destroy(handle) }

    /// Hands a geometry to the feature (`OGR_F_SetGeometryDirectly`): the feature owns it from then on.
    func take(_ geometry: OGRGeometry) throws(GDALError) {
        let raw = geometry.release()
        try GDALError.check(cgdal_OGR_F_SetGeometryDirectly(handle, raw), "OGR_F_SetGeometryDirectly")
    }
}

/// An owned `OGRGeometryH`: destroyed in `deinit` unless ownership was handed over with `release()`.
final class OGRGeometry {
    private var handle: OGRGeometryH?

    init(type: OGRwkbGeometryType) throws(GDALError) {
        guard let h = cgdal_OGR_G_CreateGeometry(type) else { throw GDALError.last("OGR_G_CreateGeometry(\(type.rawValue))") }
        handle = h
    }

    deinit { if let handle { cgdal_OGR_G_DestroyGeometry(handle) } }

    var raw: OGRGeometryH { handle! }

    /// Gives up ownership (to a feature or a parent geometry).
    func release() -> OGRGeometryH {
        let h = handle!
        handle = nil
        return h
    }

    func addPoint(_ p: LonLat) { cgdal_OGR_G_AddPoint_2D(raw, p.lon, p.lat) }

    /// Moves `child` into this geometry (`OGR_G_AddGeometryDirectly`). The child is GDAL's from
    /// the call on, even when it fails: GDAL then deletes it itself, so it is never destroyed here.
    func add(_ child: OGRGeometry) throws(GDALError) {
        cgdal_CPLErrorReset()
        let err = cgdal_OGR_G_AddGeometryDirectly(raw, child.release())
        if err != OGRERR_NONE {
            throw GDALError.last("OGR_G_AddGeometryDirectly", fallback: "OGR error code \(err)")
        }
    }
}

/// A NULL-terminated `char **` option list (`CSLSetNameValue`), freed with `CSLDestroy`.
final class StringList {
    private(set) var pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    init(_ options: [String: String]) {
        for (k, v) in options.sorted(by: { $0.key < $1.key }) { pointer = cgdal_CSLSetNameValue(pointer, k, v) }
    }

    deinit { cgdal_CSLDestroy(pointer) }
}
