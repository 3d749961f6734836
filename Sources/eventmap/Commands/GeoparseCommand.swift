import ArgumentParser
import EventMapKit
import Foundation
import GeoCore

/// `eventmap geoparse FILE|-`: the places and distances an English or Arabic text mentions.
struct GeoparseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geoparse",
        abstract: "Find the places and the distance claims an English or Arabic report mentions.",
        discussion: """
            Every run of up to 6 words that a gazetteer name matches (by the same rules as geocode) \
            becomes a mention, longest first ("Kafr Takharim" over "Kafr"), with its offsets in \
            Unicode code points (end exclusive, as Python's text[start:end]), the text as written, \
            the place, a confidence (0-1) and the reason. Not mapped: demonyms (Russian, Turkish, \
            السوري), organisation names (Syrian Observatory for Human Rights, المرصد السوري ...) and \
            people's names (after a title, or a place-like word inside a longer capitalised name). \
            A name several places share is decided by --country, else by the countries of the other \
            places, country names and demonyms in the text, else by rank (settlement, population).

            Distances ("around 10 kilometers from the Turkish border", "nearly 9 km", "88 km", \
            "على بعد نحو 10 كيلومترات من الحدود التركية") come out as claims: value, unit, qualifier, \
            from (the nearest place named before the figure in its sentence) and to (a border or a \
            place). --check holds each against the geometry with check's rules and verdicts \
            (the nearest international land border; place to place by geodesic).

            Output: a table (default), --json, or --geojson (the mentions as points, uncertainty \
            radius as a property, for QGIS); -o FILE writes it atomically.

            Examples:
              eventmap geoparse report.txt
              eventmap geoparse report.txt --check
              cat report.txt | eventmap geoparse - --country SY --json
              eventmap geoparse report.txt --gazetteer geodata/places.csv --gazetteer cities500.csv --geojson -o mentions.geojson
            """
    )

    @Argument(help: ArgumentHelp("The text file (UTF-8), or - for standard input.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Countries the text is about (ISO alpha-2, comma-separated or repeated): decides shared names.", valueName: "CC"))
    var country: [String] = []

    @Flag(help: "Hold every distance claim against the geometry (check's tolerances and verdicts).")
    var check = false

    @Flag(help: "Print JSON: mentions, countries, distances (with checks), not_mapped.")
    var json = false

    @Flag(help: "Print the mentions as a GeoJSON FeatureCollection of points.")
    var geojson = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        if json && geojson { throw ValidationError("--json and --geojson exclude each other: pick one.") }
    }

    func run() throws {
        let text: String
        if file == "-" {
            guard let s = String(data: FileHandle.standardInput.readDataToEndOfFile(), encoding: .utf8) else { throw CLIError("standard input is not UTF-8 text.") }
            text = s
        } else {
            text = try DataOptions.readText(file, what: "the text")
        }
        let countries = ListOption.upperCased(country)
        let result = Geoparser(gazetteer: try dataOptions.loadGazetteer(), countries: countries).parse(text)
        var checks: [DistanceCheck]?
        if check {
            // The text's "the Turkish border" is measured to the nearest land border (every country's is loaded).
            let world = try dataOptions.loadWorld()
            let borders = try dataOptions.nearestBorders(in: world)
            let codes = Set(world.countryEntries.flatMap { [$0.code, $0.iso2, $0.iso3] })
            checks = try result.check(borderName: borders.name, borderCountries: codes) { p in
                guard let n = borders.nearest(to: p) else { throw CLIError("the world's border data holds no land border.") }
                return n.point.distanceMetres
            }
        }
        let body: String
        if geojson {
            body = GeoJSONWriter().string(result.featureCollection)
        } else if json {
            body = JSONWriter().string(result.json(checks: checks)) + "\n"
        } else {
            body = Self.table(result, checks: checks) + "\n"
        }
        if let output, output != "-" {
            do { try AtomicWrite.write(body, to: output) } catch { throw CLIError(error.description) }
        } else {
            print(body, terminator: "")
        }
    }

    static func table(_ r: GeoparseResult, checks: [DistanceCheck]?) -> String {
        var out = Printing.table(["#", "at", "text", "place", "country", "lat, lon", "conf.", "reason"], r.mentions.enumerated().map { i, m in
            ["\(i)", "\(m.start)-\(m.end)", m.text, "\(m.place.name) (\(m.place.id))", m.place.country, m.place.position.description,
             JSONWriter.format(m.confidence, decimals: 2), m.reason]
        }) + "\n\(r.mentions.count) place mention\(r.mentions.count == 1 ? "" : "s")"
        if !r.countries.isEmpty { out += "; countries named: " + Array(Set(r.countries.map { "\($0.text) (\($0.code))" })).sorted().joined(separator: ", ") }
        if !r.notMapped.isEmpty { out += "\nnot mapped: " + r.notMapped.map { "'\($0.text)' (\($0.why.rawValue))" }.joined(separator: ", ") }
        for (i, d) in r.distances.enumerated() {
            let from = d.from.map { r.mentions[$0].place.name } ?? "?"
            let to = d.toBorder ? "border" + (d.borderCountry.map { " (\($0))" } ?? "") : d.toMention.map { r.mentions[$0].place.name } ?? "?"
            out += "\ndistance \(d.start)-\(d.end) '\(d.text)': \(d.qualifier.words) \(Claim.format(d.value)) \(d.unit), from \(from) to \(to)"
            if let c = checks?.first(where: { $0.distance == i }) {
                out += "\n  computed: " + (c.computedMetres.map { "\(Printing.metres($0)) ± \(Printing.grouped(c.uncertaintyMetres / 1000, decimals: 1)) km to \(c.referenceLabel)" } ?? "-")
                out += "\n  admits:   \(c.admitted)\n  verdict:  \(c.verdict.rawValue): \(c.reason)"
            }
        }
        return out
    }
}
