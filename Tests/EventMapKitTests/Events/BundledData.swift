import EventMapKit
import Foundation
import TestSupport

/// The bundled gazetteer, events and reports, loaded once per test that needs them.
enum BundledData {
    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: Paths.geodata(name), encoding: .utf8)
    }

    static func gazetteer() throws -> Gazetteer {
        try GazetteerCSV.read(text("places.csv"), file: "places.csv")
    }

    static func events() throws -> [Event] {
        try EventsCSV.read(events: text("events.csv"), eventsFile: "events.csv", reports: text("reports.csv"),
                           reportsFile: "reports.csv", gazetteer: gazetteer(),
                           countryNames: try AnalysisFixtures.world().countryNamesByISO2).events
    }

    static func event(_ id: String) throws -> Event {
        guard let e = try events().first(where: { $0.id == id }) else { throw Missing(id: id) }
        return e
    }

    struct Missing: Error { let id: String }
}
