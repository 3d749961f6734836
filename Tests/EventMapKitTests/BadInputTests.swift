import Foundation
import GeoCore
import Testing
import TestSupport
@testable import EventMapKit

/// Bad input of every kind for the CSV, event and gazetteer readers and the coordinate and
/// length parsers: a clear error naming what is wrong, or the correct answer; never a trap.
@Suite struct BadInputTests {
    static let gazetteerHeader = "id,name,lat,lon,kind,precision,source"

    func gazetteerError(_ text: String) -> String? {
        do { _ = try GazetteerCSV.read(text, file: "p.csv"); return nil } catch { return error.description }
    }

    func acledError(_ text: String) -> String? {
        do { _ = try ForeignEvents.read(text, file: "a.csv"); return nil } catch { return error.description }
    }

    @Test func emptyFilesAndHeadersOnly() throws {
        #expect(gazetteerError("")?.contains("the file is empty") == true)
        #expect(acledError("")?.contains("the file is empty") == true)
        #expect(try GazetteerCSV.read(Self.gazetteerHeader + "\n", file: "p.csv").places.isEmpty)
        #expect(try ForeignEvents.read(EventFilesTests.acledHeader + "\r\n", file: "a.csv").events.isEmpty)
    }

    @Test func nulBytesAndAMidFileByteOrderMarkAreNamedAsBadValues() {
        let nul = gazetteerError(Self.gazetteerHeader + "\nx,X,36\u{0}.1,36.5,town,1,s\n")
        #expect(nul?.contains("p.csv, line 2, field 'lat'") == true, "\(nul ?? "no error")")
        let bom = acledError(EventFilesTests.acledHeader + "\n" + EventFilesTests.acledRow(["latitude": "\u{FEFF}36.1"]) + "\n")
        #expect(bom?.contains("a.csv, line 2, field 'latitude'") == true, "\(bom ?? "no error")")
    }

    @Test func linesEndedByCarriageReturnsAloneAreNamed() {
        let reason = "the header (line 1) holds a carriage return not followed by a line feed: lines must end with LF or CRLF"
        #expect(gazetteerError(Self.gazetteerHeader + "\rx,X,36.1,36.5,town,1,s\r") == "p.csv: " + reason)
        #expect(acledError(EventFilesTests.acledHeader + "\r" + EventFilesTests.acledRow() + "\r") == "a.csv: " + reason)
    }

    @Test func mixedLineEndingsReadAsOne() throws {
        let rows = [EventFilesTests.acledRow(), EventFilesTests.acledRow(["event_id_cnty": "SYR2"])]
        let load = try ForeignEvents.read(EventFilesTests.acledHeader + "\r\n" + rows[0] + "\n" + rows[1] + "\r\n", file: "a.csv")
        #expect(load.events.map(\.id) == ["SYR1", "SYR2"])
        #expect(load.events[1].position.lon == 36.5152)
    }

    @Test(arguments: ["1e400", "0x1p3", "inf", "-inf", "nan", "1e-400x", "", "--1", "1..2"])
    func numbersThatAreNotDecimalsAreRefusedEverywhere(_ bad: String) throws {
        #expect(throws: CoordinateParseError.self) { _ = try LonLat(parsingLatLon: "\(bad),36.5") }
        #expect(throws: Length.ParseError.self) { _ = try Length(parsing: bad + "km") }
        #expect(gazetteerError(Self.gazetteerHeader + "\nx,X,\(bad),36.5,town,1,s\n") != nil)
        Array(bad.utf8).withUnsafeBytes { #expect(DecimalBytes.parse($0) == nil) }
    }

    /// 1e308 is a finite number, but 1e308 km is not a finite number of metres: before the check
    /// it became an infinite length.
    @Test func aLengthBeyondDoubleIsRefused() throws {
        #expect(throws: Length.ParseError.self) { _ = try Length(parsing: "1e308km") }
        #expect(try Length(parsing: "1e3km").metres == 1_000_000)
    }

    @Test func invalidUTF8AndATenMegabyteLineDoNotTrap() throws {
        let invalid = String(decoding: Array(Self.gazetteerHeader.utf8) + [0x0A, 0x78, 0xFF, 0xFE, 0x2C] + Array("X,36.1,36.5,town,1,s\n".utf8), as: UTF8.self)
        #expect(try GazetteerCSV.read(invalid, file: "p.csv").places.count == 1)
        let long = String(repeating: "9", count: 10_000_000)
        #expect(gazetteerError(Self.gazetteerHeader + "\nx,X,\(long),36.5,town,1,s\n")?.contains("field 'lat'") == true)
        #expect(throws: CoordinateParseError.self) { _ = try LonLat(parsingLatLon: long + ",1") }
    }

    /// A code the range admits but the table lacks is an error, never a silently dropped row
    /// (ACLED and UCDP ended such checks with `else { return }`).
    @Test func aCodeOutsideItsTableIsAnErrorNotADroppedRow() throws {
        let table = try CSVTable(text: "c\n4\n", file: "t.csv", required: ["c"])
        let f = try table.checked(table.rows[0])
        #expect(throws: EventDataError.badRow(file: "t.csv", line: 2, field: "c", reason: "4 is not one of the codes this format defines")) {
            _ = try f.code("c", in: 1...4, DatePrecision.init(acledTimePrecision:))
        }
        #expect(try f.code("c", in: 1...5, DatePrecision.init(rawValue:)) == .month)
    }
}
