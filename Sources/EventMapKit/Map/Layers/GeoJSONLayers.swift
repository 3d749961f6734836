import GeoCore

/// The named GeoJSON layers the main job writes (one file each) and `export` can pick from.
/// Properties keep a fixed order so that the files diff cleanly.
public enum GeoJSONLayers {
    /// Places that are not observation points: a Point each, with precision and source.
    public static func places(_ gazetteer: Gazetteer, name: String = "places") -> FeatureCollection {
        let features = gazetteer.places.filter { $0.observationPoint == nil }.map { p in
            Feature(id: p.id, geometry: .point(p.position), properties: JSONObject([
                ("id", .string(p.id)), ("name", .string(p.name)), ("kind", .string(p.kind)),
                ("admin1", .string(p.admin1)), ("country", .string(p.country)),
                ("precision", .int(p.precision.code)), ("uncertainty_m", .number(p.uncertaintyMetres)),
                ("approximate", .bool(p.isApproximate)), ("source", .string(p.source)), ("notes", .string(p.notes)),
            ]))
        }
        return FeatureCollection(name: name, features: features)
    }

    /// The observation points: number, name, dates, status at the end of 2020, precision.
    public static func observationPoints(_ gazetteer: Gazetteer, name: String = "observation-points") -> FeatureCollection {
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
        return FeatureCollection(name: name, features: features)
    }

    /// The events: a Point each at its place, with the JSON shape `eventmap events --json` prints
    /// (killed/wounded as {low, best, high}, the report count and the reports).
    public static func events(_ events: [Event], name: String = "events") -> FeatureCollection {
        FeatureCollection(name: name, features: events.map(eventFeature))
    }

    /// One event's feature (made one at a time when the layer is streamed to its file).
    static func eventFeature(_ e: Event) -> Feature {
        Feature(id: e.id, geometry: .point(e.position), properties: EventJSON.object(e))
    }

    /// Land borders, a feature each: the two countries, the geodesic length, the source.
    public static func borders(_ borders: [LandBorder], name: String = "borders") -> FeatureCollection {
        FeatureCollection(name: name, features: borders.map { b in
            let props = JSONObject([("id", .string(b.label)), ("name", .string(b.displayName)),
                                    ("country_a", .string(b.codes.0)), ("country_b", .string(b.codes.1)),
                                    ("length_km", .number(BorderLayers.lengthMetres(b.geometry) / 1000)),
                                    ("source", "Natural Earth 1:10m admin-0 countries v5.1.1 (see geodata/README.md)")])
            return Feature(id: b.label, geometry: b.geometry, properties: props)
        })
    }

    /// A geodesic zone along borders on one country's side.
    public static func borderZone(_ result: BufferResult, borders: LandBorderSet, side: Country, name: String) -> FeatureCollection {
        var f = Zones.feature(result, target: .borders(borders), clip: side)
        f.id = name
        return FeatureCollection(name: name, features: [f])
    }

    /// The geodesic from a place to its nearest border point, densified, with its length.
    public static func borderLine(_ d: BorderDistance, name: String) -> FeatureCollection {
        var props = JSONObject()
        props["from_id"] = .string(d.place.id)
        props["from_name"] = .string(d.place.name)
        props["to"] = .string(d.measurement.targetLabel)
        props["to_lat"] = .number(d.measurement.nearest.lat)
        props["to_lon"] = .number(d.measurement.nearest.lon)
        props["distance_m"] = .number(d.measurement.distanceMetres)
        props["distance_km"] = .number(d.measurement.distanceMetres / 1000)
        props["azimuth_deg"] = JSONValue(d.measurement.azimuthDegrees.map(CompassPoint.normalised))
        props["precision"] = .int(d.place.precision.code)
        props["uncertainty_m"] = .number(d.place.isApproximate ? d.place.uncertaintyMetres : 0)
        props["method"] = "WGS 84 geodesic to the nearest point of the border, found exactly along its geodesic edges"
        return FeatureCollection(name: name, features: [Feature(id: name, geometry: .lineString(d.line), properties: props)])
    }
}
