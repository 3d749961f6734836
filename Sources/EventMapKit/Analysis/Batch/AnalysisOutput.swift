import Foundation

/// Formats the rows of `analyze`: CSV with metres to 3 decimals and coordinates to 7, or GeoJSON
/// point features through `GeoJSONWriter` (one per line inside one FeatureCollection).
enum AnalysisRowFormatter {
    private static let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)

    static func header(layout: EventColumns, format: BatchAnalysis.Format) -> [UInt8] {
        switch format {
        case .csv:
            let names = BatchAnalysis.columns + layout.keepNames.map { CSVReader.escape($0) }
            return Array((names.joined(separator: ",") + "\n").utf8)
        case .geojson:
            return Array("{\n\"type\": \"FeatureCollection\",\n\"features\": [\n".utf8)
        }
    }

    static func footer(format: BatchAnalysis.Format) -> [UInt8] {
        format == .csv ? [] : Array("\n]\n}\n".utf8)
    }

    /// The CSV rows of a block, written through a pointer into one buffer sized in advance
    /// (the widest a row can be), with numbers formatted by `ByteCursor.fixed`.
    static func csvRows(_ e: ParsedEvents, _ hits: [BorderDistanceIndex.Hit], _ nearest: [NearestPlaceIndex.Hit?],
                        placeIds: [[UInt8]], placeNames: [[UInt8]], withinMetres: Double) -> [UInt8] {
        let n = e.count
        let longestPlace = zip(placeIds, placeNames).map { $0.count + $1.count }.max() ?? 0
        // Text fields may double in size when quoted; numbers take at most 24 bytes each.
        let capacity = 2 * e.text.count + n * (2 * e.textsPerRow + 4 * 24 + longestPlace + 16) + 16
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var c = ByteCursor(buffer.baseAddress!)
            e.text.withUnsafeBufferPointer { text in
                for k in 0..<n {
                    let base = k * e.textsPerRow
                    c.csvField(text, from: base == 0 ? 0 : e.textEnds[base - 1], to: e.textEnds[base])
                    c.put(0x2C)
                    c.fixed(hits[k].distanceMetres, decimals: 3)
                    c.put(0x2C)
                    c.fixed(hits[k].nearest.lat, decimals: 7)
                    c.put(0x2C)
                    c.fixed(hits[k].nearest.lon, decimals: 7)
                    c.put(0x2C)
                    if let place = nearest[k] {
                        c.put(placeIds[place.index])
                        c.put(0x2C)
                        c.put(placeNames[place.index])
                        c.put(0x2C)
                        c.fixed(place.distanceMetres, decimals: 3)
                    } else {
                        c.put(0x2C); c.put(0x2C)
                    }
                    c.put(0x2C)
                    c.put(hits[k].distanceMetres <= withinMetres ? trueBytes : falseBytes)
                    for j in 1..<e.textsPerRow {
                        c.put(0x2C)
                        c.csvField(text, from: e.textEnds[base + j - 1], to: e.textEnds[base + j])
                    }
                    c.put(0x0A)
                }
            }
            count = c.p - buffer.baseAddress!
            precondition(count <= capacity)
        }
    }

    private static let writer = GeoJSONWriter(coordinateDecimals: 7, propertyDecimals: 7, densifyToleranceMetres: nil)
    private static let json = JSONWriter(maximumDecimals: 7, pretty: false)

    static func featureRow(_ e: ParsedEvents, _ k: Int, layout: EventColumns, _ hit: BorderDistanceIndex.Hit,
                           _ place: (Place, Double)?, _ within: Bool, into out: inout [UInt8]) {
        func metres(_ v: Double) -> JSONValue { .number((v * 1000).rounded() / 1000) }
        var props = JSONObject()
        props["id"] = .string(String(decoding: e.text(k, 0), as: UTF8.self))
        props["border_distance_m"] = metres(hit.distanceMetres)
        props["border_lat"] = .number(hit.nearest.lat)
        props["border_lon"] = .number(hit.nearest.lon)
        props["nearest_id"] = place.map { .string($0.0.id) } ?? .null
        props["nearest_name"] = place.map { .string($0.0.name) } ?? .null
        props["nearest_distance_m"] = place.map { metres($0.1) } ?? .null
        props["within"] = .bool(within)
        for (j, name) in layout.keepNames.enumerated() {
            props[name] = .string(String(decoding: e.text(k, j + 1), as: UTF8.self))
        }
        let feature = Feature(id: String(decoding: e.text(k, 0), as: UTF8.self), geometry: .point(e.positions[k]), properties: props)
        out.append(contentsOf: Array(json.string(writer.featureValue(feature)).utf8))
    }
}

/// Writes bytes through a pointer into a buffer the caller sized.
struct ByteCursor {
    var p: UnsafeMutablePointer<UInt8>

    init(_ p: UnsafeMutablePointer<UInt8>) { self.p = p }

    @inline(__always) mutating func put(_ b: UInt8) { p.pointee = b; p += 1 }

    @inline(__always) mutating func put(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { b in
            p.update(from: b.baseAddress!, count: b.count)
            p += b.count
        }
    }

    /// A field as it came, quoted when it holds a comma, a quote or a line break.
    mutating func csvField(_ text: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
        var plain = true
        for i in from..<to where text[i] == 0x2C || text[i] == 0x22 || text[i] == 0x0A || text[i] == 0x0D { plain = false; break }
        if plain {
            if to > from { p.update(from: text.baseAddress! + from, count: to - from); p += to - from }
            return
        }
        put(0x22)
        for i in from..<to {
            if text[i] == 0x22 { put(0x22) }
            put(text[i])
        }
        put(0x22)
    }

    /// `value` with exactly `decimals` decimals, as `DecimalBytes.append` writes it.
    @inline(__always) mutating func fixed(_ value: Double, decimals: Int) {
        let scaled = (value * DecimalBytes.exactPowersOfTen[decimals]).rounded()
        guard value.isFinite, abs(scaled) < 9e15 else {
            var tmp: [UInt8] = []
            DecimalBytes.append(value, decimals: decimals, to: &tmp)
            put(tmp)
            return
        }
        var n = UInt64(abs(scaled))
        if scaled < 0 && n > 0 { put(0x2D) }
        var digits = 1
        var limit: UInt64 = 10
        while digits < 19 && n >= limit { limit &*= 10; digits += 1 }
        digits = max(digits, decimals + 1)
        let length = digits + (decimals > 0 ? 1 : 0)
        var q = p + length
        var written = 0
        while written < digits {
            q -= 1
            q.pointee = UInt8(truncatingIfNeeded: n % 10) &+ 0x30
            n /= 10
            written += 1
            if written == decimals { q -= 1; q.pointee = 0x2E }
        }
        p += length
    }
}

/// Where the bytes go: standard output as they come, or a temporary file beside the target
/// that is renamed onto it at the end (AtomicWrite), so a failed run leaves nothing behind.
final class OutputSink {
    private let fd: Int32
    private let target: String?
    private let temporary: String?
    private var buffer: [UInt8] = []

    init(_ destination: BatchAnalysis.Destination) throws(BatchError) {
        switch destination {
        case .standardOutput:
            fd = 1; target = nil; temporary = nil
        case .file(let path):
            let dir = (path as NSString).deletingLastPathComponent
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir.isEmpty ? "." : dir, isDirectory: &isDir), isDir.boolValue else {
                throw .cannotWrite(path: path, reason: "the folder \(dir) does not exist")
            }
            let tmp = AtomicWrite.temporaryPath(besides: path)
            fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            target = path; temporary = tmp
        }
    }

    func write(_ bytes: [UInt8]) throws(BatchError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws(BatchError) {
        var failure: Int32 = 0
        buffer.withUnsafeBytes { b in
            var off = 0
            while off < b.count {
                let r = Foundation.write(fd, b.baseAddress! + off, b.count - off)
                if r < 0 { if errno == EINTR { continue }; failure = errno; return }
                off += r
            }
        }
        buffer.removeAll(keepingCapacity: true)
        if failure != 0 { throw .cannotWrite(path: target ?? "standard output", reason: String(cString: strerror(failure))) }
    }

    func commit() throws(BatchError) {
        try flush()
        guard let target, let temporary else { return }
        close(fd)
        do { try AtomicWrite.commit(temporary: temporary, to: target) } catch {
            throw .cannotWrite(path: target, reason: error.reason)
        }
    }

    func abandon() {
        guard let temporary else { return }
        close(fd)
        unlink(temporary)
    }
}
