/// Why a GeoJSON text could not be read: where in the document, and what is wrong.
public struct GeoJSONError: Error, Sendable, CustomStringConvertible {
    /// A path into the document, e.g. `features[3].geometry.coordinates`.
    public let path: String
    public let reason: String
    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
}
