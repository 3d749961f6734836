import ArgumentParser
import EventMapKit
import Foundation
import GeoCore

/// `eventmap buffer TARGET --radius DISTANCE`: a geodesic buffer as GeoJSON.
struct BufferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "buffer",
        abstract: "The geodesic buffer of a place, a point, the border or a country, as GeoJSON with its area.",
        discussion: """
            Every boundary vertex lies at the radius from the target on WGS 84 (to about a millimetre) \
            and every edge within the tolerance of it (default 1 m), checked at each edge's midpoint; \
            exterior rings are counter-clockwise (RFC 7946). The area is geodesic (geod_polygonarea). \
            --clip keeps the part inside a country: `eventmap buffer border:SYR-TUR --radius 20km --clip Syria` \
            is the 20 km zone on the Syrian side of the border.

            Examples:
              eventmap buffer border --radius 20km --clip Syria -o zone20.geojson
              eventmap buffer "Kafr Takharim" --radius 10km -o -
            """
    )

    @Argument(help: "A place, LAT,LON, `border`, a country or a GeoJSON file.")
    var target: String

    @Option(name: .long, help: "The buffer distance, with a unit: 20km, 500m, 3mi, 5nmi.")
    var radius: String

    @Option(name: .long, help: "Keep only the part inside this country (name or ISO code).")
    var clip: String?

    @Option(name: .long, help: "How far any boundary point may be from the radius (default 1m).")
    var tolerance: String = "1m"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the GeoJSON here ('-' for standard output).", valueName: "file"))
    var output: String?

    @OptionGroup var dataOptions: DataOptions

    /// A missing output folder is reported before the (possibly long) computation, not after.
    func validate() throws {
        if let output, output != "-" {
            let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw CLIError("-o \(output): could not write there: the folder \(folder) does not exist.")
            }
        }
    }

    func run() throws {
        let metres = try parseLength(radius, argument: "--radius")
        guard metres > 0 else { throw CLIError("--radius: the buffer distance must be more than 0.") }
        let tol = try parseLength(tolerance, argument: "--tolerance")
        guard tol > 0 else { throw CLIError("--tolerance: must be more than 0.") }
        var t = try dataOptions.target(target, argument: "argument TARGET")
        let country = try clip.map { try dataOptions.country($0, argument: "--clip") }
        // Clipped to a country, only that country's own land borders can reach inside it.
        if case .borders(let set) = t, let country, set.borders.count > 1 {
            let own = set.borders.filter { $0.codes.0 == country.code || $0.codes.1 == country.code }
            t = .borders(LandBorderSet(own, name: "the land borders of \(country.name)"))
        }
        let result: BufferResult
        do { result = try Zones.buffer(t, radiusMetres: metres, clip: country, toleranceMetres: tol) } catch {
            throw CLIError("buffer of \(t.label): \(error.description).")
        }
        let feature = Zones.feature(result, target: t, clip: country)
        let text = GeoJSONWriter().string(FeatureCollection(name: "buffer", features: [feature]))
        var summary = "\(feature.properties["name"]?.stringValue ?? "buffer"): area \(Printing.grouped(result.areaSquareMetres / 1e6, decimals: 3)) km² "
            + "(geodesic, WGS 84); boundary within \(Length(metres: tol)) of the radius (largest measured deviation "
            + "\(JSONWriter.format(result.maximumDeviationMetres, decimals: 3)) m)."
        if result.maximumDeviationMetres > tol {
            summary += "\nWarning: the boundary departs from the radius by up to \(JSONWriter.format(result.maximumDeviationMetres, decimals: 3)) m, more than the tolerance asked."
        }
        if let p = t.place, p.isApproximate { summary += "\nNote: \(p.name) is placed within \(PrecisionNote.kilometres(p.uncertaintyMetres)) km; the zone may be shifted by as much." }
        switch output {
        case "-"?:
            print(text, terminator: "")
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        case let path?:
            do { try AtomicWrite.write(text, to: path) } catch { throw CLIError(error.description + ".") }
            print(summary + "\nWritten to \(path).")
        case nil:
            print(summary + "\n(Use -o FILE to write the GeoJSON, or -o - for standard output.)")
        }
    }
}
