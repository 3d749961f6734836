import GeoCore
import Testing
import TestSupport
@testable import EventMapKit

/// What aggregation does with every event: each placed one in exactly one hexagon or area, each
/// coarse one counted as not mapped, the largest drawn on top. Expected counts come from the
/// seeded input itself.
@Suite struct EventAggregationTests {
    static func events(_ n: Int, seed: UInt64 = 7) -> [Event] {
        var rng = SeededGenerator(seed: seed)
        let day = CalendarDay(year: 2020, month: 1, day: 1)!
        return (0..<n).map { i in
            let prec = [1, 1, 1, 2, 4][Int.random(in: 0..<5, using: &rng)]
            let killed = Double(Int.random(in: 0..<40, using: &rng) == 0 ? Int.random(in: 5...300, using: &rng) : Int.random(in: 0...3, using: &rng))
            return Event(id: "t\(i)", date: EventDate(start: day.adding(days: Int.random(in: 0..<366, using: &rng))), eventType: "Battles",
                         subEventType: "Armed clash", actor1: "A", placeId: nil, location: "L", admin1: ["North", "South", ""][i % 3],
                         position: LonLat(lon: 36.5 + Double.random(in: -0.5...0.5, using: &rng), lat: 35.9 + Double.random(in: -0.4...0.4, using: &rng)),
                         precision: LocationPrecision(code: prec)!, codedKilled: CasualtyRange(exactly: killed))
        }
    }

    func sum(_ layer: MapLayer, _ key: String) -> Double {
        layer.features.reduce(0) { acc, f in acc + (Double(f.data.first { $0.0 == key }?.1 ?? "0") ?? 0) }
    }

    @Test func hexagonsHoldEveryPlacedEventOnceAndListTheCoarseOnes() throws {
        let es = Self.events(900)
        let c = try EventAggregation.content(es, options: AggregationOptions(binMetres: 10_000), centre: LonLat(lon: 36.5, lat: 35.9), context: PROJContext())
        #expect(c.mode == .hex)
        let placed = es.filter { $0.precision.code <= 2 }
        let bins = try #require(c.layers.first { $0.id == "event-bins" })
        #expect(sum(bins, "events") == Double(placed.count))
        #expect(sum(bins, "fatalities") == placed.reduce(0) { $0 + $1.killed!.best })
        #expect(c.notMappedCount == es.count - placed.count)
        #expect(bins.legend.contains { $0.text.contains("Hexagons 10 km across, 86.6 km² each") })
        #expect(bins.legend.contains { $0.text.hasPrefix("\(es.count - placed.count) event(s) known only to an admin area") })
        // The 10 largest placed events by best estimate, on top.
        let top = try #require(c.layers.first { $0.id == "notable-events" })
        let want = placed.sorted { ($0.killed!.best, $1.id) > ($1.killed!.best, $0.id) }.prefix(10).map { "event-" + $0.id }
        #expect(top.features.map(\.id).sorted() == want.sorted())
    }

    /// Without --bin: about 15 hexagons across, the nearest of 1, 2, 2.5, 5 × 10ⁿ m by ratio.
    @Test func automaticBinWidth() {
        let o = AggregationOptions()
        #expect(o.binWidth(mapWidthMetres: 150_000) == 10_000)   // 10 km per bin exactly
        #expect(o.binWidth(mapWidthMetres: 126_000) == 10_000)   // 8.4 km: 10 is nearer by ratio than 5
        #expect(o.binWidth(mapWidthMetres: 51_000) == 2_500)     // 3.4 km
        #expect(AggregationOptions(binMetres: 7_000).binWidth(mapWidthMetres: 1e6) == 7_000)
    }

    @Test func autoDrawsFewEventsOneByOne() throws {
        let es = Self.events(AggregationOptions.autoThreshold)
        let c = try EventAggregation.content(es, options: AggregationOptions(), centre: LonLat(lon: 36.5, lat: 35.9), context: PROJContext())
        #expect(c.mode == .none)
        #expect(c.layers.last?.id == "events")
    }

    @Test func admin1CountsEveryNamedEvent() throws {
        let es = Self.events(600)
        let opts = AggregationOptions(mode: .admin1, measure: .fatalities)
        let c = try EventAggregation.content(es, options: opts, centre: LonLat(lon: 36.5, lat: 35.9), context: PROJContext())
        let layer = try #require(c.layers.first { $0.id == "event-admin1" })
        #expect(layer.features.count == 2)
        #expect(sum(layer, "events") == Double(es.filter { !$0.admin1.isEmpty }.count))
        #expect(c.notMappedCount == es.filter { $0.admin1.isEmpty }.count)
        #expect(layer.features.allSatisfy { $0.label?.contains("fatalities") ?? false })
    }

    /// Timeline bars: every month of 2020 present, summing to the event count.
    @Test func timelineCountsEveryEvent() throws {
        let es = Self.events(300)
        let t = try #require(Timeline(es, measure: .events, period: .month))
        #expect(t.bars.count == 12 && t.bars.first?.label == "Jan 2020" && t.bars.last?.label == "Dec 2020")
        #expect(t.bars.reduce(0) { $0 + $1.value } == 300)
        #expect(TimePeriod.week.start(of: CalendarDay(year: 2020, month: 10, day: 29)!) == CalendarDay(year: 2020, month: 10, day: 26)!)  // a Thursday → Monday 26 Oct
        #expect(TimePeriod.quarter.label(TimePeriod.quarter.start(of: CalendarDay(year: 2020, month: 11, day: 5)!)) == "Q4 2020")
    }
}
