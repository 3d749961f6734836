import ArgumentParser
import Foundation
import EventMapKit
import GeoCore

/// `eventmap geocode NAME`: the gazetteer place a name or id stands for.
struct GeocodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geocode",
        abstract: "Find a place of the gazetteer by name (any common spelling, Latin or Arabic) or id.",
        discussion: """
            A name resolves through the stored names and alternate names and a fixed set of \
            spelling rules: case, diacritics and punctuation are ignored, Arabic vowel signs and \
            hamza forms are normalised, and common transliteration variants meet (Kafr/Kafar/Kfar, \
            al-/el-/ash-, Idlib/Idleb, Morek/Murak, Harim/Harem, Salwa/Salwah, q/k, kh/h, ...). \
            There is no fuzzy guess. A stored spelling typed exactly wins over places met only \
            through the rules.

            JSON fields: id, name, kind, lat, lon (WGS 84 degrees), admin1, country, precision \
            (UCDP GED where_prec 1-7), precision_label, acled_geo_precision (1-3), uncertainty_m \
            (the radius within which the place lies, metres), approximate (where_prec 2 or more), \
            source, alt_names, notes; for an observation point also op_number, established and \
            status_2020.

            Exit status: 0 when the name stands for exactly one place. 1 when it stands for \
            none (the error suggests the closest names) or for several (the error lists them: \
            pass one of their ids instead). With --json a single match prints one object; \
            several matches print an array of the candidates, best first, on standard output \
            and still exit 1, so a script never takes a list for an answer.

            Examples:
              eventmap geocode "Kafr Takharim"
              eventmap geocode "كفر تخاريم" --json
              eventmap geocode op09-morek
            """
    )

    @Argument(help: "A place name in any common spelling, or a place id.")
    var name: String

    @OptionGroup var dataOptions: DataOptions

    @Flag(help: "Print the place as a JSON object (id, name, lat, lon, kind, precision, source, alt_names, ...).")
    var json = false

    func run() throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw CLIError("argument NAME is empty: give a place name or id.") }
        if LonLat.looksLikeCoordinate(name) {
            throw CLIError("'\(name)' is a coordinate, not a name: geocode takes a place name or id.")
        }
        let gazetteer = try dataOptions.loadGazetteer()
        let match: PlaceMatch
        do {
            match = try gazetteer.lookupMatch(name)
        } catch {
            if json, case .ambiguous(_, let candidates) = error {
                Printing.json(.array(candidates.map(\.json)))
            }
            throw CLIError(error.description)
        }
        if json {
            Printing.json(match.place.json)
        } else {
            print(PlaceText.details(match.place, matched: match))
        }
    }
}
