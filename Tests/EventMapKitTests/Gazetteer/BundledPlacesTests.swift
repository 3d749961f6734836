import EventMapKit
import Foundation
import Testing
import TestSupport

/// The bundled geodata/places.csv: every row sourced and with a valid precision, the required
/// places present, and no name key shared by two places unless listed here on purpose.
@Suite struct BundledPlacesTests {
    static func bundled() throws -> Gazetteer {
        let path = Paths.geodata("places.csv")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try GazetteerCSV.read(text, file: path)
    }

    @Test func everyRowHasASourceAndAValidPrecision() throws {
        let g = try Self.bundled()
        #expect(g.places.count >= 30)
        for p in g.places {
            #expect(!p.source.isEmpty, "\(p.id) has no source")
            #expect((1...7).contains(p.precision.code), "\(p.id) precision \(p.precision.code)")
            // A source is a GeoNames id, a Wikipedia page, or an anchor naming the sourced row it stands on.
            #expect(p.source.hasPrefix("geonames:") || p.source.hasPrefix("wikipedia:") || p.source.hasPrefix("anchor:")
                    || p.source.hasPrefix("http"), "\(p.id): unexpected source '\(p.source)'")
            if p.source.hasPrefix("anchor:") {
                #expect(p.isApproximate, "\(p.id) stands on an anchor but claims where_prec 1")
                let anchorId = String(p.source.dropFirst("anchor:".count).prefix { $0 != " " })
                let anchor = try #require(g.place(id: anchorId), "\(p.id): anchor \(anchorId) is not in the table")
                #expect(anchor.position == p.position, "\(p.id) is not at its anchor \(anchorId)")
            }
        }
    }

    /// analyze's places (parsed without the name index for a small file; from the cached index
    /// for a large one, here a copy opened with a threshold of 0) are the gazetteer layer's.
    @Test func pointPlacesAreTheLayersWithOrWithoutAnIndex() throws {
        let path = Paths.geodata("places.csv")
        let layer = try GazetteerFile.open(path).pointPlaces
        #expect(layer.count >= 30)
        #expect(try GazetteerFile.pointPlaces(path) == layer)
        let copy = Paths.temporaryFolder() + "/places.csv"
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent) }
        let indexed = try GazetteerFile.pointPlaces(copy, indexThreshold: 0)
        #expect(indexed.map(\.id) == layer.map(\.id) && indexed.map(\.position) == layer.map(\.position))
        #expect(FileManager.default.fileExists(atPath: copy + GazetteerFile.indexSuffix))
    }

    /// Keys that two places share on purpose. Empty: every name, alternate name and id of the
    /// table resolves to a single place, so no spelling of the bundled data is ambiguous.
    static let legitimatelySharedKeys: Set<String> = []

    @Test func noTwoPlacesShareANameKeyUnintentionally() throws {
        let g = try Self.bundled()
        var owners: [String: Set<String>] = [:]
        var spelling: [String: [String]] = [:]
        for p in g.places {
            for name in [p.name, p.id] + p.alternateNames {
                let k = PlaceName.key(name)
                owners[k, default: []].insert(p.id)
                spelling[k, default: []].append("\(p.id): \(name)")
            }
        }
        let shared = owners.filter { $0.value.count > 1 }
        for (k, ids) in shared.sorted(by: { $0.key < $1.key }) where !Self.legitimatelySharedKeys.contains(k) {
            Issue.record("key '\(k)' is shared by \(ids.sorted()): \(spelling[k]!)")
        }
        #expect(Set(shared.keys).isSuperset(of: Self.legitimatelySharedKeys), "a listed shared key is no longer shared")
    }

    @Test func everyStoredSpellingResolvesToItsPlace() throws {
        let g = try Self.bundled()
        for p in g.places {
            for name in [p.name, p.id] + p.alternateNames {
                let found = try? g.lookup(name)
                #expect(found?.id == p.id, "'\(name)' resolves to \(found?.id ?? "nothing"), not \(p.id)")
            }
        }
    }

    @Test(arguments: [
        "kafr-takharim", "jabal-al-duwayla-camp", "idlib", "morek", "harim", "salqin", "saraqib", "hama", "aleppo",
        "latakia", "damascus", "ankara", "jisr-al-shughur", "darat-izza", "qalat-al-madiq", "maarrat-al-numan",
        "reyhanli", "antakya",
    ])
    func theSeedPlacesArePresent(_ id: String) throws {
        #expect(try Self.bundled().place(id: id) != nil)
    }

    @Test func theTwelveObservationPointsAreNumberedOnceEach() throws {
        let ops = try Self.bundled().places(kind: "observation-point")
        #expect(ops.count == 12)
        #expect(Set(ops.compactMap { $0.observationPoint?.number }) == Set(1...12))
        // Morek, the largest post, was evacuated in October 2020 (research notes, section 1).
        #expect(ops.first { $0.observationPoint?.number == 9 }?.observationPoint?.status == .evacuated)
    }
}
