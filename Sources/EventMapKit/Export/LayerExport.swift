import Foundation
import GeoCore

/// `eventmap export`: the main job's layers in one file of the chosen format.
public enum LayerExport {
    public enum Format: String, Sendable, CaseIterable {
        case geojson, kml, gpkg, csv
    }

    /// Writes `layers` to `path` atomically. GeoJSON and CSV hold one table: with several layers
    /// each feature gets a leading `layer` property. KML and GeoPackage keep one layer each.
    public static func write(_ layers: [FeatureCollection], format: Format, to path: String) throws {
        switch format {
        case .gpkg: try OGRLayerWriter.write(layers, format: .gpkg, to: path)
        case .kml: try OGRLayerWriter.write(layers, format: .kml, to: path)
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
