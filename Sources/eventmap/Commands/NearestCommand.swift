import ArgumentParser
import EventMapKit
import GeoCore

/// `eventmap nearest PLACE`: the places nearest to a place or a coordinate.
struct NearestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nearest",
        abstract: "The gazetteer places nearest to a place or LAT,LON, by WGS 84 geodesic distance.",
        discussion: """
            Places are ranked by geodesic distance (GeographicLib's geod_inverse), nearest first, ties \
            by id; the place asked about is left out. Azimuths are at the query point, degrees \
            clockwise from north.

            Examples:
              eventmap nearest "Kafr Takharim"
              eventmap nearest 36.1168,36.51522 --kind observation-point -k 3 --json
            """
    )

    @Argument(help: "A place name or id, or LAT,LON in decimal degrees.")
    var place: String

    @Option(name: .long, help: "Only places of this kind (town, village, observation-point, ...).")
    var kind: String?

    @Option(name: [.customShort("k"), .long], help: "How many places to list.")
    var count = 5

    @OptionGroup var dataOptions: DataOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        guard count > 0 else { throw ValidationError("-k must be a positive number of places.") }
    }

    func run() throws {
        let gazetteer = try dataOptions.loadGazetteer()
        let from = try gazetteer.point(place, argument: "argument PLACE")
        if let kind, !gazetteer.places.contains(where: { $0.kind == kind }) {
            let kinds = Set(gazetteer.places.map(\.kind)).sorted().joined(separator: ", ")
            throw CLIError("--kind: no place is of kind '\(kind)' (kinds: \(kinds)).")
        }
        let found = PlaceSearch(places: gazetteer.places).nearest(to: from.position, count: count, kind: kind, excluding: from.place?.id)
        if json {
            var o = JSONObject()
            var of = from.place.map(Printing.placeObject) ?? JSONObject()
            of["lat"] = .number(from.position.lat)
            of["lon"] = .number(from.position.lon)
            o["of"] = .object(of)
            o["places"] = .array(found.map { r in
                var p = Printing.placeObject(r.place)
                p["distance_m"] = .number(r.distanceMetres)
                p["azimuth_deg"] = JSONValue(r.azimuthDegrees)
                return .object(p)
            })
            Printing.json(.object(o))
            return
        }
        let rows = found.enumerated().map { i, r in
            [String(i + 1), r.place.id, r.place.name, r.place.kind, Printing.km(r.distanceMetres), Printing.azimuth(r.azimuthDegrees),
             r.place.isApproximate ? "±\(PrecisionNote.kilometres(r.place.uncertaintyMetres)) km" : ""]
        }
        print("Nearest to \(from.label)" + (kind.map { " (kind \($0))" } ?? "") + ":")
        print(Printing.table(["#", "id", "name", "kind", "distance", "azimuth", "placed within"], rows))
        if let p = from.place, p.isApproximate { print("Note: " + PrecisionNote.distance(p)) }
    }
}
