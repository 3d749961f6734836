import ArgumentParser
import EventMapKit
import GeoCore

/// `eventmap distance A B`: the geodesic from a point to a point, the border or a country.
struct DistanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distance",
        abstract: "Geodesic distance from a point to a point, the border or a country, on WGS 84.",
        discussion: """
            A is a place name or id from the gazetteer, or LAT,LON in decimal degrees. B is the same, or \
            `border` (the nearest international land border), `border:SYR-TUR` (one shared border, \
            alpha-3 or alpha-2 codes, either order), `border:SYR` (all land borders of a country), a country \
            (Syria, Türkiye, SY, TUR, ...), or a GeoJSON file. Distances are WGS 84 geodesics (GeographicLib's geod_inverse through PROJ). For the \
            border or a country the answer is the geodesic distance to the nearest point of the line \
            (its edges read as geodesics), found exactly along the edges, and that point is shown; \
            a point inside a country is at distance 0. Azimuths are degrees clockwise from north, at A \
            (GeodSolve's azi1) and, point to point, at B (azi2). Negative coordinates work as typed, \
            e.g. eventmap distance -33.9,18.4 51.5,-0.1

            Examples:
              eventmap distance 36.1168,36.51522 35.93062,36.63393
              eventmap distance "Kafr Takharim" border
              eventmap distance "Jabal al-Duwayla camp" Turkey --json
            """
    )

    @Argument(help: "The start: a place name or id, or LAT,LON in decimal degrees.")
    var a: String

    @Argument(help: "The end: a place, LAT,LON, `border`, a country or a GeoJSON file.")
    var b: String

    @OptionGroup var dataOptions: DataOptions

    @Flag(help: "Print a JSON object (distance_m, azimuth_deg, nearest, ...) instead of text.")
    var json = false

    func run() throws {
        let from: NamedPoint
        var gazetteer: Gazetteer?
        if LonLat.looksLikeCoordinate(a) {
            // A typed coordinate needs no gazetteer: two coordinates work even without the bundled data.
            from = NamedPoint.coordinate(try Self.coordinate(a, named: "A"))
        } else {
            let places = try dataOptions.loadGazetteer()
            let place = try? places.resolvePoint(a)
            let isLineOrArea = TargetResolver.isBorder(a) || (place == nil && (try? dataOptions.loadWorld().countryEntry(a)) != nil)
            if isLineOrArea {
                throw CLIError("argument A: '\(a)' is a line or an area; A must be a place or LAT,LON (put the border or the country second).")
            }
            // Resolved once; an unknown name is resolved again only to word its error.
            from = try place ?? places.point(a, argument: "argument A")
            gazetteer = places
        }
        let target = try dataOptions.target(b, argument: "argument B", gazetteer: gazetteer)
        let m = TargetDistance(from: from, to: target)
        if json { Printing.json(.object(Self.json(m, target))) } else { print(Self.text(m, target)) }
    }

    static func json(_ m: TargetDistance, _ target: Target) -> JSONObject {
        var o = JSONObject()
        var fromObject = m.from.place.map(Printing.placeObject) ?? JSONObject()
        fromObject["lat"] = .number(m.from.position.lat)
        fromObject["lon"] = .number(m.from.position.lon)
        o["from"] = .object(fromObject)
        switch target {
        case .point(let p):
            var to = p.place.map(Printing.placeObject) ?? JSONObject()
            to["lat"] = .number(p.position.lat)
            to["lon"] = .number(p.position.lon)
            o["to"] = .object(to)
        case .line(let name, _, _): o["to"] = ["target": .string(name), "type": "line"]
        case .borders(let set): o["to"] = ["target": .string(set.name), "type": "border"]
        case .area(let name, _, _): o["to"] = ["target": .string(name), "type": "area"]
        }
        o["distance_m"] = .number(m.distanceMetres)
        o["distance_km"] = .number(m.distanceMetres / 1000)
        o["azimuth_deg"] = JSONValue(m.azimuthDegrees)
        if case .point = target {
            o["azimuth2_deg"] = JSONValue(m.finalAzimuthDegrees)
        } else {
            o["nearest"] = Printing.latLon(m.nearest)
        }
        if let b = m.border { o["border"] = b.json }
        if let inside = m.isInside {
            o["inside"] = .bool(inside)
            o["boundary_distance_m"] = JSONValue(m.boundaryDistanceMetres)
        }
        if m.uncertaintyMetres > 0 {
            o["uncertainty_m"] = .number(m.uncertaintyMetres)
            o["note"] = .string(m.notes.joined(separator: " "))
        }
        o["method"] = "WGS 84 geodesic (GeographicLib geod_inverse via PROJ); nearest point of a line or area found exactly along its geodesic edges"
        return o
    }

    static func text(_ m: TargetDistance, _ target: Target) -> String {
        var rows: [[String]] = [["From", m.from.place.map { "\($0.name) (\(m.from.position))" } ?? m.from.position.description]]
        switch target {
        case .point(let p):
            rows.append(["To", p.place.map { "\($0.name) (\(p.position))" } ?? p.position.description])
            rows.append(["Distance", Printing.metres(m.distanceMetres)])
            rows.append(["Azimuth at A", Printing.azimuth(m.azimuthDegrees)])
            rows.append(["Azimuth at B", Printing.azimuth(m.finalAzimuthDegrees)])
        case .line, .area, .borders:
            let name = target.label
            rows.append(["To", m.border.map { $0.displayName + " (\($0.label))" } ?? name])
            if m.isInside == true {
                rows.append(["Distance", "0 m (inside \(name))"])
                rows.append(["To the boundary", Printing.metres(m.boundaryDistanceMetres ?? 0)])
            } else {
                rows.append(["Distance", Printing.metres(m.distanceMetres)])
            }
            rows.append(["Nearest point", m.nearest.description])
            rows.append([m.isInside == true ? "Azimuth to boundary" : "Azimuth at A", Printing.azimuth(m.azimuthDegrees)])
        }
        var out = Printing.table(["", ""], rows).split(separator: "\n").dropFirst().joined(separator: "\n")
        for note in m.notes { out += "\nNote: " + note }
        return out
    }

    static func coordinate(_ text: String, named name: String) throws -> LonLat {
        do {
            return try LonLat(parsingLatLon: text)
        } catch {
            throw CLIError("argument \(name): \(error.description).")
        }
    }
}
