import GeoCore

/// The key measurements the main job reports: the focus place and nearby approximate places to
/// the border, the strike's casualty ranges and reports, the zones' areas, the Morek post to the
/// front towns.
extension RenderJob {
    /// The front towns near the Morek post that the terminal reports distances to.
    static let morekFrontTowns = ["morek", "qalat-al-madiq", "maarrat-al-numan", "hama"]

    static func measurements(_ inputs: RenderInputs, _ analysis: RenderAnalysis) -> [KeyMeasurement] {
        var out: [KeyMeasurement] = []
        let g = inputs.gazetteer
        for d in [analysis.focusToBorder] + analysis.nearbyApproximate {
            let m = d.measurement
            let azimuth = m.azimuthDegrees.map { " heading \(JSONWriter.format(CompassPoint.normalised($0), decimals: 1))° (\(CompassPoint.name(forAzimuthDegrees: $0)))" } ?? ""
            var note = "nearest border point \(m.nearest)\(azimuth); exact along the border's geodesic edges (Natural Earth 1:10m line)"
            if !m.notes.isEmpty { note += ". " + m.notes.joined(separator: " ") }
            out.append(KeyMeasurement(subject: "\(d.place.name) to the \(m.targetLabel)",
                                      value: .distance(metres: m.distanceMetres, plusMinusMetres: m.uncertaintyMetres > 0 ? m.uncertaintyMetres : nil),
                                      note: note))
        }
        for e in EventLayers.drawable(inputs.events) where e.killed != nil || e.wounded != nil || e.killedAndWounded != nil {
            var figures: [String] = []
            if let k = e.killed { figures.append("killed \(k)") }
            if let w = e.wounded { figures.append("wounded \(w)") }
            if let kw = e.killedAndWounded { figures.append("killed and wounded together (never split) \(kw)") }
            let superseded = CasualtyRules.supersededIds(in: e.claims)
            let reports = e.claims.filter(\.kind.isCasualty).map { "      " + EventLayers.claimLine(e, $0, superseded: superseded) }
            var where_ = "at \(e.location.isEmpty ? (e.placeId ?? e.position.description) : e.location)"
            if e.isApproximate { where_ += ", placed within \(JSONWriter.format(e.uncertaintyMetres / 1000, decimals: 1)) km" }
            out.append(KeyMeasurement(subject: "\(EventLayers.dateText(e.date)) \(e.subEventType) (\(e.id))",
                                      value: .text(figures.joined(separator: "; ")),
                                      note: "\(where_); \(e.claims.count) report(s), the casualty claims:\n" + reports.joined(separator: "\n")))
        }
        for z in analysis.zones {
            out.append(KeyMeasurement(subject: "Zone within \(JSONWriter.format(z.result.radiusMetres / 1000, decimals: 0)) km of the border, \(analysis.zoneSide?.name ?? "") side",
                                      value: .text("\(JSONWriter.format(z.result.areaSquareMetres / 1e6, decimals: 1)) km²"),
                                      note: "geodesic buffer, boundary within \(JSONWriter.format(z.result.toleranceMetres, decimals: 1)) m of the true radius; area by geod_polygonarea"))
        }
        if let op = g.place(id: "op09-morek") {
            for id in morekFrontTowns {
                guard let town = g.place(id: id) else { continue }
                let d = Geodesic.distance(op.position, town.position)
                let plusMinus = op.uncertaintyMetres + (town.isApproximate ? town.uncertaintyMetres : 0)
                var note = "WGS 84 geodesic between the gazetteer points; the post is placed within \(Int(op.uncertaintyMetres / 1000)) km (\(op.source))"
                if d < 1 { note += ": it is pinned at this town's centroid, so only the radius bounds the distance" }
                out.append(KeyMeasurement(subject: "\(op.name) to \(town.name)", value: .distance(metres: d, plusMinusMetres: op.isApproximate ? plusMinus : nil), note: note))
            }
        }
        return out
    }
}
