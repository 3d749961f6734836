import GeoCore

/// Reads our own event files: geodata/events.csv (one row an event) and geodata/reports.csv
/// (one row a claim), checked against each other and against the gazetteer.
public enum EventsCSV {
    public static let eventColumns = ["id", "date_start", "date_end", "date_precision", "date_basis", "event_type",
                                      "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
                                      "place_id", "precision", "notes"]
    public static let eventRequired = ["id", "date_start", "date_precision", "event_type", "sub_event_type", "actor1", "place_id"]
    public static let reportColumns = ["id", "event_id", "outlet", "via", "published", "title", "link", "kind", "victims",
                                       "low", "high", "unit", "qualifier", "place_id", "reference", "supersedes", "quote", "notes"]
    public static let reportRequired = ["id", "event_id", "outlet", "published", "kind", "qualifier"]

    /// Parses both files. With `skipBad`, a bad row is skipped and reported in `skipped`
    /// (a report of a skipped event is skipped too); otherwise the first bad row is thrown.
    public static func read(events eventsText: String, eventsFile: String, reports reportsText: String, reportsFile: String,
                            gazetteer: Gazetteer, skipBad: Bool = false,
                            countryNames: [String: String] = [:]) throws(EventDataError) -> EventLoad {
        var skipped: [EventDataError] = []
        let et = try CSVTable(text: eventsText, file: eventsFile, required: eventRequired)
        var drafts: [(Fields: CSVTable.Fields, event: Event)] = []
        var seen: [String: Int] = [:]
        try eachRow(et, skipBad: skipBad, skipped: &skipped) { f throws(EventDataError) in
            let e = try event(f, gazetteer: gazetteer, countryNames: countryNames)
            if let first = seen[e.id] { throw f.bad("id", "duplicate id '\(e.id)' (first on line \(first))") }
            seen[e.id] = f.line
            drafts.append((f, e))
        }
        let rt = try CSVTable(text: reportsText, file: reportsFile, required: reportRequired)
        var claims: [Claim] = []
        var claimLines: [String: Int] = [:]
        let eventIds = Set(drafts.map(\.event.id))
        try eachRow(rt, skipBad: skipBad, skipped: &skipped) { f throws(EventDataError) in
            let c = try claim(f, gazetteer: gazetteer)
            if let first = claimLines[c.id] { throw f.bad("id", "duplicate id '\(c.id)' (first on line \(first))") }
            guard eventIds.contains(c.eventId) else {
                throw f.bad("event_id", seen[c.eventId] == nil && !skipBad ? "no event '\(c.eventId)' in \(eventsFile)"
                    : "event '\(c.eventId)' was skipped or does not exist in \(eventsFile)")
            }
            claimLines[c.id] = f.line
            claims.append(c)
        }
        // A claim may only supersede an earlier or same-day claim of the same outlet about the same event.
        let byId = Dictionary(claims.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var bad: Set<String> = []
        for c in claims {
            guard let target = c.supersedes else { continue }
            let line = claimLines[c.id] ?? 0
            var reason: String?
            if let t = byId[target] {
                if t.eventId != c.eventId { reason = "'\(target)' is about another event (\(t.eventId))" }
                else if t.outlet.lowercased() != c.outlet.lowercased() {
                    reason = "'\(target)' is \(t.outlet)'s claim; only the same outlet's later claim supersedes it"
                } else if let a = t.published, let b = c.published, a > b { reason = "'\(target)' was published after this claim" }
            } else {
                reason = "no claim '\(target)' in \(reportsFile)"
            }
            if let reason {
                let e = EventDataError.badRow(file: reportsFile, line: line, field: "supersedes", reason: reason)
                guard skipBad else { throw e }
                skipped.append(e)
                bad.insert(c.id)
            }
        }
        let kept = claims.filter { !bad.contains($0.id) }
        let events = drafts.map { d in
            let e = d.event
            return Event(id: e.id, date: e.date, eventType: e.eventType, subEventType: e.subEventType, actor1: e.actor1,
                         assocActor1: e.assocActor1, actor2: e.actor2, assocActor2: e.assocActor2, placeId: e.placeId,
                         location: e.location, admin1: e.admin1, country: e.country, position: e.position,
                         precision: e.precision, uncertaintyMetres: e.uncertaintyMetres, notes: e.notes,
                         claims: kept.filter { $0.eventId == e.id })
        }
        return EventLoad(events: events, skipped: skipped)
    }

    /// `countryNames` turns the place's ISO alpha-2 country into the English name events carry
    /// (from the world data; the code itself when it has none).
    static func event(_ f: CSVTable.Fields, gazetteer: Gazetteer, countryNames: [String: String]) throws(EventDataError) -> Event {
        let id = try f.required("id")
        let start = try f.day("date_start")
        let end = f["date_end"].isEmpty ? start : try f.day("date_end")
        guard end >= start else { throw f.bad("date_end", "\(end) is before date_start \(start)") }
        guard let precision = DatePrecision(name: f["date_precision"]) else {
            throw f.bad("date_precision", "'\(f["date_precision"])' is not one of day, days, week, month, longer")
        }
        let basis = f["date_basis"].lowercased()
        guard ["", "stated", "derived"].contains(basis) else { throw f.bad("date_basis", "'\(f["date_basis"])' is not stated or derived") }
        let placeId = try f.required("place_id")
        guard let place = gazetteer.place(id: placeId) else {
            let hint = gazetteer.suggestions(for: placeId).map(\.id)
            throw f.bad("place_id", "no place '\(placeId)' in the gazetteer" + (hint.isEmpty ? "" : " (did you mean \(hint.joined(separator: ", "))?)"))
        }
        var precision2 = place.precision
        var uncertainty = place.uncertaintyMetres
        if !f["precision"].isEmpty {
            guard let code = Int(f["precision"]), let p = LocationPrecision(code: code) else {
                throw f.bad("precision", "'\(f["precision"])' is not a where_prec code 1-7")
            }
            guard p >= place.precision else {
                throw f.bad("precision", "where_prec \(code) is finer than the place's own (\(place.precision.code)): an event is never known better than its place")
            }
            if p != place.precision { uncertainty = max(place.uncertaintyMetres, p.defaultRadiusMetres) }
            precision2 = p
        }
        return Event(id: id, date: EventDate(start: start, end: end, precision: precision, derived: basis == "derived"),
                     eventType: try f.required("event_type"), subEventType: try f.required("sub_event_type"),
                     actor1: try f.required("actor1"), assocActor1: f["assoc_actor_1"], actor2: f["actor2"],
                     assocActor2: f["assoc_actor_2"], placeId: place.id, location: place.name, admin1: place.admin1,
                     country: countryNames[place.country.uppercased()] ?? place.country, position: place.position, precision: precision2,
                     uncertaintyMetres: uncertainty, notes: f["notes"])
    }

    static func claim(_ f: CSVTable.Fields, gazetteer: Gazetteer) throws(EventDataError) -> Claim {
        let id = try f.required("id")
        guard let kind = Claim.Kind(rawValue: f["kind"]) else {
            throw f.bad("kind", "'\(f["kind"])' is not one of " + Claim.Kind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let qualifier = Claim.Qualifier(rawValue: f["qualifier"]) else {
            throw f.bad("qualifier", "'\(f["qualifier"])' is not one of " + Claim.Qualifier.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let victims = Claim.Victims(rawValue: f["victims"]) else {
            throw f.bad("victims", "'\(f["victims"])' is not empty or one of actor1, actor2, civilians, unknown")
        }
        let low = try f.optionalNumber("low"), high = try f.optionalNumber("high")
        if let low, low < 0 { throw f.bad("low", "a figure cannot be negative") }
        if let high {
            guard let low else { throw f.bad("high", "a high figure needs a low one") }
            guard high >= low else { throw f.bad("high", "\(Claim.format(high)) is below low \(Claim.format(low))") }
        }
        let unit = f["unit"]
        var placeId: String?, reference: String?
        switch kind {
        case .distance, .location:
            let p = try f.required("place_id")
            guard gazetteer.place(id: p) != nil else { throw f.bad("place_id", "no place '\(p)' in the gazetteer") }
            let r = try f.required("reference")
            guard r == "border" || gazetteer.place(id: r) != nil else {
                throw f.bad("reference", "'\(r)' is neither 'border' nor a place id of the gazetteer")
            }
            if kind == .distance {
                guard low != nil else { throw f.bad("low", "a distance claim needs a figure") }
                guard unit == "km" || unit == "m" else { throw f.bad("unit", "'\(unit)' is not km or m") }
            }
            placeId = p
            reference = r
        default:
            guard unit.isEmpty else { throw f.bad("unit", "casualty figures take no unit") }
        }
        return Claim(id: id, eventId: try f.required("event_id"), outlet: try f.required("outlet"), via: f["via"],
                     published: f["published"].isEmpty ? nil : try f.day("published"), title: f["title"], link: f["link"], kind: kind, victims: victims,
                     low: low, high: high, unit: unit, qualifier: qualifier, placeId: placeId, reference: reference,
                     supersedes: f["supersedes"].isEmpty ? nil : f["supersedes"], quote: f["quote"], notes: f["notes"])
    }
}
