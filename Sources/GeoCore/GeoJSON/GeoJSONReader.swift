/// Reads GeoJSON (RFC 7946): a FeatureCollection, a single Feature or a bare geometry.
/// Property order is kept; positions must be [longitude, latitude(, altitude)] in range.
public enum GeoJSONReader {
    public static func read(_ text: String) throws(GeoJSONError) -> FeatureCollection {
        let root: JSONValue
        do { root = try JSONParser.parse(text) } catch {
            throw GeoJSONError(path: "", reason: "not valid JSON (\(error.description))")
        }
        return try collection(root)
    }

    public static func collection(_ root: JSONValue) throws(GeoJSONError) -> FeatureCollection {
        guard let object = root.objectValue else { throw GeoJSONError(path: "", reason: "the document is not a JSON object") }
        switch object["type"]?.stringValue {
        case "FeatureCollection":
            guard let items = object["features"]?.arrayValue else {
                throw GeoJSONError(path: "features", reason: "a FeatureCollection needs a 'features' array")
            }
            var features: [Feature] = []
            for (i, item) in items.enumerated() { features.append(try feature(item, path: "features[\(i)]")) }
            return FeatureCollection(name: object["name"]?.stringValue, features: features)
        case "Feature":
            return FeatureCollection(features: [try feature(root, path: "")])
        case .some:
            return FeatureCollection(features: [Feature(geometry: try geometry(root, path: ""))])
        case .none:
            throw GeoJSONError(path: "type", reason: "missing 'type' member")
        }
    }

    public static func feature(_ value: JSONValue, path: String) throws(GeoJSONError) -> Feature {
        guard let object = value.objectValue, object["type"]?.stringValue == "Feature" else {
            throw GeoJSONError(path: path, reason: "expected an object with \"type\": \"Feature\"")
        }
        let sub = path.isEmpty ? "" : path + "."
        var id: String?
        switch object["id"] {
        case .string(let s)?: id = s
        case .int(let i)?: id = String(i)
        case .number(let d)?: id = JSONWriter.format(d, decimals: 6)
        default: id = nil
        }
        let geom: Geometry?
        switch object["geometry"] {
        case nil, .null?: geom = nil
        case let g?: geom = try geometry(g, path: sub + "geometry")
        }
        let props: JSONObject
        switch object["properties"] {
        case nil, .null?: props = JSONObject()
        case .object(let o)?: props = o
        default: throw GeoJSONError(path: sub + "properties", reason: "properties must be an object or null")
        }
        return Feature(id: id, geometry: geom, properties: props)
    }

    public static func geometry(_ value: JSONValue, path: String) throws(GeoJSONError) -> Geometry {
        guard let object = value.objectValue, let type = object["type"]?.stringValue else {
            throw GeoJSONError(path: path, reason: "a geometry needs a 'type'")
        }
        let cpath = (path.isEmpty ? "" : path + ".") + "coordinates"
        if type == "GeometryCollection" {
            guard let items = object["geometries"]?.arrayValue else {
                throw GeoJSONError(path: path, reason: "a GeometryCollection needs a 'geometries' array")
            }
            var gs: [Geometry] = []
            for (i, g) in items.enumerated() { gs.append(try geometry(g, path: "\(path).geometries[\(i)]")) }
            return .geometryCollection(gs)
        }
        guard let c = object["coordinates"] else { throw GeoJSONError(path: cpath, reason: "missing 'coordinates'") }
        switch type {
        case "Point": return .point(try position(c, cpath))
        case "MultiPoint": return .multiPoint(try positions(c, cpath))
        case "LineString":
            let l = try positions(c, cpath)
            guard l.count >= 2 else { throw GeoJSONError(path: cpath, reason: "a LineString needs at least 2 positions") }
            return .lineString(l)
        case "MultiLineString": return .multiLineString(try list(c, cpath, positions))
        case "Polygon": return .polygon(try rings(c, cpath))
        case "MultiPolygon": return .multiPolygon(try list(c, cpath, rings))
        default: throw GeoJSONError(path: path, reason: "unknown geometry type '\(type)'")
        }
    }

    private static func list<T>(_ v: JSONValue, _ path: String, _ each: (JSONValue, String) throws(GeoJSONError) -> T) throws(GeoJSONError) -> [T] {
        guard let items = v.arrayValue else { throw GeoJSONError(path: path, reason: "expected an array") }
        var out: [T] = []
        for (i, item) in items.enumerated() { out.append(try each(item, "\(path)[\(i)]")) }
        return out
    }

    private static func rings(_ v: JSONValue, _ path: String) throws(GeoJSONError) -> [[LonLat]] {
        let rs = try list(v, path, positions)
        for (i, r) in rs.enumerated() {
            guard r.count >= 4 else { throw GeoJSONError(path: "\(path)[\(i)]", reason: "a linear ring needs at least 4 positions") }
            guard r.first == r.last else { throw GeoJSONError(path: "\(path)[\(i)]", reason: "a linear ring must end where it starts") }
        }
        return rs
    }

    private static func positions(_ v: JSONValue, _ path: String) throws(GeoJSONError) -> [LonLat] {
        try list(v, path, position)
    }

    private static func position(_ v: JSONValue, _ path: String) throws(GeoJSONError) -> LonLat {
        guard let a = v.arrayValue, a.count >= 2, let lon = a[0].doubleValue, let lat = a[1].doubleValue else {
            throw GeoJSONError(path: path, reason: "a position is an array [longitude, latitude]")
        }
        guard (-180.0...180.0).contains(lon), (-90.0...90.0).contains(lat) else {
            throw GeoJSONError(path: path, reason: "position [\(lon), \(lat)] is out of range (longitude first, then latitude)")
        }
        return LonLat(lon: lon, lat: lat)
    }
}
