import GeoCore

/// The key measurements the main job reports, as the scenario lists them: places to the border,
/// the events' casualty ranges and reports, the zones' areas, distances between places.
extension RenderJob {
    static func measurements(_ inputs: RenderInputs, _ analysis: RenderAnalysis) -> [KeyMeasurement] {
        var out: [KeyMeasurement] = []
        for m in analysis.scenario.measurements {
            switch m {
            case .focusToBorder:
                for d in [analysis.focusToBorder].compactMap({ $0 }) + analysis.nearbyApproximate { out.append(borderMeasurement(d)) }
            case .everythingToBorder(let limit):
                let places = inputs.gazetteer.places.filter { !PlaceLayers.regionKinds.contains($0.kind) }
                for p in places.prefix(limit) { out.append(borderMeasurement(BorderDistance(place: p, borders: analysis.borders))) }
                if places.count > limit {
                    out.append(KeyMeasurement(subject: "\(places.count - limit) more place(s)", value: .text("not listed"),
                                              note: "every place's distance: eventmap within 10000km --of border --json, or eventmap analyze"))
                }
            case .casualties(let limit): out += casualties(inputs.events, limit: limit)
            case .zoneAreas:
                for z in analysis.zones {
                    out.append(KeyMeasurement(subject: "Zone within \(JSONWriter.format(z.result.radiusMetres / 1000, decimals: 0)) km of the border, \(z.side.name) side",
                                              value: .text("\(JSONWriter.format(z.result.areaSquareMetres / 1e6, decimals: 1)) km²"),
                                              note: "geodesic buffer, boundary within \(JSONWriter.format(z.result.toleranceMetres, decimals: 1)) m of the true radius; area by geod_polygonarea"))
                }
            case .distances(let from, let to):
                guard let a = inputs.gazetteer.place(id: from) else { continue }
                for id in to {
                    guard let b = inputs.gazetteer.place(id: id) else { continue }
                    let d = Geodesic.distance(a.position, b.position)
                    let plusMinus = LocationUncertainty.combined([a, b])
                    var note = "WGS 84 geodesic between the gazetteer points"
                    if a.isApproximate { note += "; \(a.name) is placed within \(Int(a.uncertaintyMetres / 1000)) km (\(a.source))" }
                    if d < 1 { note += ": it is pinned at this place's point, so only the radius bounds the distance" }
                    out.append(KeyMeasurement(subject: "\(a.name) to \(b.name)", value: .distance(metres: d, plusMinusMetres: plusMinus > 0 ? plusMinus : nil), note: note))
                }
            }
        }
        return out
    }

    /// A place to its nearest border point, with the border's name and the azimuth.
    static func borderMeasurement(_ d: BorderDistance) -> KeyMeasurement {
        let m = d.measurement
        let azimuth = m.azimuthDegrees.map { " heading \(JSONWriter.format(CompassPoint.normalised($0), decimals: 1))° (\(CompassPoint.name(forAzimuthDegrees: $0)))" } ?? ""
        var note = "nearest border point \(m.nearest)\(azimuth); exact along the border's geodesic edges (Natural Earth 1:10m line)"
        if !m.notes.isEmpty { note += ". " + m.notes.joined(separator: " ") }
        let target = m.border.map { "the " + $0.displayName } ?? m.targetLabel
        return KeyMeasurement(subject: "\(d.place.name) to \(target)",
                              value: .distance(metres: m.distanceMetres, plusMinusMetres: m.uncertaintyMetres > 0 ? m.uncertaintyMetres : nil),
                              note: note)
    }

    /// Each event with casualty figures: the ranges and every casualty claim behind them; at most
    /// `limit` events (the largest by best killed estimate, kept in file order), then a count of the rest.
    static func casualties(_ events: [Event], limit: Int) -> [KeyMeasurement] {
        var out: [KeyMeasurement] = []
        // Indices, not copies: 100,000 events are ~70 MB of structs.
        var listed = events.indices.filter { EventLayers.isDrawable(events[$0]) }
        let drawable = listed.count
        if listed.count > limit {
            let best = listed.map { events[$0].killed?.best ?? -1 }
            listed = listed.indices.sorted { (best[$0], $1) > (best[$1], $0) }.prefix(limit).sorted().map { listed[$0] }
        }
        for e in listed.map({ events[$0] }) {
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
        let others = drawable - listed.count
        if others > 0 {
            out.append(KeyMeasurement(subject: "\(others) more event(s) with casualty figures", value: .text("not listed"),
                                      note: "every event's ranges and reports: events.geojson, or eventmap events --json"))
        }
        return out
    }
}
