import Testing
import Foundation
import TestSupport
@testable import GeoCore

/// Geodesics against GeographicLib's GeodSolve (geographiclib-tools), run live on the same inputs.
@Suite struct GeodesicTests {
    /// NW Syria pairs (GeoNames coordinates from geodata/places.csv) and hard cases:
    /// nearly antipodal, on the equator, through and at the poles, coincident points.
    static let pairs: [(Double, Double, Double, Double)] = [
        (36.1168, 36.51522, 35.93062, 36.63393),   // Kafr Takharim → Idlib
        (36.1168, 36.51522, 36.21176, 36.52078),   // Kafr Takharim → Harim
        (35.37615, 36.6897, 35.13179, 36.75783),   // Morek → Hama
        (36.20124, 37.16117, 39.91987, 32.85427),  // Aleppo → Ankara
        (0, 0, 0.5, 179.5),                        // nearly antipodal
        (-30, 0, 29.9, 179.8),                     // nearly antipodal, off the equator
        (0, 0, 0, 90),                             // along the equator
        (0, -10, 0, 170),                          // equatorial, long
        (89.999, 0, -89.999, 0),                   // pole to pole
        (90, 0, 45, 45),                           // from the North Pole
        (36.1168, 36.51522, 36.1168, 36.51522),    // same point
    ]

    @Test func inverseMatchesGeodSolveToOneMillimetre() throws {
        let reference = try GeodSolve.inverse(Self.pairs)
        #expect(reference.count == Self.pairs.count)
        for (p, ref) in zip(Self.pairs, reference) {
            let g = Geodesic.inverse(LonLat(lon: p.1, lat: p.0), LonLat(lon: p.3, lat: p.2))
            #expect(abs(g.distanceMetres - ref.s12) < 0.001, "s12 for \(p)")
            if ref.s12 > 1, abs(p.0) < 90 {
                #expect(angleDifference(g.initialAzimuthDegrees, ref.azi1) < 1e-8, "azi1 for \(p)")
                #expect(angleDifference(g.finalAzimuthDegrees, ref.azi2) < 1e-8, "azi2 for \(p)")
            }
        }
    }

    @Test func directMatchesGeodSolveToOneMillimetre() throws {
        let rows: [(Double, Double, Double, Double)] = [
            (36.1168, 36.51522, 152.58297141362584, 23265.061956186),  // Kafr Takharim towards Idlib
            (36.1168, 36.51522, 270, 10_000),
            (35.37615, 36.6897, 45, 20_000),
            (0, 0, 90, 20_000_000),
            (89.9, 10, 180, 100_000),
            (-45, 170, 10, 15_000_000),
        ]
        let reference = try GeodSolve.direct(rows)
        for (r, ref) in zip(rows, reference) {
            let d = Geodesic.direct(from: LonLat(lon: r.1, lat: r.0), azimuthDegrees: r.2, distanceMetres: r.3)
            #expect(abs(d.destination.lat - ref.lat2) < 1e-8, "lat2 for \(r)")
            #expect(angleDifference(d.destination.lon, ref.lon2) < 1e-8, "lon2 for \(r)")
            #expect(angleDifference(d.finalAzimuthDegrees, ref.azi2) < 1e-8, "azi2 for \(r)")
        }
    }

    @Test func kafrTakharimToIdlib() {
        // GeodSolve -i -p 9 <<< "36.1168 36.51522 35.93062 36.63393" → 23265.061956186 m
        let d = Geodesic.distance(LonLat(lon: 36.51522, lat: 36.1168), LonLat(lon: 36.63393, lat: 35.93062))
        #expect(abs(d - 23265.061956186) < 0.001)
    }

    @Test func areaOfASquareDegreeAtTheEquator() throws {
        // GeographicLib's Planimeter, run live on the same ring (lat lon per line, counter-clockwise):
        // "4 443770.917 12308778361" with -p 3, i.e. about 12,308.78 km².
        let ring = [LonLat(lon: 0, lat: 0), LonLat(lon: 1, lat: 0), LonLat(lon: 1, lat: 1), LonLat(lon: 0, lat: 1), LonLat(lon: 0, lat: 0)]
        let reference = try ExternalTool.run("Planimeter", ["-p", "6"], input: "0 0\n0 1\n1 1\n1 0\n")
        let refArea = abs(Double(reference.stdout.split(separator: " ")[2].trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan)
        #expect(abs(Geodesic.signedArea(ofRing: ring) - refArea) < 1)  // 1 m² in 12,309 km²: summation noise only
        #expect(abs(Geodesic.area(of: .polygon([ring.reversed()])) - refArea) < 1)  // 1 m² in 12,309 km²: summation noise only
    }

    @Test func densifiedEdgesStayNearTheGeodesic() {
        let a = LonLat(lon: 35.9, lat: 35.9), b = LonLat(lon: 42.3, lat: 37.1)
        let line = Geodesic.densify([a, b], toleranceMetres: 1)
        #expect(line.count > 2)
        #expect(line.first == a && line.last == b)
        // Every inserted point lies on the geodesic a→b: its distances from the ends add up.
        let total = Geodesic.distance(a, b)
        for p in line.dropFirst().dropLast() {
            #expect(abs(Geodesic.distance(a, p) + Geodesic.distance(p, b) - total) < 1e-6)
        }
    }

    @Test func compassNames() {
        #expect(CompassPoint.name(forAzimuthDegrees: 152.58) == "SSE")
        #expect(CompassPoint.name(forAzimuthDegrees: -90) == "W")
        #expect(CompassPoint.name(forAzimuthDegrees: 359) == "N")
    }
}

func angleDifference(_ a: Double, _ b: Double) -> Double {
    var d = (a - b).truncatingRemainder(dividingBy: 360)
    if d > 180 { d -= 360 }
    if d < -180 { d += 360 }
    return abs(d)
}
