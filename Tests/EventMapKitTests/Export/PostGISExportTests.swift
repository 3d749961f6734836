import Foundation
import GeoCore
import Testing
import TestSupport
@testable import EventMapKit

/// Writing to a throwaway PostGIS in-process: what happens to an existing table (as ogr2ogr:
/// refused, -append, -overwrite), all-or-nothing, and connection errors without the password.
@Suite struct PostGISExportTests {
    static func layer(_ name: String, _ n: Int) -> FeatureCollection {
        FeatureCollection(name: name, features: (0..<n).map { i in
            Feature(id: "\(i)", geometry: .point(LonLat(lon: 36 + Double(i) / 100, lat: 36)),
                    properties: JSONObject([("n", .int(i)), ("source", "test")]))
        })
    }

    @Test func existingTablesAreRefusedAppendedOrOverwrittenAndFailuresLeaveNothing() throws {
        try PostgreSQLServer.with { pg in
            let target = pg.gdalConnection
            try LayerExport.write([Self.layer("my-points", 3)], format: .postgis, to: target)
            #expect(try pg.psql("SELECT count(*) FROM my_points") == "3")
            #expect(try pg.psql("SELECT obj_description('my_points'::regclass, 'pg_class')")
                    == "eventmap layer my-points (3 features, WGS 84 lon/lat, EPSG:4326); sources: test (3)")

            // No flag: refused, and the new table of the same run is not created either (one transaction).
            #expect(throws: LayerExport.Refusal.self) { try LayerExport.write([Self.layer("other", 2), Self.layer("my-points", 5)], format: .postgis, to: target) }
            #expect(try pg.psql("SELECT count(*) FROM my_points") == "3")
            #expect(try pg.psql("SELECT to_regclass('other') IS NULL") == "t")
            do {
                try LayerExport.write([Self.layer("my-points", 5)], format: .postgis, to: target)
                Issue.record("an existing table was not refused")
            } catch {
                #expect("\(error)".contains("the table my_points exists already") && "\(error)".contains("--overwrite"))
            }

            try LayerExport.write([Self.layer("my-points", 5)], format: .postgis, to: target, existing: .append)
            #expect(try pg.psql("SELECT count(*) FROM my_points") == "8")
            try LayerExport.write([Self.layer("my-points", 2)], format: .postgis, to: target, existing: .overwrite)
            #expect(try pg.psql("SELECT count(*) FROM my_points") == "2")
            #expect(try pg.psql("SELECT Find_SRID('public', 'my_points', 'geom')") == "4326")

            // A database that does not exist: one sentence, host and database named, no password.
            let bad = "PG:dbname=nosuchdb host=\(pg.socketFolder) user=\(pg.user) password=hunter2"
            do {
                try LayerExport.write([Self.layer("x", 1)], format: .postgis, to: bad)
                Issue.record("a missing database was not reported")
            } catch {
                let text = "\(error)"
                #expect(text.hasPrefix("cannot connect to PostgreSQL database \"nosuchdb\" on host \"\(pg.socketFolder)\": "), "\(text)")
                #expect(text.contains("does not exist") && !text.contains("hunter2") && !text.contains("\n"), "\(text)")
            }
        }
    }
}
