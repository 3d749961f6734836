import Foundation
import GeoCore

/// How a map shows many events: one symbol each, equal-area hexagons, or admin-1 areas; counted
/// as events or as fatalities (`--aggregate`, `--measure`, `--bin`).
public struct AggregationOptions: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable {
        /// Hexagons when more than `autoThreshold` events fall in the map, else one symbol each.
        case auto
        case hex
        case admin1
        case none
    }

    public enum Measure: String, Sendable, CaseIterable {
        case events
        case fatalities
    }

    public var mode: Mode
    public var measure: Measure
    /// The hexagons' width across flats (the distance between neighbouring centres), metres;
    /// nil for about `binsAcross` across the map, the nearest (by ratio) of 1, 2, 2.5, 5 × 10ⁿ m (10 km on the overview).
    public var binMetres: Double?

    /// Above this many events in one map, `auto` aggregates: about the most a 900-pixel frame can
    /// draw as separate symbols before they merge into one patch.
    public static let autoThreshold = 500
    /// The largest events (by best fatality estimate) still drawn and labelled on an aggregated map.
    public static let notableCount = 10
    /// Events at or coarser than this where_prec (admin-2, admin-1, region, country) never go into a hexagon.
    public static let coarsestBinnedPrecision = 2

    /// Hexagons across the map when `binMetres` is not given.
    public static let binsAcross = 15.0

    public init(mode: Mode = .auto, measure: Measure = .events, binMetres: Double? = nil) {
        self.mode = mode; self.measure = measure; self.binMetres = binMetres
    }

    /// The mode a map of `eventCount` events is drawn in.
    public func resolvedMode(eventCount: Int) -> Mode {
        mode == .auto ? (eventCount > Self.autoThreshold ? .hex : .none) : mode
    }

    /// The hexagon width for a map `widthMetres` across: the one asked for, or a round size giving about 15 across.
    public func binWidth(mapWidthMetres: Double) -> Double {
        if let binMetres { return binMetres }
        let raw = max(mapWidthMetres / Self.binsAcross, 100)
        let p = pow(10, floor(log10(raw)))
        return [1, 2, 2.5, 5, 10].map { $0 * p }.min { abs(log($0 / raw)) < abs(log($1 / raw)) } ?? p
    }
}
