import Foundation
import Testing
import TestSupport

/// `distance` between named places: the gazetteer resolves every spelling the geocoder does.
@Suite struct DistanceByNameTests {
    @Test(arguments: [
        (["Kafr Takharim", "Idlib"], "36.1168,36.51522", "35.93062,36.63393"),
        (["كفر تخاريم", "Morek"], "36.1168,36.51522", "35.37615,36.6897"),
        (["Kafar Takhareem", "Murak"], "36.1168,36.51522", "35.37615,36.6897"),
    ])
    func namesResolveAndAgreeWithGeodSolve(_ names: [String], _ from: String, _ to: String) throws {
        let byName = try CLI.run(["distance"] + names + ["--json"])
        #expect(byName.status == 0, "\(byName.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(byName.stdout.utf8)) as? [String: Any])
        let a = from.split(separator: ",").map { Double($0)! }, b = to.split(separator: ",").map { Double($0)! }
        // Reference: GeodSolve -i on the gazetteer coordinates; 1 mm tolerance.
        let ref = try GeodSolve.inverse([(a[0], a[1], b[0], b[1])])[0]
        #expect(abs((json["distance_m"] as! Double) - ref.s12) < 0.001)
    }

    @Test func anUnknownNameNamesTheArgumentAndSuggests() throws {
        let r = try CLI.run(["distance", "Kafr Takharm", "Idlib"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("argument A: no place named 'Kafr Takharm'") && r.stderr.contains("Did you mean: Kafr Takharim"))
    }
}
