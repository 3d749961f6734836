// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "eventmap",
    products: [
        .executable(name: "eventmap", targets: ["eventmap"]),
        .library(name: "EventMapKit", targets: ["EventMapKit"]),
        .library(name: "GeoCore", targets: ["GeoCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries, found with pkg-config (Debian: libgeos-dev, libproj-dev).
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        // GDAL (libgdal-dev) is loaded at run time by this small C target: only `export` needs it.
        // Not a pkg-config system library on purpose: SwiftPM would then link libgdal into every
        // command. `make` checks `pkg-config gdal` and passes its include folder (see the Makefile).
        .target(name: "CGDAL"),
        // sync_file_range (Linux), which Swift's Glibc module does not export: large outputs reach
        // the disk while they are written, not all in the final fsync.
        .target(name: "CWriteback"),

        // Swift over GEOS and PROJ: geometry values, geodesy, transforms, GeoJSON. Knows nothing of events.
        .target(name: "GeoCore", dependencies: ["CGEOS", "CPROJ"]),
        // The domain: gazetteer, events, analysis, maps and exporters. Never prints, never exits.
        .target(name: "EventMapKit", dependencies: ["GeoCore", "CGDAL", "CWriteback"]),
        // The command line: parsing and printing only.
        .executableTarget(name: "eventmap", dependencies: [
            "EventMapKit", "GeoCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Shared by the test targets: paths, running reference tools and the built CLI.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GeoCoreTests", dependencies: ["GeoCore", "TestSupport"]),
        .testTarget(name: "EventMapKitTests", dependencies: ["EventMapKit", "GeoCore", "TestSupport"]),
        .testTarget(name: "eventmapTests", dependencies: ["eventmap", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
