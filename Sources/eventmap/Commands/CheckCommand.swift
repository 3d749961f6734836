import ArgumentParser
import EventMapKit
import GeoCore

/// `eventmap check`: every claim with geometry held against the geometry.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Hold the reports' distance and location claims against the gazetteer and the border.",
        discussion: """
            For each claim such as "about 10 km from the Turkish border": the claim, the computed WGS 84 geodesic \
            distance with its uncertainty (± the place's uncertainty radius from its location precision), the \
            distances the wording admits, and a verdict: consistent (every distance the geometry allows is \
            admitted), inconsistent (none is) or cannot tell (some are, or the place's coordinate is borrowed \
            from the very place it is claimed to be near).

            Wording and tolerance: exact ±5 %; about ±20 %; nearly = 85-100 % of the figure; at least ≥; \
            over >; at most ≤; under <; near (no figure) = within 25 km (UCDP GED's where_prec 2).

            Examples:
              eventmap check
              eventmap check --json
              eventmap check --events acled.csv      # also: events lying outside their declared country
            """
    )

    @Flag(help: "Print JSON ({claims, misplaced_events, unknown_countries}) instead of text.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("An ACLED or UCDP GED CSV to check instead of the bundled events.", valueName: "file"))
    var events: String?

    @Flag(name: .long, help: "Skip report or event rows that cannot be read, with a warning each, instead of stopping.")
    var skipBad = false

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let gazetteer = try dataOptions.loadGazetteer()
        let world = try dataOptions.loadWorld()
        let events = try EventOptions.load(self.events, skipBad: skipBad, data: dataOptions, gazetteer: gazetteer, world: world)
        let borders = try dataOptions.nearestBorders(in: world)
        let checks: [ClaimCheck]
        do {
            checks = try ClaimChecker(gazetteer: gazetteer, distanceToBorder: { p in
                guard let n = borders.nearest(to: p) else { throw CLIError("the world's border data holds no land border.") }
                return (n.point.distanceMetres, "the " + n.border.displayName)
            }).checkAll(events)
        } catch let e as CLIError {
            throw e
        } catch {
            throw CLIError("cannot measure the distance to the border: \(error).")
        }
        let placement = PlacementCheck.misplaced(events, world: world)
        if json {
            var o = JSONObject()
            o["claims"] = .array(checks.map { .object(Self.object($0)) })
            o["misplaced_events"] = .array(placement.misplaced.map { .object(Self.object($0)) })
            o["unknown_countries"] = .array(placement.unknownCountry.map { e -> JSONValue in ["event_id": .string(e.id), "country": .string(e.country)] })
            Printing.json(.object(o))
            return
        }
        Self.printPlacement(placement, events: events)
        guard !checks.isEmpty else { print("No claims with geometry."); return }
        var out: [String] = []
        for c in checks {
            let q = c.claim.quote.isEmpty ? c.claim.summary : c.claim.quote
            out.append("""
                \(c.claim.id) (\(c.claim.outlet)\(c.claim.published.map { ", \($0)" } ?? "")): \(q)
                  claim:    \(c.claim.summary)
                  computed: \(Printing.metres(c.computedMetres)) ± \(Printing.grouped(c.uncertaintyMetres / 1000, decimals: 1)) km \
                (from \(c.subject.name), where_prec \(c.subject.precision.code), to \(c.referenceLabel))
                  admits:   \(c.admitted)
                  verdict:  \(c.verdict.rawValue): \(c.reason)
                """)
        }
        print(out.joined(separator: "\n\n"))
    }

    static func printPlacement(_ p: (misplaced: [PlacementCheck], unknownCountry: [Event]), events: [Event]) {
        let declared = events.filter { !$0.country.isEmpty }.count
        if p.misplaced.isEmpty {
            print("Events against their declared country: \(declared) checked, none outside it.\n")
        } else {
            print("Events outside the country their row declares (\(p.misplaced.count) of \(declared) checked):")
            for m in p.misplaced {
                let actual = m.foundIn.map { "in \($0.name) (\($0.code))" } ?? "at sea"
                print("  \(m.event.id): declared \(m.declared.name) (\(m.declared.code)), lies \(actual), \(Printing.km(m.distanceMetres)) from \(m.declared.name); coordinates \(m.event.position)")
            }
            print("")
        }
        for e in p.unknownCountry { print("  \(e.id): country '\(e.country)' is not a country the world data knows; not checked.") }
    }

    static func object(_ m: PlacementCheck) -> JSONObject {
        var o = JSONObject()
        o["event_id"] = .string(m.event.id)
        o["declared"] = .string(m.declared.code)
        o["found_in"] = JSONValue(m.foundIn?.code)
        o["distance_m"] = .number(m.distanceMetres)
        o["lat"] = .number(m.event.position.lat)
        o["lon"] = .number(m.event.position.lon)
        return o
    }

    static func object(_ c: ClaimCheck) -> JSONObject {
        var o = JSONObject()
        o["claim_id"] = .string(c.claim.id)
        o["event_id"] = .string(c.claim.eventId)
        o["outlet"] = .string(c.claim.outlet)
        o["date"] = JSONValue(c.claim.published?.description)
        o["claim"] = .string(c.claim.summary)
        o["quote"] = .string(c.claim.quote)
        o["place_id"] = .string(c.subject.id)
        o["reference"] = JSONValue(c.claim.reference)
        o["computed_m"] = .number(c.computedMetres)
        o["uncertainty_m"] = .number(c.uncertaintyMetres)
        o["low_m"] = .number(c.lowMetres)
        o["high_m"] = .number(c.highMetres)
        o["admitted_low_m"] = .number(c.admitted.lowerMetres)
        o["admitted_high_m"] = JSONValue(c.admitted.upperMetres)
        o["verdict"] = .string(c.verdict.rawValue)
        o["reason"] = .string(c.reason)
        return o
    }
}
