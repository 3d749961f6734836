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
            source, alt_names, notes; population when known; for an observation point also op_number, established and \
            status_2020.

            Several gazetteers may be stacked with --gazetteer (the first that knows a name \
            answers). Candidates of an ambiguous name are ranked: the main name typed exactly, \
            then an alternate name, then the spelling rules; settlements before other kinds; \
            then by population. --country keeps the candidates in those countries, --near takes \
            the one nearest to a place or LAT,LON (geodesic), --first takes the best ranked.

            Exit status: 0 when the name stands for exactly one place. 1 when it stands for \
            none (the error suggests the closest names) or for several (the top candidates are \
            listed with country, admin-1 and population: pass one of their ids, or narrow). With --json a single match prints one object; \
            several matches print an array of the candidates, best first, on standard output \
            and still exit 1, so a script never takes a list for an answer.

            Examples:
              eventmap geocode "Kafr Takharim"
              eventmap geocode "كفر تخاريم" --json
              eventmap geocode op09-morek
              eventmap geocode Tripoli --gazetteer geodata/places.csv --gazetteer cities500.csv --country LB
              eventmap geocode Tripoli --gazetteer cities500.csv --near Beirut
            """
    )

    @Argument(help: "A place name in any common spelling, or a place id.")
    var name: String

    @Option(help: ArgumentHelp("Keep candidates in these countries (ISO 3166-1 alpha-2, comma-separated or repeated).", valueName: "CC"))
    var country: [String] = []

    @Option(help: ArgumentHelp("Of several candidates, take the one nearest to this place or LAT,LON.", valueName: "place"))
    var near: String?

    @Flag(help: "Of several candidates, take the best ranked.")
    var first = false

    @Flag(help: "Print on standard error how long loading the gazetteer and resolving the name took (median of 100 repeats).")
    var profile = false

    @OptionGroup var dataOptions: DataOptions

    @Flag(help: "Print the place as a JSON object (id, name, lat, lon, kind, precision, source, alt_names, ...).")
    var json = false

    func run() throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw CLIError("argument NAME is empty: give a place name or id.") }
        if LonLat.looksLikeCoordinate(name) {
            throw CLIError("'\(name)' is a coordinate, not a name: geocode takes a place name or id.")
        }
        let loadStart = DispatchTime.now()
        let gazetteer = try dataOptions.loadGazetteer()
        if profile { Self.profile(gazetteer, name, loadSeconds: Double(DispatchTime.now().uptimeNanoseconds - loadStart.uptimeNanoseconds) / 1e9) }
        let context = LookupContext(countries: ListOption.upperCased(country),
                                    near: try near.map { try gazetteer.point($0, argument: "--near").position }, first: first)
        let match: PlaceMatch
        do {
            match = try gazetteer.lookupMatch(name, context: context)
        } catch {
            if case .ambiguous(_, let candidates) = error {
                if json {
                    Printing.json(.array(candidates.map(\.json)))
                } else {
                    FileHandle.standardError.write(Data((PlaceText.candidates(candidates) + "\n").utf8))
                }
                throw CLIError(error.description + " Or narrow with --country CC or --near PLACE|LAT,LON, or take the best ranked with --first.")
            }
            throw CLIError(error.description)
        }
        if json {
            Printing.json(match.place.json)
        } else {
            print(PlaceText.details(match.place, matched: match))
        }
    }

    /// Load time, then the median time of resolving `name` and of "did you mean" for it.
    static func profile(_ g: Gazetteer, _ name: String, loadSeconds: Double) {
        func median(_ body: () -> Void) -> Double {
            var times: [Double] = []
            for _ in 0..<100 {
                let t = DispatchTime.now()
                body()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - t.uptimeNanoseconds) / 1e9)
            }
            return times.sorted()[50]
        }
        let resolve = median { _ = try? g.lookupMatch(name) }
        let suggest = median { _ = g.suggestions(for: name) }
        let places = g.layers.map(\.count).reduce(0, +)
        FileHandle.standardError.write(Data(("profile: \(places) places in \(g.layers.count) gazetteer(s); open \(JSONWriter.format(loadSeconds * 1000, decimals: 3)) ms; "
            + "resolve '\(name)' \(JSONWriter.format(resolve * 1e6, decimals: 1)) µs; did-you-mean \(JSONWriter.format(suggest * 1000, decimals: 3)) ms (medians of 100)\n").utf8))
    }
}
