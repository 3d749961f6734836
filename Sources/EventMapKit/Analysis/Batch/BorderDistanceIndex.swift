import Foundation

/// The nearest point of a line layer (a border) to a point, for millions of points: the lines'
/// edges are geodesics, cut into pieces of at most `pieceMetres`, each bounded in space by a
/// capsule (its chord widened by how far the geodesic bows away from it). A tree over the
/// capsules gives rigorous lower bounds, so only the pieces that could hold the nearest point
/// are refined exactly, along the true geodesic, with `geod_inverse` and `geod_position`.
public struct BorderDistanceIndex: Sendable {
    /// The answer for one point: the geodesic distance and the nearest point of the lines.
    public struct Hit: Sendable, Equatable {
        public var distanceMetres: Double
        public var nearest: LonLat
    }

    struct Piece: Sendable {
        var a: EarthCentred, ab: EarthCentred
        var inverseLength2: Double
        /// How far the geodesic piece may stray from its chord, metres (an upper bound).
        var radius: Double
        var edge: Int32
        var startMetres: Double, endMetres: Double
        /// The piece's ends and the edge's azimuth there, computed once so that neighbouring
        /// pieces share bit-identical end points (and a query can reuse an end's inverse).
        var start: LonLat, end: LonLat
        var startAzimuth: Double, endAzimuth: Double
    }

    let edges: [GeodesicLine]
    let pieces: [Piece]
    let tree: BoxTree

    /// Counts for the profile: how many exact refinements the searches made (not thread-safe to
    /// read while a search runs; each worker keeps its own through `nearest(to:refinements:)`).
    public init(lines: [[LonLat]], pieceMetres: Double = 5_000) {
        var edges: [GeodesicLine] = []
        var pieces: [Piece] = []
        for line in lines where line.count > 1 {
            for i in 1..<line.count where line[i - 1] != line[i] {
                let g = GeodesicLine(from: line[i - 1], to: line[i])
                let e = Int32(edges.count)
                edges.append(g)
                let n = max(1, Int((g.lengthMetres / pieceMetres).rounded(.up)))
                for k in 0..<n {
                    let s0 = g.lengthMetres * Double(k) / Double(n), s1 = g.lengthMetres * Double(k + 1) / Double(n)
                    pieces.append(Self.piece(g, edge: e, from: s0, to: s1))
                }
            }
        }
        self.edges = edges
        tree = BoxTree(boxes: pieces.map { p in
            var b = Box3(p.a)
            b.include(EarthCentred(x: p.a.x + p.ab.x, y: p.a.y + p.ab.y, z: p.a.z + p.ab.z))
            return b.expanded(by: p.radius)
        })
        self.pieces = tree.order.map { pieces[Int($0)] }  // tree order: a leaf is a range
    }

    /// A piece's capsule: the largest distance of 16 sampled geodesic points from the chord, plus
    /// how far the curve can bow between samples (h² κ / 8 for spacing h and curvature ≤ κ), plus 1 mm.
    private static func piece(_ g: GeodesicLine, edge: Int32, from s0: Double, to s1: Double) -> Piece {
        let (p0, azi0) = s0 == 0 ? (g.start, g.initialAzimuthDegrees) : g.positionAndAzimuth(atMetres: s0)
        let (p1, azi1) = s1 == g.lengthMetres ? (g.end, g.positionAndAzimuth(atMetres: s1).azimuthDegrees) : g.positionAndAzimuth(atMetres: s1)
        let a = EarthCentred(p0), b = EarthCentred(p1)
        let ab = b - a
        let len2 = ab.dot(ab)
        let samples = 16
        var radius = 0.0
        for k in 1..<samples {
            let q = EarthCentred(g.position(atMetres: s0 + (s1 - s0) * Double(k) / Double(samples)))
            radius = max(radius, Self.segmentDistance(q, a, ab, len2 > 0 ? 1 / len2 : 0).distance)
        }
        let h = (s1 - s0) / Double(samples)
        radius += h * h * EarthCentred.maximumCurvature / 8 + 0.001
        return Piece(a: a, ab: ab, inverseLength2: len2 > 0 ? 1 / len2 : 0, radius: radius, edge: edge, startMetres: s0, endMetres: s1,
                     start: p0, end: p1, startAzimuth: azi0, endAzimuth: azi1)
    }

    @inline(__always)
    static func segmentDistance(_ p: EarthCentred, _ a: EarthCentred, _ ab: EarthCentred, _ inverseLength2: Double) -> (distance: Double, t: Double) {
        let ap = p - a
        let t = min(1, max(0, ap.dot(ab) * inverseLength2))
        let d = EarthCentred(x: ap.x - ab.x * t, y: ap.y - ab.y * t, z: ap.z - ab.z * t)
        return (d.dot(d).squareRoot(), t)
    }

    /// The last `geod_inverse` of a query, reused when a neighbouring piece starts at the same point.
    struct InverseCache {
        var point = LonLat(lon: .nan, lat: .nan)
        var result: GeodesicInverse?
    }

    /// How far above the smallest lower bound the first search records pieces, metres.
    @inline(__always) static func slack(_ lowest: Double) -> Double { 5 + 1e-4 * max(lowest, 0) }

    /// The pieces recorded by the first search: (lower bound, piece), at most 32.
    struct Recorded {
        private var bounds = (SIMD16<Double>(), SIMD16<Double>())
        private var items = (SIMD16<Int32>(), SIMD16<Int32>())
        private(set) var count = 0
        private(set) var overflowed = false

        @inline(__always) mutating func add(_ lower: Double, _ i: Int) {
            guard count < 32 else { overflowed = true; return }
            if count < 16 { bounds.0[count] = lower; items.0[count] = Int32(i) } else { bounds.1[count - 16] = lower; items.1[count - 16] = Int32(i) }
            count += 1
        }

        @inline(__always) subscript(k: Int) -> (Double, Int) {
            k < 16 ? (bounds.0[k], Int(items.0[k])) : (bounds.1[k - 16], Int(items.1[k - 16]))
        }
    }

    /// Counts kept by a worker for the profile.
    public struct Counts: Sendable {
        public var refinements = 0
        public var inverses = 0
        /// Queries whose exact distance exceeded the first search's slack (searched again).
        public var secondSearches = 0
        public init() {}
    }

    /// The nearest point of the lines to `p` and its geodesic distance; nil when the index holds
    /// no edge. `counts` gathers the exact work done (for the profile).
    public func nearest(to p: LonLat, counts: inout Counts) -> Hit? {
        nearest(to: p, chord: EarthCentred(p), counts: &counts)
    }

    func nearest(to p: LonLat, chord q: EarthCentred, counts: inout Counts) -> Hit? {
        guard !pieces.isEmpty else { return nil }
        // 1. Search by chords only for the piece with the smallest lower bound, recording every
        //    piece whose bound lies within a slack of the smallest; refine that piece exactly.
        // 2. Any piece that could be nearer has a bound at most that exact distance. When the
        //    distance lies within the slack (nearly always: chords fall short of geodesics by
        //    ~1e-5 relative here), those pieces were all recorded; otherwise search again.
        var cache = InverseCache()
        var best = Hit(distanceMetres: .infinity, nearest: p)
        pieces.withUnsafeBufferPointer { pieces in
            var lowest = Double.infinity
            var first = -1
            var recorded = Recorded()
            var searchBound = Double.infinity
            tree.search(q, bound: &searchBound) { range, bound in
                for i in range {
                    let pc = pieces[i]
                    let lower = Self.segmentDistance(q, pc.a, pc.ab, pc.inverseLength2).distance - pc.radius
                    if lower < lowest { lowest = lower; first = i; bound = lowest + Self.slack(lowest) }
                    if lower <= bound { recorded.add(lower, i) }
                }
            }
            best = refine(pieces[first], p, q, &cache, &counts)
            if best.distanceMetres <= lowest + Self.slack(lowest) && !recorded.overflowed {
                for k in 0..<recorded.count {
                    let (lower, i) = recorded[k]
                    guard i != first, lower <= best.distanceMetres else { continue }
                    let h = refine(pieces[i], p, q, &cache, &counts)
                    if h.distanceMetres < best.distanceMetres { best = h }
                }
                return
            }
            counts.secondSearches += 1
            var bound = best.distanceMetres
            tree.search(q, bound: &bound) { range, bound in
                for i in range where i != first {
                    let pc = pieces[i]
                    let lower = Self.segmentDistance(q, pc.a, pc.ab, pc.inverseLength2).distance - pc.radius
                    guard lower <= bound else { continue }
                    let h = refine(pc, p, q, &cache, &counts)
                    if h.distanceMetres < best.distanceMetres { best = h; bound = h.distanceMetres }
                }
            }
        }
        return best
    }

    /// The exact nearest point of one piece: start where the chord says, then Newton steps along
    /// the geodesic (the distance's slope along the edge is the cosine of the angle between the
    /// edge and the geodesic from `p`), each with one `geod_inverse`. A last step under 2 m is
    /// taken without a further inverse: the right-triangle correction it needs is below 1e-6 m.
    func refine(_ pc: Piece, _ p: LonLat, _ q: EarthCentred, _ cache: inout InverseCache, _ counts: inout Counts) -> Hit {
        counts.refinements += 1
        let t = Self.segmentDistance(q, pc.a, pc.ab, pc.inverseLength2).t
        var s = pc.startMetres + (pc.endMetres - pc.startMetres) * t
        var last = Hit(distanceMetres: .infinity, nearest: p)
        for _ in 0..<12 {
            let x: LonLat, lineAzimuth: Double
            if s == pc.startMetres { x = pc.start; lineAzimuth = pc.startAzimuth }
            else if s == pc.endMetres { x = pc.end; lineAzimuth = pc.endAzimuth }
            else { (x, lineAzimuth) = edges[Int(pc.edge)].positionAndAzimuth(atMetres: s) }
            let g: GeodesicInverse
            if x == cache.point, let cached = cache.result { g = cached } else {
                g = Geodesic.inverse(p, x)
                counts.inverses += 1
                cache = InverseCache(point: x, result: g)
            }
            let d = g.distanceMetres
            if d < 1e-9 { return Hit(distanceMetres: 0, nearest: x) }
            if d > last.distanceMetres { return last }  // no longer improving: rounding level
            last = Hit(distanceMetres: d, nearest: x)
            let slope = cos((g.finalAzimuthDegrees - lineAzimuth) * .pi / 180)
            let next = min(pc.endMetres, max(pc.startMetres, s - d * slope))
            let step = next - s
            if abs(step) < 1e-4 { return last }
            let clamped = next == pc.startMetres || next == pc.endMetres
            if abs(step) < 2, !clamped {
                let foot = edges[Int(pc.edge)].position(atMetres: next)
                return Hit(distanceMetres: max(0, d * d - step * step).squareRoot(), nearest: foot)
            }
            s = next
        }
        return last
    }
}
