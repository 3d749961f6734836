/// How well a location is known, on UCDP GED's `where_prec` scale (1-7), with the default
/// uncertainty radius we draw and compute with, and ACLED's `geo_precision` (1-3) derived from it.
public struct LocationPrecision: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// UCDP GED where_prec: 1 exact, 2 within 25 km of a known place, 3 admin-2 known,
    /// 4 admin-1 known, 5 linear feature or fuzzy area, 6 country only, 7 international waters.
    public let code: Int

    public init?(code: Int) {
        guard (1...7).contains(code) else { return nil }
        self.code = code
    }

    public static let exact = LocationPrecision(code: 1)!
    public static let nearKnownPlace = LocationPrecision(code: 2)!
    public static let admin2 = LocationPrecision(code: 3)!
    public static let admin1 = LocationPrecision(code: 4)!

    /// The radius in metres within which the true location lies, when the data says no better
    /// (documented in geodata/README.md): 1 → 1 km, 2 → 25 km, 3 → 50 km, 4 → 100 km,
    /// 5 → 50 km, 6 → 300 km, 7 → 300 km.
    public var defaultRadiusMetres: Double {
        [1_000, 25_000, 50_000, 100_000, 50_000, 300_000, 300_000][code - 1]
    }

    /// ACLED geo_precision: 1 the place itself, 2 near it, 3 only a larger region is known.
    public var acledGeoPrecision: Int { code <= 2 ? code : 3 }

    /// The ACLED code mapped back to where_prec (1 → 1, 2 → 2, 3 → 4: admin-1 is ACLED's usual "region").
    public init(acledGeoPrecision: Int) {
        self.code = acledGeoPrecision <= 1 ? 1 : acledGeoPrecision == 2 ? 2 : 4
    }

    /// Words for people, e.g. "within 25 km of a known place".
    public var label: String {
        switch code {
        case 1: "exact location"
        case 2: "within 25 km of a known place"
        case 3: "second-order administrative division known"
        case 4: "first-order administrative division (governorate) known"
        case 5: "linear feature or fuzzy area"
        case 6: "country only"
        default: "international waters or airspace"
        }
    }

    public var description: String { "where_prec \(code) (\(label))" }

    public static func < (a: LocationPrecision, b: LocationPrecision) -> Bool { a.code < b.code }
}
