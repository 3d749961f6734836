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

    static func csvRow(_ e: ParsedEvents, _ k: Int, _ hit: BorderDistanceIndex.Hit,
                       _ place: (id: [UInt8], name: [UInt8], index: Int, metres: Double)?, _ within: Bool, into out: inout [UInt8]) {
        appendCSVField(e.text(k, 0), to: &out)
        out.append(0x2C)
        DecimalBytes.append(hit.distanceMetres, decimals: 3, to: &out)
        out.append(0x2C)
        DecimalBytes.append(hit.nearest.lat, decimals: 7, to: &out)
        out.append(0x2C)
        DecimalBytes.append(hit.nearest.lon, decimals: 7, to: &out)
        out.append(0x2C)
        if let place {
            out.append(contentsOf: place.id)
            out.append(0x2C)
            out.append(contentsOf: place.name)
            out.append(0x2C)
            DecimalBytes.append(place.metres, decimals: 3, to: &out)
        } else {
            out.append(contentsOf: [0x2C, 0x2C])
        }
        out.append(0x2C)
        out.append(contentsOf: within ? trueBytes : falseBytes)
        for j in 1..<e.textsPerRow {
            out.append(0x2C)
            appendCSVField(e.text(k, j), to: &out)
        }
        out.append(0x0A)
    }

    /// A field as it came, quoted when it holds a comma, a quote or a line break.
    static func appendCSVField(_ f: ArraySlice<UInt8>, to out: inout [UInt8]) {
        guard f.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            out.append(contentsOf: f)
            return
        }
        out.append(0x22)
        for c in f {
            if c == 0x22 { out.append(0x22) }
            out.append(c)
        }
        out.append(0x22)
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
