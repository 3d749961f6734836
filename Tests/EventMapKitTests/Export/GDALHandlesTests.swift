import CGDAL
import Foundation
import Testing
import TestSupport
@testable import EventMapKit

/// The owning wrappers around GDAL handles: each handle freed exactly once, whoever frees it.
@Suite struct GDALHandlesTests {
    /// A point cannot be a polygon's ring: `OGR_G_AddGeometryDirectly` fails with
    /// OGRERR_UNSUPPORTED_GEOMETRY_TYPE (3) and deletes the point itself (GDAL 3.6 ogrgeometry.cpp).
    /// Destroying it again was a double free (a crash; AddressSanitizer names it in CI's second pass).
    @Test func aChildThatGDALRefusesIsFreedOnceByGDAL() throws {
        try GDALSetup.load()
        let polygon = try OGRGeometry(type: wkbPolygon)
        for _ in 0..<3 {
            let point = try OGRGeometry(type: wkbPoint)
            #expect(throws: GDALError.self) { try polygon.add(point) }
        }
        // The polygon is still usable: a real ring goes in.
        let ring = try OGRGeometry(type: wkbLinearRing)
        for (lon, lat) in [(36.0, 36.0), (36.1, 36.0), (36.1, 36.1), (36.0, 36.0)] { ring.addPoint(.init(lon: lon, lat: lat)) }
        try polygon.add(ring)
    }

    /// Other packages can depend on the library products only when no target uses unsafe flags
    /// (SwiftPM refuses them in dependencies); and GDAL's headers come from the include path
    /// (pkg-config's folder, or the system's), not from a path written into the header.
    @Test func theManifestHasNoUnsafeFlagsAndCGDALNoAbsoluteIncludes() throws {
        // Read as text: `swift package dump-package` would wait for the lock of the running build.
        let manifest = try String(contentsOfFile: Paths.repository + "/Package.swift", encoding: .utf8)
        #expect(manifest.contains("name: \"CGDAL\""))
        #expect(!manifest.contains(".unsafeFlags("))
        let header = try String(contentsOfFile: Paths.repository + "/Sources/CGDAL/include/CGDAL.h", encoding: .utf8)
        #expect(!header.contains("#include \"/"))
    }
}
