import EventMapKit
import Testing

/// Reading a gazetteer CSV: a good file with only the required columns, and every kind of bad
/// row, each error naming the file, the line (header = line 1) and the field.
@Suite struct GazetteerCSVTests {
    static let header = "id,name,lat,lon,kind,precision,source"
    static let good = "kafr-takharim,Kafr Takharim,36.1168,36.51522,town,1,geonames:168629"

    @Test func onlyTheRequiredColumnsAreNeeded() throws {
        let g = try GazetteerCSV.read(Self.header + "\n" + Self.good + "\n", file: "mine.csv")
        let p = try #require(g.place(id: "kafr-takharim"))
        #expect(p.position.lat == 36.1168 && p.position.lon == 36.51522)
        #expect(p.precision.code == 1 && p.alternateNames.isEmpty && p.observationPoint == nil)
    }

    @Test func allColumnsParse() throws {
        let text = """
            id,name,alt_names,kind,lat,lon,admin1,country,precision,uncertainty_m,source,notes,op_number,established,status_2020
            op09-morek,Morek observation point,Tell Sawwan|تل صوان,observation-point,35.37615,36.6897,Hama,SY,2,3000,anchor:morek,"On a hill, east of town",9,2018-04-07,evacuated
            """
        let p = try #require(try GazetteerCSV.read(text, file: "ops.csv").places.first)
        #expect(p.alternateNames == ["Tell Sawwan", "تل صوان"])
        #expect(p.uncertaintyMetres == 3000 && p.isApproximate && p.notes == "On a hill, east of town")
        #expect(p.observationPoint == ObservationPoint(number: 9, established: "2018-04-07", status: .evacuated))
    }

    /// (a data line after the header, the line the error must name, the field, a phrase of the reason)
    @Test(arguments: [
        ("kafr-takharim,Kafr Takharim,36.1168,36.51522,town,1,", 2, "source", "needs a source"),
        ("kafr-takharim,Kafr Takharim,96.1168,36.51522,town,1,geonames:168629", 2, "lat", "outside -90..90"),
        ("kafr-takharim,Kafr Takharim,-90.5,36.51522,town,1,geonames:168629", 2, "lat", "outside -90..90"),
        ("kafr-takharim,Kafr Takharim,36.1168,186.5,town,1,geonames:168629", 2, "lon", "outside -180..180"),
        ("kafr-takharim,Kafr Takharim,36°07',36.51522,town,1,geonames:168629", 2, "lat", "is not a number"),
        ("kafr-takharim,Kafr Takharim,36.1168,east,town,1,geonames:168629", 2, "lon", "is not a number"),
        ("kafr-takharim,Kafr Takharim,,36.51522,town,1,geonames:168629", 2, "lat", "is not a number"),
        ("kafr-takharim,Kafr Takharim,36.1168,36.51522,town,8,geonames:168629", 2, "precision", "where_prec code 1-7"),
        ("kafr-takharim,Kafr Takharim,36.1168,36.51522,town,exact,geonames:168629", 2, "precision", "where_prec code 1-7"),
        ("kafr-takharim,Kafr Takharim,36.1168,36.51522,town,geonames:168629", 2, "source", "6 fields but the header has 7"),
        ("kafr-takharim,Kafr Takharim,36.1168,36.51522,town,1,geonames:168629,extra", 2, "(extra field 8)", "8 fields but the header has 7"),
        (",Kafr Takharim,36.1168,36.51522,town,1,geonames:168629", 2, "id", "the id is empty"),
        ("kafr-takharim,,36.1168,36.51522,town,1,geonames:168629", 2, "name", "the name is empty"),
        ("kafr-takharim,Kafr Takharim,36.1168,36.51522,,1,geonames:168629", 2, "kind", "the kind is empty"),
    ])
    func aBadRowNamesFileLineAndField(_ row: String, _ line: Int, _ field: String, _ reason: String) {
        expectBadRow(Self.header + "\n" + row + "\n", line: line, field: field, reason: reason)
    }

    @Test func aDuplicateIdNamesBothLines() {
        let text = [Self.header, Self.good, "idlib,Idlib,35.93062,36.63393,city,1,geonames:169389", Self.good].joined(separator: "\n")
        expectBadRow(text, line: 4, field: "id", reason: "duplicate id 'kafr-takharim' (first on line 2)")
    }

    @Test func aMissingColumnNamesTheHeaderLineAndTheColumn() {
        let text = "id,name,lat,lon,kind,precision\n" + "kafr-takharim,Kafr Takharim,36.1168,36.51522,town,1\n"
        expectBadRow(text, line: 1, field: "source", reason: "lacks the required column(s) source")
    }

    @Test func aLineInsideAQuotedFieldIsCountedForLaterRows() {
        // The notes of line 2 span two lines, so the bad row starts on line 4.
        let text = "id,name,lat,lon,kind,precision,source,notes\n"
            + "a,A,1,1,town,1,s,\"two\nlines\"\n"
            + "b,B,95,1,town,1,s,\n"
        expectBadRow(text, line: 4, field: "lat", reason: "outside -90..90")
    }

    @Test func observationPointAttributesAreChecked() {
        let header = "id,name,lat,lon,kind,precision,source,op_number,established,status_2020"
        expectBadRow(header + "\nop,OP,35,36,observation-point,2,s,nine,2018,evacuated\n", line: 2, field: "op_number", reason: "not a positive number")
        expectBadRow(header + "\nop,OP,35,36,observation-point,2,s,9,2018,gone\n", line: 2, field: "status_2020", reason: "remaining, encircled, evacuated")
    }

    @Test func anUnterminatedQuoteAndAnEmptyFileAreErrors() {
        #expect(throws: GazetteerError.self) { try GazetteerCSV.read(Self.header + "\n\"kafr,Kafr,1,1,town,1,s\n", file: "q.csv") }
        do {
            _ = try GazetteerCSV.read("", file: "empty.csv")
            Issue.record("an empty file must be an error")
        } catch {
            #expect(error.description == "empty.csv: the file is empty: a header line is expected")
        }
    }

    func expectBadRow(_ text: String, line: Int, field: String, reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try GazetteerCSV.read(text, file: "places-test.csv")
            Issue.record("no error for a bad row (expected line \(line), field \(field))", sourceLocation: sourceLocation)
        } catch {
            guard case .badRow(let f, let l, let fl, let r) = error else {
                Issue.record("not a row error: \(error)", sourceLocation: sourceLocation)
                return
            }
            #expect(f == "places-test.csv" && l == line && fl == field, sourceLocation: sourceLocation)
            #expect(r.contains(reason), "reason: \(r)", sourceLocation: sourceLocation)
            #expect(error.description.hasPrefix("places-test.csv, line \(line), field '\(field)': "), sourceLocation: sourceLocation)
        }
    }
}
