import EventMapKit
import Foundation
import GeoCore

/// Finds the border files and turns command-line target words into targets.
extension DataOptions {
    /// The Syria-Turkey border and the country polygons from <data>/borders/.
    func loadBorders() throws -> Borders {
        let dir = try dataDirectory() + "/borders"
        let linePath = dir + "/syria-turkey.geojson", countriesPath = dir + "/countries.geojson"
        do {
            return try Borders.read(border: Self.readText(linePath, what: "the border"), borderFile: linePath,
                                    countries: Self.readText(countriesPath, what: "the country polygons"), countriesFile: countriesPath)
        } catch let e as AnalysisError {
            throw CLIError(e.description)
        }
    }

    /// Resolves a TARGET argument: a GeoJSON file (when the text names an existing file or ends in
    /// .geojson/.json), `border`, a country, `LAT,LON`, or a place. Loads only the data it needs.
    func target(_ text: String, argument: String) throws -> Target {
        let lower = text.lowercased()
        if FileManager.default.fileExists(atPath: text) || lower.hasSuffix(".geojson") || lower.hasSuffix(".json") {
            let body = try Self.readText(text, what: "the GeoJSON file")
            do { return try Target.fromGeoJSON(body, name: text) } catch { throw CLIError("\(argument): \(error.description)") }
        }
        if LonLat.looksLikeCoordinate(text) {
            do { return .point(NamedPoint.coordinate(try LonLat(parsingLatLon: text))) } catch {
                throw CLIError("\(argument): \(error.description).")
            }
        }
        let resolver = TargetResolver(gazetteer: try loadGazetteer(), borders: try loadBorders())
        do { return try resolver.resolve(text) } catch { throw CLIError("\(argument): \(error.description)") }
    }

    /// A country for --clip.
    func country(_ text: String, argument: String) throws -> Country {
        let borders = try loadBorders()
        guard let c = borders.country(text) else {
            throw CLIError("\(argument): no country '\(text)' in the border data (known: \(borders.countries.map { "\($0.name) (\($0.id))" }.joined(separator: ", "))).")
        }
        return c
    }
}

/// A DISTANCE argument with its unit.
func parseLength(_ text: String, argument: String) throws -> Double {
    do { return try Length(parsing: text).metres } catch { throw CLIError("\(argument): \(error.description).") }
}

extension Printing {
    /// {"lat": .., "lon": ..}
    static func latLon(_ p: LonLat) -> JSONValue { ["lat": .number(p.lat), "lon": .number(p.lon)] }

    /// A place's identity and, when approximate, its uncertainty, for JSON output.
    static func placeObject(_ p: Place) -> JSONObject {
        var o = JSONObject()
        o["id"] = .string(p.id)
        o["name"] = .string(p.name)
        o["kind"] = .string(p.kind)
        o["lat"] = .number(p.position.lat)
        o["lon"] = .number(p.position.lon)
        if p.isApproximate {
            o["precision"] = .int(p.precision.code)
            o["uncertainty_m"] = .number(p.uncertaintyMetres)
        }
        return o
    }

    /// Text for an azimuth that may be undefined (two coincident points).
    static func azimuth(_ deg: Double?) -> String { deg.map { azimuth(CompassPoint.normalised($0)) } ?? "-" }

    /// Kilometres with three decimals and the unit: "10.823 km".
    static func km(_ metres: Double) -> String { "\(grouped(metres / 1000, decimals: 3)) km" }
}
