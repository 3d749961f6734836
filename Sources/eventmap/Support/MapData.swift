import EventMapKit
import Foundation
import GeoCore

extension DataOptions {
    /// The inputs of the main job: the gazetteer (or --gazetteer), the bundled borders, and the
    /// events: --events FILE, else the bundled events when the gazetteer is the bundled one (they
    /// refer to its place ids; a user's own gazetteer comes without them).
    func renderInputs(events: EventOptions) throws -> RenderInputs {
        let gazetteer = try loadGazetteer()
        let world = try loadWorld()
        let list = events.events != nil || self.gazetteer.isEmpty ? try events.load(self, gazetteer: gazetteer, world: world) : []
        return RenderInputs(gazetteer: gazetteer, world: world, events: list)
    }

    /// The scenario of --scenario FILE, else one derived from the data.
    func scenario(_ path: String?, inputs: RenderInputs) throws -> Scenario {
        guard let path else { return Scenario.derived(from: inputs) }
        do { return try Scenario.read(Self.readText(path, what: "the scenario"), file: path) } catch let e as RenderError {
            throw CLIError(e.description)
        }
    }
}
