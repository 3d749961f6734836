/// Why a spatial query cannot be answered, in one sentence that names the input at fault.
public enum AnalysisError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A borders or GeoJSON file that cannot be used.
    case badFile(file: String, reason: String)
    /// A target that names nothing we know.
    case unknownTarget(query: String, reason: String)
    /// A target of the wrong kind for the question (e.g. the area of a point).
    case wrongTarget(query: String, reason: String)
    /// A geometry operation failed (GEOS, PROJ or the buffer's own checks).
    case geometry(reason: String)

    public var description: String {
        switch self {
        case .badFile(let file, let reason): "\(file): \(reason)"
        case .unknownTarget(_, let reason): reason
        case .wrongTarget(let q, let reason): "'\(q)': \(reason)"
        case .geometry(let reason): reason
        }
    }
}
