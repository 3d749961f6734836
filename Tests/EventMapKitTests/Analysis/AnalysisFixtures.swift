import EventMapKit
import Foundation
import Testing
import TestSupport

/// The bundled gazetteer and borders, read once per use.
enum AnalysisFixtures {
    static func gazetteer() throws -> Gazetteer {
        let path = Paths.geodata("places.csv")
        return try GazetteerCSV.read(try String(contentsOfFile: path, encoding: .utf8), file: path)
    }

    /// The bundled world data (geodata/world).
    static func world() throws -> World {
        let dir = Paths.geodata("world/")
        func data(_ f: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: dir + f)) }
        return try World(countriesIndex: String(contentsOfFile: dir + "countries.json", encoding: .utf8), countryVertices: data("countries.bin"),
                         bordersIndex: String(contentsOfFile: dir + "borders.json", encoding: .utf8), borderVertices: data("borders.bin"),
                         files: ("countries.json", "countries.bin", "borders.json", "borders.bin"))
    }

    /// The Syria-Turkey land border of the world data, as a border set.
    static func syriaTurkey() throws -> LandBorderSet {
        let b = try #require(try world().border(between: "SYR", and: "TUR"))
        return LandBorderSet([b], name: b.displayName)
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
