import EventMapKit
import Testing

/// Reading event files: every bad-row case names the file, the line (header = line 1) and the field.
@Suite struct EventFilesTests {
    static let acledHeader = ACLEDFormat.columns.joined(separator: ",")

    /// One ACLED row with the given values for some columns, the rest plausible.
    static func acledRow(_ overrides: [String: String] = [:]) -> String {
        var v: [String: String] = [
            "event_id_cnty": "SYR1", "event_date": "2020-10-26", "year": "2020", "time_precision": "1",
            "disorder_type": "Political violence", "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
            "actor1": "Military Forces of Russia (2000-)", "actor2": "Faylaq al-Sham", "inter1": "8", "inter2": "2",
            "interaction": "28", "iso": "760", "region": "Middle East", "country": "Syria", "admin1": "Idleb", "admin2": "Harim",
            "location": "Kafr Takharim", "latitude": "36.1168", "longitude": "36.5152", "geo_precision": "2",
            "source": "SOHR", "source_scale": "Other", "notes": "On 26 October 2020, a strike.", "fatalities": "78",
            "tags": "", "timestamp": "1604000000",
        ]
        for (k, x) in overrides { v[k] = x }
        return ACLEDFormat.columns.map { CSVWriter.field(v[$0] ?? "") }.joined(separator: ",")
    }

    static func readACLED(_ rows: [String], skipBad: Bool = false) throws(EventDataError) -> EventLoad {
        try ForeignEvents.read(([acledHeader] + rows).joined(separator: "\n") + "\n", file: "in.csv", skipBad: skipBad)
    }

    static func error(_ rows: [String]) -> EventDataError? {
        do { _ = try readACLED(rows); return nil } catch { return error }
    }

    @Test func latitudeOutsideRange() {
        let e = Self.error([Self.acledRow(), Self.acledRow(["event_id_cnty": "SYR2", "latitude": "95.2"])])
        #expect(e == .badRow(file: "in.csv", line: 3, field: "latitude", reason: "latitude 95.2 is outside -90..90"))
        #expect(e?.description == "in.csv, line 3, field 'latitude': latitude 95.2 is outside -90..90")
    }

    @Test func unparseableDate() {
        let e = Self.error([Self.acledRow(["event_date": "26/10/2020"])])
        #expect(e == .badRow(file: "in.csv", line: 2, field: "event_date", reason: "'26/10/2020' is not a date (expected YYYY-MM-DD)"))
    }

    @Test func missingRequiredColumn() {
        let header = ACLEDFormat.columns.filter { $0 != "longitude" }
        let text = header.joined(separator: ",") + "\n" + header.map { _ in "1" }.joined(separator: ",") + "\n"
        #expect(throws: EventDataError.badFile(file: "in.csv", reason: "missing required column(s) longitude in the header (line 1)")) {
            try ForeignEvents.read(text, file: "in.csv")
        }
    }

    @Test func raggedRow() {
        let e = Self.error([Self.acledRow(), Self.acledRow() + ",extra"])
        #expect(e == .badRow(file: "in.csv", line: 3, field: "-", reason: "the row has 32 fields but the header has 31"))
    }

    /// A row after a quoted field holding a newline starts one line later: line numbers follow the file.
    @Test func lineNumbersCountNewlinesInsideQuotes() {
        let e = Self.error([Self.acledRow(["notes": "two\nlines, \"quoted\""]), Self.acledRow(["geo_precision": "7"])])
        #expect(e == .badRow(file: "in.csv", line: 4, field: "geo_precision", reason: "'7' is not a whole number in 1..3"))
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlinesParse() throws {
        let notes = "Strike on \"the camp\", near Kafr Takharim;\nsecond line"
        let load = try Self.readACLED([Self.acledRow(["notes": notes, "actor2": "Faylaq al-Sham, NLF"])])
        let e = try #require(load.events.first)
        #expect(e.notes == notes)
        #expect(e.actor2 == "Faylaq al-Sham, NLF")
    }

    @Test func unterminatedQuoteIsAnError() {
        let e = Self.error([Self.acledRow(), "\"SYR3,2020-10-26"])
        #expect(e == .badRow(file: "in.csv", line: 3, field: "-", reason: "a quoted field opened here is never closed (field 1)"))
    }

    @Test func skipBadTurnsRowErrorsIntoWarnings() throws {
        let load = try Self.readACLED([Self.acledRow(["latitude": "-91"]), Self.acledRow(["event_id_cnty": "SYR2"]),
                                       Self.acledRow(["event_id_cnty": "SYR3", "fatalities": "many"])], skipBad: true)
        #expect(load.events.map(\.id) == ["SYR2"])
        #expect(load.skipped.count == 2)
        #expect(load.skipped.first?.description.hasPrefix("in.csv, line 2, field 'latitude'") == true)
    }

    @Test func skipBadDoesNotSkipAMissingColumn() {
        #expect(throws: EventDataError.self) {
            try ForeignEvents.read("event_id_cnty,event_date\nA,2020-10-26\n", file: "in.csv", skipBad: true)
        }
    }

    @Test func unknownHeaderIsRefused() {
        #expect(throws: EventDataError.badFile(file: "x.csv", reason: "the header is neither an ACLED export (event_id_cnty, ...) nor UCDP GED (where_prec, date_prec, ...)")) {
            try ForeignEvents.read("a,b\n1,2\n", file: "x.csv")
        }
    }

    // Our own files.

    static let eventsHeader = EventsCSV.eventColumns.joined(separator: ",")
    static let reportsHeader = EventsCSV.reportColumns.joined(separator: ",")

    static func readOwn(events: [String], reports: [String], skipBad: Bool = false) throws -> EventLoad {
        try EventsCSV.read(events: ([eventsHeader] + events).joined(separator: "\r\n"), eventsFile: "events.csv",
                           reports: ([reportsHeader] + reports).joined(separator: "\r\n"), reportsFile: "reports.csv",
                           gazetteer: BundledData.gazetteer(), skipBad: skipBad)
    }

    static let goodEvent = "e1,2020-10-26,,day,stated,Explosions/Remote violence,Air/drone strike,A,,B,,kafr-takharim,,"

    @Test func unknownPlaceSuggestsIds() throws {
        #expect {
            try Self.readOwn(events: ["e1,2020-10-26,,day,stated,Battles,Armed clash,A,,B,,kafr-takharm,,"], reports: [])
        } throws: { error in
            (error as? EventDataError)?.description.hasPrefix("events.csv, line 2, field 'place_id': no place 'kafr-takharm' in the gazetteer (did you mean kafr-takharim") == true
        }
    }

    @Test func eventCannotBeMorePreciseThanItsPlace() throws {
        #expect {
            try Self.readOwn(events: ["e1,2020-10-26,,day,stated,Battles,Armed clash,A,,B,,idlib-governorate,1,"], reports: [])
        } throws: { error in
            (error as? EventDataError).map { if case .badRow(_, 2, "precision", _) = $0 { true } else { false } } ?? false
        }
    }

    @Test func supersedingAnotherOutletsClaimIsAnError() throws {
        let reports = ["r1,e1,SOHR,,2020-10-26,,,killed,,56,,,at_least,,,,,",
                       "r2,e1,Al-Masdar,,2020-10-27,,,killed,,78,,,at_least,,,r1,,"]
        #expect {
            try Self.readOwn(events: [Self.goodEvent], reports: reports)
        } throws: { error in
            (error as? EventDataError) == .badRow(file: "reports.csv", line: 3, field: "supersedes",
                                                  reason: "'r1' is SOHR's claim; only the same outlet's later claim supersedes it")
        }
    }

    @Test func reportOfAnUnknownEvent() throws {
        #expect {
            try Self.readOwn(events: [Self.goodEvent], reports: ["r1,e9,SOHR,,2020-10-26,,,killed,,5,,,exact,,,,,"])
        } throws: { error in
            (error as? EventDataError) == .badRow(file: "reports.csv", line: 2, field: "event_id", reason: "no event 'e9' in events.csv")
        }
    }

    @Test func highBelowLowAndBadKind() throws {
        #expect(throws: EventDataError.badRow(file: "reports.csv", line: 2, field: "high", reason: "50 is below low 78")) {
            try Self.readOwn(events: [Self.goodEvent], reports: ["r1,e1,W,,,,,killed,,78,50,,exact,,,,,"])
        }
        #expect(throws: EventDataError.self) {
            try Self.readOwn(events: [Self.goodEvent], reports: ["r1,e1,W,,,,,injured,,78,,,exact,,,,,"])
        }
    }

    @Test func ownFilesWithSkipBad() throws {
        let load = try Self.readOwn(events: [Self.goodEvent, "e2,2020-10-32,,day,stated,Battles,Armed clash,A,,B,,idlib,,"],
                                    reports: ["r1,e1,SOHR,,2020-10-26,,,killed,,5,,,exact,,,,,",
                                              "r2,e2,SOHR,,2020-10-26,,,killed,,5,,,exact,,,,,"], skipBad: true)
        #expect(load.events.map(\.id) == ["e1"])
        #expect(load.skipped.count == 2)
        #expect(load.skipped[0] == .badRow(file: "events.csv", line: 3, field: "date_start", reason: "'2020-10-32' is not a date (expected YYYY-MM-DD)"))
    }

    @Test func bundledFilesLoadCleanly() throws {
        let events = try BundledData.events()
        #expect(events.count == 6)
        let strike = try #require(events.first)
        #expect(strike.placeId == "jabal-al-duwayla-camp" && strike.precision.code == 2 && strike.uncertaintyMetres == 8000)
        let us = try BundledData.event("e20201022-us-strike")
        #expect(us.date.derived && us.date.start.description == "2020-10-22" && us.precision.code == 4)
        let op = try BundledData.event("e202010-morek-op-evacuation")
        #expect(op.date.description == "2020-10-01/2020-10-31" && op.date.precision == .month && op.placeId == "op09-morek")
    }
}
