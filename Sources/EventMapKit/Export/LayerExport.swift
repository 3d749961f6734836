import Foundation
import GeoCore

/// `eventmap export`: the main job's layers in one file of the chosen format.
public enum LayerExport {
    public enum Format: String, Sendable, CaseIterable {
        case geojson, kml, gpkg, csv, fgb, postgis
    }

    /// Why an export cannot be done as asked, before anything is written.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Writes `layers` to `path` atomically. GeoJSON and CSV hold one table: with several layers
    /// each feature gets a leading `layer` property. KML and GeoPackage keep one layer each.
    /// FlatGeobuf holds one layer per file: a path ending in `.fgb` takes one layer, any other
    /// path becomes a folder of `LAYER.fgb` files (replaced whole). PostGIS takes a `PG:`
    /// connection string and writes a table per layer; `existing` says what to do with a table
    /// that is there already (files are always replaced whole).
    public static func write(_ layers: [FeatureCollection], format: Format, to path: String,
                             existing: OGRLayerWriter.ExistingLayers = .refuse) throws {
        switch format {
        case .gpkg: try OGRLayerWriter.write(layers, format: .gpkg, to: path)
        case .kml: try OGRLayerWriter.write(layers, format: .kml, to: path)
        case .fgb:
            if path.lowercased().hasSuffix(".fgb") && layers.count > 1 {
                throw Refusal(description: "\(path): a FlatGeobuf file holds one layer and \(layers.count) were chosen; "
                              + "give --layer NAME, or an output without .fgb, which becomes a folder with one .fgb file per layer")
            }
            try OGRLayerWriter.write(layers, format: .fgb, to: path)
        case .postgis:
            guard let connection = PostgreSQLConnection(path) else {
                throw Refusal(description: "\(path): PostGIS output needs a GDAL connection string, e.g. 'PG:dbname=gis host=localhost'")
            }
            try OGRLayerWriter.write(layers, toDatabase: connection, existing: existing)
        case .geojson: try AtomicWrite.write(geoJSON(layers), to: path)
        case .csv: try AtomicWrite.write(try csv(layers), to: path)
        }
    }

    /// One collection: the layer itself, or all layers merged with a `layer` property first.
    static func merged(_ layers: [FeatureCollection]) -> FeatureCollection {
        if layers.count == 1 { return layers[0] }
        let features = layers.flatMap { layer in
            layer.features.map { f in
                var props = JSONObject([("layer", .string(layer.name ?? ""))])
                for (k, v) in f.properties where k != "layer" { props[k] = v }
                return Feature(id: f.id.map { "\(layer.name ?? "")/\($0)" }, geometry: f.geometry, properties: props)
            }
        }
        return FeatureCollection(name: "eventmap", features: features)
    }

    public static func geoJSON(_ layers: [FeatureCollection]) -> String {
        RenderJob.geoJSONWriter.string(merged(layers))
    }

    /// RFC 4180 CSV: `lat,lon` columns for points, a `wkt` column for other geometries (GEOS's
    /// WKT writer, 7 decimals), then every property. CRLF line ends, as the bundled CSVs.
    public static func csv(_ layers: [FeatureCollection]) throws -> String {
        let collection = merged(layers)
        let schema = LayerSchema(collection)
        let allPoints = collection.features.allSatisfy { if case .point? = $0.geometry { return true }; return $0.geometry == nil }
        let geos = GEOSContext()
        var header = allPoints ? ["lat", "lon"] : ["wkt"]
        header += schema.fields.map(\.name)
        var rows: [[String]] = []
        for f in collection.features {
            var cells: [String]
            switch f.geometry {
            case .point(let p)? where allPoints:
                cells = [JSONWriter.format(p.lat, decimals: 7), JSONWriter.format(p.lon, decimals: 7)]
            case nil:
                cells = allPoints ? ["", ""] : [""]
            case let g?:
                cells = [try GEOSGeometry(g, in: geos).wkt(decimals: 7)]
            }
            cells += schema.fields.map { field in f.properties[field.name].flatMap(LayerSchema.text) ?? "" }
            rows.append(cells)
        }
        return CSVWriter.text(header: header, rows: rows)
    }
}
