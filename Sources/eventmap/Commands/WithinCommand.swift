import ArgumentParser
import EventMapKit
import GeoCore

/// `eventmap within DISTANCE --of TARGET`: the places within a geodesic distance of a target.
struct WithinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "within",
        abstract: "The gazetteer places within a geodesic distance of a place, a point, the border or a country.",
        discussion: """
            DISTANCE needs a unit: m, km, mi or nmi (e.g. 20km, 500m). Distances are WGS 84 geodesics; \
            to the border or a country they are measured to the nearest point of its geodesic edges \
            (0 inside a country). The place asked about is left out. Nearest first, ties by id.

            Examples:
              eventmap within 20km --of border
              eventmap within 15km --of "Kafr Takharim" --kind village --json
            """
    )

    @Argument(help: "The distance, with a unit: 20km, 500m, 3mi, 5nmi.")
    var distance: String

    @Option(name: .long, help: ArgumentHelp("A place, LAT,LON, `border`, a country or a GeoJSON file.", valueName: "target"))
    var of: String

    @Option(name: .long, help: "Only places of this kind (town, village, observation-point, ...).")
    var kind: String?

    @OptionGroup var dataOptions: DataOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let metres = try parseLength(distance, argument: "argument DISTANCE")
        let gazetteer = try dataOptions.loadGazetteer()
        let target = try dataOptions.target(of, argument: "--of", gazetteer: gazetteer)
        if let kind, !gazetteer.places.contains(where: { $0.kind == kind }) {
            let kinds = Set(gazetteer.places.map(\.kind)).sorted().joined(separator: ", ")
            throw CLIError("--kind: no place is of kind '\(kind)' (kinds: \(kinds)).")
        }
        let found = PlaceSearch(places: gazetteer.places).within(metres, of: target, kind: kind)
        if json {
            var o = JSONObject()
            o["distance_m"] = .number(metres)
            o["of"] = .string(target.label)
            o["places"] = .array(found.map { r in
                var p = Printing.placeObject(r.place)
                p["distance_m"] = .number(r.distanceMetres)
                return .object(p)
            })
            if let p = target.place, p.isApproximate {
                o["uncertainty_m"] = .number(p.uncertaintyMetres)
                o["note"] = .string(PrecisionNote.distance(p))
            }
            Printing.json(.object(o))
            return
        }
        let rows = found.map { r in
            [r.place.id, r.place.name, r.place.kind, Printing.km(r.distanceMetres),
             r.place.isApproximate ? "±\(PrecisionNote.kilometres(r.place.uncertaintyMetres)) km" : ""]
        }
        print("\(found.count) place\(found.count == 1 ? "" : "s") within \(Printing.km(metres)) of \(target.label)"
              + (kind.map { " (kind \($0))" } ?? "") + (found.isEmpty ? "." : ":"))
        if !found.isEmpty { print(Printing.table(["id", "name", "kind", "distance", "placed within"], rows)) }
        if let p = target.place, p.isApproximate { print("Note: " + PrecisionNote.distance(p)) }
    }
}
