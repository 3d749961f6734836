import Foundation
import Testing
import TestSupport

/// The built CLI, end to end: exit status, output and error messages.
@Suite struct DistanceCommandTests {
    @Test func jsonAgreesWithGeodSolve() throws {
        let r = try CLI.run(["distance", "36.1168,36.51522", "35.93062,36.63393", "--json"])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let ref = try GeodSolve.inverse([(36.1168, 36.51522, 35.93062, 36.63393)])[0]
        #expect(abs((json["distance_m"] as! Double) - ref.s12) < 0.001)
        #expect(abs((json["azimuth_deg"] as! Double) - ref.azi1) < 1e-6)
    }

    @Test func textOutputHasUnits() throws {
        let r = try CLI.run(["distance", "36.1168,36.51522", "35.93062,36.63393"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("23,265.062 m (23.265 km)"))
        #expect(r.stdout.contains("152.58° (SSE)"))
    }

    @Test(arguments: [
        ("36.1;36.5", "argument A: '36.1;36.5' is not a coordinate"),
        ("95,36.5", "latitude 95 is outside -90..90"),
        ("NaN,36.5", "latitude 'NaN' is not a decimal number"),
    ])
    func malformedCoordinatesFailWithOneSentence(_ bad: String, _ message: String) throws {
        let r = try CLI.run(["distance", bad, "35.93062,36.63393"])
        #expect(r.status != 0)
        #expect(r.stderr.contains(message))
        #expect(!r.stderr.contains("Fatal error"))
        #expect(r.stderr.split(separator: "\n").count <= 2)
    }

    @Test func helpListsSubcommandsAndVersionPrints() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("distance"))
        let version = try CLI.run(["--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty)
    }
}
