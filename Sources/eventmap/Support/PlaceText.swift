import EventMapKit
import GeoCore

/// Places in words for people: a detail sheet for one place, a table for many.
enum PlaceText {
    /// "where_prec 2, ±8 km": the precision code and the uncertainty radius.
    static func precision(_ p: Place) -> String {
        "\(p.precision.code), ±\(km(p.uncertaintyMetres)) km"
    }

    /// Metres as kilometres with at most one decimal: "8", "2.5".
    static func km(_ metres: Double) -> String { JSONWriter.format(metres / 1000, decimals: 1) }

    /// One place, a field a line; a warning line when the point is approximate.
    static func details(_ p: Place, matched: PlaceMatch? = nil) -> String {
        var rows: [[String]] = [
            ["id", p.id],
            ["name", p.name],
            ["kind", p.kind],
            ["lat, lon", "\(p.position) (WGS 84)"],
            ["admin1", p.admin1.isEmpty ? "-" : p.admin1],
            ["country", p.country.isEmpty ? "-" : p.country],
            ["precision", "where_prec \(p.precision.code): \(p.precision.label); radius \(km(p.uncertaintyMetres)) km; ACLED geo_precision \(p.precision.acledGeoPrecision)"],
            ["source", p.source],
            ["alt names", p.alternateNames.isEmpty ? "-" : p.alternateNames.joined(separator: ", ")],
        ]
        if let n = p.population { rows.append(["population", Printing.grouped(Double(n), decimals: 0)]) }
        if !p.notes.isEmpty { rows.append(["notes", p.notes]) }
        if let op = p.observationPoint {
            rows.append(["OP number", String(op.number)])
            rows.append(["established", op.established.isEmpty ? "unknown" : op.established])
            rows.append(["status 2020", op.status.rawValue])
        }
        if let m = matched, m.quality != .id, m.quality != .exactName {
            rows.append(["matched", "'\(m.matchedName)'" + (m.quality >= .ruleName ? " (through the spelling rules)" : "")])
        }
        var text = Printing.table(["", ""], rows).split(separator: "\n").dropFirst().joined(separator: "\n")
        if let w = warning(p) { text += "\n" + w }
        return text
    }

    /// "Warning: approximate location ...": for any output resting on a place of where_prec 2 or
    /// more; nil for an exact place.
    static func warning(_ p: Place) -> String? {
        guard p.isApproximate else { return nil }
        return "Warning: \(p.name) is an approximate location (where_prec \(p.precision.code), \(p.precision.label)): "
            + "the place lies within \(km(p.uncertaintyMetres)) km of this point."
    }

    /// Many places, one a line.
    static func table(_ places: [Place]) -> String {
        let rows = places.map { p in
            [p.id, p.name, p.kind, JSONWriter.format(p.position.lat, decimals: 6), JSONWriter.format(p.position.lon, decimals: 6),
             p.admin1, p.country, precision(p), p.source]
        }
        return Printing.table(["id", "name", "kind", "lat", "lon", "admin1", "country", "precision", "source"], rows)
            + "\n\(places.count) place\(places.count == 1 ? "" : "s"); precision is UCDP where_prec (1 exact ... 7) with the uncertainty radius."
    }

    /// The top candidates of an ambiguous name, best first, with what tells them apart.
    static func candidates(_ places: [Place], limit: Int = PlaceLookupError.listedCandidates) -> String {
        let rows = places.prefix(limit).map { p in
            [p.id, p.name, p.kind, p.country, p.admin1, p.population.map { Printing.grouped(Double($0), decimals: 0) } ?? "-",
             JSONWriter.format(p.position.lat, decimals: 5), JSONWriter.format(p.position.lon, decimals: 5)]
        }
        return Printing.table(["id", "name", "kind", "country", "admin1", "population", "lat", "lon"], rows)
            + (places.count > limit ? "\n... and \(places.count - limit) more" : "")
    }
}
