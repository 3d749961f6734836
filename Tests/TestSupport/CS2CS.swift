/// PROJ's cs2cs (Debian proj-bin): the independent reference for coordinate transforms.
public enum CS2CS {
    /// Runs `cs2cs -f %.6f SOURCE TARGET` on "a b" lines (in the CRSs' own axis order; EPSG:4326 is lat lon).
    /// A PROJ string (`+proj=...`) on either side needs cs2cs's `SOURCE +to TARGET` form.
    public static func transform(from source: String, to target: String, _ points: [(Double, Double)]) throws -> [(Double, Double)] {
        let input = points.map { "\($0.0) \($0.1)" }.joined(separator: "\n") + "\n"
        let crsArguments = source.hasPrefix("+") || target.hasPrefix("+")
            ? source.split(separator: " ").map(String.init) + ["+to"] + target.split(separator: " ").map(String.init)
            : [source, target]
        let r = try ExternalTool.run("cs2cs", ["-f", "%.6f"] + crsArguments, input: input)
        return r.stdout.split(separator: "\n").map { line in
            let v = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Double($0) }
            return (v[0], v[1])
        }
    }
}
