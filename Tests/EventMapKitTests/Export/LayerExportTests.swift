import Foundation
import GeoCore
import Testing
import TestSupport
@testable import EventMapKit

/// Exports through GDAL (GeoPackage, KML) and by hand (CSV, GeoJSON), read back with GDAL's own tools.
@Suite struct LayerExportTests {
    /// Two small layers: points with every property type, and a line.
    let layers: [FeatureCollection] = [
        FeatureCollection(name: "towns", features: [
            Feature(id: "kafr-takharim", geometry: .point(LonLat(lon: 36.51522, lat: 36.1168)), properties: JSONObject([
                ("id", "kafr-takharim"), ("name", "Kafr Takharim"), ("precision", 1), ("uncertainty_m", 1000.5),
                ("approximate", false), ("alt", ["Kafar Takharim", "كفر تخاريم"]), ("notes", "about 10 km, \"the border\""),
            ])),
            Feature(id: "idlib", geometry: .point(LonLat(lon: 36.63393, lat: 35.93062)), properties: JSONObject([
                ("id", "idlib"), ("name", "Idlib"), ("precision", 1), ("uncertainty_m", .null), ("approximate", true),
            ])),
        ]),
        FeatureCollection(name: "route", features: [
            Feature(id: "r1", geometry: .lineString([LonLat(lon: 36.51522, lat: 36.1168), LonLat(lon: 36.63393, lat: 35.93062)]),
                    properties: JSONObject([("name", "Kafr Takharim to Idlib"), ("length_km", 23.265)])),
        ]),
    ]

    @Test func geoPackagePassesGDALsValidatorWithTypedFieldsAndSpatialIndex() throws {
        let path = Paths.temporaryFolder() + "/layers.gpkg"
        try LayerExport.write(layers, format: .gpkg, to: path)
        let v = try ExternalTool.run("python3", [Self.validator, path])
        #expect(v.status == 0, "validate_gpkg.py: \(v.stdout) \(v.stderr)")
        let info = try ExternalTool.run("ogrinfo", ["-ro", "-so", "-al", path])
        #expect(info.stdout.contains("Layer name: towns") && info.stdout.contains("Layer name: route"))
        #expect(info.stdout.contains("Geometry: Point") && info.stdout.contains("Geometry: Line String"))
        #expect(info.stdout.contains("precision: Integer64") && info.stdout.contains("uncertainty_m: Real"))
        #expect(info.stdout.contains("approximate: Integer(Boolean)"))
        let counts = info.stdout.split(separator: "\n").filter { $0.hasPrefix("Feature Count:") }
        #expect(counts == ["Feature Count: 2", "Feature Count: 1"])
        let rtree = try ExternalTool.run("ogrinfo", ["-ro", path, "-sql", "SELECT HasSpatialIndex('towns', 'geom')"])
        #expect(rtree.stdout.contains("= 1"))
        // No temporary file is left beside the result.
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == ["layers.gpkg"])
    }

    @Test func kmlOpensInOgrinfoWithNamesAndDescriptions() throws {
        let path = Paths.temporaryFolder() + "/layers.kml"
        try LayerExport.write(layers, format: .kml, to: path)
        let info = try ExternalTool.run("ogrinfo", ["-ro", "-al", path])
        #expect(info.status == 0)
        #expect(info.stdout.contains("Layer name: towns") && info.stdout.contains("Layer name: route"))
        #expect(info.stdout.split(separator: "\n").filter { $0.hasPrefix("  POINT (") }.count == 2)
        #expect(info.stdout.split(separator: "\n").filter { $0.hasPrefix("  LINESTRING (") }.count == 1)
        let kml = try String(contentsOfFile: path, encoding: .utf8)
        #expect(kml.contains("<name>Kafr Takharim</name>"))
        #expect(kml.contains("<description>about 10 km, &quot;the border&quot;</description>") || kml.contains("<description>about 10 km, \"the border\"</description>"))
        #expect(kml.components(separatedBy: "<Placemark>").count - 1 == 3)
        #expect(kml.components(separatedBy: "<description>").count - 1 == 3)
    }

    @Test func csvHasLatLonForPointsAndWKTOtherwise() throws {
        let points = try LayerExport.csv([layers[0]])
        let rows = try CSVReader.rows(points)
        #expect(rows[0].fields == ["lat", "lon", "id", "name", "precision", "uncertainty_m", "approximate", "alt", "notes"])
        #expect(rows.count == 3)
        #expect(rows[1].fields[0] == "36.1168" && rows[1].fields[1] == "36.51522")
        #expect(rows[1].fields[8] == "about 10 km, \"the border\"")
        let mixed = try CSVReader.rows(try LayerExport.csv(layers))
        #expect(mixed[0].fields.prefix(2) == ["wkt", "layer"])
        #expect(mixed[3].fields[0] == "LINESTRING (36.51522 36.1168, 36.63393 35.93062)")
        #expect(mixed[3].fields[1] == "route")
        // GDAL reads the file back with the same number of rows.
        let path = Paths.temporaryFolder() + "/layers.csv"
        try LayerExport.write(layers, format: .csv, to: path)
        let info = try ExternalTool.run("ogrinfo", ["-ro", "-so", "-al", path])
        #expect(info.stdout.contains("Feature Count: 3"))
    }

    @Test func aGDALFailureIsATypedErrorWithGDALsMessage() {
        do {
            try OGRLayerWriter.write(layers, format: .gpkg, to: "/nonexistent-eventmap-dir/x.gpkg")
            Issue.record("expected an error")
        } catch let e as GDALError {
            #expect(e.operation.hasPrefix("GDALCreate(GPKG"))
            #expect(!e.message.isEmpty && e.message != "no message from GDAL")
        } catch {
            Issue.record("expected a GDALError, got \(error)")
        }
    }

    /// GDAL's GeoPackage validator, from python3-gdal.
    static let validator: String = {
        for p in ["/usr/share/doc/python3-gdal/examples/validate_gpkg.py",
                  "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"]
        where FileManager.default.fileExists(atPath: p) { return p }
        return "validate_gpkg.py"
    }()
}
