import EventMapKit
import Foundation
import GeoCore

/// Finds the world data and turns command-line target words into targets.
extension DataOptions {
    /// The world's countries and land borders from <data>/world/ (only what a query asks for is decoded).
    func loadWorld() throws -> World {
        // <data>/world/, or <data> itself when the files lie there (Spark ships files flat).
        let data = try dataDirectory()
        let dir = FileManager.default.fileExists(atPath: data + "/world/countries.json") ? data + "/world" : data
        let paths = (dir + "/countries.json", dir + "/countries.bin", dir + "/borders.json", dir + "/borders.bin")
        func bytes(_ path: String) throws -> Data {
            // Mapped: a query about one country or border reads only its pages.
            do { return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
                throw CLIError("cannot read the world data \(path): no such file or it is not readable.")
            }
        }
        do {
            return try World(countriesIndex: Self.readText(paths.0, what: "the country index"), countryVertices: bytes(paths.1),
                             bordersIndex: Self.readText(paths.2, what: "the border index"), borderVertices: bytes(paths.3),
                             files: paths)
        } catch let e as AnalysisError {
            throw CLIError(e.description)
        }
    }

    /// Every land border of the world, for "the nearest border".
    func nearestBorders(in world: World) throws -> LandBorderSet {
        do { return try TargetResolver.borders("border", in: world) } catch { throw CLIError(error.description) }
    }

    /// Resolves a TARGET argument: a GeoJSON file (when the text names an existing file or ends in
    /// .geojson/.json), `border`, a country, `LAT,LON`, or a place. Loads only the data it needs:
    /// borders need no gazetteer, and a caller that already holds the gazetteer passes it.
    func target(_ text: String, argument: String, gazetteer loaded: Gazetteer? = nil) throws -> Target {
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
        do {
            if TargetResolver.isBorder(text) { return .borders(try TargetResolver.borders(text, in: try loadWorld())) }
            let resolver = TargetResolver(gazetteer: try loaded ?? loadGazetteer(), world: try loadWorld())
            return try resolver.resolve(text)
        } catch let e as AnalysisError { throw CLIError("\(argument): \(e.description)") }
    }

    /// A country for --clip.
    func country(_ text: String, argument: String) throws -> Country {
        guard let c = try loadWorld().country(text) else {
            throw CLIError("\(argument): no country '\(text)' (write its English name or ISO code, e.g. Syria, SY or SYR).")
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
