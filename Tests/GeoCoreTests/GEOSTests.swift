import Testing
@testable import GeoCore

/// GEOS through its reentrant API: errors become Swift errors, contexts stay per task.
@Suite struct GEOSTests {
    @Test func invalidWKTIsATypedErrorWithGEOSsMessage() throws {
        let ctx = GEOSContext()
        do {
            _ = try GEOSGeometry<LonLat>(wkt: "POLYGON((0 0, 1 1", in: ctx)
            Issue.record("expected a parse error")
        } catch {
            #expect(error.function == "GEOSWKTReader_read_r")
            #expect(error.message.contains("ParseException"))
        }
    }

    @Test func selfIntersectingPolygonIsReportedInvalid() throws {
        let ctx = GEOSContext()
        let bowtie = try GEOSGeometry<LonLat>(wkt: "POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))", in: ctx)
        #expect(try bowtie.isValid() == false)
        #expect(try bowtie.validityReason().contains("Self-intersection"))
        let fixed = try bowtie.makeValid()
        #expect(try fixed.isValid())
        // Two triangles of area 1 each (planar units).
        #expect(abs(try fixed.planarArea() - 2) < 1e-12)
    }

    @Test func roundTripBetweenValuesAndGEOS() throws {
        let ctx = GEOSContext()
        let values: [Geometry] = [
            .point(LonLat(lon: 36.5, lat: 36.1)),
            .lineString([LonLat(lon: 0, lat: 0), LonLat(lon: 1, lat: 1)]),
            .polygon([[LonLat(lon: 0, lat: 0), LonLat(lon: 4, lat: 0), LonLat(lon: 4, lat: 4), LonLat(lon: 0, lat: 0)],
                      [LonLat(lon: 1, lat: 1), LonLat(lon: 2, lat: 1), LonLat(lon: 2, lat: 2), LonLat(lon: 1, lat: 1)]]),
            .multiPoint([LonLat(lon: 1, lat: 2), LonLat(lon: 3, lat: 4)]),
            .multiLineString([[LonLat(lon: 0, lat: 0), LonLat(lon: 1, lat: 0)], [LonLat(lon: 2, lat: 2), LonLat(lon: 3, lat: 3)]]),
            .geometryCollection([.point(LonLat(lon: 1, lat: 1)), .lineString([LonLat(lon: 0, lat: 0), LonLat(lon: 1, lat: 0)])]),
        ]
        for v in values {
            #expect(try GEOSGeometry(v, in: ctx).value() == v)
        }
    }

    @Test func planarOperations() throws {
        let ctx = GEOSContext()
        let square = try GEOSGeometry<LonLat>(wkt: "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))", in: ctx)
        let point = try GEOSGeometry(.point(LonLat(lon: 13, lat: 14)), in: ctx)
        #expect(try square.planarDistance(to: point) == 5)
        let (onSquare, onPoint) = try square.nearestPoints(to: point)
        #expect(onSquare == LonLat(lon: 10, lat: 10) && onPoint == LonLat(lon: 13, lat: 14))
        let prepared = try PreparedGeometry(square)
        #expect(try prepared.contains(try GEOSGeometry(.point(LonLat(lon: 5, lat: 5)), in: ctx)))
        #expect(try prepared.planarDistance(to: point) == 5)
        let half = try GEOSGeometry<LonLat>(wkt: "POLYGON((5 -5, 15 -5, 15 15, 5 15, 5 -5))", in: ctx)
        #expect(try square.intersection(half).planarArea() == 50)
    }

    /// One context per task: Swift 6 will not let a context cross tasks (it is not Sendable),
    /// so each task makes its own. Run many at once to show they do not interfere.
    @Test func contextsPerTaskRunInParallel() async throws {
        try await withThrowingTaskGroup(of: Double.self) { group in
            for i in 0..<8 {
                group.addTask {
                    let ctx = GEOSContext()
                    var total = 0.0
                    for j in 0..<200 {
                        let a = try GEOSGeometry(.point(LonLat(lon: Double(i), lat: Double(j))), in: ctx)
                        let b = try GEOSGeometry(.point(LonLat(lon: Double(i) + 3, lat: Double(j) + 4)), in: ctx)
                        total += try a.planarDistance(to: b)
                    }
                    _ = try? GEOSGeometry<LonLat>(wkt: "NOT WKT", in: ctx)  // errors stay in their own context
                    return total
                }
            }
            for try await total in group { #expect(total == 1000) }
        }
    }
}
