import ArgumentParser

/// `eventmap gazetteer`: building gazetteer files (subcommands only).
struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Build gazetteer CSV files, e.g. from GeoNames dumps.",
        subcommands: [GazetteerImportCommand.self]
    )
}
