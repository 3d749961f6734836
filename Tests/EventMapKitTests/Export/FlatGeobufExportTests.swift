import Foundation
import GeoCore
import Testing
import TestSupport
@testable import EventMapKit

/// FlatGeobuf through GDAL: one layer per file; a folder of files is replaced whole.
@Suite struct FlatGeobufExportTests {
    static func layer(_ name: String, _ n: Int) -> FeatureCollection {
        FeatureCollection(name: name, features: (0..<n).map { i in
            Feature(id: "\(i)", geometry: .point(LonLat(lon: 36 + Double(i) / 100, lat: 36)), properties: JSONObject([("n", .int(i))]))
        })
    }

    /// A second export into the same folder leaves only the new layers (checked with ogrinfo).
    @Test func aFolderOfLayersIsReplacedWhole() throws {
        let dir = Paths.temporaryFolder() + "/fgb"
        try LayerExport.write([Self.layer("a", 3), Self.layer("b", 2)], format: .fgb, to: dir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.fgb", "b.fgb"])
        try LayerExport.write([Self.layer("c", 4)], format: .fgb, to: dir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["c.fgb"])
        let info = try ExternalTool.run("ogrinfo", ["-ro", "-so", dir + "/c.fgb", "c"])
        #expect(info.stdout.contains("Feature Count: 4\n"), "\(info.stdout)")
        // Nothing left beside the folder (temporary or old copies).
        let parent = (dir as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["fgb"])
    }

    @Test func aFileTakesOneLayerOnly() throws {
        let path = Paths.temporaryFolder() + "/two.fgb"
        #expect(throws: LayerExport.Refusal.self) { try LayerExport.write([Self.layer("a", 1), Self.layer("b", 1)], format: .fgb, to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
