@testable import EventMapKit
import Foundation
import GeoCore
import Testing
import TestSupport

/// The world data (geodata/world) and the nearest-land-border queries on it.
@Suite struct WorldTests {
    /// Tests/Reference/world-border-distances.csv (make_world_border_reference.py: GeographicLib
    /// brute force over the same Natural Earth lines): id → (lat, lon, border, distance, nearest).
    static func reference() throws -> [(id: String, p: LonLat, border: String, metres: Double, nearest: LonLat)] {
        let text = try String(contentsOfFile: Paths.reference("world-border-distances.csv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("id,") }.map { line in
            let f = line.split(separator: ",").map(String.init)
            return (f[0], LonLat(lon: Double(f[2])!, lat: Double(f[1])!), f[3], Double(f[4])!, LonLat(lon: Double(f[6])!, lat: Double(f[5])!))
        }
    }

    /// Every continent and both hemispheres: the nearest land border and its distance agree with
    /// the brute force within 1 mm, and the nearest points within 1 mm of each other.
    @Test func nearestLandBorderMatchesGeographicLib() throws {
        let world = try AnalysisFixtures.world()
        let set = LandBorderSet(world.allBorders, name: "border")
        let rows = try Self.reference()
        #expect(rows.count >= 15)
        for r in rows {
            let n = try #require(set.nearest(to: r.p))
            #expect(n.border.label == r.border, "\(r.id): \(n.border.label) vs \(r.border)")
            #expect(abs(n.point.distanceMetres - r.metres) < 0.001, "\(r.id): \(n.point.distanceMetres) vs \(r.metres)")
            // The brute force stops at 1e-6 m of distance; where the distance is flat at the minimum
            // that leaves the point free by about √(2·d·1e-6 m): 2 m at 2,000 km.
            let slack = max(0.001, 2 * (2 * r.metres * 1e-6).squareRoot())
            #expect(Geodesic.distance(n.point.point, r.nearest) < slack, "\(r.id): nearest point")
        }
    }

    /// The batch path (one index over every border) gives the same answers and labels.
    @Test func batchIndexAgreesWithTheOneShotPath() throws {
        let world = try AnalysisFixtures.world()
        let set = LandBorderSet(world.allBorders, name: "border")
        let batch = BatchAnalysis.BorderLines(set)
        var counts = GeodesicPolyline.SearchCounts()
        for r in try Self.reference() {
            let h = try #require(batch.index.nearestHit(to: r.p, counts: &counts))
            #expect(abs(h.distanceMetres - r.metres) < 0.001, "\(r.id)")
            #expect(set.borders[batch.borderIndex(ofPart: h.partIndex)].label == r.border, "\(r.id)")
        }
    }

    /// A named border: Cúcuta to the Colombia-Venezuela border equals the nearest border there.
    @Test func namedBorderAndItsCodesInEitherOrder() throws {
        let world = try AnalysisFixtures.world()
        let a = try #require(world.border(between: "VEN", and: "CO"))
        let b = try #require(world.border(between: "Colombia", and: "Venezuela"))
        #expect(a.label == "COL-VEN" && b.label == "COL-VEN" && a.displayName == "Colombia-Venezuela border")
        let row = try #require(try Self.reference().first { $0.id == "cucuta" })
        let n = try #require(LandBorderSet([a], name: a.displayName).nearest(to: row.p))
        #expect(abs(n.point.distanceMetres - row.metres) < 0.001)
        #expect(world.border(between: "SYR", and: "EGY") == nil)
        // Syria's neighbours in Natural Earth's de facto lines (the deu edition leaves the Golan to neither).
        let syria = world.borders(of: "SYR").map(\.label)
        #expect(syria.contains("SYR-TUR") && syria.contains("IRQ-SYR") && syria.contains("LBN-SYR") && syria.contains("JOR-SYR"))
        #expect(syria.allSatisfy { $0.contains("SYR") })
        #expect(world.borders(of: "ISL").isEmpty)
    }

    /// The world's SYR-TUR border is the fixture the GeoCore tests use, vertex for vertex.
    @Test func syriaTurkeyBorderIsTheFixture() throws {
        let world = try AnalysisFixtures.world()
        let fixture = try GeoJSONReader.read(String(contentsOfFile: Paths.reference("syria-turkey.geojson"), encoding: .utf8))
        let line = try #require(fixture.features.first?.geometry?.lines.first)
        let border = try #require(world.border(between: "SYR", and: "TUR"))
        #expect(border.lines == [line])
    }

    /// Containment near borders, at sea, and on a shared vertex.
    @Test func countriesContainTheirPoints() throws {
        let world = try AnalysisFixtures.world()
        let locator = CountryLocator(world: world)
        let cases: [(String, LonLat, String?)] = [
            ("Idlib", LonLat(lon: 36.63393, lat: 35.93062), "SYR"),
            ("Kilis, 5 km north of the border", LonLat(lon: 37.1151, lat: 36.7184), "TUR"),
            ("Kharkiv", LonLat(lon: 36.2304, lat: 49.9935), "UKR"),
            ("Belgorod", LonLat(lon: 36.5983, lat: 50.5977), "RUS"),
            ("Kinshasa", LonLat(lon: 15.3126, lat: -4.3217), "COD"),
            ("South Atlantic", LonLat(lon: -30, lat: -40), nil),
            ("Mediterranean off Latakia", LonLat(lon: 35.2, lat: 35.5), nil),
        ]
        for (name, p, code) in cases { #expect(locator.country(of: p)?.code == code, "\(name)") }
        // A vertex of the Syria-Turkey border lies on both polygons' boundaries: inside one of them.
        let v = try #require(world.border(between: "SYR", and: "TUR")?.lines[0][5])
        let owner = try #require(locator.country(of: v))
        #expect(["SYR", "TUR"].contains(owner.code))
        #expect(try #require(world.country("SYR")).prepared().contains(v))
        #expect(try #require(world.country("TUR")).prepared().contains(v))
    }

    /// The locator tests only the countries its 2° grid lists for a point's cell: on seeded random
    /// points (the Levant, where the bench's events lie, and both sides of the antimeridian
    /// around Fiji) it must answer as a scan of every country in the world's order does (first
    /// widened box holding the point whose area contains it).
    @Test func countryGridAgreesWithScanningEveryCountry() throws {
        let world = try AnalysisFixtures.world()
        let locator = CountryLocator(world: world)
        let boxes = locator.entries.map { $0.bbox.widened(byFraction: 0, minimumDegrees: 0.5) }
        var rng = SeededGenerator(seed: 152_026)
        var points: [LonLat] = [], scans: [Int?] = []
        for k in 0..<600 {
            let p = k % 3 == 0
                ? LonLat(lon: Double.random(in: 177...180.4, using: &rng) - (k % 2 == 0 ? 0 : 360), lat: Double.random(in: -19.0 ... -15.5, using: &rng))
                : LonLat(lon: Double.random(in: 34...39, using: &rng), lat: Double.random(in: 32...38, using: &rng))
            let scan = locator.entries.indices.first { i in boxes[i].contains(p) && locator.area(code: locator.entries[i].code)?.contains(p) == true }
            #expect(locator.countryIndex(of: p) == scan, "\(p)")
            points.append(p); scans.append(scan)
        }
        #expect(locator.countryIndices(of: points) == scans)
        #expect(locator.countryIndex(of: LonLat(lon: .nan, lat: 36)) == nil)
    }

    /// Dense points (about 20 per 1/32° cell, so that the cells settle after four) over the
    /// Syria-Turkey border, the coast at Samandağ and the sea, and over Fiji's islands: every
    /// answer, while the cells learn and once they have, is the scan of every country's area.
    @Test func settledCellsAgreeWithScanningEveryCountry() throws {
        let world = try AnalysisFixtures.world()
        let locator = CountryLocator(world: world)
        let boxes = locator.entries.map { $0.bbox.widened(byFraction: 0, minimumDegrees: 0.5) }
        var rng = SeededGenerator(seed: 0x5E77)
        let points = (0..<6_000).map { k in
            k % 3 == 0 ? LonLat(lon: Double.random(in: 178.2...178.6, using: &rng), lat: Double.random(in: -17.9 ... -17.5, using: &rng))
                : LonLat(lon: Double.random(in: 35.8...36.3, using: &rng), lat: Double.random(in: 35.9...36.4, using: &rng))
        }
        let scans = points.map { p in
            locator.entries.indices.first { i in boxes[i].contains(p) && locator.area(code: locator.entries[i].code)?.contains(p) == true }
        }
        #expect(Set(scans.map { $0.map { locator.entries[$0].code } ?? "sea" }) == ["SYR", "TUR", "FJI", "sea"])
        #expect(locator.countryIndices(of: points) == scans)
        #expect(locator.countryIndices(of: points) == scans)
        for (p, scan) in zip(points.prefix(500), scans) { #expect(locator.countryIndex(of: p) == scan) }
    }
}
