import GeoCore

/// The JSON shape of an event, shared by `eventmap events --json` and the map layers: id, date
/// (ISO 8601; a range as date_start/date_end), types, actors, place and position with its
/// precision, killed/wounded/killed_and_wounded as {low, best, high} (null when no figure), and
/// every report as {outlet, date, claim, ...} with their count.
public enum EventJSON {
    public static func object(_ e: Event) -> JSONObject {
        var o: [(String, JSONValue)] = [("id", .string(e.id))]
        o.reserveCapacity(26)
        if e.date.isSingleDay {
            o.append(("date", .string(e.date.start.description)))
        } else {
            o.append(("date_start", .string(e.date.start.description)))
            o.append(("date_end", .string(e.date.end.description)))
        }
        let superseded = CasualtyRules.supersededIds(in: e.claims)
        o += [
            ("date_precision", .string(e.date.precision.name)), ("date_derived", .bool(e.date.derived)),
            ("event_type", .string(e.eventType)), ("sub_event_type", .string(e.subEventType)),
            ("actor1", .string(e.actor1)), ("assoc_actor_1", .string(e.assocActor1)),
            ("actor2", .string(e.actor2)), ("assoc_actor_2", .string(e.assocActor2)),
            ("place_id", JSONValue(e.placeId)), ("location", .string(e.location)),
            ("lat", .number(e.position.lat)), ("lon", .number(e.position.lon)),
            ("precision", .int(e.precision.code)), ("uncertainty_m", .number(e.uncertaintyMetres)),
            ("killed", range(e.killed)), ("wounded", range(e.wounded)), ("killed_and_wounded", range(e.killedAndWounded)),
            ("report_count", .int(e.claims.count)),
            ("reports", .array(e.claims.map { c in
                .object(JSONObject(distinctKeys: [
                    ("id", .string(c.id)), ("outlet", .string(c.outlet)), ("via", c.via.isEmpty ? .null : .string(c.via)),
                    ("date", JSONValue(c.published?.description)), ("claim", .string(e.summary(of: c))),
                    ("kind", .string(c.kind.rawValue)), ("low", JSONValue(c.low)), ("high", JSONValue(c.high)),
                    ("qualifier", .string(c.qualifier.rawValue)), ("supersedes", JSONValue(c.supersedes)),
                    ("superseded", .bool(superseded.contains(c.id))), ("title", c.title.isEmpty ? .null : .string(c.title)),
                    ("link", c.link.isEmpty ? .null : .string(c.link)),
                ]))
            })),
            ("notes", .string(e.notes)),
        ]
        return JSONObject(distinctKeys: o)
    }

    public static func array(_ events: [Event]) -> JSONValue { .array(events.map { .object(object($0)) }) }

    static func range(_ r: CasualtyRange?) -> JSONValue {
        guard let r else { return .null }
        return .object(JSONObject(distinctKeys: [("low", number(r.low)), ("best", number(r.best)), ("high", number(r.high))]))
    }

    static func number(_ v: Double) -> JSONValue { v.rounded() == v && abs(v) < 1e15 ? .int(Int(v)) : .number(v) }
}
