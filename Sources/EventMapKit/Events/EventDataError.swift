import GeoCore
/// An event or report file that cannot be used. Messages name the file, the line (the header
/// is line 1, as in an editor) and the field, so a user can go and fix it.
public enum EventDataError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The whole file is unusable (empty, unknown format, a required column missing).
    case badFile(file: String, reason: String)
    /// One row is unusable; with `--skip-bad` it can be skipped with a warning.
    case badRow(file: String, line: Int, field: String, reason: String)

    public var description: String {
        switch self {
        case .badFile(let file, let reason): "\(file): \(reason)"
        case .badRow(let file, let line, let field, let reason):
            field == "-" ? "\(file), line \(line): \(reason)" : "\(file), line \(line), field '\(field)': \(reason)"
        }
    }

    public var isRowError: Bool { if case .badRow = self { return true }; return false }
}

/// What a load produced: the events, and the rows skipped (only when skipping was asked for).
public struct EventLoad: Sendable {
    public var events: [Event]
    public var skipped: [EventDataError]
}

/// A CSV file read into rows keyed by column name, with the checks every event file needs:
/// the header, the required columns, ragged rows.
struct CSVTable {
    let file: String
    let header: [String]
    let rows: [CSVReader.Row]
    private let column: [String: Int]
    /// Per header position, the field read for that name (the first column of the name).
    private let firstIndex: [Int]

    init(text: String, file: String, required: [String]) throws(EventDataError) {
        let all: [CSVReader.Row]
        do { all = try CSVReader.rows(text, sharingRepeats: true) } catch {
            throw .badRow(file: file, line: error.line, field: "-", reason: "\(error.reason) (field \(error.field))")
        }
        guard let first = all.first else { throw .badFile(file: file, reason: "the file is empty: a header line is expected") }
        self.file = file
        if let problem = CSVTokenizer.loneCarriageReturnProblem(header: first.fields) { throw .badFile(file: file, reason: problem) }
        header = first.fields.map { $0.trimmingSpaces.lowercased() }
        var column: [String: Int] = [:]
        for (i, n) in header.enumerated() where column[n] == nil { column[n] = i }
        self.column = column
        rows = Array(all.dropFirst())
        firstIndex = header.map { column[$0]! }
        try check(required: required)
    }

    /// A failure naming the required columns the header lacks.
    func check(required: [String]) throws(EventDataError) {
        let missing = required.filter { column[$0] == nil }
        guard missing.isEmpty else {
            throw .badFile(file: file, reason: "missing required column(s) \(missing.joined(separator: ", ")) in the header (line 1)")
        }
    }

    func has(_ name: String) -> Bool { column[name] != nil }

    /// The positions in the header of the columns not in `mapped` (what a SourceRecord keeps).
    func positions(notIn mapped: Set<String>) -> [Int] { header.indices.filter { !mapped.contains(header[$0]) } }

    /// The row's fields, or an error when it has more or fewer fields than the header.
    func checked(_ row: CSVReader.Row) throws(EventDataError) -> Fields {
        guard row.fields.count == header.count else {
            throw .badRow(file: file, line: row.line, field: "-",
                          reason: "the row has \(row.fields.count) fields but the header has \(header.count)")
        }
        return Fields(table: self, row: row)
    }

    struct Fields {
        let table: CSVTable
        let row: CSVReader.Row
        var line: Int { row.line }

        subscript(name: String) -> String {
            table.column[name].map { row.fields[$0].trimmingSpaces } ?? ""
        }

        /// The values (as `self[name]` gives them) of the header's columns at `positions`.
        func values(at positions: [Int]) -> [String] { positions.map { row.fields[table.firstIndex[$0]].trimmingSpaces } }

        func bad(_ field: String, _ reason: String) -> EventDataError {
            .badRow(file: table.file, line: row.line, field: field, reason: reason)
        }

        func required(_ name: String) throws(EventDataError) -> String {
            let v = self[name]
            guard !v.isEmpty else { throw bad(name, "the value is empty") }
            return v
        }

        func day(_ name: String) throws(EventDataError) -> CalendarDay {
            let v = self[name]
            guard let d = CalendarDay(parsing: v) else { throw bad(name, "'\(v)' is not a date (expected YYYY-MM-DD)") }
            return d
        }

        func optionalNumber(_ name: String) throws(EventDataError) -> Double? {
            let v = self[name]
            if v.isEmpty { return nil }
            guard let d = Double.strictDecimal(v) else { throw bad(name, "'\(v)' is not a number") }
            return d
        }

        func int(_ name: String, in range: ClosedRange<Int>) throws(EventDataError) -> Int {
            let v = self[name]
            guard let i = Int(v), range.contains(i) else {
                throw bad(name, "'\(v)' is not a whole number in \(range.lowerBound)..\(range.upperBound)")
            }
            return i
        }

        /// A coded value: a whole number in `range` that `decode` knows. A number the range admits
        /// but the code table lacks is an error too, so a row is never dropped unseen.
        func code<T>(_ name: String, in range: ClosedRange<Int>, _ decode: (Int) -> T?) throws(EventDataError) -> T {
            let n = try int(name, in: range)
            guard let value = decode(n) else { throw bad(name, "\(n) is not one of the codes this format defines") }
            return value
        }

        func latitude(_ name: String) throws(EventDataError) -> Double {
            guard let v = try optionalNumber(name) else { throw bad(name, "the latitude is empty") }
            guard (-90.0...90.0).contains(v) else { throw bad(name, "latitude \(self[name]) is outside -90..90") }
            return v
        }

        func longitude(_ name: String) throws(EventDataError) -> Double {
            guard let v = try optionalNumber(name) else { throw bad(name, "the longitude is empty") }
            guard (-180.0...180.0).contains(v) else { throw bad(name, "longitude \(self[name]) is outside -180..180") }
            return v
        }
    }
}



/// Runs `body` on each row; a row error either stops the load or, with `skipBad`, is collected.
func eachRow(_ table: CSVTable, skipBad: Bool, skipped: inout [EventDataError],
             _ body: (CSVTable.Fields) throws(EventDataError) -> Void) throws(EventDataError) {
    for row in table.rows {
        do {
            try body(try table.checked(row))
        } catch {
            guard skipBad, error.isRowError else { throw error }
            skipped.append(error)
        }
    }
}
