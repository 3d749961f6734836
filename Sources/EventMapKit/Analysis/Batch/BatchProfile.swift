import Foundation

/// Where a batch run spent its time: seconds of CPU per phase summed over the worker threads
/// (so they may add up to more than the wall time), plus the wall time and operation counts.
public struct BatchProfile: Sendable {
    public var readSeconds = 0.0
    public var parseSeconds = 0.0
    public var borderSeconds = 0.0
    public var nearestSeconds = 0.0
    public var countrySeconds = 0.0
    public var formatSeconds = 0.0
    public var writeSeconds = 0.0
    public var wallSeconds = 0.0
    /// Exact border refinements and place distances computed (each one or more `geod_inverse`).
    public var borderRefinements = 0
    public var borderInverses = 0
    /// Border queries that needed a second tree search (see GeodesicPolyline.nearestHit).
    public var borderSecondSearches = 0
    /// Border pieces measured from their cell's anchor, with no geodesic solved.
    public var borderAnchored = 0
    public var placeInverses = 0

    mutating func add(_ o: BatchProfile) {
        readSeconds += o.readSeconds; parseSeconds += o.parseSeconds; borderSeconds += o.borderSeconds
        nearestSeconds += o.nearestSeconds; countrySeconds += o.countrySeconds; formatSeconds += o.formatSeconds; writeSeconds += o.writeSeconds
        borderRefinements += o.borderRefinements; borderInverses += o.borderInverses; borderSecondSearches += o.borderSecondSearches; borderAnchored += o.borderAnchored; placeInverses += o.placeInverses
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
