import Foundation
import GeoCore

/// Reads GeoNames dump files (the tab-separated 19-column format of `allCountries.txt`, a
/// country file such as `SY.txt`, or `cities500.txt`; https://download.geonames.org/export/dump/)
/// into gazetteer places: `source` = `geonames:ID`, id `geonames-ID`, kind and precision from the
/// feature class and code (`GeoNamesFeature`), population, every alternate name in every script.
public struct GeoNamesDump {
    /// Which rows to keep; empty means all.
    public struct Filter: Sendable {
        public var countries: Set<String>
        public var featureClasses: Set<String>
        public init(countries: Set<String> = [], featureClasses: Set<String> = []) {
            self.countries = countries
            self.featureClasses = featureClasses
        }
    }

    public static let columnNames = ["geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
                                     "feature class", "feature code", "country code", "cc2", "admin1 code", "admin2 code",
                                     "admin3 code", "admin4 code", "population", "elevation", "dem", "timezone", "modification date"]

    /// Admin-1 names by `CC.code` (from admin1CodesASCII.txt), used for the `admin1` column.
    public var admin1Names: [String: String] = [:]
    public var filter = Filter()
    /// The places read so far, in file order, and their GeoNames ids.
    public private(set) var places: [Place] = []
    private var seen = Set<Int>()
    /// Rows skipped because an earlier file had the same geonameid.
    public private(set) var duplicates = 0

    public init() {}

    /// Reads admin1CodesASCII.txt: `CC.code<TAB>name<TAB>ascii name<TAB>geonameid`.
    public static func admin1Names(_ bytes: UnsafeRawBufferPointer, file: String) throws(GazetteerError) -> [String: String] {
        var names: [String: String] = [:]
        var failure: GazetteerError?
        eachLine(bytes) { line, text in
            let f = text.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 2, f[0].contains("."), !f[1].isEmpty else {
                failure = .badRow(file: file, line: line, field: f.count >= 2 ? "name" : "code",
                                  reason: "an admin-1 line is `CC.code<TAB>name<TAB>ascii name<TAB>geonameid`; got \(f.count) field(s)")
                return false
            }
            names[String(f[0])] = String(f[1])
            return true
        }
        if let failure { throw failure }
        return names
    }

    /// Reads one dump file, appending its rows that pass the filter. A bad row stops with its
    /// file, line and field.
    public mutating func read(_ bytes: UnsafeRawBufferPointer, file: String) throws(GazetteerError) {
        var failure: GazetteerError?
        Self.eachLine(bytes) { line, text in
            do throws(GazetteerError) {
                try self.read(line: text, number: line, file: file)
                return true
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
    }

    private mutating func read(line text: Substring, number line: Int, file: String) throws(GazetteerError) {
        let f = text.split(separator: "\t", omittingEmptySubsequences: false)
        func bad(_ column: Int, _ reason: String) -> GazetteerError {
            .badRow(file: file, line: line, field: Self.columnNames[min(column, Self.columnNames.count - 1)], reason: reason)
        }
        guard f.count == 19 else {
            throw .badRow(file: file, line: line, field: f.count < 19 ? Self.columnNames[f.count] : "(extra field \(f.count))",
                          reason: "a GeoNames row has 19 tab-separated fields; this one has \(f.count)")
        }
        let cc = String(f[8]), featureClass = String(f[6])
        if !filter.countries.isEmpty, !filter.countries.contains(cc) { return }
        if !filter.featureClasses.isEmpty, !filter.featureClasses.contains(featureClass) { return }
        guard let id = Int(f[0]), id > 0 else { throw bad(0, "'\(f[0])' is not a GeoNames id (a positive whole number)") }
        let name = f[1].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw bad(1, "the name is empty") }
        guard let lat = Double.strictDecimal(String(f[4])), (-90.0...90.0).contains(lat) else {
            throw bad(4, "'\(f[4])' is not a latitude in -90..90")
        }
        guard let lon = Double.strictDecimal(String(f[5])), (-180.0...180.0).contains(lon) else {
            throw bad(5, "'\(f[5])' is not a longitude in -180..180")
        }
        guard featureClass.isEmpty || GeoNamesFeature.classes.contains(featureClass) else {
            throw bad(6, "'\(featureClass)' is not a GeoNames feature class (A, H, L, P, R, S, T, U, V)")
        }
        var population: Int?
        if !f[14].isEmpty {
            guard let n = Int(f[14]), n >= 0 else { throw bad(14, "'\(f[14])' is not a whole number of people") }
            population = n > 0 ? n : nil
        }
        guard seen.insert(id).inserted else { duplicates += 1; return }
        // Every other spelling once, the name itself left out; '|' separates names in our CSV.
        var alternates: [String] = []
        var have: Set<String> = [name]
        for a in [f[2]] + f[3].split(separator: ",") {
            let a = a.replacingOccurrences(of: "|", with: " ").trimmingCharacters(in: .whitespaces)
            if !a.isEmpty, have.insert(a).inserted { alternates.append(a) }
        }
        let code = String(f[7])
        let (kind, precision) = GeoNamesFeature.kindAndPrecision(featureClass: featureClass, code: code, population: population)
        let admin1Code = String(f[10])
        let admin1 = admin1Code.isEmpty ? "" : admin1Names["\(cc).\(admin1Code)"] ?? admin1Code
        places.append(Place(id: "geonames-\(id)", name: name, alternateNames: alternates, kind: kind, position: LonLat(lon: lon, lat: lat),
                            admin1: admin1, country: cc, precision: precision, source: "geonames:\(id)",
                            notes: "GeoNames feature \(featureClass)\(code.isEmpty ? "" : ".\(code)")", population: population))
    }

    /// Calls `body` with each line's number (from 1) and text, without its line end; blank lines
    /// are skipped. Stops when `body` returns false.
    static func eachLine(_ bytes: UnsafeRawBufferPointer, _ body: (Int, Substring) -> Bool) {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var stop = end
            if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
            if stop > start {
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
                if !body(line, text[...]) { return }
            }
            start = end + 1
            line += 1
        }
    }
}
