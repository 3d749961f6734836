import EventMapKit
import Foundation
import TestSupport

/// The bundled gazetteer and borders, read once per use.
enum AnalysisFixtures {
    static func gazetteer() throws -> Gazetteer {
        let path = Paths.geodata("places.csv")
        return try GazetteerCSV.read(try String(contentsOfFile: path, encoding: .utf8), file: path)
    }

    static func borders() throws -> Borders {
        let line = Paths.geodata("borders/syria-turkey.geojson"), countries = Paths.geodata("borders/countries.geojson")
        return try Borders.read(border: try String(contentsOfFile: line, encoding: .utf8), borderFile: line,
                                countries: try String(contentsOfFile: countries, encoding: .utf8), countriesFile: countries)
    }

    /// Tests/Reference/border-distances.csv (see make_border_reference.py): id → (distance m, nearest lat, lon).
    static func borderReference() throws -> [String: (distance: Double, lat: Double, lon: Double)] {
        let text = try String(contentsOfFile: Paths.repository + "/Tests/Reference/border-distances.csv", encoding: .utf8)
        var out: [String: (Double, Double, Double)] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("id,") {
            let f = line.split(separator: ",").map(String.init)
            out[f[0]] = (Double(f[3])!, Double(f[4])!, Double(f[5])!)
        }
        return out
    }
}
