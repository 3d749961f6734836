/// How a GeoNames feature class and code become a gazetteer kind and a location precision
/// (documented in geodata/README.md, "GeoNames imports"). A populated place is a point; an
/// administrative area, a region, a stretch of water or a road is not, and gets the where_prec
/// of what its point can stand for.
public enum GeoNamesFeature {
    /// The kind and where_prec of a feature class (A, H, L, P, R, S, T, U, V) and code (PPLA, ADM1, ...).
    public static func kindAndPrecision(featureClass: String, code: String, population: Int?) -> (kind: String, precision: LocationPrecision) {
        switch featureClass {
        case "P":
            if ["PPLC", "PPLA", "PPLG"].contains(code) || (population ?? 0) >= 100_000 { return ("city", .exact) }
            if ["PPLA2", "PPLA3"].contains(code) || (population ?? 0) >= 10_000 { return ("town", .exact) }
            return ("village", .exact)
        case "A":
            if code.hasPrefix("PCL") || code == "TERR" { return ("country", LocationPrecision(code: 6)!) }
            if code == "ADM1" || code == "ADM1H" { return ("admin-area", .admin1) }
            return ("admin-area", .admin2)
        case "T":
            // A peak, hill or pass is a point; a range, plain, valley or desert is a fuzzy area.
            return ["MT", "PK", "HLL", "PASS", "CAPE", "ISL", "RK", "CLF", "CRTR"].contains(code)
                ? ("landmark", .exact) : ("region", LocationPrecision(code: 5)!)
        case "S": return ("site", .exact)
        case "H": return ("water", LocationPrecision(code: 5)!)
        case "R": return ("road", LocationPrecision(code: 5)!)
        case "L", "V": return ("region", LocationPrecision(code: 5)!)
        case "U": return ("undersea", LocationPrecision(code: 7)!)
        default: return ("landmark", .exact)
        }
    }

    /// The feature classes GeoNames uses.
    public static let classes: Set<String> = ["A", "H", "L", "P", "R", "S", "T", "U", "V"]
}
