import EventMapKit
import Testing

/// ACLED and UCDP GED in and out: the mapping onto the model, the exact column lists, and
/// round trips on the fields both sides hold.
@Suite struct FormatTests {
    /// The columns of ACLED's export since its March 2023 change, in order (issue 6 / ACLED's guide).
    @Test func acledColumnsExactly() throws {
        let header = ACLEDFormat.write([]).split(separator: "\r\n").first.map(String.init)
        #expect(header == "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp")
    }

    /// UCDP GED's columns, in the order of the GED codebook's variable list (issue 6's list).
    /// A notes field with a line break but no comma (issue 12): the writer once left CRLF unquoted
    /// (a Swift Character "\r\n" is neither "\r" nor "\n"), and the file read back with 28 fields.
    @Test func acledNotesWithLineBreaksRoundTrip() throws {
        for notes in ["line one\r\nline two", "line one\nline two", "cr\ronly"] {
            let text = EventFilesTests.acledHeader + "\r\n" + EventFilesTests.acledRow(["notes": notes]) + "\r\n"
            let first = try ForeignEvents.read(text, file: "in.csv").events
            let again = try ForeignEvents.read(ACLEDFormat.write(first), file: "out.csv").events
            #expect(again.map(\.notes) == [notes])
        }
    }

    @Test func ucdpColumnsExactly() throws {
        let header = UCDPFormat.write([]).split(separator: "\r\n").first.map(String.init)
        #expect(header == "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low")
    }

    @Test func acledRowMapsOntoTheModel() throws {
        let load = try EventFilesTests.readACLED([EventFilesTests.acledRow(["time_precision": "2", "geo_precision": "3"])])
        let e = try #require(load.events.first)
        #expect(e.id == "SYR1" && e.date.start.description == "2020-10-26" && e.date.precision == .week)
        #expect(e.precision.code == 4 && e.precision.acledGeoPrecision == 3)
        #expect(e.position.lat == 36.1168 && e.position.lon == 36.5152)
        #expect(e.killed == CasualtyRange(exactly: 78))
        #expect(e.eventType == "Explosions/Remote violence" && e.subEventType == "Air/drone strike")
    }

    static let ucdpRow: [String: String] = [
        "id": "333444", "relid": "SYR-2020-1-1234-5", "year": "2020", "active_year": "1", "code_status": "Clear",
        "type_of_violence": "1", "conflict_new_id": "299", "conflict_name": "Syria: Government", "side_a": "Government of Syria",
        "side_b": "Syrian insurgents", "number_of_sources": "2", "source_article": "\"AFP, 2020-10-26\";\"SOHR, 2020-11-01\"",
        "source_office": "AFP;SOHR", "where_prec": "2", "where_coordinates": "Kafr Takharim village",
        "where_description": "camp near Kafr Takharim, \"Jabal al-Duwayla\"\nsecond line", "adm_1": "Idlib governorate",
        "latitude": "36.1168", "longitude": "36.51522", "geom_wkt": "POINT (36.51522 36.1168)", "priogrid_gid": "185833",
        "country": "Syria", "country_id": "652", "region": "Middle East", "event_clarity": "1", "date_prec": "2",
        "date_start": "2020-10-25 00:00:00.000", "date_end": "2020-10-27 00:00:00.000", "deaths_a": "0", "deaths_b": "79",
        "deaths_civilians": "0", "deaths_unknown": "0", "best": "79", "high": "105", "low": "78",
    ]

    static func ucdpText(_ rows: [[String: String]]) -> String {
        ([UCDPFormat.columns.joined(separator: ",")] + rows.map { r in UCDPFormat.columns.map { CSVWriter.field(r[$0] ?? "") }.joined(separator: ",") })
            .joined(separator: "\r\n") + "\r\n"
    }

    @Test func ucdpRowMapsOntoTheModelWithoutLoss() throws {
        let e = try #require(try ForeignEvents.read(Self.ucdpText([Self.ucdpRow]), file: "ged.csv").events.first)
        #expect(e.id == "SYR-2020-1-1234-5")
        #expect(e.date.start.description == "2020-10-25" && e.date.end.description == "2020-10-27" && e.date.precision == .days)
        #expect(e.precision.code == 2)
        #expect(e.killed == CasualtyRange(low: 78, best: 79, high: 105))
        #expect(e.actor1 == "Government of Syria" && e.actor2 == "Syrian insurgents")
        #expect(e.notes == Self.ucdpRow["where_description"])
    }

    @Test func ucdpBadRows() {
        var r = Self.ucdpRow
        r["low"] = "90"
        #expect(throws: EventDataError.badRow(file: "ged.csv", line: 2, field: "best", reason: "low 90, best 79, high 105 are not in order")) {
            try ForeignEvents.read(Self.ucdpText([r]), file: "ged.csv")
        }
        var d = Self.ucdpRow
        d["date_end"] = "2020-10-20"
        // The first row's where_description holds a newline, so it spans lines 2-3 and the bad row is line 4.
        #expect(throws: EventDataError.badRow(file: "ged.csv", line: 4, field: "date_end", reason: "2020-10-20 is before date_start 2020-10-25")) {
            try ForeignEvents.read(Self.ucdpText([Self.ucdpRow, d]), file: "ged.csv")
        }
    }

    /// ACLED → ours → ACLED: every cell comes back (numbers compared as numbers).
    @Test func acledRoundTripKeepsEveryColumn() throws {
        let original = EventFilesTests.acledRow(["notes": "Quoted \"x\", comma\nand newline", "tags": "crowd size=no report"])
        let first = try EventFilesTests.readACLED([original]).events
        let written = ACLEDFormat.write(first)
        let rows = try CSVReader.rows(written)
        let again = try CSVReader.rows(EventFilesTests.acledHeader + "\n" + original + "\n")
        #expect(rows.count == 2)
        for (c, (a, b)) in zip(ACLEDFormat.columns, zip(rows[1].fields, again[1].fields)) {
            if let x = Double(a), let y = Double(b) { #expect(x == y, "column \(c)") } else { #expect(a == b, "column \(c)") }
        }
    }

    /// UCDP → ours → UCDP: every cell comes back (dates compared as days: we write YYYY-MM-DD).
    @Test func ucdpRoundTripKeepsEveryColumn() throws {
        let first = try ForeignEvents.read(Self.ucdpText([Self.ucdpRow]), file: "ged.csv").events
        let rows = try CSVReader.rows(UCDPFormat.write(first))
        for (i, c) in UCDPFormat.columns.enumerated() {
            let a = rows[1].fields[i], b = Self.ucdpRow[c] ?? ""
            if c.hasPrefix("date_") && c != "date_prec" { #expect(CalendarDay(parsing: a) == CalendarDay(parsing: b), "column \(c)") }
            else if let x = Double(a), let y = Double(b) { #expect(x == y, "column \(c)") }
            else { #expect(a == b, "column \(c)") }
        }
    }

    /// Ours → ACLED → ours, on the fields ACLED holds: id, day, time precision, types, actors,
    /// position, geo precision (where_prec 1, 2 and 4 come back; 3, 5-7 become 4), fatalities = best.
    @Test func oursThroughACLEDAndBack() throws {
        let ours = try BundledData.events()
        let back = try ForeignEvents.read(ACLEDFormat.write(ours), file: "acled.csv").events
        #expect(back.count == ours.count)
        for (a, b) in zip(ours, back) {
            #expect(a.id == b.id)
            #expect(a.date.start == b.date.start)
            #expect(a.date.precision.acledTimePrecision == b.date.precision.acledTimePrecision)
            #expect(a.eventType == b.eventType && a.subEventType == b.subEventType)
            #expect(a.actor1 == b.actor1 && a.assocActor1 == b.assocActor1 && a.actor2 == b.actor2 && a.assocActor2 == b.assocActor2)
            #expect(abs(a.position.lat - b.position.lat) < 1e-5 && abs(a.position.lon - b.position.lon) < 1e-5)  // 5 decimals written
            #expect(a.precision.acledGeoPrecision == b.precision.acledGeoPrecision)
            #expect((a.killed?.best ?? 0) == b.killed?.best)
            #expect(a.admin1 == b.admin1 && a.country == b.country && a.location == b.location)
        }
    }

    /// What ACLED cannot hold goes into notes: the combined toll, wounded, the range, the reports.
    @Test func acledNotesCarryWhatTheColumnsCannot() throws {
        let strike = try BundledData.event("e20201026-duwayla-airstrike")
        let row = try CSVReader.rows(ACLEDFormat.write([strike]))[1].fields
        let notes = row[ACLEDFormat.columns.firstIndex(of: "notes")!]
        #expect(notes.hasPrefix(strike.notes))
        for part in ["killed 78-105 (best 79)", "wounded 90-100 (best 90)", "killed and wounded (combined) 200",
                     "at least 56", "(supersedes r01)", "place jabal-al-duwayla-camp, uncertainty 8000 m"] {
            #expect(notes.contains(part), "\(part)")
        }
        #expect(row[ACLEDFormat.columns.firstIndex(of: "fatalities")!] == "79")
        let op = try BundledData.event("e202010-morek-op-evacuation")
        let opNotes = try CSVReader.rows(ACLEDFormat.write([op]))[1].fields[27]
        #expect(opNotes.contains("date range 2020-10-01 to 2020-10-31 (month)"))
        let us = try BundledData.event("e20201022-us-strike")
        #expect(try CSVReader.rows(ACLEDFormat.write([us]))[1].fields[27].contains("date derived"))
    }

    /// Ours → UCDP → ours on the fields UCDP holds: dates and their precision, where_prec,
    /// position, actors as sides, killed low/best/high; the rest is in source_original.
    @Test func oursThroughUCDPAndBack() throws {
        let ours = try BundledData.events()
        let text = UCDPFormat.write(ours)
        let back = try ForeignEvents.read(text, file: "ged.csv").events
        for (a, b) in zip(ours, back) {
            #expect(a.id == b.id)
            #expect(a.date.start == b.date.start && a.date.end == b.date.end && a.date.precision == b.date.precision)
            #expect(a.precision == b.precision)
            #expect(abs(a.position.lat - b.position.lat) < 1e-6 && abs(a.position.lon - b.position.lon) < 1e-6)
            #expect(a.actor1 == b.actor1 && a.actor2 == b.actor2)
            #expect(b.killed == (a.killed ?? CasualtyRange(exactly: 0)))
        }
        let strikeRow = try CSVReader.rows(text)[1].fields
        let original = strikeRow[UCDPFormat.columns.firstIndex(of: "source_original")!]
        #expect(original.hasPrefix("eventmap: event type Explosions/Remote violence / Air/drone strike"))
        #expect(original.contains("killed and wounded (combined) 200"))
        #expect(strikeRow[UCDPFormat.columns.firstIndex(of: "deaths_b")!] == "79")
    }

    /// The same events give the same bytes.
    @Test func outputIsDeterministic() throws {
        let ours = try BundledData.events()
        #expect(ACLEDFormat.write(ours) == ACLEDFormat.write(try BundledData.events()))
        #expect(UCDPFormat.write(ours) == UCDPFormat.write(try BundledData.events()))
    }
}

/// Crossing formats: what the target has no column for travels in its notes.
@Suite struct CrossFormatTests {
    @Test func ucdpToACLEDKeepsUCDPFieldsInNotes() throws {
        let e = try ForeignEvents.read(FormatTests.ucdpText([FormatTests.ucdpRow]), file: "ged.csv").events
        let row = try CSVReader.rows(ACLEDFormat.write(e))[1].fields
        let notes = row[ACLEDFormat.columns.firstIndex(of: "notes")!]
        #expect(notes.contains("UCDP GED fields: id=333444; active_year=1; code_status=Clear; type_of_violence=1;"))
        #expect(notes.contains("conflict_name=Syria: Government"))
        #expect(notes.contains("killed 78-105 (best 79)"))
        #expect(row[ACLEDFormat.columns.firstIndex(of: "fatalities")!] == "79")
    }

    @Test func acledToUCDPKeepsACLEDFieldsInSourceOriginal() throws {
        let e = try EventFilesTests.readACLED([EventFilesTests.acledRow()]).events
        let row = try CSVReader.rows(UCDPFormat.write(e))[1].fields
        let original = row[UCDPFormat.columns.firstIndex(of: "source_original")!]
        #expect(original.contains("ACLED fields: disorder_type=Political violence; inter1=8; inter2=2; interaction=28; iso=760;"))
        #expect(row[UCDPFormat.columns.firstIndex(of: "best")!] == "78")
        #expect(row[UCDPFormat.columns.firstIndex(of: "date_prec")!] == "1")
    }
}

/// A release with columns we do not list keeps them, as text, when written back.
@Suite struct ExtraColumnTests {
    @Test func ucdpExtraColumnSurvivesInSourceOriginal() throws {
        let header = UCDPFormat.columns + ["gwnoa"]
        let row = UCDPFormat.columns.map { CSVWriter.field(FormatTests.ucdpRow[$0] ?? "") } + ["652"]
        let text = header.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n"
        let e = try ForeignEvents.read(text, file: "ged.csv").events
        let out = try CSVReader.rows(UCDPFormat.write(e))[1].fields
        #expect(out.count == UCDPFormat.columns.count)
        #expect(out[UCDPFormat.columns.firstIndex(of: "source_original")!] == "[eventmap: other columns: gwnoa=652]")
    }

    @Test func acledExtraColumnSurvivesInNotes() throws {
        let header = ACLEDFormat.columns + ["iso3"]
        let text = header.joined(separator: ",") + "\n" + EventFilesTests.acledRow(["notes": "n"]) + ",SYR\n"
        let e = try ForeignEvents.read(text, file: "acled.csv").events
        let out = try CSVReader.rows(ACLEDFormat.write(e))[1].fields
        #expect(out[ACLEDFormat.columns.firstIndex(of: "notes")!] == "n [eventmap: other columns: iso3=SYR]")
    }
}
