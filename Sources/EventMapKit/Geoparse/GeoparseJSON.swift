import GeoCore

extension GeoparseResult {
    /// The result as JSON: mentions (offsets, text, place, confidence, reason), countries,
    /// distances (value, unit, qualifier, from, to; with `checks`, the check of each), not_mapped.
    public func json(checks: [DistanceCheck]? = nil) -> JSONValue {
        var o = JSONObject()
        o["mentions"] = .array(mentions.map { m in
            var p = JSONObject([("start", .int(m.start)), ("end", .int(m.end)), ("text", .string(m.text))])
            p["place"] = .object(Self.placeObject(m.place))
            p["matched_name"] = .string(m.matchedName)
            p["candidates"] = .int(m.candidateCount)
            p["confidence"] = .number(m.confidence)
            p["reason"] = .string(m.reason)
            return .object(p)
        })
        o["countries"] = .array(countries.map {
            .object(JSONObject([("start", .int($0.start)), ("end", .int($0.end)), ("text", .string($0.text)), ("code", .string($0.code))]))
        })
        o["distances"] = .array(distances.indices.map { i in
            let d = distances[i]
            var p = JSONObject([("start", .int(d.start)), ("end", .int(d.end)), ("text", .string(d.text))])
            p["value"] = .number(d.value)
            p["unit"] = .string(d.unit)
            p["qualifier"] = .string(d.qualifier.rawValue)
            p["qualifier_word"] = JSONValue(d.qualifierWord)
            p["from"] = d.from.map { .object(mentionRef($0)) } ?? .null
            if d.toBorder {
                p["to"] = .object(JSONObject([("border", .bool(true)), ("country", JSONValue(d.borderCountry))]))
            } else {
                p["to"] = d.toMention.map { .object(mentionRef($0)) } ?? .null
            }
            if let c = checks?.first(where: { $0.distance == i }) {
                var k = JSONObject()
                k["reference"] = .string(c.referenceLabel)
                k["computed_m"] = JSONValue(c.computedMetres)
                k["uncertainty_m"] = .number(c.uncertaintyMetres)
                k["admitted_low_m"] = .number(c.admitted.lowerMetres)
                k["admitted_high_m"] = JSONValue(c.admitted.upperMetres)
                k["verdict"] = .string(c.verdict.rawValue)
                k["reason"] = .string(c.reason)
                p["check"] = .object(k)
            }
            return .object(p)
        })
        o["not_mapped"] = .array(notMapped.map {
            .object(JSONObject([("start", .int($0.start)), ("end", .int($0.end)), ("text", .string($0.text)), ("why", .string($0.why.rawValue))]))
        })
        return .object(o)
    }

    private func mentionRef(_ i: Int) -> JSONObject {
        JSONObject([("mention", .int(i)), ("text", .string(mentions[i].text)), ("place_id", .string(mentions[i].place.id))])
    }

    private static func placeObject(_ p: Place) -> JSONObject {
        var o = JSONObject([("id", .string(p.id)), ("name", .string(p.name)), ("country", .string(p.country)),
                            ("lat", .number(p.position.lat)), ("lon", .number(p.position.lon)),
                            ("precision", .int(p.precision.code)), ("uncertainty_m", .number(p.uncertaintyMetres)),
                            ("source", .string(p.source))])
        if !p.admin1.isEmpty { o["admin1"] = .string(p.admin1) }
        return o
    }

    /// The mentions as GeoJSON points (RFC 7946), with the uncertainty radius and the match as properties.
    public var featureCollection: FeatureCollection {
        FeatureCollection(name: "mentions", features: mentions.map { m in
            Feature(geometry: .point(m.place.position), properties: JSONObject([
                ("text", .string(m.text)), ("start", .int(m.start)), ("end", .int(m.end)), ("place_id", .string(m.place.id)),
                ("name", .string(m.place.name)), ("country", .string(m.place.country)), ("precision", .int(m.place.precision.code)),
                ("uncertainty_m", .number(m.place.uncertaintyMetres)), ("source", .string(m.place.source)),
                ("confidence", .number(m.confidence)), ("reason", .string(m.reason)),
            ]))
        })
    }
}
