import ArgumentParser
import Foundation
import EventMapKit

/// `eventmap places`: the gazetteer as a table, optionally one kind only.
struct PlacesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "places",
        abstract: "List the places of the gazetteer, with precision and source.",
        discussion: """
            The table shows each place's id, name, kind, position (LAT,LON, WGS 84), \
            governorate or province, country, precision (UCDP where_prec 1-7, with the \
            uncertainty radius) and the source of the coordinate. --json prints an array of the \
            objects `geocode --json` prints, in table order.

            Examples:
              eventmap places
              eventmap places --kind observation-point
              eventmap places --kind town --json
            """
    )

    @Option(help: ArgumentHelp("Only places of this kind (e.g. town, observation-point).", valueName: "kind"))
    var kind: String?

    @OptionGroup var dataOptions: DataOptions

    @Flag(help: "Print a JSON array of place objects instead of a table.")
    var json = false

    func run() throws {
        let gazetteer = try dataOptions.loadGazetteer()
        var chosen = gazetteer.places
        if let kind {
            let k = kind.trimmingCharacters(in: .whitespaces).lowercased()
            guard gazetteer.kinds.contains(k) else {
                throw CLIError("--kind \(kind): no place of that kind; the kinds present are \(gazetteer.kinds.joined(separator: ", ")).")
            }
            chosen = gazetteer.places(kind: k)
        }
        if json {
            Printing.json(.array(chosen.map(\.json)))
        } else {
            print(PlaceText.table(chosen))
        }
    }
}
