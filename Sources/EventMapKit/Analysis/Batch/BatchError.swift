/// Why a batch analysis stopped. Messages name the file, the line (the header is line 1, as in
/// an editor) and the field, so a user can go and fix it.
public enum BatchError: Error, Sendable, CustomStringConvertible, Equatable {
    case badFile(file: String, reason: String)
    case badRow(file: String, line: Int, field: String, reason: String)
    case badBorder(file: String, reason: String)
    case badPlaces(file: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .badFile(let file, let reason): "\(file): \(reason)"
        case .badRow(let file, let line, let field, let reason): "\(file), line \(line), field '\(field)': \(reason)"
        case .badBorder(let file, let reason): "border \(file): \(reason)"
        case .badPlaces(let file, let reason): "places \(file): \(reason)"
        case .cannotWrite(let path, let reason): "could not write \(path): \(reason)"
        }
    }
}
