import GeoCore
import Testing

@Suite struct LengthTests {
    /// International definitions: 1 mi = 1609.344 m, 1 nmi = 1852 m (exact).
    @Test(arguments: [("20km", 20_000.0), ("500m", 500.0), ("500 m", 500.0), ("3.5mi", 5_632.704), ("2nmi", 3_704.0), ("0.25KM", 250.0)])
    func parses(_ text: String, _ metres: Double) throws {
        #expect(abs(try Length(parsing: text).metres - metres) < 1e-9)
    }

    @Test func bareNumberAsksForAUnit() {
        #expect(throws: Length.ParseError(text: "20", reason: "give a unit, e.g. 20km or 20m (units: m, km, mi, nmi)")) {
            try Length(parsing: "20")
        }
    }

    @Test(arguments: ["km", "-5km", "twentykm", "20 furlongs", ""])
    func rejects(_ text: String) {
        #expect(throws: Length.ParseError.self) { try Length(parsing: text) }
    }
}
