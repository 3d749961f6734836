import GeoCore

/// Map layers made from the gazetteer: places (markers where exact, uncertainty areas where
/// approximate), regions (their extent as a dashed circle) and the Turkish observation points.
public enum PlaceLayers {
    /// The kinds drawn as regions rather than places.
    public static let regionKinds: Set<String> = ["region"]

    /// Every place that is neither an observation point nor a region.
    public static func places(_ gazetteer: Gazetteer, id: String = "places") -> MapLayer {
        let rows = gazetteer.places.filter { $0.observationPoint == nil && !regionKinds.contains($0.kind) }
        let features = rows.map { p -> MapFeature in
            let priority = ["city": 50, "town": 30, "village": 20, "site": 25, "landmark": 10][p.kind] ?? 15
            if p.isApproximate {
                return MapFeature(id: "place-" + p.id, geometry: .point(p.position), drawing: .uncertaintyArea(radiusMetres: p.uncertaintyMetres),
                                  label: p.name + " (approx.)", data: data(p), style: MapPalette.approximatePlace, labelPriority: priority)
            }
            return MapFeature(id: "place-" + p.id, geometry: .point(p.position), label: p.name, data: data(p),
                              style: MapPalette.place(kind: p.kind), labelPriority: priority)
        }
        var legend: [LegendEntry] = []
        let kinds = Set(rows.filter { !$0.isApproximate }.map(\.kind))
        for (kind, text) in [("city", "City"), ("town", "Town"), ("village", "Village"), ("landmark", "Landmark"), ("site", "Site")]
        where kinds.contains(kind) {
            let ids = Set(rows.filter { !$0.isApproximate && $0.kind == kind }.map { "place-" + $0.id })
            legend.append(LegendEntry(.marker, MapPalette.place(kind: kind), text, featureIDs: ids))
        }
        if rows.contains(where: \.isApproximate) {
            legend.append(LegendEntry(.area, MapPalette.approximatePlace, "Place known only approximately: it lies somewhere in the shaded circle",
                                      featureIDs: Set(rows.filter(\.isApproximate).map { "place-" + $0.id })))
        }
        return MapLayer(id: id, title: "Places", style: MapStyle(), features: features, legend: legend)
    }

    /// Regions (plains, governorates known only as a whole): the circle their radius spans.
    public static func regions(_ gazetteer: Gazetteer) -> MapLayer {
        let rows = gazetteer.places.filter { $0.observationPoint == nil && regionKinds.contains($0.kind) }
        let features = rows.map { p in
            MapFeature(id: "region-" + p.id, geometry: .point(p.position), drawing: .uncertaintyArea(radiusMetres: p.uncertaintyMetres),
                       label: p.name, data: data(p), labelPriority: 5,
                       labelAnchor: Geodesic.direct(from: p.position, azimuthDegrees: 0, distanceMetres: p.uncertaintyMetres * 0.88).destination)
        }
        let legend = rows.isEmpty ? [] : [LegendEntry(.area, MapPalette.region, "Region, drawn as the circle its radius spans (no boundary data)")]
        return MapLayer(id: "regions", title: "Regions", style: MapPalette.region, features: features, legend: legend)
    }

    /// The observation points, each drawn as its uncertainty area coloured by its status at the end of 2020.
    public static func observationPoints(_ gazetteer: Gazetteer) -> MapLayer {
        let rows = gazetteer.places.compactMap { p in p.observationPoint.map { (p, $0) } }.sorted { $0.1.number < $1.1.number }
        let features = rows.map { p, op in
            MapFeature(id: "op-" + p.id, geometry: .point(p.position),
                       drawing: p.isApproximate ? .uncertaintyArea(radiusMetres: p.uncertaintyMetres) : .shape,
                       label: "OP \(op.number) \(shortName(p.name))",
                       data: [("op-number", String(op.number)), ("name", p.name), ("established", op.established),
                              ("status-2020", op.status.rawValue)] + data(p).filter { $0.0 != "name" },
                       style: MapPalette.observationPoint(op.status), labelPriority: 40)
        }
        let present = Set(rows.map(\.1.status))
        let words: [ObservationPoint.Status: String] = [
            .remaining: "Observation point, still held and never besieged at the end of 2020",
            .encircled: "Observation point, encircled by government forces (withdrawal not finished by 31 Dec 2020)",
            .evacuated: "Observation point, evacuated by the end of 2020",
        ]
        var legend = ObservationPoint.Status.allCases.filter(present.contains).map { status in
            LegendEntry(.area, MapPalette.observationPoint(status), words[status]!,
                        featureIDs: Set(rows.filter { $0.1.status == status }.map { "op-" + $0.0.id }))
        }
        if rows.contains(where: { $0.0.isApproximate }) {
            legend.append(LegendEntry(.area, MapStyle(fill: "#ffffff", stroke: "#555555", strokeWidth: 1.2),
                                      "OP circles: the post lies within this radius of the sourced town it is pinned to",
                                      featureIDs: Set(rows.filter { $0.0.isApproximate }.map { "op-" + $0.0.id })))
        }
        return MapLayer(id: "observation-points", title: "Observation points (status at the end of 2020)",
                        style: MapStyle(), features: features, legend: legend)
    }

    /// "Morek observation point" → "Morek".
    static func shortName(_ name: String) -> String {
        for suffix in [" observation point", " Observation Point", " OP"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// The data-* attributes of a place.
    static func data(_ p: Place) -> [(String, String)] {
        [("place-id", p.id), ("name", p.name), ("kind", p.kind), ("admin1", p.admin1), ("country", p.country),
         ("lat", JSONWriter.format(p.position.lat, decimals: 6)), ("lon", JSONWriter.format(p.position.lon, decimals: 6)),
         ("precision", String(p.precision.code)), ("uncertainty-m", JSONWriter.format(p.uncertaintyMetres, decimals: 0)),
         ("source", p.source)]
    }
}
