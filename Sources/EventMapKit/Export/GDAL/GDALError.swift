import CGDAL

/// A failure reported by GDAL/OGR, carrying `CPLGetLastErrorMsg` when GDAL gave one.
public struct GDALError: Error, Sendable, CustomStringConvertible {
    /// The GDAL call that failed, e.g. `cgdal_GDALCreate(GPKG)`.
    public let operation: String
    public let message: String

    public var description: String { "GDAL \(operation) failed: \(message)" }

    /// The error for `operation` from GDAL's last error message, then cleared.
    static func last(_ operation: String, fallback: String = "no message from GDAL") -> GDALError {
        let text = cgdal_CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
        cgdal_CPLErrorReset()
        return GDALError(operation: operation, message: text.isEmpty ? fallback : text)
    }

    /// Checks an `OGRErr`: anything but OGRERR_NONE (0) is an error.
    static func check(_ code: OGRErr, _ operation: String) throws(GDALError) {
        if code != OGRERR_NONE { throw last(operation, fallback: "OGR error code \(code)") }
    }
}

/// Loads libgdal on first use (see CGDAL.h), registers its drivers once and routes its messages
/// away from stderr (the library never prints); the last message stays readable.
enum GDALSetup {
    static func load() throws(GDALError) {
        var message = [CChar](repeating: 0, count: 512)
        if cgdal_load(&message, message.count) != 0 {
            throw GDALError(operation: "loading libgdal", message: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
    }
}
