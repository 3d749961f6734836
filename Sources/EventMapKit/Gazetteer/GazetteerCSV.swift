import Foundation
import GeoCore

/// Reads a gazetteer CSV (the columns of geodata/places.csv; only
/// `id,name,lat,lon,kind,precision,source` are required) and checks every row.
public enum GazetteerCSV {
    public static let requiredColumns = ["id", "name", "lat", "lon", "kind", "precision", "source"]
    public static let columns = ["id", "name", "alt_names", "kind", "lat", "lon", "admin1", "country", "precision",
                                 "uncertainty_m", "source", "notes", "op_number", "established", "status_2020", "population"]
    /// The columns an imported gazetteer (GeoNames) is written with: no observation-point columns.
    public static let importColumns = ["id", "name", "alt_names", "kind", "lat", "lon", "admin1", "country", "precision",
                                       "uncertainty_m", "source", "notes", "population"]

    /// Parses `text`; `file` names the file in error messages.
    public static func read(_ text: String, file: String) throws(GazetteerError) -> Gazetteer {
        Gazetteer(places: try places(text, file: file))
    }

    /// The checked places of `text`, in file order, without the name index that `Gazetteer`
    /// builds (batch jobs that only measure distances skip that cost).
    public static func places(_ text: String, file: String) throws(GazetteerError) -> [Place] {
        try rows(text, file: file).places
    }

    /// The checked places of `text` with the byte offset and line of each row (for `GazetteerIndex`).
    static func rows(_ text: String, file: String) throws(GazetteerError) -> (places: [Place], offsets: [Int], lines: [Int]) {
        let rows: [CSVReader.Row]
        do { rows = try CSVReader.rows(text) } catch {
            throw .badRow(file: file, line: error.line, field: "-", reason: "\(error.reason) (field \(error.field))")
        }
        guard let first = rows.first else { throw .badFile(file: file, reason: "the file is empty: a header line is expected") }
        let header = try Header(first, file: file)
        var places: [Place] = [], offsets: [Int] = [], lines: [Int] = []
        places.reserveCapacity(rows.count)
        var seen: [String: Int] = [:]
        for row in rows.dropFirst() {
            let p = try header.place(row)
            if let line = seen[p.id] {
                throw .badRow(file: file, line: row.line, field: "id", reason: "duplicate id '\(p.id)' (first on line \(line))")
            }
            seen[p.id] = row.line
            places.append(p)
            offsets.append(row.byteOffset)
            lines.append(row.line)
        }
        return (places, offsets, lines)
    }

    /// The columns of a gazetteer file, checked, and the reading of one row against them.
    struct Header: Sendable {
        let file: String
        let names: [String]
        let column: [String: Int]

        init(_ header: CSVReader.Row, file: String) throws(GazetteerError) {
            self.file = file
            if let problem = CSVTokenizer.loneCarriageReturnProblem(header: header.fields) { throw .badFile(file: file, reason: problem) }
            names = header.fields.map { $0.trimmingSpaces.lowercased() }
            var column: [String: Int] = [:]
            for (i, n) in names.enumerated() where column[n] == nil { column[n] = i }
            self.column = column
            let missing = requiredColumns.filter { column[$0] == nil }
            guard missing.isEmpty else {
                throw .badRow(file: file, line: header.line, field: missing[0],
                              reason: "the header lacks the required column(s) \(missing.joined(separator: ", ")); required are \(requiredColumns.joined(separator: ","))")
            }
        }

        /// One row as a checked place (the duplicate-id check is the caller's: it needs the whole file).
        func place(_ row: CSVReader.Row) throws(GazetteerError) -> Place {
            guard row.fields.count == names.count else {
                // Name the first column the row lacks (or the first it has too many).
                let at = min(row.fields.count, names.count)
                throw .badRow(file: file, line: row.line, field: at < names.count ? names[at] : "(extra field \(at + 1))",
                              reason: "the row has \(row.fields.count) fields but the header has \(names.count)")
            }
            func field(_ n: String) -> String {
                column[n].map { row.fields[$0].trimmingSpaces } ?? ""
            }
            func bad(_ n: String, _ reason: String) -> GazetteerError { .badRow(file: file, line: row.line, field: n, reason: reason) }

            let id = field("id")
            guard !id.isEmpty else { throw bad("id", "the id is empty") }
            let name = field("name")
            guard !name.isEmpty else { throw bad("name", "the name is empty") }
            guard let lat = Double.strictDecimal(field("lat")) else { throw bad("lat", "'\(field("lat"))' is not a number") }
            guard (-90.0...90.0).contains(lat) else { throw bad("lat", "latitude \(field("lat")) is outside -90..90") }
            guard let lon = Double.strictDecimal(field("lon")) else { throw bad("lon", "'\(field("lon"))' is not a number") }
            guard (-180.0...180.0).contains(lon) else { throw bad("lon", "longitude \(field("lon")) is outside -180..180") }
            let kind = field("kind")
            guard !kind.isEmpty else { throw bad("kind", "the kind is empty") }
            guard let code = Int(field("precision")), let precision = LocationPrecision(code: code) else {
                throw bad("precision", "'\(field("precision"))' is not a where_prec code 1-7")
            }
            let source = field("source")
            guard !source.isEmpty else { throw bad("source", "every coordinate needs a source (e.g. geonames:168629)") }
            var uncertainty: Double?
            if !field("uncertainty_m").isEmpty {
                guard let u = Double.strictDecimal(field("uncertainty_m")), u >= 0 else {
                    throw bad("uncertainty_m", "'\(field("uncertainty_m"))' is not a distance in metres")
                }
                uncertainty = u
            }
            var population: Int?
            if !field("population").isEmpty {
                guard let n = Int(field("population")), n >= 0 else { throw bad("population", "'\(field("population"))' is not a whole number of people") }
                population = n
            }
            var op: ObservationPoint?
            if !field("op_number").isEmpty {
                guard let n = Int(field("op_number")), n > 0 else { throw bad("op_number", "'\(field("op_number"))' is not a positive number") }
                guard let status = ObservationPoint.Status(rawValue: field("status_2020")) else {
                    throw bad("status_2020", "'\(field("status_2020"))' is not one of remaining, encircled, evacuated")
                }
                op = ObservationPoint(number: n, established: field("established"), status: status)
            }
            let alt = field("alt_names").split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            return Place(id: id, name: name, alternateNames: alt, kind: kind, position: LonLat(lon: lon, lat: lat),
                         admin1: field("admin1"), country: field("country"), precision: precision,
                         statedUncertaintyMetres: uncertainty, source: source, notes: field("notes"), observationPoint: op,
                         population: population)
        }
    }

    /// `places` as gazetteer CSV with the `importColumns` (CRLF line ends, fields quoted only when needed).
    public static func text(_ places: [Place]) -> String {
        var out = importColumns.joined(separator: ",") + "\r\n"
        for p in places {
            let fields = [p.id, p.name, p.alternateNames.joined(separator: "|"), p.kind,
                          JSONWriter.format(p.position.lat, decimals: 7), JSONWriter.format(p.position.lon, decimals: 7),
                          p.admin1, p.country, String(p.precision.code),
                          p.statedUncertaintyMetres.map { JSONWriter.format($0, decimals: 1) } ?? "", p.source, p.notes,
                          p.population.map(String.init) ?? ""]
            out += CSVWriter.row(fields) + "\r\n"
        }
        return out
    }
}
