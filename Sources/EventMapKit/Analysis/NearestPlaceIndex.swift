import Foundation

/// The nearest of a set of places to a point, by WGS 84 geodesic distance, for millions of
/// points: a tree over the places' earth-centred positions finds the nearest by chord, whose
/// exact geodesic distance then bounds the search for any place that could be nearer (a chord
/// never exceeds its geodesic). Typically one `geod_inverse` per point. Ties go to the place
/// listed first.
public struct NearestPlaceIndex: Sendable {
    public struct Hit: Sendable, Equatable {
        /// The index of the place in the list given to `init`.
        public var index: Int
        public var distanceMetres: Double
    }

    /// Distinct positions, each with the first place listed there (gazetteers often give several
    /// places, e.g. a town and the post in it, the same coordinates).
    let positions: [LonLat]
    let placeIndex: [Int]
    /// Every place at each distinct position, in the order listed (for k-nearest and within).
    let placesAt: [[Int]]
    let points: [EarthCentred]
    let tree: BoxTree

    public init(positions all: [LonLat]) {
        var seen: [LonLat: Int] = [:]
        var positions: [LonLat] = [], placeIndex: [Int] = [], placesAt: [[Int]] = []
        for (i, p) in all.enumerated() {
            if let k = seen[p] { placesAt[k].append(i); continue }
            seen[p] = positions.count
            positions.append(p)
            placeIndex.append(i)
            placesAt.append([i])
        }
        let points = positions.map(EarthCentred.init)
        tree = BoxTree(boxes: points.map(Box3.init), leafSize: 8)
        // Tree order, so that a leaf is a range; ties still go to the first listed (placeIndex).
        self.positions = tree.order.map { positions[Int($0)] }
        self.placeIndex = tree.order.map { placeIndex[Int($0)] }
        self.placesAt = tree.order.map { placesAt[Int($0)] }
        self.points = tree.order.map { points[Int($0)] }
    }

    /// The nearest place to `p`; `inverses` counts the exact distances computed. Nil when empty.
    public func nearest(to p: LonLat, inverses: inout Int) -> Hit? {
        nearest(to: p, chord: EarthCentred(p), inverses: &inverses)
    }

    func nearest(to p: LonLat, chord q: EarthCentred, inverses: inout Int) -> Hit? {
        guard !points.isEmpty else { return nil }
        // 1. The nearest by chord (cheap), then its exact distance: an upper bound.
        var bound = Double.infinity
        var first = -1
        points.withUnsafeBufferPointer { points in
            tree.search(q, bound: &bound) { range, bound in
                for i in range {
                    let c = points[i].chord(to: q)
                    if c < bound { bound = c; first = i }
                }
            }
        }
        var best = Hit(index: first, distanceMetres: Geodesic.distance(p, positions[first]))
        inverses += 1
        // 2. Any other place whose chord does not exceed that distance could be as near: measure it.
        bound = best.distanceMetres
        points.withUnsafeBufferPointer { points in
            tree.search(q, bound: &bound) { range, bound in
                for i in range where i != first && points[i].chord(to: q) <= bound {
                    let d = Geodesic.distance(p, positions[i])
                    inverses += 1
                    if d < best.distanceMetres || (d == best.distanceMetres && placeIndex[i] < placeIndex[best.index]) {
                        best = Hit(index: i, distanceMetres: d)
                        bound = d
                    }
                }
            }
        }
        best.index = placeIndex[best.index]
        return best
    }

    /// The places (indexes in the list given to `init`) that `accept` takes, within `metres` of `p`
    /// (all when nil), or only the `count` nearest (ties resolved by the caller: every place at the
    /// k-th distance is kept), with their geodesic distances, unsorted. A chord never exceeds its
    /// geodesic, so the tree prunes by chord and only candidates cost a `geod_inverse`.
    public func search(around p: LonLat, within metres: Double = .infinity, count: Int = .max,
                       accept: (Int) -> Bool) -> [Hit] {
        guard !points.isEmpty, count > 0 else { return [] }
        let q = EarthCentred(p)
        var found: [Hit] = []
        var kth: [Double] = []  // the smallest distances found, sorted, at most `count`
        var bound = metres
        points.withUnsafeBufferPointer { points in
            tree.search(q, bound: &bound) { range, bound in
                for i in range where points[i].chord(to: q) <= bound {
                    let accepted = placesAt[i].filter(accept)
                    guard !accepted.isEmpty else { continue }
                    let d = Geodesic.distance(p, positions[i])
                    guard d <= bound else { continue }
                    for k in accepted { found.append(Hit(index: k, distanceMetres: d)) }
                    guard count != .max else { continue }
                    for _ in accepted {
                        let at = kth.firstIndex { $0 > d } ?? kth.count
                        if at < count { kth.insert(d, at: at); if kth.count > count { kth.removeLast() } }
                    }
                    if kth.count == count { bound = min(bound, kth[count - 1]) }
                }
            }
        }
        return found.filter { $0.distanceMetres <= bound }
    }
}
