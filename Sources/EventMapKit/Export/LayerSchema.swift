import GeoCore

/// The fields of a layer, read from its features' properties: names in first-seen order and
/// one type each, so that GIS formats with typed columns (GeoPackage, CSV readers) get them right.
public struct LayerSchema: Sendable, Equatable {
    public enum FieldType: String, Sendable {
        case integer, real, string, boolean
        /// Arrays and objects, written as compact JSON text.
        case json
    }

    public struct Field: Sendable, Equatable {
        public let name: String
        public let type: FieldType
    }

    public let fields: [Field]

    public init(_ collection: FeatureCollection) {
        var order: [String] = []
        var types: [String: FieldType] = [:]
        for f in collection.features {
            for (k, v) in f.properties {
                if types[k] == nil && !order.contains(k) { order.append(k) }
                let t: FieldType?
                switch v {
                case .null: t = nil
                case .bool: t = .boolean
                case .int: t = .integer
                case .number: t = .real
                case .string: t = .string
                case .array, .object: t = .json
                }
                guard let t else { continue }
                switch (types[k], t) {
                case (nil, _): types[k] = t
                case (.integer?, .real), (.real?, .integer): types[k] = .real
                case (let old?, let new) where old != new: types[k] = .string
                default: break
                }
            }
        }
        fields = order.map { Field(name: $0, type: types[$0] ?? .string) }
    }

    /// A property as text (CSV cells, JSON fields): strings as they are, numbers as JSON writes them.
    public static func text(_ v: JSONValue) -> String? {
        switch v {
        case .null: nil
        case .string(let s): s
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .number(let d): JSONWriter.format(d, decimals: 7)
        case .array, .object: JSONWriter(maximumDecimals: 7, pretty: false).string(v)
        }
    }
}
