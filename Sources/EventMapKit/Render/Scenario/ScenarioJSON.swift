import GeoCore

/// Reading a scenario file (geodata/scenarios/*.json; the schema is in geodata/README.md).
extension Scenario {
    /// Parses a scenario; errors name the file and the member at fault.
    public static func read(_ text: String, file: String) throws(RenderError) -> Scenario {
        let root: JSONValue
        do { root = try JSONParser.parse(text) } catch { throw RenderError("\(file): \(error.description)") }
        guard let o = root.objectValue else { throw RenderError("\(file): a scenario is a JSON object") }
        func fail(_ member: String, _ what: String) -> RenderError { RenderError("\(file): '\(member)' \(what)") }
        func string(_ o: JSONObject, _ key: String, at path: String) throws(RenderError) -> String {
            guard let s = o[key]?.stringValue, !s.isEmpty else { throw fail(path + key, "must be a non-empty string") }
            return s
        }
        func length(_ o: JSONObject, _ key: String, at path: String) throws(RenderError) -> Double {
            let text = try string(o, key, at: path)
            do { return try Length(parsing: text).metres } catch { throw fail(path + key, "is not a distance with a unit (e.g. \"10km\"): \(error.description)") }
        }

        let id = try string(o, "id", at: "")
        var scenario = Scenario(id: id, border: o["border"]?.stringValue ?? "border", focus: o["focus"]?.stringValue,
                                maps: [], measurements: [])
        for (i, z) in (o["zones"]?.arrayValue ?? []).enumerated() {
            guard let zo = z.objectValue else { throw fail("zones[\(i)]", "must be an object") }
            let at = "zones[\(i)]."
            scenario.zones.append(Zone(radiusMetres: try length(zo, "radius", at: at), side: try string(zo, "side", at: at),
                                       layer: try string(zo, "layer", at: at)))
        }
        guard let maps = o["maps"]?.arrayValue, !maps.isEmpty else { throw fail("maps", "must list at least one map") }
        for (i, m) in maps.enumerated() {
            guard let mo = m.objectValue else { throw fail("maps[\(i)]", "must be an object") }
            let at = "maps[\(i)]."
            let extent: MapSpec.Extent
            switch mo["extent"] {
            case .string("fit")?, nil: extent = .fitData
            case .array(let a)? where a.count == 4 && a.allSatisfy({ $0.doubleValue != nil }):
                let v = a.compactMap(\.doubleValue)
                extent = .box(BoundingBox(west: v[0], south: v[1], east: v[2], north: v[3]))
            case .object(let eo)?:
                extent = .aroundFocus(radiusMetres: try length(eo, "around_focus", at: at + "extent."))
            default:
                throw fail(at + "extent", "must be \"fit\", [W, S, E, N] or {\"around_focus\": \"16km\"}")
            }
            let layers = mo["layers"]?.arrayValue?.compactMap(\.stringValue) ?? []
            for l in layers where !MapSpec.layerVocabulary.contains(l) && !(l.hasPrefix("zone:") && scenario.zones.contains { "zone:" + $0.layer == l }) {
                throw fail(at + "layers", "has an unknown layer '\(l)' (known: \(MapSpec.layerVocabulary.joined(separator: ", ")), zone:NAME of a zone)")
            }
            let ring: Double? = mo["ring"] == nil ? nil : try length(mo, "ring", at: at)
            var spec = MapSpec(id: try string(mo, "id", at: at), title: try string(mo, "title", at: at),
                               subtitle: mo["subtitle"]?.stringValue ?? "", extent: extent, layers: layers, ringMetres: ring)
            spec.showsNearestBorder = mo["show_nearest_border"]?.boolValue ?? false
            scenario.maps.append(spec)
        }
        for (i, m) in (o["measurements"]?.arrayValue ?? []).enumerated() {
            guard let mo = m.objectValue else { throw fail("measurements[\(i)]", "must be an object") }
            let at = "measurements[\(i)]."
            switch try string(mo, "kind", at: at) {
            case "focus-to-border":
                scenario.measurements.append(.focusToBorder(nearbyApproximateMetres: mo["nearby_approximate"] == nil ? 0 : try length(mo, "nearby_approximate", at: at)))
            case "everything-to-border": scenario.measurements.append(.everythingToBorder(limit: mo["limit"]?.intValue ?? 20))
            case "casualties": scenario.measurements.append(.casualties(limit: mo["limit"]?.intValue ?? 20))
            case "zone-areas": scenario.measurements.append(.zoneAreas)
            case "distances":
                let to = mo["to"]?.arrayValue?.compactMap(\.stringValue) ?? []
                scenario.measurements.append(.distances(from: try string(mo, "from", at: at), to: to))
            case let other:
                throw fail(at + "kind", "'\(other)' is not one of focus-to-border, everything-to-border, casualties, zone-areas, distances")
            }
        }
        if let files = o["layer_names"]?.objectValue {
            for (key, value) in files {
                guard let name = value.stringValue, !name.isEmpty else { throw fail("layer_names." + key, "must be a non-empty string") }
                switch key {
                case "places": scenario.layerNames.places = name
                case "observation_points": scenario.layerNames.observationPoints = name
                case "events": scenario.layerNames.events = name
                case "border": scenario.layerNames.border = name
                case "focus_line": scenario.layerNames.focusLine = name
                default: throw fail("layer_names." + key, "is not one of places, observation_points, events, border, focus_line")
                }
            }
        }
        if scenario.focus == nil, scenario.maps.contains(where: { if case .aroundFocus = $0.extent { true } else { false } }) {
            throw fail("focus", "is needed by a map whose extent is around_focus")
        }
        return scenario
    }
}
