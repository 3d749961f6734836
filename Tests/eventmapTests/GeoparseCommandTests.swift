import Foundation
import Testing
import TestSupport

/// `eventmap geoparse` on a text of our own: JSON offsets, --check verdicts, GeoJSON points.
@Suite struct GeoparseCommandTests {
    static let text = "Residents of Kafr Takharim, about 11 km from the Turkish border, fled to Idlib, the Syrian Observatory for Human Rights said.\n"

    @Test func jsonCheckAndGeoJSON() throws {
        let json = try CLI.run(["geoparse", "-", "--check", "--json"], input: Self.text)
        #expect(json.status == 0, "\(json.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let mentions = try #require(root["mentions"] as? [[String: Any]])
        // Python: text.find("Kafr Takharim") == 13, text.find("Idlib") == 73.
        #expect(mentions.map { "\($0["start"]!)-\($0["end"]!)" } == ["13-26", "73-78"])
        let distance = try #require((root["distances"] as? [[String: Any]])?.first)
        let check = try #require(distance["check"] as? [String: Any])
        // Kafr Takharim to the bundled border: 10.823 km ± 1 km; "about 11 km" admits 8.8-13.2 km.
        #expect(check["verdict"] as? String == "consistent")
        #expect(abs((check["computed_m"] as? Double ?? 0) - 10_823.087) < 0.01)
        let notMapped = try #require(root["not_mapped"] as? [[String: Any]])
        #expect(notMapped.contains { $0["text"] as? String == "Syrian Observatory for Human Rights" && $0["why"] as? String == "organisation" })

        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = dir + "/report.txt", output = dir + "/mentions.geojson"
        try Self.text.write(toFile: input, atomically: true, encoding: .utf8)
        let geo = try CLI.run(["geoparse", input, "--geojson", "-o", output])
        #expect(geo.status == 0)
        let fc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any])
        let features = try #require(fc["features"] as? [[String: Any]])
        #expect(features.count == 2)
        #expect(((features[0]["geometry"] as? [String: Any])?["coordinates"] as? [Double]) == [36.51522, 36.1168])
        #expect((features[0]["properties"] as? [String: Any])?["uncertainty_m"] as? Double == 1000)
    }
}
