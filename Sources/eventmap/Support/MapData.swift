import EventMapKit
import Foundation
import GeoCore

extension DataOptions {
    /// A GeoJSON file of the bundled data (`borders/syria-turkey.geojson`, ...), with errors naming it.
    func loadGeoJSON(_ relativePath: String) throws -> FeatureCollection {
        let path = try dataDirectory() + "/" + relativePath
        do {
            return try GeoJSONReader.read(Self.readText(path, what: "the border data"))
        } catch let e as GeoJSONError {
            throw CLIError("\(path): \(e.description)")
        }
    }

    /// The inputs of the main job: the gazetteer (or --gazetteer) and the bundled borders.
    func renderInputs() throws -> RenderInputs {
        RenderInputs(gazetteer: try loadGazetteer(), border: try loadGeoJSON("borders/syria-turkey.geojson"),
                     countries: try loadGeoJSON("borders/countries.geojson"))
    }
}
