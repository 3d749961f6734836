import CPROJ
import Foundation

/// The nearest point of a line (or of an area's boundary) to a query point, and how far it is.
/// Edges between consecutive vertices are WGS 84 geodesics; the minimum is found along them.
public struct NearestPoint: Sendable, Equatable {
    /// The geodesic distance in metres from the query point to `point`.
    public let distanceMetres: Double
    /// The nearest point of the line: a vertex or a point inside an edge.
    public let point: LonLat
    /// Which line (or ring) of the geometry holds it, in the order given.
    public let partIndex: Int
    /// The edge within that part: from vertex `segmentIndex` to vertex `segmentIndex + 1`.
    public let segmentIndex: Int
    /// How far along that edge, 0...1, as a fraction of the edge's geodesic length.
    public let fraction: Double
    /// The azimuth at the query point towards `point`, degrees clockwise from north in -180...180;
    /// nil when the point lies on the line.
    public let azimuthDegrees: Double?
}

/// Lines (or polygon rings) prepared for exact nearest-point queries, one at a time or millions:
/// the one engine behind every point-to-line and point-to-area distance of the project.
///
/// Method. Each geodesic edge is cut into pieces of at most `pieceMetres`; a piece of arc length
/// s lies inside the capsule of radius κs²/8 around its chord (κ the largest normal curvature of
/// WGS 84: no curve of curvature ≤ κ strays farther from its chord), and a chord never exceeds its
/// geodesic. So `chord distance to the piece − radius` is a rigorous lower bound, and a box tree
/// over the capsules finds the few pieces that could hold the nearest point. Those are refined
/// exactly along the geodesic by Newton steps on the arc length (the distance's slope is the
/// cosine of the angle at the foot; one `geod_inverse` per step, or within ~30 km a chord
/// bracket that settles the distance to 0.9 mm without one), to a micrometre (to 1 mm from a bracket).
///
/// A value: Sendable and read-only, so one index serves any number of threads.
public struct GeodesicPolyline: Sendable {
    /// The lines as given.
    public let parts: [[LonLat]]
    /// Per non-degenerate edge: its geodesic and where it lies in `parts`.
    let edges: [Edge]
    let pieces: [Piece]
    let tree: BoxTree

    struct Edge: Sendable {
        let line: GeodesicLine
        let part: Int32
        let segment: Int32
    }

    struct Piece: Sendable {
        var a: EarthCentred, ab: EarthCentred
        var inverseLength2: Double
        /// How far the geodesic piece may stray from its chord, metres (an upper bound).
        var radius: Double
        var edge: Int32
        var startMetres: Double, endMetres: Double
        /// The piece's ends, so that neighbouring pieces share bit-identical end points (and a
        /// query can reuse an end's inverse); vertices are the parts' own.
        var start: LonLat, end: LonLat
        /// The edge's azimuth at the piece's ends (computed once, as the refinement needs them).
        var startAzimuth: Double, endAzimuth: Double
    }

    /// Prepares `parts` (lines or rings). A part with a single distinct vertex counts as a point.
    public init(_ parts: [[LonLat]], pieceMetres: Double = 5_000) {
        self.parts = parts
        // The edges' geodesics (one geod_inverseline each) are solved on all cores when there are many.
        var ends: [(part: Int, segment: Int)] = []
        for (pi, part) in parts.enumerated() where part.count > 1 {
            for i in 1..<part.count where part[i - 1] != part[i] { ends.append((pi, i - 1)) }
        }
        let edgeEnds = ends
        let lines = Self.solve(edgeEnds.count) { k in
            GeodesicLine(from: parts[edgeEnds[k].part][edgeEnds[k].segment], to: parts[edgeEnds[k].part][edgeEnds[k].segment + 1])
        }
        var edges: [Edge] = []
        var pieces: [Piece] = []
        var next = 0
        for (pi, part) in parts.enumerated() {
            var added = false
            while next < ends.count, ends[next].part == pi {
                let g = lines[next]
                let e = Int32(edges.count)
                edges.append(Edge(line: g, part: Int32(pi), segment: Int32(ends[next].segment)))
                let n = max(1, Int((g.lengthMetres / pieceMetres).rounded(.up)))
                var s0 = 0.0, p0 = g.start, a0 = g.initialAzimuthDegrees
                for k in 1...n {
                    let s1 = k == n ? g.lengthMetres : g.lengthMetres * Double(k) / Double(n)
                    let (q1, a1) = g.positionAndAzimuth(atMetres: s1)
                    let p1 = k == n ? g.end : q1
                    pieces.append(Self.piece(edge: e, from: s0, p0, a0, to: s1, p1, a1))
                    s0 = s1; p0 = p1; a0 = a1
                }
                added = true
                next += 1
            }
            if !added, let v = part.first {
                // A point: a zero-length edge.
                let e = Int32(edges.count)
                edges.append(Edge(line: GeodesicLine(from: v, to: v), part: Int32(pi), segment: 0))
                pieces.append(Self.piece(edge: e, from: 0, v, 0, to: 0, v, 0))
            }
        }
        self.edges = edges
        tree = BoxTree(boxes: pieces.map { p in
            var b = Box3(p.a)
            b.include(p.a + p.ab)
            return b.expanded(by: p.radius)
        })
        self.pieces = tree.order.map { pieces[Int($0)] }  // tree order: a leaf is a range
    }

    /// Prepares one line.
    public init(line: [LonLat]) { self.init([line]) }

    /// `count` values made by `make`, in order; split over the cores above a few thousand.
    private static func solve(_ count: Int, _ make: @Sendable (Int) -> GeodesicLine) -> [GeodesicLine] {
        guard count > 4096 else { return (0..<count).map(make) }
        let chunks = ProcessInfo.processInfo.activeProcessorCount * 4
        let size = (count + chunks - 1) / chunks
        let slots = UnsafeMutableBufferPointer<GeodesicLine>.allocate(capacity: count)
        defer { slots.deallocate() }
        nonisolated(unsafe) let base = slots
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for k in (c * size)..<min(count, (c + 1) * size) { (base.baseAddress! + k).initialize(to: make(k)) }
        }
        let out = Array(slots)
        _ = slots.deinitialize()
        return out
    }

    /// The number of geodesic edges (points count as one).
    public var segmentCount: Int { edges.count }

    /// The capsule of a piece: radius κs²/8 for arc length s, plus 1 mm for rounding.
    private static func piece(edge: Int32, from s0: Double, _ p0: LonLat, _ a0: Double, to s1: Double, _ p1: LonLat, _ a1: Double) -> Piece {
        let a = EarthCentred(p0), b = EarthCentred(p1)
        let ab = b - a
        let len2 = ab.dot(ab)
        let s = s1 - s0
        return Piece(a: a, ab: ab, inverseLength2: len2 > 0 ? 1 / len2 : 0,
                     radius: s * s * EarthCentred.maximumCurvature / 8 + 0.001,
                     edge: edge, startMetres: s0, endMetres: s1, start: p0, end: p1, startAzimuth: a0, endAzimuth: a1)
    }

    /// The squared distance from `p` to the straight segment a-b.
    @inline(__always)
    static func segmentDistanceSquared(_ p: EarthCentred, _ a: EarthCentred, _ ab: EarthCentred, _ inverseLength2: Double) -> Double {
        let ap = p - a
        let t = min(1, max(0, ap.dot(ab) * inverseLength2))
        let d = EarthCentred(x: ap.x - ab.x * t, y: ap.y - ab.y * t, z: ap.z - ab.z * t)
        return d.dot(d)
    }

    @inline(__always)
    static func segmentDistance(_ p: EarthCentred, _ a: EarthCentred, _ ab: EarthCentred, _ inverseLength2: Double) -> (distance: Double, t: Double) {
        let ap = p - a
        let t = min(1, max(0, ap.dot(ab) * inverseLength2))
        let d = EarthCentred(x: ap.x - ab.x * t, y: ap.y - ab.y * t, z: ap.z - ab.z * t)
        return (d.dot(d).squareRoot(), t)
    }

    // MARK: - Queries

    /// The nearest point of the lines to `p`, its distance proven within 1 mm, with the azimuth
    /// towards it; nil if there are no vertices.
    public func nearest(to p: LonLat) -> NearestPoint? {
        var counts = SearchCounts()
        guard let h = nearestHit(to: p, counts: &counts) else { return nil }
        let e = edges[h.edge]
        let g = Geodesic.inverse(p, h.point)
        let length = e.line.lengthMetres
        return NearestPoint(distanceMetres: h.distanceMetres == 0 ? 0 : g.distanceMetres, point: h.point,
                            partIndex: Int(e.part), segmentIndex: Int(e.segment),
                            fraction: length > 0 ? min(1, max(0, h.alongMetres / length)) : 0,
                            azimuthDegrees: h.distanceMetres > 0 ? g.initialAzimuthDegrees : nil)
    }

    /// The geodesic distance in metres from `p` to the nearest point of the lines (infinity if empty).
    public func distance(from p: LonLat) -> Double {
        var counts = SearchCounts()
        return nearestHit(to: p, counts: &counts)?.distanceMetres ?? .infinity
    }

    /// Whether some point of the lines may lie within `metres` of `p`, by the lower bounds alone
    /// (no geodesic is computed): false proves every point is farther.
    public func mayLieWithin(_ metres: Double, of p: LonLat) -> Bool {
        let q = EarthCentred(p)
        var found = false
        var bound = metres
        pieces.withUnsafeBufferPointer { pieces in
            tree.search(q, bound: &bound) { range, bound in
                for i in range where !found {
                    let pc = pieces[i]
                    if Self.segmentDistance(q, pc.a, pc.ab, pc.inverseLength2).distance - pc.radius <= metres {
                        found = true
                        bound = -1
                    }
                }
            }
        }
        return found
    }

    /// The answer of the fast path: distance, nearest point, and which edge holds it.
    public struct Hit: Sendable, Equatable {
        public var distanceMetres: Double
        public var point: LonLat
        /// The edge (in `segmentCount` order) and the arc length along it, metres.
        var edge: Int
        var alongMetres: Double
        /// The part of `parts` holding the nearest point.
        public let partIndex: Int
    }

    /// The exact work a search did, for profiles.
    public struct SearchCounts: Sendable {
        public var refinements = 0
        public var inverses = 0
        /// Distances taken from a chord bracket instead (`ChordBracket`, within 0.9 mm).
        public var brackets = 0
        /// Queries whose exact distance exceeded the first search's slack (searched again).
        public var secondSearches = 0
        /// Pieces measured from their cell's anchor (`PieceAnchor`), with no geodesic solved.
        public var anchored = 0
        public init() {}
    }

    /// The nearest point and its geodesic distance without the final azimuth: the batch path.
    public func nearestHit(to p: LonLat, counts: inout SearchCounts) -> Hit? {
        nearestHit(to: p, chord: EarthCentred(p), counts: &counts)
    }

    /// The same with the point's earth-centred position computed by the caller (once per event).
    public func nearestHit(to p: LonLat, chord q: EarthCentred, counts: inout SearchCounts) -> Hit? {
        nearestHit(to: p, chord: q, among: nil, counts: &counts)
    }

    /// The same among `candidates` (pieces a cell learned, `CandidateCells`) known to hold every piece that could
    /// be nearest to `p` (`PolylineCells`), or among all pieces by the tree when nil.
    func nearestHit(to p: LonLat, chord q: EarthCentred, among candidates: CandidateCells.Candidates?, counts: inout SearchCounts) -> Hit? {
        guard !pieces.isEmpty else { return nil }
        // 1. Search by chords only for the piece with the smallest lower bound, recording every
        //    piece whose bound lies within a slack of the smallest; refine that piece exactly.
        // 2. Any piece that could be nearer has a bound at most that exact distance. When the
        //    distance lies within the slack (nearly always: chords fall short of geodesics by
        //    ~1e-5 relative here), those pieces were all recorded; otherwise search again.
        var cache = InverseCache()
        let qn = q.surfaceNormal  // the query's normal, for every chord bracket it needs
        var best = Refined(distance: .infinity, point: p, piece: 0, s: 0)
        pieces.withUnsafeBufferPointer { pieces in
            var lowest = Double.infinity
            var first = -1, firstEntry = -1
            var recorded = Recorded()
            var searchBound = Double.infinity
            tree.visitEntries(q, &searchBound, among: candidates) { i, entry, bound in
                let pc = pieces[i]
                // A piece whose bound exceeds `bound` changes nothing: most are rejected on the
                // squared distance, with a margin far above its rounding, before any square root.
                let d2 = Self.segmentDistanceSquared(q, pc.a, pc.ab, pc.inverseLength2)
                let reach = bound + pc.radius
                if reach >= 0, d2 > reach * reach * (1 + 1e-9) { return }
                let lower = d2.squareRoot() - pc.radius
                if lower < lowest { lowest = lower; first = i; firstEntry = entry; bound = lowest + Self.slack(lowest) }
                if lower <= bound { recorded.add(lower, i, entry) }
            }
            // A refined distance may lie up to 1 mm from the exact one (a chord bracket): bounds
            // that prune allow for it, so no piece that could be nearer is skipped.
            let margin = 0.001
            best = refine(pieces, first, firstEntry, candidates, p, q, qn, &cache, &counts)
            if best.distance + margin <= lowest + Self.slack(lowest) && !recorded.overflowed {
                for k in 0..<recorded.count {
                    let (lower, i, entry) = recorded[k]
                    guard i != first, lower <= best.distance + margin else { continue }
                    let h = refine(pieces, i, entry, candidates, p, q, qn, &cache, &counts)
                    if h.distance < best.distance { best = h }
                }
                return
            }
            counts.secondSearches += 1
            var bound = best.distance + margin
            tree.visitEntries(q, &bound, among: candidates) { i, entry, bound in
                guard i != first else { return }
                let pc = pieces[i]
                let lower = Self.segmentDistance(q, pc.a, pc.ab, pc.inverseLength2).distance - pc.radius
                guard lower <= bound else { return }
                let h = refine(pieces, i, entry, candidates, p, q, qn, &cache, &counts)
                if h.distance < best.distance { best = h; bound = h.distance + margin }
            }
        }
        let pc = pieces[best.piece]
        // An anchored piece leaves its point to be placed here, for the nearest piece only (its
        // line read in place, as in `refine`).
        let point = best.point.lat.isNaN
            ? edges.withUnsafeBufferPointer { edges in
                GeodesicLine.positionAndAzimuth(of: Self.line(of: Int(pc.edge), in: edges), atMetres: best.s, azimuth: false).position
            }
            : best.point
        return Hit(distanceMetres: best.distance, point: point, edge: Int(pc.edge), alongMetres: best.s,
                   partIndex: Int(edges[Int(pc.edge)].part))
    }


    /// The pieces (with their lower bounds at the cell's centre) that could hold the nearest point of the lines to any point of
    /// `cell`, or nil when there are more than `limit`. With c the cell's centre, R its radius
    /// (`centreRadiusMetres`) and D ≥ the distance from c to the lines (bounded by chords), any point p of the cell
    /// is within D + R of the lines, and a piece's lower bound moves by at most the chord from p to
    /// c (≤ R): so a piece whose bound at c exceeds D + 2R (plus the refinement's 2 mm) is never
    /// p's nearest, nor refined for p.
    func candidates(inCell cell: BoundingBox, limit: Int) -> [(item: Int32, lowerAtCentre: Double)]? {
        let c = cell.centre, qc = EarthCentred(c)
        guard !pieces.isEmpty else { return nil }
        // D from chords alone (no geodesic solved, as cells learn at their first point): every
        // piece has a point within `radius` of its chord's nearest point, and a geodesic of chord
        // c is at most (2/κ)·asin(κc/2) long (Schur), so that bounds c's distance to the lines.
        var chordUp = Double.infinity
        pieces.withUnsafeBufferPointer { pieces in
            tree.search(qc, bound: &chordUp) { range, bound in
                for i in range {
                    let pc = pieces[i]
                    bound = min(bound, Self.segmentDistance(qc, pc.a, pc.ab, pc.inverseLength2).distance + pc.radius)
                }
            }
        }
        let k = EarthCentred.maximumCurvature
        let distanceUp = 2 / k * asin(min(1, k * chordUp / 2)) + 0.001
        let reach = distanceUp + 2 * cell.centreRadiusMetres + 0.01
        var found: [(item: Int32, lowerAtCentre: Double)] = []
        var bound = reach
        pieces.withUnsafeBufferPointer { pieces in
            tree.search(qc, bound: &bound) { range, _ in
                for i in range {
                    let pc = pieces[i]
                    let lower = Self.segmentDistance(qc, pc.a, pc.ab, pc.inverseLength2).distance - pc.radius
                    if lower <= reach { found.append((Int32(i), lower)) }
                }
            }
        }
        return found.count <= limit ? found : nil
    }

    // MARK: - Refinement of one piece

    /// How far above the smallest lower bound the first search records pieces, metres.
    @inline(__always) static func slack(_ lowest: Double) -> Double { 5 + 1e-4 * max(lowest, 0) }

    /// The pieces recorded by the first search: (lower bound, piece, its entry in the cell's
    /// candidates or -1), at most 32, kept inline.
    struct Recorded {
        private var bounds = InlineArray<32, Double>(repeating: 0)
        private var items = InlineArray<32, Int32>(repeating: 0)
        private var entries = InlineArray<32, Int32>(repeating: 0)
        private(set) var count = 0
        private(set) var overflowed = false

        @inline(__always) mutating func add(_ lower: Double, _ i: Int, _ entry: Int) {
            guard count < 32 else { overflowed = true; return }
            bounds[count] = lower
            items[count] = Int32(i)
            entries[count] = Int32(entry)
            count += 1
        }

        @inline(__always) subscript(k: Int) -> (Double, Int, Int) { (bounds[k], Int(items[k]), Int(entries[k])) }
    }

    /// The last `geod_inverse` of a query, reused when a neighbouring piece starts at the same point.
    struct InverseCache {
        var point = LonLat(lon: .nan, lat: .nan)
        var result: GeodesicInverse?
    }

    struct Refined {
        var distance: Double
        var point: LonLat
        var piece: Int
        var s: Double
    }

    /// How far a distance taken from a chord bracket may be from the geodesic one, metres; with
    /// the azimuth's share (below) a refined distance stays within 1 mm.
    static let bracketToleranceMetres = 0.0009

    /// The distance from `p` (earth-centred `q`) to `x` and the azimuth at `x` pointing away from
    /// `p` (what a Newton step needs): from the chord bracket when it settles the distance to
    /// 0.9 mm (up to ~30 km), else `geod_inverse`. The bracket's azimuth is that of the chord's
    /// horizontal direction at `x`. It is within κ²d²/6 radian of the geodesic's (the geodesic's
    /// tangent turns only along the surface normal, which itself turns at most κ per metre), at
    /// most 1.5e-5 rad at 60 km; a last step (under 2 m) with that azimuth moves the distance by
    /// at most 2 m × 1.5e-5 + d·(1.5e-5)²/2 < 4e-5 m, and the nearest point along the line by at
    /// most d·κ²d²/6 (~0.1 m at 30 km; ~1e-8 rad, sub-millimetre, in practice).
    @inline(__always)
    static func measure(_ p: LonLat, _ q: EarthCentred, _ qn: EarthCentred, _ x: LonLat, _ counts: inout SearchCounts) -> GeodesicInverse {
        let xe = EarthCentred(x)
        let xn = xe.surfaceNormal
        if let b = ChordBracket(q, normal: qn, xe, normal: xn), b.width <= bracketToleranceMetres {
            counts.brackets += 1
            return GeodesicInverse(distanceMetres: b.estimate, initialAzimuthDegrees: .nan,
                                   finalAzimuthDegrees: xe.azimuthDegrees(of: xe - q, normal: xn))
        }
        counts.inverses += 1
        return Geodesic.inverse(p, x)
    }

    /// How far a distance settled by a `HingeBracket` may be from the piece's nearest distance,
    /// beyond the measured distance's own error: metres.
    static let hingeToleranceMetres = 0.0001

    /// What an error in the azimuth at x can move a hinge's answer: none for `geod_inverse`'s
    /// azimuth; for a chord bracket's, at most κ²d²/6 radian (see `measure`), which moves the
    /// distance by at most |step|·δ + d·δ²/2.
    @inline(__always)
    static func azimuthShare(_ d: Double, _ step: Double, exact: Bool) -> Double {
        if exact { return 0 }
        let k = EarthCentred.maximumCurvature
        let delta = k * k * d * d / 6
        return abs(step) * delta + d * delta * delta / 2
    }

    /// The point `metres` (under 2 m) along the line from `x`, whose azimuth there is given: a step
    /// along the tangent with the ellipsoid's radii of curvature at x (M north, N·cos φ east). The
    /// geodesic leaves its tangent by κs²/2 and the radii change by about s/R relatively, so for
    /// s ≤ 2 m the point is within ~1e-6 m of `geod_position`'s, without its series. Nil within
    /// ~6 m of a pole, where the east step is ill-conditioned.
    @inline(__always)
    static func alongTangent(from x: LonLat, azimuthDegrees: Double, metres: Double) -> LonLat? {
        var sinPhi = 0.0, cosPhi = 0.0, sinAlpha = 0.0, cosAlpha = 0.0
        eventmap_sincos(x.lat * .pi / 180, &sinPhi, &cosPhi)
        guard cosPhi > 1e-6 else { return nil }
        eventmap_sincos(azimuthDegrees * .pi / 180, &sinAlpha, &cosAlpha)
        let a = 6_378_137.0, e2 = 1 / 298.257223563 * (2 - 1 / 298.257223563)
        let w = 1 - e2 * sinPhi * sinPhi
        let n = a / w.squareRoot(), m = a * (1 - e2) / (w * w.squareRoot())
        return LonLat(lon: x.lon + metres * sinAlpha / (n * cosPhi) * 180 / .pi,
                      lat: x.lat + metres * cosAlpha / m * 180 / .pi)
    }

    /// The exact nearest point of one piece: from its cell's anchor when the piece is far and the
    /// anchor's bracket is narrow enough (`PieceAnchor`); else start where the chord says, then
    /// Newton steps along the geodesic, each with one `geod_inverse`. A last step under 2 m is
    /// taken without a further inverse (the right-triangle correction it needs is below 1e-6 m),
    /// and a longer one too when a `HingeBracket` settles the distance.
    private func refine(_ pieces: UnsafeBufferPointer<Piece>, _ index: Int, _ entry: Int, _ candidates: CandidateCells.Candidates?,
                        _ p: LonLat, _ q: EarthCentred, _ qn: EarthCentred,
                        _ cache: inout InverseCache, _ counts: inout SearchCounts) -> Refined {
        counts.refinements += 1
        let pc = pieces[index]
        // The edge's line is read in place: a copy would move its coefficients at every call.
        return edges.withUnsafeBufferPointer { edges in
            let line = Self.line(of: Int(pc.edge), in: edges)
            // Beyond the chord bracket's reach, a cell's anchor measures the piece without a geodesic.
            if entry >= 0, let candidates, Self.segmentDistanceSquared(q, pc.a, pc.ab, pc.inverseLength2) > Self.anchorFromMetres * Self.anchorFromMetres,
               let anchor = candidates.anchor(entry, solve: { Self.solveAnchor(pc, line, centre: candidates.centre, chord: candidates.centreChord,
                                                                              normal: candidates.centreNormal, into: $0) }),
               let h = Self.anchored(pc, index: index, q, anchor: anchor, chord: candidates.centreChord, normal: candidates.centreNormal) {
                counts.anchored += 1
                return h
            }
            return refine(pc, index, line, p, q, qn, &cache, &counts)
        }
    }

    /// Pieces nearer than this (by chord) are refined with chord brackets, which need no geodesic either.
    static let anchorFromMetres = 40_000.0

    private static let lineOffset = MemoryLayout<Edge>.offset(of: \Edge.line)!

    /// Edge `e`'s line, in place (a copy would move its ~500 bytes of coefficients).
    @inline(__always) private static func line(of e: Int, in edges: UnsafeBufferPointer<Edge>) -> UnsafePointer<GeodesicLine> {
        (UnsafeRawPointer(edges.baseAddress! + e) + lineOffset).assumingMemoryBound(to: GeodesicLine.self)
    }

    private func refine(_ pc: Piece, _ index: Int, _ line: UnsafePointer<GeodesicLine>, _ p: LonLat, _ q: EarthCentred, _ qn: EarthCentred,
                        _ cache: inout InverseCache, _ counts: inout SearchCounts) -> Refined {
        let t = Self.segmentDistance(q, pc.a, pc.ab, pc.inverseLength2).t
        var s = pc.startMetres + (pc.endMetres - pc.startMetres) * t
        var last = Refined(distance: .infinity, point: p, piece: index, s: s)
        for _ in 0..<12 {
            let x: LonLat, lineAzimuth: Double
            if s == pc.startMetres {
                x = pc.start; lineAzimuth = pc.startAzimuth
            } else if s == pc.endMetres {
                x = pc.end; lineAzimuth = pc.endAzimuth
            } else {
                (x, lineAzimuth) = GeodesicLine.positionAndAzimuth(of: line, atMetres: s)
            }
            let g: GeodesicInverse
            if x == cache.point, let cached = cache.result { g = cached } else {
                g = Self.measure(p, q, qn, x, &counts)
                cache = InverseCache(point: x, result: g)
            }
            let d = g.distanceMetres
            if d < 1e-9 { return Refined(distance: 0, point: x, piece: index, s: s) }
            if d > last.distance { return last }  // no longer improving: rounding level
            last = Refined(distance: d, point: x, piece: index, s: s)
            if pc.endMetres == pc.startMetres { return last }  // a point
            var sine = 0.0, slope = 0.0
            eventmap_sincos((g.finalAzimuthDegrees - lineAzimuth) * .pi / 180, &sine, &slope)
            let next = min(pc.endMetres, max(pc.startMetres, s - d * slope))
            let step = next - s
            if abs(step) < 1e-4 { return last }
            let clamped = next == pc.startMetres || next == pc.endMetres
            if abs(step) < 2, !clamped {
                let foot = Self.alongTangent(from: x, azimuthDegrees: lineAzimuth, metres: step) ?? GeodesicLine.positionAndAzimuth(of: line, atMetres: next, azimuth: false).position
                return Refined(distance: max(0, d * d - step * step).squareRoot(), point: foot, piece: index, s: next)
            }
            // Longer steps: a hinge bracket settles the piece without another geodesic when narrow enough.
            if let h = HingeBracket(distance: d, sine: sine, cosine: slope, from: pc.startMetres - s, to: pc.endMetres - s),
               h.width / 2 + Self.azimuthShare(d, h.along, exact: !g.initialAzimuthDegrees.isNaN) <= Self.hingeToleranceMetres {
                let foot = GeodesicLine.positionAndAzimuth(of: line, atMetres: s + h.along, azimuth: false).position
                return Refined(distance: h.estimate, point: foot, piece: index, s: s + h.along)
            }
            s = next
        }
        return last
    }
}
