import Foundation

/// Formats the rows of `analyze`: CSV with metres to 3 decimals and coordinates to 7, or GeoJSON
/// point features through `GeoJSONWriter` (one per line inside one FeatureCollection).
enum AnalysisRowFormatter {
    static func header(layout: EventColumns, format: BatchAnalysis.Format) -> [UInt8] {
        switch format {
        case .csv:
            return Array((CSVWriter.row(BatchAnalysis.columns + layout.keepNames) + "\n").utf8)
        case .geojson:
            return Array("{\n\"type\": \"FeatureCollection\",\n\"features\": [\n".utf8)
        }
    }

    static func footer(format: BatchAnalysis.Format) -> [UInt8] {
        format == .csv ? [] : Array("\n]\n}\n".utf8)
    }

    /// The CSV rows of a block, written through a pointer into one buffer sized in advance
    /// (the widest a row can be), with numbers formatted by `ByteCursor.fixed`. `labelOf` and
    /// `countryOf` index `labels` and `countryCodes` per event (-1: empty); `placeFields` holds
    /// each place's `id,name`.
    static func csvRows(_ e: ParsedEvents, _ hits: [GeodesicPolyline.Hit?], _ nearest: [NearestPlaceIndex.Hit?],
                        labelOf: [Int32], labels: ByteStrings, countryOf: [Int32], countryCodes: ByteStrings,
                        placeFields: ByteStrings, withinMetres: Double) -> [UInt8] {
        let n = e.count
        // Text fields may double in size when quoted; numbers take at most 24 bytes each.
        let capacity = 2 * e.text.count + n * (2 * e.textsPerRow + 4 * 24 + placeFields.longest + labels.longest + countryCodes.longest + 48) + 16
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var c = ByteCursor(buffer.baseAddress!)
            e.text.withUnsafeBufferPointer { text in
                for k in 0..<n {
                    let base = k * e.textsPerRow
                    c.csvField(text, from: base == 0 ? 0 : e.textEnds[base - 1], to: e.textEnds[base])
                    c.put(0x2C)
                    if let h = hits[k] {
                        c.fixed(h.distanceMetres, decimals: 3)
                        c.put(0x2C)
                        c.fixed(h.point.lat, decimals: 7)
                        c.put(0x2C)
                        c.fixed(h.point.lon, decimals: 7)
                    } else {
                        c.put(0x2C); c.put(0x2C)
                    }
                    c.put(0x2C)
                    if let place = nearest[k] {
                        c.put(placeFields, place.index)
                        c.put(0x2C)
                        c.fixed(place.distanceMetres, decimals: 3)
                    } else {
                        c.put(0x2C); c.put(0x2C)
                    }
                    c.put(0x2C)
                    c.put(boolean: (hits[k]?.distanceMetres ?? .infinity) <= withinMetres)
                    c.put(0x2C)
                    if labelOf[k] >= 0 { c.put(labels, Int(labelOf[k])) }
                    c.put(0x2C)
                    if countryOf[k] >= 0 { c.put(countryCodes, Int(countryOf[k])) }
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

    static func featureRow(_ e: ParsedEvents, _ k: Int, layout: EventColumns, _ hit: GeodesicPolyline.Hit?,
                           _ place: (Place, Double)?, _ within: Bool, borderLabel: [UInt8], country: [UInt8], into out: inout [UInt8]) {
        func metres(_ v: Double) -> JSONValue { .number((v * 1000).rounded() / 1000) }
        var props = JSONObject()
        props["id"] = .string(String(decoding: e.text(k, 0), as: UTF8.self))
        props["border_distance_m"] = hit.map { metres($0.distanceMetres) } ?? .null
        props["border_lat"] = hit.map { .number($0.point.lat) } ?? .null
        props["border_lon"] = hit.map { .number($0.point.lon) } ?? .null
        props["nearest_id"] = place.map { .string($0.0.id) } ?? .null
        props["nearest_name"] = place.map { .string($0.0.name) } ?? .null
        props["nearest_distance_m"] = place.map { metres($0.1) } ?? .null
        props["within"] = .bool(within)
        props["border_countries"] = borderLabel.isEmpty ? .null : .string(String(decoding: borderLabel, as: UTF8.self))
        props["country"] = country.isEmpty ? .null : .string(String(decoding: country, as: UTF8.self))
        for (j, name) in layout.keepNames.enumerated() {
            props[name] = .string(String(decoding: e.text(k, j + 1), as: UTF8.self))
        }
        let feature = Feature(id: String(decoding: e.text(k, 0), as: UTF8.self), geometry: .point(e.positions[k]), properties: props)
        out.append(contentsOf: Array(json.string(writer.featureValue(feature)).utf8))
    }
}
