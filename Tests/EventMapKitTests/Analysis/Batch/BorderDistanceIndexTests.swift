import Foundation
import Testing
import TestSupport
@testable import EventMapKit

/// The batch border index against GeoCore's GeodesicPolyline (the one-shot exact point-to-line
/// search of `eventmap distance ... border`), on the bundled border and on the country
/// polygons' rings: the same nearest distance within 1 mm, and a nearest point that is truly at
/// that distance (checked with Geodesic.distance).
@Suite struct BorderDistanceIndexTests {
    static func lines(_ file: String) throws -> [[LonLat]] {
        try GeoJSONReader.read(String(contentsOfFile: Paths.geodata(file), encoding: .utf8)).features.compactMap(\.geometry).flatMap(\.lines)
    }

    @Test(arguments: ["borders/syria-turkey.geojson", "borders/countries.geojson"])
    func agreesWithGeodesicPolyline(_ file: String) throws {
        let lines = try Self.lines(file)
        let index = BorderDistanceIndex(lines: lines)
        let polyline = GeodesicPolyline(lines)
        var rng = SeededGenerator(seed: 20_201_026)
        var counts = BorderDistanceIndex.Counts()
        let vertices = lines.flatMap { $0 }
        for k in 0..<1_500 {
            // Half anywhere in the region, half within 2 km of a vertex (the hard cases: corners).
            let p: LonLat
            if k % 2 == 0 {
                p = LonLat(lon: Double.random(in: 34...43, using: &rng), lat: Double.random(in: 32...38.5, using: &rng))
            } else {
                let v = vertices.randomElement(using: &rng)!
                p = Geodesic.direct(from: v, azimuthDegrees: Double.random(in: -180...180, using: &rng),
                                    distanceMetres: Double.random(in: 0...2_000, using: &rng)).destination
            }
            let ours = try #require(index.nearest(to: p, counts: &counts))
            let theirs = try #require(polyline.nearest(to: p))
            #expect(abs(ours.distanceMetres - theirs.distanceMetres) < 0.001, "\(p): \(ours.distanceMetres) vs \(theirs.distanceMetres)")
            #expect(abs(Geodesic.distance(p, ours.nearest) - ours.distanceMetres) < 0.001)
        }
    }
}
