import GeoCore

/// Where a layer's features come from, in one line: what a database keeps as the table's comment
/// (PostGIS) so the data stays traceable once it leaves the files.
public enum LayerProvenance {
    /// "eventmap layer NAME (N features); sources: S1 (n1), S2 (n2); method: M", from the
    /// features' `source` and `method` properties (the bundled data's provenance, geodata/README.md).
    public static func describe(_ layer: FeatureCollection) -> String {
        func tally(_ key: String) -> [(String, Int)] {
            var counts: [String: Int] = [:]
            var order: [String] = []
            for f in layer.features {
                guard case .string(let s)? = f.properties[key], !s.isEmpty else { continue }
                if counts[s] == nil { order.append(s) }
                counts[s, default: 0] += 1
            }
            return order.map { ($0, counts[$0]!) }.sorted { $0.1 > $1.1 }
        }
        var text = "eventmap layer \(layer.name ?? "layer") (\(layer.features.count) features, WGS 84 lon/lat, EPSG:4326)"
        let sources = tally("source")
        if !sources.isEmpty {
            let shown = sources.prefix(8).map { "\($0.0) (\($0.1))" }.joined(separator: "; ")
            text += "; sources: " + shown + (sources.count > 8 ? "; \(sources.count - 8) more" : "")
        }
        let methods = tally("method")
        if !methods.isEmpty { text += "; method: " + methods.map(\.0).joined(separator: "; ") }
        if sources.isEmpty && methods.isEmpty { text += "; derived from the bundled data, see geodata/README.md" }
        return text
    }
}
