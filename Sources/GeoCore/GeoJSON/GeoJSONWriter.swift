import Foundation

/// Writes RFC 7946 GeoJSON: longitude, latitude; no `crs`; exterior rings counter-clockwise and
/// holes clockwise; `bbox` as [west, south, east, north]; `properties` always present; keys in a
/// fixed order; a fixed number of decimals. The same input always gives the same bytes.
public struct GeoJSONWriter: Sendable {
    /// Decimals for coordinates: 7 is about 1 cm, 6 about 10 cm.
    public var coordinateDecimals: Int
    /// Decimals for real-valued properties.
    public var propertyDecimals: Int
    /// When set, edges are densified so that straight lon/lat segments stay within this many
    /// metres of the geodesic edge they stand for (see `Geodesic.densify`).
    public var densifyToleranceMetres: Double?

    public init(coordinateDecimals: Int = 7, propertyDecimals: Int = 6, densifyToleranceMetres: Double? = 1.0) {
        self.coordinateDecimals = coordinateDecimals
        self.propertyDecimals = propertyDecimals
        self.densifyToleranceMetres = densifyToleranceMetres
    }

    /// The collection as a GeoJSON text ending with a newline.
    public func string(_ collection: FeatureCollection) -> String {
        let features = collection.features.map(prepared)
        var out: [UInt8] = []
        write(name: collection.name, bbox: BoundingBox(features.flatMap { $0.geometry?.positions ?? [] }), count: features.count,
              emit: { out.append(contentsOf: $0) }) { text in
            for (i, f) in features.enumerated() { append(feature: f, last: i == features.count - 1, to: &text) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The same text as `string` for a collection whose features are made one at a time by
    /// `feature(0..<count)` (a layer too large to hold as features and text at once: 100,000
    /// events are ~140 MB of text), handed to `emit` in pieces of about 1 MiB. `bbox` is the box
    /// of the features' positions (for points, the points themselves). Features are made and
    /// written in batches on every core (each batch's text is joined in order), so `feature` must
    /// be safe to call from several threads.
    public func write<E: Error>(name: String?, bbox: BoundingBox?, count: Int, feature: @escaping @Sendable (Int) -> Feature,
                                emit: ([UInt8]) throws(E) -> Void) throws(E) {
        let threads = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
        let batch = 2048
        try write(name: name, bbox: bbox, count: count, emit: emit) { out throws(E) in
            // `threads` batches at a time, each into its own buffer, then appended in order: the
            // text is the same whatever the number of threads; memory stays at a few batches.
            let w = self
            var next = 0
            while next < count {
                let lo = next, hi = min(count, lo + threads * batch)
                let parts = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: threads)
                parts.initialize(repeating: [])
                defer { parts.deinitialize(); parts.deallocate() }
                nonisolated(unsafe) let shared = parts
                DispatchQueue.concurrentPerform(iterations: threads) { t in
                    let a = lo + t * batch, b = min(hi, a + batch)
                    guard a < b else { return }
                    var text: [UInt8] = []
                    text.reserveCapacity((b - a) * 1500)
                    for i in a..<b { w.append(feature: w.prepared(feature(i)), last: i == count - 1, to: &text) }
                    shared[t] = text
                }
                for t in 0..<threads { out.append(contentsOf: parts[t]) }
                next = hi
                if out.count >= 1 << 20 {
                    try emit(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
        }
    }

    /// The head, then `features(&out)` appending every feature's text (and emitting `out` as it
    /// grows), then the tail.
    private func write<E: Error>(name: String?, bbox: BoundingBox?, count: Int, emit: ([UInt8]) throws(E) -> Void,
                                 features: (inout [UInt8]) throws(E) -> Void) throws(E) {
        var head: [(String, JSONValue)] = [("type", "FeatureCollection")]
        if let name { head.append(("name", .string(name))) }
        if let bbox { head.append(("bbox", bboxValue(bbox))) }
        // The same text as writing the whole collection as one JSON value, one feature at a time:
        // no tree of every feature is held at once (a large event layer's would be hundreds of MB).
        let w = writer
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20 + 1 << 16)
        out.append(contentsOf: "{\n".utf8)
        for (key, value) in head {
            out.append(contentsOf: "  ".utf8)
            JSONWriter.escape(key, into: &out)
            out.append(contentsOf: ": ".utf8)
            w.write(value, into: &out, indent: 1)
            out.append(contentsOf: ",\n".utf8)
        }
        out.append(contentsOf: "  \"features\": ".utf8)
        if count == 0 {
            out.append(contentsOf: "[]".utf8)
        } else {
            out.append(contentsOf: "[\n".utf8)
            try features(&out)
            out.append(contentsOf: "  ]".utf8)
        }
        out.append(contentsOf: "\n}\n".utf8)
        try emit(out)
    }

    /// One feature's line in the collection (already prepared), with its comma unless it is the last.
    private func append(feature f: Feature, last: Bool, to out: inout [UInt8]) {
        out.append(contentsOf: "    ".utf8)
        writer.write(featureValue(f), into: &out, indent: 2)
        out.append(contentsOf: (last ? "\n" : ",\n").utf8)
    }

    /// One feature as a GeoJSON object value.
    public func featureValue(_ f: Feature) -> JSONValue {
        var o = JSONObject()
        o["type"] = "Feature"
        if let id = f.id { o["id"] = .string(id) }
        o["geometry"] = f.geometry.map(geometryValue) ?? .null
        o["properties"] = roundedReals(.object(f.properties))
        return .object(o)
    }

    /// A geometry as a GeoJSON object value (positions as written, no orientation fix).
    public func geometryValue(_ g: Geometry) -> JSONValue {
        var o = JSONObject()
        o["type"] = .string(g.typeName)
        switch g {
        case .point(let p): o["coordinates"] = position(p)
        case .multiPoint(let ps), .lineString(let ps): o["coordinates"] = .array(ps.map(position))
        case .multiLineString(let ls), .polygon(let ls): o["coordinates"] = .array(ls.map { .array($0.map(position)) })
        case .multiPolygon(let polys): o["coordinates"] = .array(polys.map { .array($0.map { .array($0.map(position)) }) })
        case .geometryCollection(let gs): o["geometries"] = .array(gs.map(geometryValue))
        }
        return .object(o)
    }

    /// Coordinates are rounded before writing and property reals in `roundedReals`, so the
    /// text writer only has to keep enough decimals for the finer of the two.
    private var writer: JSONWriter { JSONWriter(maximumDecimals: max(coordinateDecimals, propertyDecimals), pretty: true) }

    private func roundedReals(_ v: JSONValue) -> JSONValue {
        // Most properties are whole numbers or already rounded: then the value is kept as it is
        // (rounding is idempotent, so the bytes are the same) instead of being rebuilt.
        needsRounding(v, scale: pow10(propertyDecimals)) ? rebuiltRounded(v) : v
    }

    private func needsRounding(_ v: JSONValue, scale: Double) -> Bool {
        switch v {
        case .number(let d): return (d * scale).rounded() / scale != d
        case .array(let items): return items.contains { needsRounding($0, scale: scale) }
        case .object(let o): return o.entries.contains { needsRounding($0.value, scale: scale) }
        default: return false
        }
    }

    private func rebuiltRounded(_ v: JSONValue) -> JSONValue {
        switch v {
        case .number(let d):
            let scale = pow10(propertyDecimals)
            return .number((d * scale).rounded() / scale)
        case .array(let items): return .array(items.map(roundedReals))
        case .object(let o): return .object(JSONObject(o.entries.map { ($0.key, roundedReals($0.value)) }))
        default: return v
        }
    }

    private func position(_ p: LonLat) -> JSONValue {
        .array([.number(rounded(p.lon)), .number(rounded(p.lat))])
    }

    private func rounded(_ v: Double) -> Double {
        let scale = pow10(coordinateDecimals)
        return (v * scale).rounded() / scale
    }

    private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * 10 } }

    private func bboxValue(_ b: BoundingBox) -> JSONValue {
        .array([b.west, b.south, b.east, b.north].map { .number(rounded($0)) })
    }

    /// Densified and with RFC 7946 ring orientation.
    func prepared(_ f: Feature) -> Feature {
        var f = f
        f.geometry = f.geometry.map(prepared)
        return f
    }

    func prepared(_ g: Geometry) -> Geometry {
        g.mapPositionLists(densified).orientedForRFC7946
    }

    private func densified(_ l: [LonLat]) -> [LonLat] {
        guard let tol = densifyToleranceMetres else { return l }
        return Geodesic.densify(l, toleranceMetres: tol)
    }
}

/// Ring orientation by the shoelace sum on lon/lat: only its sign is used, never as an area.
public enum RingOrientation {
    public static func isCounterClockwise(_ ring: [LonLat]) -> Bool {
        guard ring.count > 2 else { return true }
        var sum = 0.0
        for i in 0..<ring.count {
            let a = ring[i], b = ring[(i + 1) % ring.count]
            sum += (b.lon - a.lon) * (b.lat + a.lat)
        }
        return sum < 0
    }
}
