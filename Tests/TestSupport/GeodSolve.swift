/// GeographicLib's GeodSolve (Debian geographiclib-tools): the independent reference for geodesics.
public enum GeodSolve {
    /// `GeodSolve -i -p 9`: (azi1, azi2, s12) for each (lat1, lon1, lat2, lon2).
    public static func inverse(_ pairs: [(Double, Double, Double, Double)]) throws -> [(azi1: Double, azi2: Double, s12: Double)] {
        let input = pairs.map { "\($0.0) \($0.1) \($0.2) \($0.3)" }.joined(separator: "\n") + "\n"
        let r = try ExternalTool.run("GeodSolve", ["-i", "-p", "9"], input: input)
        return r.stdout.split(separator: "\n").map { line in
            let v = line.split(separator: " ").compactMap { Double($0) }
            return (v[0], v[1], v[2])
        }
    }

    /// `GeodSolve -p 9`: (lat2, lon2, azi2) for each (lat1, lon1, azi1, s12).
    public static func direct(_ rows: [(Double, Double, Double, Double)]) throws -> [(lat2: Double, lon2: Double, azi2: Double)] {
        let input = rows.map { "\($0.0) \($0.1) \($0.2) \($0.3)" }.joined(separator: "\n") + "\n"
        let r = try ExternalTool.run("GeodSolve", ["-p", "9"], input: input)
        return r.stdout.split(separator: "\n").map { line in
            let v = line.split(separator: " ").compactMap { Double($0) }
            return (v[0], v[1], v[2])
        }
    }
}
