import Foundation
import Testing
import TestSupport
@testable import GeoCore

/// Point-to-line distances against Tests/Reference/border-distances.csv, made by
/// Tests/Reference/make_border_reference.py (GeographicLib for Python: brute force over the
/// border densified to <= 10 m, then golden-section refinement along the edge).
@Suite struct PointToLineTests {
    struct Row { let id: String; let point: LonLat; let distance: Double; let nearest: LonLat }

    static func border() throws -> [LonLat] {
        let text = try String(contentsOfFile: Paths.reference("syria-turkey.geojson"), encoding: .utf8)
        let fc = try GeoJSONReader.read(text)
        return try #require(fc.features.first?.geometry?.lines.first)
    }

    static func reference() throws -> (header: String, rows: [Row]) {
        let text = try String(contentsOfFile: Paths.repository + "/Tests/Reference/border-distances.csv", encoding: .utf8)
        var header = ""
        var rows: [Row] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("#") { header = String(line); continue }
            let f = line.split(separator: ",").map(String.init)
            guard f.count == 8, let lat = Double(f[1]) else { continue }
            rows.append(Row(id: f[0], point: LonLat(lon: Double(f[2])!, lat: lat), distance: Double(f[3])!,
                            nearest: LonLat(lon: Double(f[5])!, lat: Double(f[4])!)))
        }
        return (header, rows)
    }

    @Test func referenceWasMadeFromThisBorder() throws {
        let border = try Self.border()
        let header = try Self.reference().header
        let first = "first \(String(format: "%.7f,%.7f", border[0].lat, border[0].lon))"
        let last = "last \(String(format: "%.7f,%.7f", border.last!.lat, border.last!.lon))"
        #expect(header.contains("\(border.count) vertices") && header.contains(first) && header.contains(last),
                "regenerate Tests/Reference/border-distances.csv with make_border_reference.py")
    }

    /// Every gazetteer place and the synthetic points: distance within 1 mm, nearest point within 1 cm.
    @Test func agreesWithIndependentMinimisation() throws {
        let index = GeodesicPolyline(line: try Self.border())
        let rows = try Self.reference().rows
        #expect(rows.count > 80)
        for r in rows {
            let n = try #require(index.nearest(to: r.point))
            #expect(abs(n.distanceMetres - r.distance) < 0.001, "\(r.id): \(n.distanceMetres) vs \(r.distance)")
            #expect(Geodesic.distance(n.point, r.nearest) < 0.01, "\(r.id): nearest \(n.point) vs \(r.nearest)")
            #expect(abs(Geodesic.distance(r.point, n.point) - n.distanceMetres) < 1e-6)
        }
    }

    /// The batch path takes distances within ~30 km from a chord bracket (no geod_inverse): on
    /// seeded random points up to 45 km from the border its distance is within 1 mm of the
    /// exact minimum along its edge (golden-section search with geod_inverse, to ~1e-7 m), and
    /// within 1 mm of geod_inverse to its own nearest point; most queries need no inverse.
    @Test func bracketedRefinementIsWithinOneMillimetre() throws {
        let border = try Self.border()
        let index = GeodesicPolyline(line: border)
        var rng = SeededGenerator(seed: 2_026_1202)
        var counts = GeodesicPolyline.SearchCounts()
        for _ in 0..<300 {
            let v = Int.random(in: 0..<(border.count - 1), using: &rng)
            let start = Geodesic.inverse(border[v], border[v + 1])
            let base = Geodesic.direct(from: border[v], azimuthDegrees: start.initialAzimuthDegrees,
                                       distanceMetres: start.distanceMetres * Double.random(in: 0...1, using: &rng)).destination
            let p = Geodesic.direct(from: base, azimuthDegrees: Double.random(in: -180...180, using: &rng),
                                    distanceMetres: Double.random(in: 0...45_000, using: &rng)).destination
            let h = try #require(index.nearestHit(to: p, counts: &counts))
            #expect(abs(Geodesic.distance(p, h.point) - h.distanceMetres) <= 0.001)
            let line = index.edges[h.edge].line
            var lo = max(0, h.alongMetres - 300), hi = min(line.lengthMetres, h.alongMetres + 300)
            let g = (5.0.squareRoot() - 1) / 2
            for _ in 0..<60 {
                let a = hi - g * (hi - lo), b = lo + g * (hi - lo)
                if Geodesic.distance(p, line.position(atMetres: a)) < Geodesic.distance(p, line.position(atMetres: b)) { hi = b } else { lo = a }
            }
            let exact = Geodesic.distance(p, line.position(atMetres: (lo + hi) / 2))
            #expect(h.distanceMetres <= exact + 0.001 && h.distanceMetres >= exact - 0.001, "\(p): \(h.distanceMetres) vs \(exact)")
        }
        #expect(counts.brackets > counts.inverses)
    }

    /// Where the nearest point is inside an edge, the geodesic to it meets the edge at 90°.
    @Test func footIsPerpendicularInsideAnEdge() throws {
        let border = try Self.border()
        let index = GeodesicPolyline(line: border)
        for r in try Self.reference().rows {
            let n = try #require(index.nearest(to: r.point))
            guard n.fraction > 1e-6, n.fraction < 1 - 1e-6, n.distanceMetres > 1 else { continue }
            let edge = GeodesicLine(from: border[n.segmentIndex], to: border[n.segmentIndex + 1])
            let along = edge.positionAndAzimuth(atMetres: n.fraction * edge.lengthMetres)
            let arriving = Geodesic.inverse(r.point, n.point).finalAzimuthDegrees
            var angle = abs(along.azimuthDegrees - arriving).truncatingRemainder(dividingBy: 180)
            if angle > 90 { angle = 180 - angle }
            #expect(abs(angle - 90) < 1e-4, "\(r.id): \(angle)°")
        }
    }

    /// A two-vertex line along the equator: the nearest point and distance are known exactly
    /// (a meridian meets the equator at right angles; GeodSolve gives the meridian distance).
    @Test func equatorSegmentAgainstGeodSolve() throws {
        let line = GeodesicPolyline(line: [LonLat(lon: 10, lat: 0), LonLat(lon: 11, lat: 0)])
        let n = try #require(line.nearest(to: LonLat(lon: 10.3, lat: 0.2)))
        let ref = try GeodSolve.inverse([(0.2, 10.3, 0, 10.3)])[0]
        #expect(abs(n.distanceMetres - ref.s12) < 0.001)
        #expect(abs(n.point.lon - 10.3) < 1e-9 && abs(n.point.lat) < 1e-9)
        #expect(abs(n.fraction - 0.3) < 1e-9)
        #expect(abs(n.azimuthDegrees! - 180) < 1e-9 || abs(n.azimuthDegrees! + 180) < 1e-9)
        // Past the end: the end vertex.
        let end = try #require(line.nearest(to: LonLat(lon: 11.5, lat: -0.1)))
        #expect(end.point == LonLat(lon: 11, lat: 0) && end.fraction == 1)
    }

    @Test func onTheLineIsZero() throws {
        let border = try Self.border()
        let index = GeodesicPolyline(line: border)
        let n = try #require(index.nearest(to: border[50]))
        #expect(n.distanceMetres < 1e-6)
        #expect(n.azimuthDegrees == nil)
    }

    /// The prepared index is a value shared by several tasks: same answers as one thread.
    @Test func concurrentQueriesAgree() async throws {
        let index = GeodesicPolyline(line: try Self.border())
        let rows = try Self.reference().rows
        let serial = rows.map { index.distance(from: $0.point) }
        let parallel = await withTaskGroup(of: (Int, Double).self) { group in
            for (i, r) in rows.enumerated() { group.addTask { (i, index.distance(from: r.point)) } }
            var out = [Double](repeating: 0, count: rows.count)
            for await (i, d) in group { out[i] = d }
            return out
        }
        #expect(serial == parallel)
    }

    /// Containment in the Natural Earth polygons, and distance 0 inside.
    @Test func areaContainmentAndDistance() throws {
        let text = try String(contentsOfFile: Paths.reference("syria-turkey-countries.geojson"), encoding: .utf8)
        let fc = try GeoJSONReader.read(text)
        let syria = GeodesicArea(try #require(fc.features.first { $0.properties["id"]?.stringValue == "SY" }?.geometry))
        let idlib = LonLat(lon: 36.63393, lat: 35.93062), ankara = LonLat(lon: 32.85427, lat: 39.91987)
        #expect(syria.contains(idlib))
        #expect(!syria.contains(ankara))
        let inside = try #require(syria.distance(from: idlib))
        #expect(inside.isInside && inside.distanceMetres == 0 && inside.boundary.distanceMetres > 1000)
        let outside = try #require(syria.distance(from: ankara))
        #expect(!outside.isInside && outside.distanceMetres > 300_000)
        #expect(syria.containmentToleranceMetres < 50)
    }

    /// Near the shared border every point is in exactly one of Syria and Turkey, including where a
    /// geodesic edge and its straight lon/lat version part by ~22 m (ray casting alone errs there):
    /// points 2 m and 15 m either side of every edge's midpoint and around every vertex.
    @Test func nearTheBorderExactlyOneCountryContainsThePoint() throws {
        let text = try String(contentsOfFile: Paths.reference("syria-turkey-countries.geojson"), encoding: .utf8)
        let fc = try GeoJSONReader.read(text)
        let syria = GeodesicArea(try #require(fc.features.first { $0.properties["id"]?.stringValue == "SY" }?.geometry))
        let turkey = GeodesicArea(try #require(fc.features.first { $0.properties["id"]?.stringValue == "TR" }?.geometry))
        let border = try Self.border()
        var rayCastingDisagrees = 0
        for i in 1..<(border.count - 2) {
            let edge = GeodesicLine(from: border[i], to: border[i + 1])
            let mid = edge.positionAndAzimuth(atMetres: edge.lengthMetres / 2)
            var probes: [LonLat] = []
            for offset in [2.0, 15.0] {
                for side in [90.0, -90.0] {
                    probes.append(Geodesic.direct(from: mid.position, azimuthDegrees: mid.azimuthDegrees + side, distanceMetres: offset).destination)
                }
            }
            for az in stride(from: 0.0, to: 360, by: 45) {
                probes.append(Geodesic.direct(from: border[i], azimuthDegrees: az, distanceMetres: 3).destination)
            }
            for p in probes {
                let inSyria = syria.contains(p), inTurkey = turkey.contains(p)
                #expect(inSyria != inTurkey, "\(p) near border vertex \(i)")
                if syria.rayCastContains(p) != inSyria { rayCastingDisagrees += 1 }
            }
        }
        // The exact side test matters: lon/lat ray casting gets some of these wrong.
        #expect(rayCastingDisagrees > 0)
    }
}
