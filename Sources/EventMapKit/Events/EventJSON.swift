import GeoCore

/// The JSON shape of an event, shared by `eventmap events --json` and the map layers: id, date
/// (ISO 8601; a range as date_start/date_end), types, actors, place and position with its
/// precision, killed/wounded/killed_and_wounded as {low, best, high} (null when no figure), and
/// every report as {outlet, date, claim, ...} with their count.
public enum EventJSON {
    public static func object(_ e: Event) -> JSONObject {
        var o = JSONObject()
        o["id"] = .string(e.id)
        if e.date.isSingleDay {
            o["date"] = .string(e.date.start.description)
        } else {
            o["date_start"] = .string(e.date.start.description)
            o["date_end"] = .string(e.date.end.description)
        }
        o["date_precision"] = .string(e.date.precision.name)
        o["date_derived"] = .bool(e.date.derived)
        o["event_type"] = .string(e.eventType)
        o["sub_event_type"] = .string(e.subEventType)
        o["actor1"] = .string(e.actor1)
        o["assoc_actor_1"] = .string(e.assocActor1)
        o["actor2"] = .string(e.actor2)
        o["assoc_actor_2"] = .string(e.assocActor2)
        o["place_id"] = JSONValue(e.placeId)
        o["location"] = .string(e.location)
        o["lat"] = .number(e.position.lat)
        o["lon"] = .number(e.position.lon)
        o["precision"] = .int(e.precision.code)
        o["uncertainty_m"] = .number(e.uncertaintyMetres)
        o["killed"] = range(e.killed)
        o["wounded"] = range(e.wounded)
        o["killed_and_wounded"] = range(e.killedAndWounded)
        let superseded = CasualtyRules.supersededIds(in: e.claims)
        o["report_count"] = .int(e.claims.count)
        o["reports"] = .array(e.claims.map { c in
            var r = JSONObject()
            r["id"] = .string(c.id)
            r["outlet"] = .string(c.outlet)
            r["via"] = c.via.isEmpty ? .null : .string(c.via)
            r["date"] = JSONValue(c.published?.description)
            r["claim"] = .string(e.summary(of: c))
            r["kind"] = .string(c.kind.rawValue)
            r["low"] = JSONValue(c.low)
            r["high"] = JSONValue(c.high)
            r["qualifier"] = .string(c.qualifier.rawValue)
            r["supersedes"] = JSONValue(c.supersedes)
            r["superseded"] = .bool(superseded.contains(c.id))
            r["title"] = c.title.isEmpty ? .null : .string(c.title)
            r["link"] = c.link.isEmpty ? .null : .string(c.link)
            return .object(r)
        })
        o["notes"] = .string(e.notes)
        return o
    }

    public static func array(_ events: [Event]) -> JSONValue { .array(events.map { .object(object($0)) }) }

    static func range(_ r: CasualtyRange?) -> JSONValue {
        guard let r else { return .null }
        return ["low": number(r.low), "best": number(r.best), "high": number(r.high)]
    }

    static func number(_ v: Double) -> JSONValue { v.rounded() == v && abs(v) < 1e15 ? .int(Int(v)) : .number(v) }
}
