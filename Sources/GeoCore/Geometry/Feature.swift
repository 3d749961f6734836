/// A geometry with an identifier and ordered properties: one GeoJSON Feature.
public struct Feature: Sendable, Equatable {
    public var id: String?
    public var geometry: Geometry?
    public var properties: JSONObject

    public init(id: String? = nil, geometry: Geometry?, properties: JSONObject = JSONObject()) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }
}

/// A named list of features: one layer of a map, one GeoJSON FeatureCollection.
public struct FeatureCollection: Sendable, Equatable {
    public var name: String?
    public var features: [Feature]

    public init(name: String? = nil, features: [Feature]) {
        self.name = name
        self.features = features
    }

    public var boundingBox: BoundingBox? { BoundingBox(features.flatMap { $0.geometry?.positions ?? [] }) }
}
