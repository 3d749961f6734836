/// A failure reported by GEOS, with the library's own message when it gave one.
public struct GEOSError: Error, Sendable, CustomStringConvertible {
    /// The GEOS function that failed, e.g. `GEOSIntersection_r`.
    public let function: String
    /// GEOS's message (from its error handler), or a description of the failure.
    public let message: String

    public var description: String { "GEOS \(function) failed: \(message)" }
}
