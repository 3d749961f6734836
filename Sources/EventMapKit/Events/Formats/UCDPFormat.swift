import GeoCore

/// UCDP GED's CSV (the 47 columns of the GED codebook), read onto the model and written from it.
public enum UCDPFormat {
    /// UCDP GED's columns, in the GED download's order.
    public static let columns = ["id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
                                 "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name",
                                 "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
                                 "number_of_sources", "source_article", "source_office", "source_date", "source_headline",
                                 "source_original", "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2",
                                 "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region",
                                 "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
                                 "deaths_civilians", "deaths_unknown", "best", "high", "low"]
    /// The columns read onto the model's own fields (`id` too when `relid` is empty); the
    /// others travel in the SourceRecord.
    public static let mappedColumns: Set<String> = [
        "relid", "year", "side_a", "side_b", "where_prec", "where_coordinates", "where_description", "adm_1", "latitude",
        "longitude", "geom_wkt", "country", "date_prec", "date_start", "date_end", "best", "high", "low",
    ]
    public static let required = ["id", "where_prec", "latitude", "longitude", "date_prec", "date_start", "date_end",
                                  "best", "high", "low"]

    /// Reads rows: date_start/date_end/date_prec → the date, where_prec → the precision,
    /// low/best/high → the coded killed range (and one claim that states it). The event id is
    /// `relid` when present (UCDP's stable text id), else `id`.
    static func read(_ table: CSVTable, skipBad: Bool, skipped: inout [EventDataError]) throws(EventDataError) -> [Event] {
        var events: [Event] = []
        events.reserveCapacity(table.rows.count)
        let kept = table.positions(notIn: mappedColumns), keptColumns = kept.map { table.header[$0] }
        var notes = CSVValuePool()  // the claims' notes repeat with the sources
        try eachRow(table, skipBad: skipBad, skipped: &skipped) { f throws(EventDataError) in
            let id = f["relid"].isEmpty ? try f.required("id") : f["relid"]
            let start = try f.day("date_start"), end = try f.day("date_end")
            guard end >= start else { throw f.bad("date_end", "\(end) is before date_start \(start)") }
            let dp = try f.code("date_prec", in: 1...5, DatePrecision.init(rawValue:))
            let wp = try f.code("where_prec", in: 1...7, LocationPrecision.init(code:))
            let lat = try f.latitude("latitude"), lon = try f.longitude("longitude")
            var n: [String: Double] = [:]
            for k in ["low", "best", "high"] {
                guard let v = try f.optionalNumber(k), v >= 0 else { throw f.bad(k, "'\(f[k])' is not a number of deaths") }
                n[k] = v
            }
            guard n["low"]! <= n["best"]!, n["best"]! <= n["high"]! else {
                throw f.bad("best", "low \(f["low"]), best \(f["best"]), high \(f["high"]) are not in order")
            }
            let claim = Claim(id: id + "-ged", eventId: id, outlet: "UCDP GED", published: nil, title: f["source_headline"],
                              kind: .killed, low: n["low"], high: n["high"], best: n["best"], qualifier: .exact,
                              notes: notes.shared("UCDP GED's coded deaths (sources: \(f["source_office"]))", column: 0))
            events.append(Event(
                id: id, date: EventDate(start: start, end: end, precision: dp), eventType: "", subEventType: "",
                actor1: f["side_a"], actor2: f["side_b"], placeId: nil,
                location: f["where_coordinates"], admin1: f["adm_1"], country: f["country"], position: LonLat(lon: lon, lat: lat),
                precision: wp, notes: f["where_description"], claims: [claim],
                codedKilled: CasualtyRange(low: n["low"]!, best: n["best"]!, high: n["high"]!),
                sourceRecord: SourceRecord(format: .ucdp, columns: keptColumns, values: f.values(at: kept))))
        }
        return events
    }

    /// The CSV text in UCDP GED's column order. Columns the model holds are written from it;
    /// the others come from the event's UCDP record when it has one, else from UCDP's
    /// conventions or empty. `id` is the row number (GED ids are numbers); our id goes in
    /// `relid`. UCDP has no notes column: what it cannot hold (event types, associated actors,
    /// wounded, combined tolls, report qualifiers and supersessions, our notes) goes into
    /// `source_original`, prefixed "eventmap:", and the location notes into `where_description`.
    public static func write(_ events: [Event]) -> String {
        CSVWriter.text(header: columns, rows: events.enumerated().map { row($1, number: $0 + 1) })
    }

    static func row(_ e: Event, number: Int) -> [String] {
        let record = e.sourceRecord?.format == .ucdp ? e.sourceRecord : nil
        let reports = e.claims.filter { !$0.isDatasetCoding }
        let killed = e.killed
        var extras: [String] = []
        var whereDescription = e.notes
        if let record, !record.extraText(known: columns).isEmpty { extras.append(record.extraText(known: columns)) }
        if record == nil {
            if let other = e.sourceRecord, !other.unmappedText.isEmpty { extras.append(other.unmappedText) }
            if !e.eventType.isEmpty { extras.append("event type \(e.eventType) / \(e.subEventType)") }
            if !e.assocActor1.isEmpty { extras.append("associated with side A: \(e.assocActor1)") }
            if !e.assocActor2.isEmpty { extras.append("associated with side B: \(e.assocActor2)") }
            if e.date.derived { extras.append("date derived from the reports' wording, not stated") }
            if let w = e.wounded { extras.append("wounded \(w)") }
            if let kw = e.killedAndWounded { extras.append("killed and wounded (combined) \(kw)") }
            if !reports.isEmpty { extras.append("reports: " + reports.map { ReportText.line($0, in: e) }.joined(separator: "; ")) }
            if let p = e.placeId {
                whereDescription = "place \(p), uncertainty \(Claim.format(e.uncertaintyMetres)) m" + (e.notes.isEmpty ? "" : "; " + e.notes)
            }
            if killed == nil { extras.append("no deaths reported: UCDP GED holds lethal events only") }
        }
        func best(_ v: Claim.Victims) -> String {
            CasualtyRules.range(.killed, in: e.claims.filter { $0.victims == v }).map { Claim.format($0.best) } ?? "0"
        }
        let sided = ["actor1", "actor2", "civilians"].compactMap { Claim.Victims(rawValue: $0) }
            .map { v in CasualtyRules.range(.killed, in: e.claims.filter { $0.victims == v })?.best ?? 0 }.reduce(0, +)
        let unknown = max(0, (killed?.best ?? 0) - sided)
        let model: [String: String] = [
            "relid": e.id, "year": String(e.date.start.year), "side_a": e.actor1, "side_b": e.actor2,
            "where_prec": String(e.precision.code), "where_coordinates": e.location, "where_description": whereDescription,
            "adm_1": e.admin1, "latitude": JSONWriter.format(e.position.lat, decimals: 6),
            "longitude": JSONWriter.format(e.position.lon, decimals: 6),
            "geom_wkt": "POINT (\(JSONWriter.format(e.position.lon, decimals: 6)) \(JSONWriter.format(e.position.lat, decimals: 6)))",
            "country": e.country, "date_prec": String(e.date.precision.rawValue), "date_start": e.date.start.description,
            "date_end": e.date.end.description, "best": killed.map { Claim.format($0.best) } ?? "0",
            "high": killed.map { Claim.format($0.high) } ?? "0", "low": killed.map { Claim.format($0.low) } ?? "0",
        ]
        let defaults: [String: String] = [
            "id": String(number), "type_of_violence": typeOfViolence(e),
            "number_of_sources": reports.isEmpty ? "" : String(orderedUnique(reports.map { $0.title + $0.outlet }).count),
            "source_article": orderedUnique(reports.filter { !$0.title.isEmpty }.map {
                "\($0.outlet) \($0.published?.description ?? "undated"): \($0.title)" }).joined(separator: ";"),
            "source_office": orderedUnique(reports.map(\.outlet)).joined(separator: ";"),
            "source_date": orderedUnique(reports.compactMap { $0.published?.description }).joined(separator: ";"),
            "source_headline": orderedUnique(reports.map(\.title).filter { !$0.isEmpty }).joined(separator: ";"),
            "source_original": extras.isEmpty ? "" : "eventmap: " + extras.joined(separator: "; "),
            "event_clarity": "1", "deaths_a": best(.actor1), "deaths_b": best(.actor2),
            "deaths_civilians": best(.civilians), "deaths_unknown": Claim.format(unknown),
        ]
        var cells = columns.map { c in model[c] ?? record?[c] ?? defaults[c] ?? "" }
        if record != nil, !extras.isEmpty, let i = columns.firstIndex(of: "source_original") {
            cells[i] += (cells[i].isEmpty ? "" : " ") + "[eventmap: " + extras.joined(separator: "; ") + "]"
        }
        return cells
    }

    /// UCDP's type_of_violence from the actors: 3 (one-sided) when side B is civilians, 1
    /// (state-based) when a side is a state's forces, else 2 (non-state).
    static func typeOfViolence(_ e: Event) -> String {
        if e.actor2.lowercased().hasPrefix("civilians") { return "3" }
        let state = [e.actor1, e.actor2].contains { $0.hasPrefix("Military Forces of") || $0.hasPrefix("Government of") }
        return state ? "1" : "2"
    }
}
