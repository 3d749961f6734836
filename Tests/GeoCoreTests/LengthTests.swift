import Testing
@testable import GeoCore

/// Distances with units: the conversions are the definitions (international mile = 1609.344 m,
/// nautical mile = 1852 m), so the expected values are exact.
@Suite struct LengthTests {
    @Test(arguments: [
        ("20km", 20_000.0), ("500m", 500), ("3mi", 4_828.032), ("5nmi", 9_260), ("2.5 km", 2_500),
        ("  10 KM ", 10_000), ("1 mile", 1_609.344), ("0m", 0), ("2e4m", 20_000), ("1.5 nautical miles", 2_778),
    ])
    func parses(_ text: String, _ metres: Double) throws {
        #expect(abs(try Length(parsing: text).metres - metres) < 1e-9)
    }

    @Test(arguments: [
        ("20", "the number has no unit: write 20m, 20km, 20mi or 20nmi"),
        ("20 furlongs", "unknown unit 'furlongs'"),
        ("km", "a distance starts with a number"),
        ("-5km", "cannot be negative"),
        ("1.2.3km", "'1.2.3' is not a number"),
        ("", "a distance starts with a number"),
    ])
    func refuses(_ text: String, _ reason: String) {
        #expect {
            try Length(parsing: text)
        } throws: { error in
            (error as? LengthParseError).map { $0.description.contains(reason) } ?? false
        }
    }

    @Test func describesItself() throws {
        #expect(try Length(parsing: "2.5km").description == "2.5 km")
    }
}
