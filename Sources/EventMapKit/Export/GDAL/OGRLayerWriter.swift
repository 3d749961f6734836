import CGDAL
import Foundation
import GeoCore

/// Writes feature collections as the layers of one dataset through GDAL's OGR API: GeoPackage
/// (typed fields, spatial index), KML (Google Earth's name and description per placemark),
/// FlatGeobuf (one layer per file, packed R-tree) and PostGIS (a table per layer).
/// A file appears whole or not at all: GDAL writes a temporary file that is then renamed; a
/// database gets every layer in one transaction.
public enum OGRLayerWriter {
    public enum Format: String, Sendable, CaseIterable {
        case gpkg, kml, fgb, postgis

        var driver: String {
            switch self {
            case .gpkg: "GPKG"
            case .kml: "KML"
            case .fgb: "FlatGeobuf"
            case .postgis: "PostgreSQL"
            }
        }

        /// Layer creation options: geometry and FID column names, the spatial index, the comment.
        func layerOptions(description: String, overwrite: Bool) -> [String: String] {
            switch self {
            case .gpkg: ["SPATIAL_INDEX": "YES", "GEOMETRY_NAME": "geom", "FID": "fid"]
            case .kml: [:]
            case .fgb: ["SPATIAL_INDEX": "YES"]
            case .postgis:
                ["GEOMETRY_NAME": "geom", "FID": "fid", "SPATIAL_INDEX": "GIST", "DIM": "2", "DESCRIPTION": description,
                 "OVERWRITE": overwrite ? "YES" : "NO"]
            }
        }
    }

    /// What to do with a table that exists already (PostGIS): what `ogr2ogr` does by default
    /// (refuse), with `-overwrite` (drop and create) and with `-append` (add the features).
    public enum ExistingLayers: Sendable {
        case refuse, overwrite, append
    }

    public static func write(_ layers: [FeatureCollection], format: Format, to path: String) throws {
        precondition(format != .postgis, "PostGIS is written with write(_:toDatabase:existing:)")
        let tmp = AtomicWrite.temporaryPath(besides: path)
        try? FileManager.default.removeItem(atPath: tmp)
        do {
            let options = format == .kml ? ["NameField": "name", "DescriptionField": "description"] : [:]
            let ds = try GDALVectorDataset(creating: tmp, driver: format.driver, options: options)
            let srs = try SpatialReference()
            for (i, collection) in layers.enumerated() {
                let layer = format == .kml ? withDescriptions(collection) : collection
                try write(layer, name: collection.name ?? "layer\(i + 1)", into: ds, srs: srs, format: format)
            }
            try ds.close()
            try AtomicWrite.commit(temporary: tmp, to: path)
        } catch {
            try? FileManager.default.removeItem(atPath: tmp)
            throw error
        }
    }

    /// Writes every layer as a table of the database, all in one transaction: on any failure
    /// nothing is left behind. A connection failure names the host and database only.
    public static func write(_ layers: [FeatureCollection], toDatabase connection: PostgreSQLConnection,
                             existing: ExistingLayers) throws {
        let ds: GDALVectorDataset
        do {
            ds = try GDALVectorDataset(updating: connection.gdalName)
        } catch {
            throw PostgreSQLConnection.Failure(connection, gdalMessage: error.message)
        }
        let srs = try SpatialReference()
        do {
            try ds.startTransaction()
            for (i, collection) in layers.enumerated() {
                let name = launderedName(collection.name ?? "layer\(i + 1)")
                if existing == .refuse, ds.layer(named: name) != nil {
                    throw LayerExport.Refusal(description: "the table \(name) exists already in \(connection.label): "
                                              + "give --overwrite to replace it or --append to add to it")
                }
                try write(collection, name: name, into: ds, srs: srs, format: .postgis, existing: existing)
            }
            try ds.commitTransaction()
            try ds.close()
        } catch {
            ds.rollbackTransaction()
            guard let e = error as? GDALError else { throw error }
            throw GDALError(operation: e.operation, message: connection.redacting(e.message))
        }
    }

    /// The table name GDAL's PostgreSQL driver makes of a layer name (LAUNDER=YES): lower case,
    /// with `-`, `#` and `'` as `_`.
    static func launderedName(_ name: String) -> String {
        String(name.lowercased().map { "-#'".contains($0) ? "_" : $0 })
    }

    private static func write(_ collection: FeatureCollection, name: String, into ds: GDALVectorDataset, srs: SpatialReference,
                              format: Format, existing: ExistingLayers = .overwrite) throws {
        let schema = LayerSchema(collection)
        let kind = geometryKind(collection)
        let layer: OGRLayerH
        if format == .postgis, existing == .append, let old = ds.layer(named: name) {
            layer = old
        } else {
            layer = try ds.createLayer(name, srs: srs, geometryType: kind.type,
                                       options: format.layerOptions(description: LayerProvenance.describe(collection),
                                                                    overwrite: existing == .overwrite))
            for field in schema.fields {
                let type: OGRFieldType = switch field.type {
                case .integer: OFTInteger64
                case .real: OFTReal
                case .boolean: OFTInteger
                case .string, .json: OFTString
                }
                let subType = field.type == .boolean ? OFSTBoolean : field.type == .json ? OFSTJSON : OFSTNone
                let defn = try OGRFieldDefinition(name: field.name, type: type, subType: subType)
                try GDALError.check(cgdal_OGR_L_CreateField(layer, defn.handle, 1), "OGR_L_CreateField(\(name).\(field.name))")
            }
        }
        // GeoPackage writes in one transaction per layer (fast); PostGIS is inside the caller's
        // one; KML and FlatGeobuf have none. Drivers may map fields specially (KML's name and
        // description, PostgreSQL's laundered names): look each index up by name.
        let indices = schema.fields.map { cgdal_OGR_L_FindFieldIndex(layer, $0.name, format == .postgis ? 0 : 1) }
        if format == .gpkg { try ds.startTransaction() }
        for f in collection.features {
            let feature = try OGRFeature(layer: layer)
            for (field, idx) in zip(schema.fields, indices) where idx >= 0 {
                switch f.properties[field.name] {
                case nil, .null?: cgdal_OGR_F_SetFieldNull(feature.handle, idx)
                case .int(let v)?: cgdal_OGR_F_SetFieldInteger64(feature.handle, idx, GIntBig(v))
                case .number(let v)?: cgdal_OGR_F_SetFieldDouble(feature.handle, idx, v)
                case .bool(let b)?: cgdal_OGR_F_SetFieldInteger(feature.handle, idx, b ? 1 : 0)
                case let v?: cgdal_OGR_F_SetFieldString(feature.handle, idx, LayerSchema.text(v) ?? "")
                }
            }
            if let g = f.geometry { try feature.take(try ogrGeometry(g, promote: kind.promote)) }
            cgdal_CPLErrorReset()
            try GDALError.check(cgdal_OGR_L_CreateFeature(layer, feature.handle), "OGR_L_CreateFeature(\(name))")
        }
        if format == .gpkg { try ds.commitTransaction() }
    }

    /// KML placemarks show `name` and `description`: give each feature a description when it has
    /// none (its notes, else its other fields as "key: value" lines).
    static func withDescriptions(_ c: FeatureCollection) -> FeatureCollection {
        var out = c
        out.features = c.features.map { f in
            guard f.properties["description"] == nil else { return f }
            var f = f
            var text = f.properties["notes"].flatMap(LayerSchema.text) ?? ""
            if text.isEmpty {
                text = f.properties.filter { $0.key != "name" }.compactMap { k, v in LayerSchema.text(v).map { "\(k): \($0)" } }
                    .joined(separator: "\n")
            }
            f.properties["description"] = .string(text)
            return f
        }
        return out
    }

    /// One OGR geometry type per layer: the features' own type, or its multi form when single and
    /// multi parts mix (then the singles are promoted), or unknown for a true mixture.
    static func geometryKind(_ c: FeatureCollection) -> (type: OGRwkbGeometryType, promote: Bool) {
        let names = Set(c.features.compactMap { $0.geometry?.typeName })
        let single: [String: OGRwkbGeometryType] = [
            "Point": wkbPoint, "LineString": wkbLineString, "Polygon": wkbPolygon, "MultiPoint": wkbMultiPoint,
            "MultiLineString": wkbMultiLineString, "MultiPolygon": wkbMultiPolygon, "GeometryCollection": wkbGeometryCollection,
        ]
        if names.count == 1, let t = single[names.first!] { return (t, false) }
        if names == ["Point", "MultiPoint"] { return (wkbMultiPoint, true) }
        if names == ["LineString", "MultiLineString"] { return (wkbMultiLineString, true) }
        if names == ["Polygon", "MultiPolygon"] { return (wkbMultiPolygon, true) }
        return (wkbUnknown, false)
    }

    static func ogrGeometry(_ g: Geometry, promote: Bool) throws(GDALError) -> OGRGeometry {
        func line(_ ps: [LonLat], _ type: OGRwkbGeometryType) throws(GDALError) -> OGRGeometry {
            let l = try OGRGeometry(type: type)
            for p in ps { l.addPoint(p) }
            return l
        }
        func polygon(_ rings: [[LonLat]]) throws(GDALError) -> OGRGeometry {
            let poly = try OGRGeometry(type: wkbPolygon)
            for r in rings { try poly.add(try line(r, wkbLinearRing)) }
            return poly
        }
        func collection(_ type: OGRwkbGeometryType, _ parts: [OGRGeometry]) throws(GDALError) -> OGRGeometry {
            let c = try OGRGeometry(type: type)
            for p in parts { try c.add(p) }
            return c
        }
        switch g {
        case .point(let p):
            let pt = try OGRGeometry(type: wkbPoint)
            cgdal_OGR_G_SetPoint_2D(pt.raw, 0, p.lon, p.lat)
            return promote ? try collection(wkbMultiPoint, [pt]) : pt
        case .lineString(let l):
            let ln = try line(l, wkbLineString)
            return promote ? try collection(wkbMultiLineString, [ln]) : ln
        case .polygon(let rings):
            let poly = try polygon(rings)
            return promote ? try collection(wkbMultiPolygon, [poly]) : poly
        case .multiPoint(let ps):
            var parts: [OGRGeometry] = []
            for p in ps { parts.append(try ogrGeometry(.point(p), promote: false)) }
            return try collection(wkbMultiPoint, parts)
        case .multiLineString(let ls):
            var parts: [OGRGeometry] = []
            for l in ls { parts.append(try line(l, wkbLineString)) }
            return try collection(wkbMultiLineString, parts)
        case .multiPolygon(let polys):
            var parts: [OGRGeometry] = []
            for p in polys { parts.append(try polygon(p)) }
            return try collection(wkbMultiPolygon, parts)
        case .geometryCollection(let gs):
            var parts: [OGRGeometry] = []
            for x in gs { parts.append(try ogrGeometry(x, promote: false)) }
            return try collection(wkbGeometryCollection, parts)
        }
    }
}
