import GeoCore

/// Map layers from the border data: the two countries and the Syria-Turkey boundary.
public enum BorderLayers {
    /// Country polygons (cut to the frame when drawn); Syria and Turkey in their own fills.
    public static func countries(_ countries: [Country]) -> MapLayer {
        var legend: [LegendEntry] = []
        let features = countries.map { c -> MapFeature in
            let style = c.id == "SY" ? MapPalette.syria : c.id == "TR" ? MapPalette.turkey : MapPalette.otherCountry
            legend.append(LegendEntry(.area, style, c.name, featureIDs: ["country-" + c.id]))
            return MapFeature(id: "country-" + c.id, geometry: c.geometry, data: [("country", c.id), ("name", c.name)], style: style)
        }
        return MapLayer(id: "countries", title: "Countries", style: MapStyle(), features: features, legend: legend)
    }

    /// Country names for the map, written inside each country's visible part.
    public static func countryLabels(_ countries: [Country]) -> [AreaLabel] {
        countries.map { AreaLabel(id: $0.id, text: $0.name.uppercased(), area: $0.geometry) }
    }

    /// The border line.
    public static func border(_ border: BorderLine, id: String = "syria-turkey-border") -> MapLayer {
        let g = Geometry.lineString(border.line)
        let feature = MapFeature(id: "border-" + border.id, geometry: g,
                                 data: [("name", border.name), ("length-km", JSONWriter.format(lengthMetres(g) / 1000, decimals: 3))])
        return MapLayer(id: id, title: border.name, style: MapPalette.border, features: [feature],
                        legend: [LegendEntry(.line, MapPalette.border, "Syria-Turkey border (Natural Earth 1:10m, de facto)")])
    }

    /// Geodesic length of every line of a geometry, metres.
    public static func lengthMetres(_ g: Geometry) -> Double {
        g.lines.reduce(0) { $0 + Geodesic.length(of: $1) }
    }
}
