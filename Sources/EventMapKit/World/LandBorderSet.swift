import Foundation
import GeoCore
import Synchronization

/// Land borders prepared for "the nearest border" queries (PRIO-GRID's `bdist`): each border is
/// bounded by an earth-centred box, and only the borders whose box could hold a nearer point are
/// prepared for exact search, once, on first use. Sendable: the prepared borders are shared.
public final class LandBorderSet: Sendable {
    public let borders: [LandBorder]
    /// What a user called it: "border", "border:SYR", "Syria-Turkey border".
    public let name: String
    private let boxes: [Box3]
    private let prepared: Mutex<[Int: GeodesicPolyline]>

    public init(_ borders: [LandBorder], name: String) {
        self.borders = borders
        self.name = name
        boxes = borders.map(Self.bound)
        prepared = Mutex([:])
    }

    /// A box holding every point of the border's geodesic edges: the vertices' box widened by the
    /// largest edge's sagitta (a curve of curvature ≤ κ over a chord c strays at most
    /// (1 − √(1 − (κc/2)²))/κ from it), plus 1 mm.
    private static func bound(_ b: LandBorder) -> Box3 {
        let k = EarthCentred.maximumCurvature
        var box: Box3?
        var widest = 0.0
        for line in b.lines {
            var previous: EarthCentred?
            for v in line {
                let e = EarthCentred(v)
                if box == nil { box = Box3(e) } else { box!.include(e) }
                if let previous { widest = max(widest, previous.chord(to: e)) }
                previous = e
            }
        }
        let half = k * widest / 2
        let sagitta = half < 1 ? (1 - (1 - half * half).squareRoot()) / k : 1 / k
        return (box ?? Box3(EarthCentred(x: 0, y: 0, z: 0))).expanded(by: sagitta + 0.001)
    }

    private func index(_ i: Int) -> GeodesicPolyline {
        if let ready = prepared.withLock({ $0[i] }) { return ready }
        let built = GeodesicPolyline(borders[i].lines)
        prepared.withLock { $0[i] = built }
        return built
    }

    /// The nearest point of the nearest border to `p`, and that border; nil when the set is empty.
    public func nearest(to p: LonLat) -> (border: LandBorder, point: NearestPoint)? {
        let q = EarthCentred(p)
        let order = boxes.indices.map { (boxes[$0].distanceSquared(to: q).squareRoot(), $0) }.sorted { $0.0 < $1.0 }
        var best: (border: LandBorder, point: NearestPoint)?
        for (lower, i) in order {
            if let b = best, lower >= b.point.distanceMetres { break }
            if let n = index(i).nearest(to: p), n.distanceMetres < (best?.point.distanceMetres ?? .infinity) {
                best = (borders[i], n)
            }
        }
        return best
    }

    /// Every line of every border, as one geometry.
    public var geometry: Geometry {
        let lines = borders.flatMap(\.lines)
        return lines.count == 1 ? .lineString(lines[0]) : .multiLineString(lines)
    }

    /// One index over every line, and for each of its parts the border it belongs to: the batch
    /// path, which prepares everything once.
    public func combinedIndex() -> (index: GeodesicPolyline, borderOfPart: [Int]) {
        var parts: [[LonLat]] = [], owner: [Int] = []
        for (i, b) in borders.enumerated() {
            parts += b.lines
            owner += Array(repeating: i, count: b.lines.count)
        }
        return (GeodesicPolyline(parts), owner)
    }
}
