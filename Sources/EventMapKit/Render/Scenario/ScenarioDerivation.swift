import GeoCore

/// A scenario built from the data when the user gives none: one overview map fitted to the
/// events and places, the nearest land borders, every place's distance to them, the events'
/// casualties, generic file names, and a title from the data's countries and dates.
extension Scenario {
    public static func derived(from inputs: RenderInputs) -> Scenario {
        let title = derivedTitle(inputs)
        var map = MapSpec(id: "overview", title: title,
                          subtitle: "International land borders (Natural Earth 1:10m); "
                              + "{events}"
                              + "approximate locations drawn as circles of their uncertainty radius.",
                          extent: .fitData,
                          layers: ["countries", "regions", "border", "event-areas", "observation-points", "events", "places"])
        map.showsNearestBorder = true
        return Scenario(id: "derived", border: "border", focus: nil, zones: [], maps: [map],
                        measurements: [.everythingToBorder(limit: 20), .casualties(limit: 20)])
    }

    /// "Events in Ukraine, 24 Feb 2022-30 Mar 2022" or "Places in Sudan and Chad": the countries the
    /// data names (events first, else places), most frequent first, and the events' date span.
    static func derivedTitle(_ inputs: RenderInputs) -> String {
        var raw: [String: Int] = [:]
        let named = inputs.events.isEmpty ? inputs.gazetteer.places.map(\.country) : inputs.events.map(\.country)
        for c in named where !c.isEmpty { raw[c, default: 0] += 1 }
        // Each distinct value resolved once (a lookup by name folds every country's names).
        var counts: [String: Int] = [:]
        for (c, n) in raw { counts[inputs.world.countryEntry(c)?.name ?? c, default: 0] += n }
        let countries = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        var where_ = ""
        switch countries.count {
        case 0: where_ = ""
        case 1: where_ = " in " + countries[0]
        case 2, 3: where_ = " in " + countries.dropLast().joined(separator: ", ") + " and " + countries.last!
        default: where_ = " in " + countries.prefix(3).joined(separator: ", ") + " and \(countries.count - 3) more countries"
        }
        var title = (inputs.events.isEmpty ? "Places" : "Events") + where_
        if let first = inputs.events.map(\.date.start).min(), let last = inputs.events.map(\.date.end).max() {
            title += ", " + EventLayers.dateText(EventDate(start: first, end: last))
        }
        return title
    }
}
