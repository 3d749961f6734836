/// The one rule for how far a measurement between located things may be off because their
/// locations are uncertain (geodata/README.md, "Location uncertainty"): each end may lie anywhere
/// within its radius, so by the triangle inequality a distance may be off by at most the sum of
/// the radii. Only approximate places (where_prec 2 or more) count: a where_prec 1 point is taken
/// as exact, as the README promises; a place counted twice counts once.
public enum LocationUncertainty {
    /// The bound for radii in metres.
    public static func combined(_ radiiMetres: [Double]) -> Double { radiiMetres.reduce(0) { $0 + max(0, $1) } }

    /// The bound for places: the sum of the approximate ones' radii, each place once.
    public static func combined(_ places: [Place]) -> Double {
        var seen = Set<String>()
        return combined(places.filter { $0.isApproximate && seen.insert($0.id).inserted }.map(\.uncertaintyMetres))
    }
}
