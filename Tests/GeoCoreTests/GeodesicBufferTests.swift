import Foundation
import Testing
import TestSupport
@testable import GeoCore

/// Geodesic buffers against GeographicLib's command-line tools and against independent checks.
@Suite struct GeodesicBufferTests {
    static let kafrTakharim = LonLat(lon: 36.51522, lat: 36.1168)

    static func border() throws -> [LonLat] {
        let text = try String(contentsOfFile: Paths.reference("syria-turkey.geojson"), encoding: .utf8)
        return try #require(try GeoJSONReader.read(text).features.first?.geometry?.lines.first)
    }

    static func syria() throws -> Geometry {
        let text = try String(contentsOfFile: Paths.reference("syria-turkey-countries.geojson"), encoding: .utf8)
        let fc = try GeoJSONReader.read(text)
        return try #require(fc.features.first { $0.properties["id"]?.stringValue == "SY" }?.geometry)
    }

    /// The true geodesic circle's area, from GeographicLib's tools alone: 100,000 vertices by
    /// `GeodSolve` (direct) measured by `Planimeter` (its polygon falls short of the circle by
    /// about (2π/n)²/6 ≈ 7e-10 of the area).
    static func referenceCircleArea(centre: LonLat, radius: Double) throws -> Double {
        let n = 100_000
        let rows = (0..<n).map { "\(centre.lat) \(centre.lon) \(360 * Double($0) / Double(n)) \(radius)" }.joined(separator: "\n")
        // Through a file and a shell pipe: 100,000 lines would fill the pipes of ExternalTool.run.
        let file = Paths.temporaryFolder("circle") + "/directs.txt"
        try (rows + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let out = try ExternalTool.run("/bin/sh", ["-c", "GeodSolve -p 9 < '\(file)' | cut -d' ' -f1,2 | Planimeter -p 3"]).stdout
        let fields = out.split(whereSeparator: { $0 == " " || $0 == "\n" })
        return abs(try #require(Double(fields[2])))
    }

    @Test func pointBufferAreaWithinFiveHundredthsOfAPercent() throws {
        let ring = GeodesicBuffer.circle(centre: Self.kafrTakharim, radiusMetres: 20_000)
        let area = abs(Geodesic.signedArea(ofRing: ring))
        let reference = try Self.referenceCircleArea(centre: Self.kafrTakharim, radius: 20_000)
        #expect(abs(area - reference) / reference < 0.0005, "\(area) vs \(reference)")
        #expect(RingOrientation.isCounterClockwise(ring) && ring.first == ring.last)
        // Vertices at the radius, per GeodSolve -i (1 mm).
        let check = try GeodSolve.inverse(ring.prefix(40).map { (Self.kafrTakharim.lat, Self.kafrTakharim.lon, $0.lat, $0.lon) })
        for c in check { #expect(abs(c.s12 - 20_000) < 0.001) }
    }

    @Test func pointBufferThroughTheGeneralEntryKeepsTolerance() throws {
        let r = try GeodesicBuffer.around(.point(Self.kafrTakharim), radiusMetres: 10_000, toleranceMetres: 1,
                                          geos: GEOSContext(), proj: PROJContext())
        #expect(r.maximumDeviationMetres <= 1)
        #expect(GeodesicBuffer.vertexCount(radiusMetres: 10_000, toleranceMetres: 1) >= 222)
    }

    /// The 20 km zone on the Syrian side of the border: every boundary vertex and edge midpoint is
    /// either 20 km (± 1 m) from the border or on Syria's boundary (within 20 km + 1 m of the border).
    @Test func borderZoneBoundaryIsAtTheRadius() throws {
        let border = try Self.border(), syria = try Self.syria()
        let zone = try GeodesicBuffer.around(.lineString(border), radiusMetres: 20_000, toleranceMetres: 1, clip: syria,
                                             geos: GEOSContext(), proj: PROJContext())
        #expect(zone.maximumDeviationMetres <= 1)
        let index = GeodesicPolyline(line: border)
        let syriaBoundary = GeodesicPolyline(syria.lines)
        var onRadius = 0, onCountryEdge = 0
        for polygon in zone.geometry.polygons {
            #expect(RingOrientation.isCounterClockwise(polygon[0]))
            for ring in polygon {
                for (i, v) in ring.enumerated() {
                    let points = i == 0 ? [v] : [v, GeodesicLine(from: ring[i - 1], to: v).position(atMetres: Geodesic.distance(ring[i - 1], v) / 2)]
                    for p in points {
                        let d = index.distance(from: p)
                        if abs(d - 20_000) <= 1 { onRadius += 1; continue }
                        #expect(syriaBoundary.distance(from: p) < 1 && d < 20_001, "\(p): \(d) m from the border")
                        onCountryEdge += 1
                    }
                }
            }
        }
        #expect(onRadius > 1000 && onCountryEdge > 100)
    }

    /// The zone's area against an independent count: a grid of 0.01° cells over its box, each
    /// cell counted when its centre is in Syria and within 20 km of the border (exact point-to-line
    /// distance), weighted by the cell's geodesic area. Sampling error is about 0.2 %; allow 0.5 %.
    @Test func borderZoneAreaMatchesGridCount() throws {
        let border = try Self.border(), syria = try Self.syria()
        let zone = try GeodesicBuffer.around(.lineString(border), radiusMetres: 20_000, clip: syria,
                                             geos: GEOSContext(), proj: PROJContext())
        let box = try #require(zone.geometry.boundingBox)
        let index = GeodesicPolyline(line: border), country = GeodesicArea(syria)
        let cell = 0.01
        var total = 0.0
        var lat = (box.south / cell).rounded(.down) * cell + cell / 2
        while lat < box.north {
            let cellArea = abs(Geodesic.signedArea(ofRing: [LonLat(lon: 0, lat: lat - cell / 2), LonLat(lon: cell, lat: lat - cell / 2),
                                                           LonLat(lon: cell, lat: lat + cell / 2), LonLat(lon: 0, lat: lat + cell / 2)]))
            var lon = (box.west / cell).rounded(.down) * cell + cell / 2
            while lon < box.east {
                let p = LonLat(lon: lon, lat: lat)
                if index.distance(from: p) <= 20_000, country.contains(p) { total += cellArea }
                lon += cell
            }
            lat += cell
        }
        #expect(abs(zone.areaSquareMetres - total) / total < 0.005, "\(zone.areaSquareMetres / 1e6) km² vs grid \(total / 1e6) km²")
    }

    /// An area's buffer has corners where arcs from two boundary points meet (bays narrower than
    /// twice the radius): every vertex and edge midpoint of Syria's 5 km buffer is 5 km (± 1 m)
    /// from Syria, measured with the exact point-to-area distance.
    @Test func areaBufferCornersStayOnTheRadius() throws {
        let syria = try Self.syria()
        let buffer = try GeodesicBuffer.around(syria, radiusMetres: 5_000, toleranceMetres: 1, geos: GEOSContext(), proj: PROJContext())
        #expect(buffer.maximumDeviationMetres <= 1)
        let area = GeodesicArea(syria)
        var checked = 0
        for ring in buffer.geometry.polygons.joined() {
            for i in 1..<ring.count {
                let line = GeodesicLine(from: ring[i - 1], to: ring[i])
                for p in [ring[i], line.position(atMetres: line.lengthMetres / 2)] {
                    let d = try #require(area.distance(from: p)).distanceMetres
                    #expect(abs(d - 5_000) <= 1, "\(p): \(d) m")
                    checked += 1
                }
            }
        }
        #expect(checked > 10_000)
        #expect(buffer.areaSquareMetres > area.areaSquareMetres)
    }

    /// Two geodesic circles meeting at a corner: the corner point is at the radius from both.
    @Test func cornerOfTwoCircles() {
        let a = LonLat(lon: 36.5, lat: 36.2), b = LonLat(lon: 36.6, lat: 36.2)
        let q = GeodesicBuffer.corner(LonLat(lon: 36.55, lat: 36.25), a, b, 8_000)
        #expect(abs(Geodesic.distance(a, q) - 8_000) < 1e-4 && abs(Geodesic.distance(b, q) - 8_000) < 1e-4)
    }

    @Test func rejectsBadRadius() {
        #expect(throws: BufferError.self) {
            try GeodesicBuffer.around(.point(Self.kafrTakharim), radiusMetres: 0, geos: GEOSContext(), proj: PROJContext())
        }
    }
}
