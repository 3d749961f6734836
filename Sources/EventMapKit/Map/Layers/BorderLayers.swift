import GeoCore

/// Map layers from the world data: the countries and the land borders.
public enum BorderLayers {
    /// Country polygons (cut to the frame when drawn): the countries the map is about in the
    /// primary fill, the other side of its border in the secondary one, the rest neutral.
    public static func countries(_ countries: [Country], primary: Set<String>, secondary: Set<String>) -> MapLayer {
        var legend: [LegendEntry] = []
        let features = countries.map { c -> MapFeature in
            let style = primary.contains(c.code) ? MapPalette.primaryCountry : secondary.contains(c.code) ? MapPalette.secondaryCountry : MapPalette.otherCountry
            legend.append(LegendEntry(.area, style, c.name, featureIDs: ["country-" + c.code]))
            return MapFeature(id: "country-" + c.code, geometry: c.geometry, data: [("country", c.code), ("name", c.name)], style: style)
        }
        return MapLayer(id: "countries", title: "Countries", style: MapStyle(), features: features, legend: legend)
    }

    /// Country names for the map, written inside each country's visible part.
    public static func countryLabels(_ countries: [Country]) -> [AreaLabel] {
        countries.map { AreaLabel(id: $0.code, text: $0.name.uppercased(), area: $0.geometry) }
    }

    /// Land borders, one feature each, named by the two countries.
    public static func borders(_ borders: [LandBorder], id: String, title: String) -> MapLayer {
        let features = borders.map { b in
            MapFeature(id: "border-" + b.label, geometry: b.geometry,
                       data: [("name", b.displayName), ("countries", b.label), ("length-km", JSONWriter.format(lengthMetres(b.geometry) / 1000, decimals: 3))])
        }
        return MapLayer(id: id, title: title, style: MapPalette.border, features: features,
                        legend: [LegendEntry(.line, MapPalette.border, "\(title) (Natural Earth 1:10m, de facto)")])
    }

    /// Geodesic length of every line of a geometry, metres.
    public static func lengthMetres(_ g: Geometry) -> Double {
        g.lines.reduce(0) { $0 + Geodesic.length(of: $1) }
    }
}
