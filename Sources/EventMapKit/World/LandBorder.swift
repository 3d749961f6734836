import GeoCore

/// The land border between two countries: the edges their polygons share (never a coastline),
/// as one or more lines whose vertices are the polygons' own.
public struct LandBorder: Sendable {
    /// The two ADM0_A3 codes, sorted.
    public let codes: (String, String)
    /// The two countries' names, in the order of `codes`.
    public let names: (String, String)
    public let lines: [[LonLat]]

    public init(codes: (String, String), names: (String, String), lines: [[LonLat]]) {
        self.codes = codes; self.names = names; self.lines = lines
    }

    /// "SYR-TUR": the codes joined by "-" (the `border_countries` column, `border:SYR-TUR`).
    public var label: String { codes.0 + "-" + codes.1 }

    /// "Syria-Turkey border".
    public var displayName: String { names.0 + "-" + names.1 + " border" }

    public var geometry: Geometry { lines.count == 1 ? .lineString(lines[0]) : .multiLineString(lines) }

    /// For `--json`: {"countries": ["SYR", "TUR"], "names": ["Syria", "Turkey"]}.
    public var json: JSONValue {
        ["countries": [.string(codes.0), .string(codes.1)], "names": [.string(names.0), .string(names.1)]]
    }
}
