import GeoCore

/// Map layers of geodesic zones (bands along a border on one country's side).
public enum ZoneLayers {
    public static func zone(_ result: BufferResult, id: String, side: Country, style: MapStyle) -> MapLayer {
        let km = JSONWriter.format(result.radiusMetres / 1000, decimals: 3)
        let feature = MapFeature(id: id + "-area", geometry: result.geometry,
                                 data: [("radius-m", JSONWriter.format(result.radiusMetres, decimals: 1)), ("side", side.code),
                                        ("area-km2", JSONWriter.format(result.areaSquareMetres / 1e6, decimals: 1)),
                                        ("tolerance-m", JSONWriter.format(result.toleranceMetres, decimals: 2))])
        return MapLayer(id: id, title: "Within \(km) km of the border", style: style, features: [feature],
                        legend: [LegendEntry(.area, style, "Within \(km) km of the border on the \(side.name) side (geodesic)")])
    }
}
