/// A gazetteer row that cannot be used, or a name that does not resolve. Messages name the
/// file, the line (the header is line 1) and the field, so a user can go and fix it.
public enum GazetteerError: Error, Sendable, CustomStringConvertible, Equatable {
    case badFile(file: String, reason: String)
    case badRow(file: String, line: Int, field: String, reason: String)

    public var description: String {
        switch self {
        case .badFile(let file, let reason): "\(file): \(reason)"
        case .badRow(let file, let line, let field, let reason): "\(file), line \(line), field '\(field)': \(reason)"
        }
    }
}

/// Why a query names no single place.
public enum PlaceLookupError: Error, Sendable, CustomStringConvertible, Equatable {
    /// No place has that name; `suggestions` are the closest names, best first.
    case unknown(query: String, suggestions: [Place])
    /// Several places share that name: the user must pick one by id.
    case ambiguous(query: String, candidates: [Place])
    /// The text looks like a coordinate but is not a valid one.
    case badCoordinate(query: String, reason: String)

    /// How many candidates an ambiguity error names, best first.
    public static let listedCandidates = 10

    public var description: String {
        switch self {
        case .unknown(let q, let s):
            let hint = s.isEmpty ? "" : " Did you mean: " + s.map { "\($0.name) (\($0.id))" }.joined(separator: ", ") + "?"
            return "no place named '\(q)' in the gazetteer.\(hint)"
        case .ambiguous(let q, let c):
            let shown = c.prefix(Self.listedCandidates).map { p in
                "\(p.id) (" + ([p.name, p.kind, p.admin1, p.country] + [p.population.map { "population \($0)" } ?? ""])
                    .filter { !$0.isEmpty }.joined(separator: ", ") + ")"
            }
            let more = c.count > Self.listedCandidates ? "; and \(c.count - Self.listedCandidates) more" : ""
            return "'\(q)' names \(c.count) places: " + shown.joined(separator: "; ") + more
                + ". Give one of these ids instead."
        case .badCoordinate(let q, let reason):
            return "'\(q)' is not a coordinate: \(reason)"
        }
    }
}
