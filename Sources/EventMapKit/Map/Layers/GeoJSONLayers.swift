import GeoCore

/// The named GeoJSON layers the main job writes (one file each) and `export` can pick from.
/// Properties keep a fixed order so that the files diff cleanly.
public enum GeoJSONLayers {
    /// Places that are not observation points: a Point each, with precision and source.
    public static func places(_ gazetteer: Gazetteer) -> FeatureCollection {
        let features = gazetteer.places.filter { $0.observationPoint == nil }.map { p in
            Feature(id: p.id, geometry: .point(p.position), properties: JSONObject([
                ("id", .string(p.id)), ("name", .string(p.name)), ("kind", .string(p.kind)),
                ("admin1", .string(p.admin1)), ("country", .string(p.country)),
                ("precision", .int(p.precision.code)), ("uncertainty_m", .number(p.uncertaintyMetres)),
                ("approximate", .bool(p.isApproximate)), ("source", .string(p.source)), ("notes", .string(p.notes)),
            ]))
        }
        return FeatureCollection(name: "places", features: features)
    }

    /// The observation points: number, name, dates, status at the end of 2020, precision.
    public static func observationPoints(_ gazetteer: Gazetteer) -> FeatureCollection {
        let rows = gazetteer.places.compactMap { p in p.observationPoint.map { (p, $0) } }.sorted { $0.1.number < $1.1.number }
        let features = rows.map { p, op in
            Feature(id: p.id, geometry: .point(p.position), properties: JSONObject([
                ("id", .string(p.id)), ("op_number", .int(op.number)), ("name", .string(p.name)),
                ("established", op.established.isEmpty ? .null : .string(op.established)),
                ("status_2020", .string(op.status.rawValue)), ("admin1", .string(p.admin1)),
                ("precision", .int(p.precision.code)), ("uncertainty_m", .number(p.uncertaintyMetres)),
                ("approximate", .bool(p.isApproximate)), ("source", .string(p.source)), ("notes", .string(p.notes)),
            ]))
        }
        return FeatureCollection(name: "observation-points", features: features)
    }

    /// The border line(s) with their geodesic length.
    public static func border(_ collection: FeatureCollection, name: String = "syria-turkey-border") -> FeatureCollection {
        let features = collection.features.map { f -> Feature in
            var props = JSONObject()
            for (k, v) in f.properties { props[k] = v }
            if let g = f.geometry { props["length_km"] = .number(BorderLayers.lengthMetres(g) / 1000) }
            return Feature(id: f.id ?? f.properties["id"]?.stringValue, geometry: f.geometry, properties: props)
        }
        return FeatureCollection(name: name, features: features)
    }
}
