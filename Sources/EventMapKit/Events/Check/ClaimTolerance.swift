/// The distances a claim's wording admits, in metres. The tolerance follows the words:
///
/// | wording | admits, for a stated value v |
/// | --- | --- |
/// | exact ("9 km") | v ± 5 % (a rounded figure) |
/// | about, around | v ± 20 % (a round figure: "about 10 km" is written for 8 to 12 km) |
/// | nearly, almost | 0.85 v to v (a little less than v) |
/// | at least | v or more |
/// | over, more than | more than v |
/// | at most | v or less |
/// | under, less than | less than v |
/// | near (no value) | 0 to 25 km (UCDP GED's where_prec 2: "near" a known place means within 25 km) |
public struct ClaimTolerance: Sendable, Equatable, CustomStringConvertible {
    public let lowerMetres: Double
    /// nil: no upper bound.
    public let upperMetres: Double?
    /// True when the bounds themselves are excluded ("over", "under").
    public let lowerOpen: Bool
    public let upperOpen: Bool

    public static let nearMetres = 25_000.0
    public static let aboutFraction = 0.20
    public static let nearlyFraction = 0.15
    public static let exactFraction = 0.05

    public init(lowerMetres: Double, upperMetres: Double?, lowerOpen: Bool = false, upperOpen: Bool = false) {
        self.lowerMetres = lowerMetres
        self.upperMetres = upperMetres
        self.lowerOpen = lowerOpen
        self.upperOpen = upperOpen
    }

    /// The admitted interval for a qualifier and a stated value (nil only for "near" without one).
    public init(qualifier: Claim.Qualifier, valueMetres v: Double?) {
        guard let v else {
            self.init(lowerMetres: 0, upperMetres: ClaimTolerance.nearMetres)
            return
        }
        switch qualifier {
        case .exact: self.init(lowerMetres: v * (1 - Self.exactFraction), upperMetres: v * (1 + Self.exactFraction))
        case .about: self.init(lowerMetres: v * (1 - Self.aboutFraction), upperMetres: v * (1 + Self.aboutFraction))
        case .nearly: self.init(lowerMetres: v * (1 - Self.nearlyFraction), upperMetres: v)
        case .atLeast: self.init(lowerMetres: v, upperMetres: nil)
        case .over: self.init(lowerMetres: v, upperMetres: nil, lowerOpen: true)
        case .atMost, .near: self.init(lowerMetres: 0, upperMetres: v)
        case .under: self.init(lowerMetres: 0, upperMetres: v, upperOpen: true)
        }
    }

    public func contains(_ x: Double) -> Bool {
        let aboveLow = lowerOpen ? x > lowerMetres : x >= lowerMetres
        guard let upperMetres else { return aboveLow }
        return aboveLow && (upperOpen ? x < upperMetres : x <= upperMetres)
    }

    /// "7.65-9 km", "over 10 km".
    public var description: String {
        func km(_ m: Double) -> String { Claim.format((m / 10).rounded() / 100) }
        guard let upperMetres else { return (lowerOpen ? "over " : "at least ") + km(lowerMetres) + " km" }
        return "\(km(lowerMetres))-\(km(upperMetres)) km"
    }
}
