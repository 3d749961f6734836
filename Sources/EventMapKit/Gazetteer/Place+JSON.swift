import GeoCore

extension Place {
    /// The place as a JSON object, the one shape every command prints (and GeoJSON properties
    /// reuse): id, name, kind, lat, lon, admin1, country, precision (UCDP where_prec 1-7),
    /// precision_label, acled_geo_precision, uncertainty_m, approximate, source, alt_names,
    /// notes; population when known; for an observation point also op_number, established (null when unknown) and
    /// status_2020.
    public var jsonObject: JSONObject {
        var o = JSONObject([
            ("id", .string(id)),
            ("name", .string(name)),
            ("kind", .string(kind)),
            ("lat", .number(position.lat)),
            ("lon", .number(position.lon)),
            ("admin1", .string(admin1)),
            ("country", .string(country)),
            ("precision", .int(precision.code)),
            ("precision_label", .string(precision.label)),
            ("acled_geo_precision", .int(precision.acledGeoPrecision)),
            ("uncertainty_m", .number(uncertaintyMetres)),
            ("approximate", .bool(isApproximate)),
            ("source", .string(source)),
            ("alt_names", .array(alternateNames.map(JSONValue.string))),
            ("notes", .string(notes)),
        ])
        if let population { o["population"] = .int(population) }
        if let op = observationPoint {
            o["op_number"] = .int(op.number)
            o["established"] = op.established.isEmpty ? .null : .string(op.established)
            o["status_2020"] = .string(op.status.rawValue)
        }
        return o
    }

    /// `jsonObject` as a JSON value.
    public var json: JSONValue { .object(jsonObject) }
}
