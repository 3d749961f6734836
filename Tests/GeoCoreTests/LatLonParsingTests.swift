import Testing
@testable import GeoCore

@Suite struct LatLonParsingTests {
    @Test func parsesLatitudeFirst() throws {
        let p = try LonLat(parsingLatLon: "36.1168, 36.51522")
        #expect(p == LonLat(lon: 36.51522, lat: 36.1168))
    }

    @Test(arguments: ["36.1;36.5", "95,1", "NaN,1", "1,inf", "1", "1,2,3", "abc,def", "", "1,-181"])
    func rejectsMalformed(_ text: String) {
        #expect(throws: CoordinateParseError.self) { try LonLat(parsingLatLon: text) }
    }

    @Test func tellsCoordinatesFromNames() {
        #expect(LonLat.looksLikeCoordinate("36.1;36.5"))
        #expect(LonLat.looksLikeCoordinate("NaN,1"))
        #expect(!LonLat.looksLikeCoordinate("Kafr Takharim"))
        #expect(!LonLat.looksLikeCoordinate("Idlib"))
    }
}
