/// A failure reported by PROJ, with the library's message.
public struct PROJError: Error, Sendable, CustomStringConvertible {
    /// What we asked PROJ to do, e.g. `proj_create_crs_to_crs(EPSG:4326 → EPSG:32637)`.
    public let operation: String
    /// PROJ's own text (from its log or `proj_context_errno_string`).
    public let message: String

    public var description: String { "PROJ \(operation) failed: \(message)" }
}
