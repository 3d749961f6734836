import Foundation

/// The nearest of a set of places to a point, by WGS 84 geodesic distance, for millions of
/// points: a tree over the places' earth-centred positions finds the nearest by chord, whose
/// geodesic distance then bounds the search for any place that could be nearer (a chord never
/// exceeds its geodesic). Within ~30 km that distance comes from a chord bracket, to 1 mm, with
/// no `geod_inverse`; farther, one `geod_inverse` per point. Ties go to the place listed first
/// (decided on exact distances wherever two brackets overlap).
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
    /// Each position's `surfaceNormal`, for the chord brackets.
    let normals: [EarthCentred]
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
        normals = self.points.map(\.surfaceNormal)
    }

    /// The nearest place to `p`; `inverses` counts the exact distances computed. Nil when empty.
    public func nearest(to p: LonLat, inverses: inout Int) -> Hit? {
        nearest(to: p, chord: EarthCentred(p), inverses: &inverses)
    }

    /// A candidate's distance: bracketed from the chord when that settles it to 1 mm
    /// (`ChordBracket`), else exact (`geod_inverse`, lower = upper).
    struct Candidate {
        var position: Int
        var lower: Double, upper: Double, distance: Double

        static func measured(_ i: Int, _ p: LonLat, _ q: EarthCentred, _ qn: EarthCentred, _ index: NearestPlaceIndex,
                             _ points: UnsafeBufferPointer<EarthCentred>, _ inverses: inout Int) -> Candidate {
            if let b = ChordBracket(q, normal: qn, points[i], normal: index.normals[i]), b.width <= NearestPlaceIndex.toleranceMetres {
                return Candidate(position: i, lower: b.lower, upper: b.upper, distance: b.estimate)
            }
            return exact(i, p, index.positions, &inverses)
        }

        static func exact(_ i: Int, _ p: LonLat, _ positions: [LonLat], _ inverses: inout Int) -> Candidate {
            let d = Geodesic.distance(p, positions[i])
            inverses += 1
            return Candidate(position: i, lower: d, upper: d, distance: d)
        }

        var isExact: Bool { lower == upper }
    }

    /// How far a reported distance may be from the exact geodesic one, metres.
    static let toleranceMetres = 0.001

    func nearest(to p: LonLat, chord q: EarthCentred, inverses: inout Int) -> Hit? {
        nearest(to: p, chord: q, among: nil, inverses: &inverses)
    }

    /// The same among `candidates` (positions a cell learned, `CandidateCells`) known to hold every place that
    /// could be nearest to `p` (`candidates(inCell:)`), or among all by the tree when nil.
    func nearest(to p: LonLat, chord q: EarthCentred, among candidates: CandidateCells.Candidates?, inverses: inout Int) -> Hit? {
        guard !points.isEmpty else { return nil }
        let best = points.withUnsafeBufferPointer { points -> Candidate in
            // 1. The nearest by chord (cheap), then its distance: its upper bound bounds the search.
            var bound = Double.infinity
            var first = -1
            tree.visit(q, &bound, among: candidates) { i, bound in
                let c = points[i].chord(to: q)
                if c < bound { bound = c; first = i }
            }
            let qn = q.surfaceNormal
            var best = Candidate.measured(first, p, q, qn, self, points, &inverses)
            // 2. Any other place whose chord does not exceed that bound could be as near. Where two
            //    brackets overlap, both are measured exactly, so the choice (and its tie rule: the
            //    place listed first) is the exact one.
            bound = best.upper
            tree.visit(q, &bound, among: candidates) { i, bound in
                guard i != first, points[i].chord(to: q) <= bound else { return }
                var c = Candidate.measured(i, p, q, qn, self, points, &inverses)
                if c.lower > best.upper { return }
                if c.upper >= best.lower {
                    if !c.isExact { c = .exact(i, p, positions, &inverses) }
                    if !best.isExact { best = .exact(best.position, p, positions, &inverses) }
                    guard c.distance < best.distance || (c.distance == best.distance && placeIndex[i] < placeIndex[best.position]) else { return }
                }
                best = c
                bound = best.upper
            }
            return best
        }
        return Hit(index: placeIndex[best.position], distanceMetres: best.distance)
    }


    /// The positions (with their chords from the cell's centre) that could be the nearest to any point of `cell`, or nil
    /// when there are more than `limit`. With c the cell's centre, R its radius and D ≥ the
    /// distance from c to its nearest place, a point p of the cell has a place within D + R; the
    /// place nearest p by chord, and every place the search then measures, lies within the chord
    /// S(D + R) + 1 mm of p (S: Schur's bound, the longest geodesic a chord can have), so within
    /// S(D + R) + R + 1 mm of c by chord.
    func candidates(inCell cell: BoundingBox, limit: Int) -> [(item: Int32, lowerAtCentre: Double)]? {
        let c = cell.centre, qc = EarthCentred(c)
        var inverses = 0
        guard let nearest = nearest(to: c, chord: qc, among: nil, inverses: &inverses) else { return nil }
        let radius = cell.centreRadiusMetres
        let rho = 6_356_752.314245 * 6_356_752.314245 / 6_378_137  // b²/a: the smallest radius of curvature
        let x = (nearest.distanceMetres + 0.001 + radius) / (2 * rho)
        guard x < 0.5 else { return nil }
        let reach = 2 * rho * asin(x) * (1 + 1e-12) + radius + 0.01
        var found: [(item: Int32, lowerAtCentre: Double)] = []
        var bound = reach
        points.withUnsafeBufferPointer { points in
            tree.search(qc, bound: &bound) { range, _ in
                for i in range {
                    let chord = points[i].chord(to: qc)
                    if chord <= reach { found.append((Int32(i), chord)) }
                }
            }
        }
        return found.count <= limit ? found : nil
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
