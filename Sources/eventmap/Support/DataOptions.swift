import ArgumentParser
import EventMapKit
import Foundation

/// Where the bundled data lives and the user's replacements for it: shared by every command
/// that reads places (and, later, borders and events).
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A gazetteer CSV to use instead of the bundled one; repeat it to stack several (the first that knows a name wins), e.g. --gazetteer geodata/places.csv --gazetteer geonames.csv.", valueName: "file"))
    var gazetteer: [String] = []

    @Option(name: .long, help: ArgumentHelp("The folder of bundled data (default: geodata/ found from here or beside the binary; or $EVENTMAP_DATA).", valueName: "dir"))
    var data: String?

    /// The bundled data folder: --data, $EVENTMAP_DATA, ./geodata, or the first geodata/ above the binary.
    func dataDirectory() throws -> String {
        let fm = FileManager.default
        if let data {
            guard fm.fileExists(atPath: data + "/places.csv") else { throw CLIError("--data \(data): no places.csv in that folder.") }
            return data
        }
        if let env = ProcessInfo.processInfo.environment["EVENTMAP_DATA"], fm.fileExists(atPath: env + "/places.csv") { return env }
        if fm.fileExists(atPath: "geodata/places.csv") { return "geodata" }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("geodata")
            if fm.fileExists(atPath: candidate.appendingPathComponent("places.csv").path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        throw CLIError("cannot find the bundled data (geodata/places.csv): run from the repository, or pass --data DIR or set EVENTMAP_DATA.")
    }

    /// Reads a whole text file, with an error that names it.
    static func readText(_ path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read \(what) \(path): no such file or it is not readable.")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(path) is not UTF-8 text.") }
        return text
    }

    /// The gazetteer files: every --gazetteer in order, else the bundled geodata/places.csv.
    func gazetteerPaths() throws -> [String] {
        gazetteer.isEmpty ? [try dataDirectory() + "/places.csv"] : gazetteer
    }

    /// The gazetteer: the --gazetteer files stacked in order, else the bundled geodata/places.csv.
    func loadGazetteer() throws -> Gazetteer {
        do {
            let layers = try gazetteerPaths().map { path throws(GazetteerError) in try GazetteerFile.open(path) }
            for l in layers { if let p = l.cacheProblem { Printing.warn("\(p); the name index of \(l.file) is rebuilt on every run.") } }
            return Gazetteer(layers: layers)
        } catch let e as GazetteerError {
            throw CLIError(e.description)
        }
    }
}

extension Gazetteer {
    /// `resolvePoint` with the error worded for the command line, naming the argument.
    func point(_ query: String, argument: String) throws -> NamedPoint {
        do { return try resolvePoint(query) } catch { throw CLIError("\(argument): \(error.description)") }
    }
}
