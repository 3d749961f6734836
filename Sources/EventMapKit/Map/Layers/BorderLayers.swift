import GeoCore

/// Map layers from the border data: the two countries and the Syria-Turkey boundary.
public enum BorderLayers {
    /// Country polygons (cut to the frame when drawn); Syria and Turkey in their own fills.
    public static func countries(_ collection: FeatureCollection) -> MapLayer {
        var legend: [LegendEntry] = []
        let features = collection.features.enumerated().compactMap { i, f -> MapFeature? in
            guard let g = f.geometry else { return nil }
            let code = f.properties["id"]?.stringValue ?? f.id ?? "country-\(i + 1)"
            let name = f.properties["name"]?.stringValue ?? code
            let style = code == "SY" ? MapPalette.syria : code == "TR" ? MapPalette.turkey : MapPalette.otherCountry
            legend.append(LegendEntry(.area, style, name))
            return MapFeature(id: "country-" + code, geometry: g, data: [("country", code), ("name", name)], style: style)
        }
        return MapLayer(id: "countries", title: "Countries", style: MapStyle(), features: features, legend: legend)
    }

    /// Country names for the map, written inside each country's visible part.
    public static func countryLabels(_ collection: FeatureCollection) -> [AreaLabel] {
        collection.features.enumerated().compactMap { i, f in
            guard let g = f.geometry else { return nil }
            let name = f.properties["name"]?.stringValue ?? f.id ?? "country \(i + 1)"
            return AreaLabel(id: f.properties["id"]?.stringValue ?? "country-\(i + 1)", text: name.uppercased(), area: g)
        }
    }

    /// The border line(s).
    public static func border(_ collection: FeatureCollection, id: String = "syria-turkey-border") -> MapLayer {
        let features = collection.features.enumerated().compactMap { i, f -> MapFeature? in
            guard let g = f.geometry else { return nil }
            let fid = f.properties["id"]?.stringValue ?? f.id ?? "border-\(i + 1)"
            return MapFeature(id: "border-" + fid, geometry: g,
                              data: [("name", f.properties["name"]?.stringValue ?? fid),
                                     ("length-km", JSONWriter.format(lengthMetres(g) / 1000, decimals: 3))])
        }
        return MapLayer(id: id, title: "Syria-Turkey border", style: MapPalette.border, features: features,
                        legend: [LegendEntry(.line, MapPalette.border, "Syria-Turkey border (Natural Earth 1:10m, de facto)")])
    }

    /// Geodesic length of every line of a geometry, metres.
    public static func lengthMetres(_ g: Geometry) -> Double {
        g.lines.reduce(0) { $0 + Geodesic.length(of: $1) }
    }
}
