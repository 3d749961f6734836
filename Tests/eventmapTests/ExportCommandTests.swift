import Foundation
import Testing
import TestSupport

/// `eventmap export` into FlatGeobuf and PostGIS, read back with GDAL's ogrinfo and with psql.
@Suite struct ExportCommandTests {
    /// The layers and their feature counts as `export --list` gives them (run once: every export
    /// computes the main job's layers, which is slow under AddressSanitizer).
    static let layers: [(name: String, count: Int)] = {
        guard let r = try? CLI.run(["export", "--scenario", Paths.geodata("scenarios/kafr-takharim-2020.json"), "--list"]), r.status == 0 else { return [] }
        return r.stdout.split(separator: "\n").map { line in
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            return (String(parts[0]), Int(parts[1]) ?? -1)
        }
    }()

    static func layerCounts() throws -> [(name: String, count: Int)] {
        try #require(!layers.isEmpty, "eventmap export --list failed")
        return layers
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// ogrinfo (GDAL's FlatGeobuf driver) opens every file with the layer's feature count and
    /// answers a spatial filter (the packed R-tree).
    @Test func flatGeobufOpensInOgrinfoWithTheRightCounts() throws {
        let layers = try Self.layerCounts()
        let dir = Paths.temporaryFolder() + "/layers"
        let r = try CLI.run(["export", "--scenario", Paths.geodata("scenarios/kafr-takharim-2020.json"), "--format", "fgb", "-o", dir])
        #expect(r.status == 0, "\(r.stderr)")
        for layer in layers {
            let info = try ExternalTool.run("ogrinfo", ["-ro", "-so", dir + "/\(layer.name).fgb", layer.name])
            #expect(info.status == 0, "\(info.stderr)")
            #expect(info.stdout.contains("Feature Count: \(layer.count)\n"), "\(layer.name): \(info.stdout)")
            #expect(info.stdout.contains("ID[\"EPSG\",4326]"))
        }
        // The packed R-tree: the driver reports it for a layer written with SPATIAL_INDEX=YES.
        let sql = try ExternalTool.run("ogrinfo", ["-ro", "-so", dir + "/places.fgb", "places", "-spat", "36.4", "36.0", "36.6", "36.2"])
        #expect(sql.status == 0, "\(sql.stderr)")
        // Expected: the gazetteer's places inside the box (observation points are their own layer),
        // counted from places.csv by Python's csv module.
        let count = try ExternalTool.run("python3", ["-c", """
            import csv, sys
            rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if not r["op_number"]]
            print(sum(36.4 <= float(r["lon"]) <= 36.6 and 36.0 <= float(r["lat"]) <= 36.2 for r in rows))
            """, Paths.geodata("places.csv")])
        let inBox = try #require(Int(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(count.stderr)")
        let all = try #require(layers.first { $0.name == "places" }?.count)
        #expect(inBox > 0 && inBox < all)
        #expect(sql.stdout.contains("Feature Count: \(inBox)\n"), "\(sql.stdout)")
    }

    /// Every layer becomes a table with geometry(…, 4326), a GiST index, typed columns, and the
    /// layer's provenance as the table comment; the distance PostGIS measures agrees with
    /// `eventmap distance` within 1 m.
    @Test func postGISGetsATablePerLayerAndAgreesOnTheBorderDistance() throws {
        let layers = try Self.layerCounts()
        try PostgreSQLServer.with { pg in
            let export = try CLI.run(["export", "--scenario", Paths.geodata("scenarios/kafr-takharim-2020.json"), "--format", "postgis", "-o", pg.gdalConnection])
            #expect(export.status == 0, "\(export.stderr)")

            for layer in layers {
                let table = layer.name.replacingOccurrences(of: "-", with: "_")
                #expect(try pg.psql("SELECT count(*) FROM \(table)") == String(layer.count), "\(table)")
                #expect(try pg.psql("SELECT Find_SRID('public', '\(table)', 'geom')") == "4326")
                let index = try pg.psql("SELECT indexdef FROM pg_indexes WHERE tablename = '\(table)' AND indexdef LIKE '%gist%'")
                #expect(index.contains("USING gist (geom)"), "\(table): \(index)")
                let comment = try pg.psql("SELECT obj_description('\(table)'::regclass, 'pg_class')")
                #expect(comment.hasPrefix("eventmap layer \(layer.name) (\(layer.count) features"), "\(table): \(comment)")
            }
            #expect(try pg.psql("SELECT type FROM geometry_columns WHERE f_table_name = 'places'") == "POINT")
            let types = try pg.psql("SELECT column_name || ':' || data_type FROM information_schema.columns WHERE table_name = 'places' ORDER BY ordinal_position")
                .split(separator: "\n").map(String.init)
            for expected in ["precision:bigint", "uncertainty_m:double precision", "approximate:boolean", "name:character varying", "geom:USER-DEFINED"] {
                #expect(types.contains(expected), "\(types)")
            }
            #expect(try pg.psql("SELECT obj_description('places'::regclass, 'pg_class')").contains("sources: "))

            // ST_Distance(geography) uses the spheroid for the distance, but finds the nearest
            // point of each edge on a sphere (a great-circle arc between the vertices); eventmap
            // follows the edges as WGS 84 geodesics. The border's edges are short (Natural Earth
            // 1:10m), so the two nearest points differ by millimetres: the bound asked is 1 m.
            let place = try Self.json(try CLI.run(["geocode", "Kafr Takharim", "--json"]).stdout)
            let (lat, lon) = (try #require(place["lat"] as? Double), try #require(place["lon"] as? Double))
            let ours = try #require(try Self.json(try CLI.run(["distance", "Kafr Takharim", "border", "--json"]).stdout)["distance_m"] as? Double)
            let postgis = try #require(Double(try pg.psql(
                "SELECT ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(\(lon), \(lat)), 4326)::geography) FROM syria_turkey_border")))
            #expect(abs(postgis - ours) < 1.0, "PostGIS \(postgis) m, eventmap \(ours) m")
            print("Kafr Takharim to the border: PostGIS ST_Distance(geography) \(postgis) m, eventmap \(ours) m, difference \(postgis - ours) m")

            // Refusal, --append, --overwrite and connection errors: PostGISExportTests (in-process, faster).
        }
    }
}
