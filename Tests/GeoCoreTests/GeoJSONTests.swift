import Testing
import TestSupport
@testable import GeoCore

/// GeoJSON (RFC 7946) reading and writing.
@Suite struct GeoJSONTests {
    let clockwiseSquare: [LonLat] = [
        LonLat(lon: 36, lat: 36), LonLat(lon: 36, lat: 36.1), LonLat(lon: 36.1, lat: 36.1), LonLat(lon: 36.1, lat: 36), LonLat(lon: 36, lat: 36),
    ]

    @Test func writesRFC7946Shape() throws {
        var props = JSONObject()
        props["name"] = "Kafr Takharim"
        props["kind"] = "town"
        let fc = FeatureCollection(name: "places", features: [
            Feature(id: "kafr-takharim", geometry: .point(LonLat(lon: 36.51522, lat: 36.1168)), properties: props),
            Feature(id: "zone", geometry: .polygon([clockwiseSquare]), properties: JSONObject()),
        ])
        let text = GeoJSONWriter().string(fc)
        #expect(!text.contains("\"crs\""))
        #expect(text.contains("\"bbox\": [36, 36, 36.51522, 36.1168]"))
        #expect(text.contains("\"properties\": {}"))
        // Keys in a stable order: type, id, geometry, properties.
        let first = text.range(of: "\"type\": \"Feature\"")!.lowerBound
        #expect(text[first...].firstRange(of: "\"id\"")!.lowerBound < text[first...].firstRange(of: "\"geometry\"")!.lowerBound)
        let back = try GeoJSONReader.read(text)
        #expect(back.features.count == 2)
        #expect(back.features[0].properties.keys == ["name", "kind"])
        // The clockwise exterior ring was written counter-clockwise.
        guard case .polygon(let rings)? = back.features[1].geometry else { Issue.record("not a polygon"); return }
        #expect(RingOrientation.isCounterClockwise(rings[0]))
    }

    @Test func holesAreWrittenClockwise() throws {
        let outer = clockwiseSquare.reversed() as [LonLat]
        let hole = [LonLat(lon: 36.02, lat: 36.02), LonLat(lon: 36.05, lat: 36.02), LonLat(lon: 36.05, lat: 36.05), LonLat(lon: 36.02, lat: 36.02)]
        let text = GeoJSONWriter().string(FeatureCollection(features: [Feature(geometry: .polygon([outer, hole]))]))
        guard case .polygon(let rings)? = try GeoJSONReader.read(text).features[0].geometry else { Issue.record("not a polygon"); return }
        #expect(RingOrientation.isCounterClockwise(rings[0]))
        #expect(!RingOrientation.isCounterClockwise(rings[1]))
    }

    @Test func coordinatesAreRoundedToSevenDecimals() {
        let text = GeoJSONWriter(densifyToleranceMetres: nil).string(FeatureCollection(features: [
            Feature(geometry: .point(LonLat(lon: 36.123456789, lat: -0.00000001))),
        ]))
        #expect(text.contains("[36.1234568, 0]"))
    }

    @Test func sameInputSameBytes() {
        let fc = FeatureCollection(features: [Feature(id: "a", geometry: .lineString([LonLat(lon: 35.9, lat: 35.9), LonLat(lon: 42.3, lat: 37.1)]))])
        #expect(GeoJSONWriter().string(fc) == GeoJSONWriter().string(fc))
    }

    /// A layer streamed feature by feature (events.geojson at 100,000 events is ~140 MB) is the same
    /// text as the whole-collection writer's, handed over in pieces of about 1 MiB.
    @Test func streamedLayerIsTheSameTextInPieces() {
        var rng = SeededGenerator(seed: 21)
        let features = (0..<6000).map { i in
            Feature(id: "e\(i)", geometry: .point(LonLat(lon: Double.random(in: 35...37, using: &rng), lat: Double.random(in: 35...37, using: &rng))),
                    properties: JSONObject([("n", .int(i)), ("x", .number(Double.random(in: 0...1, using: &rng))),
                                            ("note", .string("a \"quoted\" note\nwith a line break and ünïcödé, repeated to fill the file"))]))
        }
        let w = GeoJSONWriter(coordinateDecimals: 7, propertyDecimals: 6, densifyToleranceMetres: 1)
        var pieces: [[UInt8]] = []
        w.write(name: "events", bbox: BoundingBox(features.compactMap { $0.geometry?.positions.first }), count: features.count,
                feature: { features[$0] }, emit: { pieces.append($0) })
        #expect(pieces.count >= 2)
        #expect(pieces.dropLast().allSatisfy { $0.count >= 1 << 20 })
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == w.string(FeatureCollection(name: "events", features: features)))
    }

    @Test func longEdgesAreDensified() throws {
        let fc = FeatureCollection(features: [Feature(geometry: .lineString([LonLat(lon: 35.9, lat: 35.9), LonLat(lon: 42.3, lat: 37.1)]))])
        guard case .lineString(let l)? = try GeoJSONReader.read(GeoJSONWriter(densifyToleranceMetres: 1).string(fc)).features[0].geometry else {
            Issue.record("not a line"); return
        }
        #expect(l.count > 10)
    }

    @Test func readErrorsSayWhere() {
        #expect(throws: GeoJSONError.self) { try GeoJSONReader.read("{\"type\": \"FeatureCollection\"}") }
        do {
            _ = try GeoJSONReader.read("""
                {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[36.5, 95]},"properties":null}]}
                """)
            Issue.record("expected an error")
        } catch {
            #expect(error.path == "features[0].geometry.coordinates")
            #expect(error.reason.contains("out of range"))
        }
        do {
            _ = try GeoJSONReader.read("{\"type\": ")
            Issue.record("expected an error")
        } catch {
            #expect(error.reason.contains("not valid JSON"))
        }
    }
}
