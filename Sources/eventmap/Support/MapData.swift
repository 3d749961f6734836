import EventMapKit
import Foundation
import GeoCore

extension DataOptions {
    /// The inputs of the main job: the gazetteer (or --gazetteer) and the bundled borders.
    func renderInputs() throws -> RenderInputs {
        RenderInputs(gazetteer: try loadGazetteer(), borders: try loadBorders())
    }
}
