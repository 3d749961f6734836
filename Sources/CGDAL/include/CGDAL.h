// GDAL's C API (OGR vector layers, spatial references, errors), loaded at run time.
//
// libgdal pulls in about 120 shared libraries; linking it would cost every eventmap command
// ~40 ms at start-up. Only `export` needs it, so cgdal_load() dlopen()s it on first use and the
// cgdal_* wrappers below call through the resolved symbols. The GDAL headers still type-check
// every wrapper. Their folder is `pkg-config --cflags gdal`, which `make` passes as CPATH; a plain
// `swift build` finds them where Debian, Fedora and Arch put them (<gdal/...> on the default path).
#ifndef CGDAL_H
#define CGDAL_H

#include <stddef.h>
#if __has_include(<gdal.h>)
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_error.h>
#include <cpl_string.h>
#elif __has_include(<gdal/gdal.h>)
#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <gdal/ogr_srs_api.h>
#include <gdal/cpl_error.h>
#include <gdal/cpl_string.h>
#else
#error "GDAL's headers are not found: install libgdal-dev (pkg-config gdal), or set CPATH to `pkg-config --cflags-only-I gdal` without the -I"
#endif

/// Loads libgdal once (thread-safe), registers its drivers and silences its stderr messages
/// (they stay readable through cgdal_CPLGetLastErrorMsg). Returns 0 on success; otherwise 1,
/// with the reason in `message`.
int cgdal_load(char *message, size_t size);

// Every GDAL function eventmap calls: X(return type, name, parameter list, argument list).
#define CGDAL_FUNCTIONS(X) \
    X(const char *, CPLGetLastErrorMsg, (void), ()) \
    X(CPLErr, CPLGetLastErrorType, (void), ()) \
    X(char **, CSLSetNameValue, (char **list, const char *name, const char *value), (list, name, value)) \
    X(GDALDriverH, GDALGetDriverByName, (const char *name), (name)) \
    X(GDALDatasetH, GDALCreate, (GDALDriverH driver, const char *path, int x, int y, int bands, GDALDataType type, CSLConstList options), (driver, path, x, y, bands, type, options)) \
    X(OGRErr, GDALDatasetStartTransaction, (GDALDatasetH ds, int force), (ds, force)) \
    X(OGRErr, GDALDatasetCommitTransaction, (GDALDatasetH ds), (ds)) \
    X(OGRErr, GDALDatasetRollbackTransaction, (GDALDatasetH ds), (ds)) \
    X(OGRLayerH, GDALDatasetGetLayerByName, (GDALDatasetH ds, const char *name), (ds, name)) \
    X(GDALDatasetH, GDALOpenEx, (const char *path, unsigned int flags, const char *const *drivers, const char *const *options, const char *const *siblings), (path, flags, drivers, options, siblings)) \
    X(OGRLayerH, GDALDatasetCreateLayer, (GDALDatasetH ds, const char *name, OGRSpatialReferenceH srs, OGRwkbGeometryType type, CSLConstList options), (ds, name, srs, type, options)) \
    X(OGRFeatureH, OGR_F_Create, (OGRFeatureDefnH defn), (defn)) \
    X(OGRErr, OGR_F_SetGeometryDirectly, (OGRFeatureH f, OGRGeometryH g), (f, g)) \
    X(OGRFieldDefnH, OGR_Fld_Create, (const char *name, OGRFieldType type), (name, type)) \
    X(OGRErr, OGR_G_AddGeometryDirectly, (OGRGeometryH g, OGRGeometryH part), (g, part)) \
    X(OGRGeometryH, OGR_G_CreateGeometry, (OGRwkbGeometryType type), (type)) \
    X(OGRErr, OGR_L_CreateFeature, (OGRLayerH layer, OGRFeatureH f), (layer, f)) \
    X(OGRErr, OGR_L_CreateField, (OGRLayerH layer, OGRFieldDefnH field, int approx), (layer, field, approx)) \
    X(int, OGR_L_FindFieldIndex, (OGRLayerH layer, const char *name, int exact), (layer, name, exact)) \
    X(OGRFeatureDefnH, OGR_L_GetLayerDefn, (OGRLayerH layer), (layer)) \
    X(OGRErr, OSRImportFromEPSG, (OGRSpatialReferenceH srs, int code), (srs, code)) \
    X(OGRSpatialReferenceH, OSRNewSpatialReference, (const char *wkt), (wkt))

// The same for functions returning nothing.
#define CGDAL_VOID_FUNCTIONS(X) \
    X(CPLErrorReset, (void), ()) \
    X(CSLDestroy, (char **list), (list)) \
    X(GDALClose, (GDALDatasetH ds), (ds)) \
    X(OGR_F_Destroy, (OGRFeatureH f), (f)) \
    X(OGR_F_SetFieldDouble, (OGRFeatureH f, int i, double v), (f, i, v)) \
    X(OGR_F_SetFieldInteger, (OGRFeatureH f, int i, int v), (f, i, v)) \
    X(OGR_F_SetFieldInteger64, (OGRFeatureH f, int i, GIntBig v), (f, i, v)) \
    X(OGR_F_SetFieldNull, (OGRFeatureH f, int i), (f, i)) \
    X(OGR_F_SetFieldString, (OGRFeatureH f, int i, const char *v), (f, i, v)) \
    X(OGR_Fld_Destroy, (OGRFieldDefnH field), (field)) \
    X(OGR_Fld_SetSubType, (OGRFieldDefnH field, OGRFieldSubType sub), (field, sub)) \
    X(OGR_G_AddPoint_2D, (OGRGeometryH g, double x, double y), (g, x, y)) \
    X(OGR_G_DestroyGeometry, (OGRGeometryH g), (g)) \
    X(OGR_G_SetPoint_2D, (OGRGeometryH g, int i, double x, double y), (g, i, x, y)) \
    X(OSRRelease, (OGRSpatialReferenceH srs), (srs)) \
    X(OSRSetAxisMappingStrategy, (OGRSpatialReferenceH srs, OSRAxisMappingStrategy s), (srs, s))

#define CGDAL_DECLARE(ret, name, params, args) ret cgdal_##name params;
#define CGDAL_DECLARE_VOID(name, params, args) void cgdal_##name params;
CGDAL_FUNCTIONS(CGDAL_DECLARE)
CGDAL_VOID_FUNCTIONS(CGDAL_DECLARE_VOID)
#undef CGDAL_DECLARE
#undef CGDAL_DECLARE_VOID

#endif
