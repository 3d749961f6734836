import ArgumentParser
import EventMapKit
import Foundation

/// `eventmap gazetteer import FILE... -o places.csv`: GeoNames dumps into a gazetteer CSV.
struct GazetteerImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn GeoNames dump files into a gazetteer CSV (with its lookup index beside it).",
        discussion: """
            FILE is a GeoNames dump in its own format: the tab-separated 19-column text of \
            allCountries.txt, a country file such as SY.txt, or cities500.txt (unzip a .zip first: \
            `unzip SY.zip`). Every row becomes a place with id geonames-ID, source geonames:ID, its \
            name, every alternate name in every script, the kind and where_prec of its feature class \
            and code (P → city/town/village, exact; A.ADM1 → admin-area, where_prec 4; A.ADM2 and \
            below → where_prec 3; A.PCL* → country, 6; T peaks → landmark, 1; T ranges, L, V → region, 5; \
            H → water, 5; R → road, 5; S → site, 1; see geodata/README.md), country, admin-1 (its name \
            with --admin1 admin1CodesASCII.txt, else the code) and population. The same geonameid in \
            a later file is skipped.

            The output is written atomically with its name index (OUTPUT.eventmap-index), so the first \
            lookup is already fast; use it with --gazetteer, under the curated file: \
            --gazetteer geodata/places.csv --gazetteer OUTPUT.

            The data is GeoNames' (CC BY 4.0): credit "Contains data from GeoNames (geonames.org), CC BY 4.0".

            Examples:
              eventmap gazetteer import SY.txt TR.txt --admin1 admin1CodesASCII.txt -o sy-tr.csv
              eventmap gazetteer import cities500.txt --country SY,TR,LB,IQ --feature P -o cities.csv
            """
    )

    @Argument(help: ArgumentHelp("GeoNames dump files (19 tab-separated columns).", valueName: "file"))
    var files: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("The gazetteer CSV to write.", valueName: "places.csv"))
    var output: String

    @Option(help: ArgumentHelp("GeoNames admin1CodesASCII.txt, for admin-1 names.", valueName: "file"))
    var admin1: String?

    @Option(help: ArgumentHelp("Keep only these countries (ISO alpha-2, comma-separated or repeated).", valueName: "CC"))
    var country: [String] = []

    @Option(help: ArgumentHelp("Keep only these GeoNames feature classes (A, H, L, P, R, S, T, U, V; comma-separated or repeated).", valueName: "class"))
    var feature: [String] = []

    func run() throws {
        var dump = GeoNamesDump()
        dump.filter = .init(countries: Set(ListOption.upperCased(country)), featureClasses: Set(ListOption.upperCased(feature)))
        if let bad = dump.filter.featureClasses.first(where: { !GeoNamesFeature.classes.contains($0) }) {
            throw CLIError("--feature \(bad): not a GeoNames feature class; use A, H, L, P, R, S, T, U or V.")
        }
        do {
            if let admin1 {
                let m = try Self.map(admin1)
                dump.admin1Names = try withExtendedLifetime(m) { try GeoNamesDump.admin1Names(m.bytes, file: admin1) }
            }
            for file in files {
                let m = try Self.map(file)
                try withExtendedLifetime(m) { try dump.read(m.bytes, file: file) }
            }
        } catch let e as GazetteerError {
            throw CLIError(e.description)
        }
        do { try AtomicWrite.write(GazetteerCSV.text(dump.places), to: output) } catch { throw CLIError(error.description) }
        do { try GazetteerFile.build(output) } catch { throw CLIError(error.description) }
        let skipped = dump.duplicates > 0 ? "; \(dump.duplicates) rows skipped as repeats of an earlier geonameid" : ""
        FileHandle.standardError.write(Data("\(dump.places.count) places → \(output) (index \(output + GazetteerFile.indexSuffix))\(skipped)\n".utf8))
    }

    /// The file mapped, or an error naming it; a .zip is refused with what to do.
    static func map(_ path: String) throws -> MappedFile {
        if path.lowercased().hasSuffix(".zip") {
            throw CLIError("\(path): a .zip archive; unzip it first (unzip \(path)) and give the .txt inside.")
        }
        guard let m = MappedFile(path: path) else { throw CLIError("cannot read \(path): no such file or it is not readable.") }
        return m
    }
}
