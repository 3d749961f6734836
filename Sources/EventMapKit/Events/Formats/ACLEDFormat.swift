import GeoCore

/// ACLED's export CSV (the 31 columns since ACLED's March 2023 change), read onto the model
/// and written from it.
public enum ACLEDFormat {
    /// ACLED's columns, in ACLED's order.
    public static let columns = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                                 "fatalities", "tags", "timestamp"]
    /// The columns read onto the model's own fields; the others travel in the SourceRecord.
    public static let mappedColumns: Set<String> = [
        "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
        "actor2", "assoc_actor_2", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "notes", "fatalities",
    ]
    public static let required = ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
                                  "latitude", "longitude", "geo_precision", "fatalities"]

    /// Reads rows: event_date (ISO or "26 October 2020"), time_precision 1-3 → date precision,
    /// geo_precision 1-3 → where_prec (1, 2, 4), fatalities → the coded killed figure and one claim.
    static func read(_ table: CSVTable, skipBad: Bool, skipped: inout [EventDataError]) throws(EventDataError) -> [Event] {
        var events: [Event] = []
        events.reserveCapacity(table.rows.count)
        let kept = table.positions(notIn: mappedColumns), keptColumns = kept.map { table.header[$0] }
        var notes = CSVValuePool()  // the claims' notes repeat with the sources
        try eachRow(table, skipBad: skipBad, skipped: &skipped) { f throws(EventDataError) in
            let id = try f.required("event_id_cnty")
            let day = try f.day("event_date")
            let tp = try f.code("time_precision", in: 1...3, DatePrecision.init(acledTimePrecision:))
            let geo = try f.int("geo_precision", in: 1...3)
            let lat = try f.latitude("latitude"), lon = try f.longitude("longitude")
            guard let fatalities = try f.optionalNumber("fatalities"), fatalities >= 0, fatalities.rounded() == fatalities else {
                throw f.bad("fatalities", "'\(f["fatalities"])' is not a whole number of deaths")
            }
            let claim = Claim(id: id + "-fatalities", eventId: id, outlet: "ACLED", published: nil, title: f["source"],
                              kind: .killed, low: fatalities, qualifier: .exact,
                              notes: notes.shared("ACLED's coded fatalities (sources: \(f["source"]))", column: 0))
            events.append(Event(
                id: id, date: EventDate(start: day, precision: tp), eventType: try f.required("event_type"),
                subEventType: try f.required("sub_event_type"), actor1: try f.required("actor1"),
                assocActor1: f["assoc_actor_1"], actor2: f["actor2"], assocActor2: f["assoc_actor_2"], placeId: nil,
                location: f["location"], admin1: f["admin1"], country: f["country"], position: LonLat(lon: lon, lat: lat),
                precision: LocationPrecision(acledGeoPrecision: geo), notes: f["notes"], claims: [claim],
                codedKilled: CasualtyRange(exactly: fatalities),
                sourceRecord: SourceRecord(format: .acled, columns: keptColumns, values: f.values(at: kept))))
        }
        return events
    }

    /// The CSV text: a header and one row an event, in ACLED's column order. Columns the model
    /// holds are written from it; the others come from the event's ACLED record when it has one,
    /// else from ACLED's conventions (disorder_type from event_type; iso, the ISO numeric code, from
    /// `isoNumeric` by country name, i.e. the world data) or empty.
    /// What ACLED cannot hold (a date range, where_prec 3-7, wounded, combined tolls, the reports)
    /// is appended to `notes`.
    public static func write(_ events: [Event], isoNumeric: [String: String] = [:]) -> String {
        CSVWriter.text(header: columns, rows: events.map { row($0, isoNumeric: isoNumeric) })
    }

    static func row(_ e: Event, isoNumeric: [String: String]) -> [String] {
        let record = e.sourceRecord?.format == .acled ? e.sourceRecord : nil
        let fatalities = e.killed.map { Claim.format($0.best) } ?? "0"
        var extras: [String] = []
        if !e.date.isSingleDay { extras.append("date range \(e.date.start) to \(e.date.end) (\(e.date.precision.name))") }
        if e.date.derived { extras.append("date derived from the reports' wording, not stated") }
        if LocationPrecision(acledGeoPrecision: e.precision.acledGeoPrecision) != e.precision {
            extras.append("location where_prec \(e.precision.code) (\(e.precision.label))")
        }
        if let record, !record.extraText(known: columns).isEmpty { extras.append(record.extraText(known: columns)) }
        if record == nil {
            if let other = e.sourceRecord, !other.unmappedText.isEmpty { extras.append(other.unmappedText) }
            if let p = e.placeId { extras.append("place \(p), uncertainty \(Claim.format(e.uncertaintyMetres)) m") }
            if let k = e.killed, k.low != k.high || k.best != k.low { extras.append("killed \(k)") }
            if let w = e.wounded { extras.append("wounded \(w)") }
            if let kw = e.killedAndWounded { extras.append("killed and wounded (combined) \(kw)") }
            let reports = e.claims.filter { !$0.isDatasetCoding }
            if !reports.isEmpty { extras.append("reports: " + reports.map { ReportText.line($0, in: e) }.joined(separator: "; ")) }
        }
        let notes = extras.isEmpty ? e.notes : (e.notes.isEmpty ? "" : e.notes + " ") + "[eventmap: " + extras.joined(separator: "; ") + "]"
        let outlets = orderedUnique(e.claims.filter { !$0.isDatasetCoding }.map(\.outlet)).joined(separator: "; ")
        let model: [String: String] = [
            "event_id_cnty": e.id, "event_date": e.date.start.description, "year": String(e.date.start.year),
            "time_precision": String(e.date.precision.acledTimePrecision), "event_type": e.eventType,
            "sub_event_type": e.subEventType, "actor1": e.actor1, "assoc_actor_1": e.assocActor1, "actor2": e.actor2,
            "assoc_actor_2": e.assocActor2, "country": e.country, "admin1": e.admin1, "location": e.location,
            "latitude": JSONWriter.format(e.position.lat, decimals: 5), "longitude": JSONWriter.format(e.position.lon, decimals: 5),
            "geo_precision": String(e.precision.acledGeoPrecision), "notes": notes, "fatalities": fatalities,
        ]
        let defaults: [String: String] = [
            "disorder_type": disorderType(e.eventType), "iso": isoNumeric[e.country] ?? "", "source": outlets,
        ]
        return columns.map { c in model[c] ?? record?[c] ?? defaults[c] ?? "" }
    }

    /// ACLED's disorder_type for an event_type.
    static func disorderType(_ eventType: String) -> String {
        switch eventType {
        case "Battles", "Explosions/Remote violence", "Violence against civilians": "Political violence"
        case "Protests", "Riots": "Demonstrations"
        case "Strategic developments": "Strategic developments"
        default: ""
        }
    }
}

func orderedUnique(_ items: [String]) -> [String] {
    var seen: Set<String> = []
    return items.filter { seen.insert($0).inserted }
}

/// One claim as one line of text, for formats that keep reports only as text.
enum ReportText {
    static func line(_ c: Claim, in e: Event) -> String {
        var s = c.outlet
        if !c.via.isEmpty { s += " via \(c.via)" }
        if let d = c.published { s += " \(d)" }
        s += ": " + e.summary(of: c)
        if let sup = c.supersedes { s += " (supersedes \(sup))" }
        return s
    }
}
