import Foundation

/// Earth-centred cartesian coordinates (metres) of points on the WGS 84 ellipsoid, used only
/// for lower bounds: the straight chord between two surface points is never longer than the
/// geodesic joining them, so chords prune candidates and are never an answer.
struct Chord3: Sendable {
    var x: Double, y: Double, z: Double

    @inline(__always) init(x: Double, y: Double, z: Double) { self.x = x; self.y = y; self.z = z }

    init(_ p: LonLat) {
        let a = 6_378_137.0, f = 1 / 298.257223563
        let e2 = f * (2 - f)
        let lat = p.lat * .pi / 180, lon = p.lon * .pi / 180
        let sinLat = sin(lat), cosLat = cos(lat)
        let n = a / (1 - e2 * sinLat * sinLat).squareRoot()
        x = n * cosLat * cos(lon)
        y = n * cosLat * sin(lon)
        z = n * (1 - e2) * sinLat
    }

    @inline(__always) static func - (a: Chord3, b: Chord3) -> Chord3 { Chord3(x: a.x - b.x, y: a.y - b.y, z: a.z - b.z) }
    @inline(__always) func dot(_ o: Chord3) -> Double { x * o.x + y * o.y + z * o.z }
    @inline(__always) func distance(to o: Chord3) -> Double { (self - o).dot(self - o).squareRoot() }
    @inline(__always) subscript(axis: Int) -> Double { axis == 0 ? x : (axis == 1 ? y : z) }

    /// The largest normal curvature of the WGS 84 surface (a / b², at the equator along the
    /// meridian), with a margin: no geodesic bends faster in space.
    static let maximumCurvature = 6_378_137.0 / (6_356_752.314245 * 6_356_752.314245) * 1.001
}

/// An axis-aligned box in earth-centred coordinates.
struct Box3: Sendable {
    var lo: Chord3, hi: Chord3

    init(_ p: Chord3) { lo = p; hi = p }

    mutating func include(_ p: Chord3) {
        lo = Chord3(x: min(lo.x, p.x), y: min(lo.y, p.y), z: min(lo.z, p.z))
        hi = Chord3(x: max(hi.x, p.x), y: max(hi.y, p.y), z: max(hi.z, p.z))
    }

    mutating func include(_ b: Box3) { include(b.lo); include(b.hi) }

    func expanded(by r: Double) -> Box3 {
        var b = self
        b.lo = Chord3(x: lo.x - r, y: lo.y - r, z: lo.z - r)
        b.hi = Chord3(x: hi.x + r, y: hi.y + r, z: hi.z + r)
        return b
    }

    /// The squared distance from `p` to the box (0 inside): a lower bound for anything inside it.
    @inline(__always) func distanceSquared(to p: Chord3) -> Double {
        let dx = max(lo.x - p.x, 0, p.x - hi.x)
        let dy = max(lo.y - p.y, 0, p.y - hi.y)
        let dz = max(lo.z - p.z, 0, p.z - hi.z)
        return dx * dx + dy * dy + dz * dz
    }
}

/// A bounding-box tree over items (places or border pieces): nodes in depth-first order, each
/// leaf holding a few consecutive items of `order`. Searches visit nearer boxes first and skip
/// every box farther than the current bound.
struct BoxTree: Sendable {
    struct Node: Sendable {
        var box: Box3
        /// Leaf: the range of `order`; inner node: `start` is the right child's index (the left is next).
        var start: Int32
        var count: Int32
    }

    private(set) var nodes: [Node] = []
    /// Item indices, grouped by leaf.
    private(set) var order: [Int32] = []

    init(boxes: [Box3], leafSize: Int = 4) {
        guard !boxes.isEmpty else { return }
        var idx = (0..<boxes.count).map { Int32($0) }
        let centres = boxes.map { Chord3(x: ($0.lo.x + $0.hi.x) / 2, y: ($0.lo.y + $0.hi.y) / 2, z: ($0.lo.z + $0.hi.z) / 2) }
        build(&idx, 0, idx.count, boxes, centres, leafSize)
        order = idx
    }

    private mutating func build(_ idx: inout [Int32], _ lo: Int, _ hi: Int, _ boxes: [Box3], _ centres: [Chord3], _ leafSize: Int) {
        var box = boxes[Int(idx[lo])]
        for k in lo..<hi { box.include(boxes[Int(idx[k])]) }
        let me = nodes.count
        nodes.append(Node(box: box, start: Int32(lo), count: Int32(hi - lo)))
        guard hi - lo > leafSize else { return }
        var spread = Box3(centres[Int(idx[lo])])
        for k in lo..<hi { spread.include(centres[Int(idx[k])]) }
        let extent = [spread.hi.x - spread.lo.x, spread.hi.y - spread.lo.y, spread.hi.z - spread.lo.z]
        let axis = extent.firstIndex(of: extent.max()!)!
        idx[lo..<hi].sort { centres[Int($0)][axis] < centres[Int($1)][axis] }
        let mid = (lo + hi) / 2
        nodes[me].count = 0
        build(&idx, lo, mid, boxes, centres, leafSize)
        nodes[me].start = Int32(nodes.count)
        build(&idx, mid, hi, boxes, centres, leafSize)
    }

    /// Calls `leaf(range, &bound)` for every leaf (a range of `order`, i.e. of items stored in
    /// tree order) whose box lies no farther than `bound` from `p`; `leaf` may lower the bound.
    /// Nearer children first; each box distance is computed once, squared.
    @inline(__always)
    func search(_ p: Chord3, bound: inout Double, _ leaf: (Range<Int>, inout Double) -> Void) {
        guard !nodes.isEmpty else { return }
        // A fixed stack: depth-first with one pending sibling per level; 64 levels is far beyond
        // any balanced tree over an array.
        var stack = (SIMD16<Int32>(), SIMD16<Int32>(), SIMD16<Int32>(), SIMD16<Int32>())
        var dist = (SIMD16<Double>(), SIMD16<Double>(), SIMD16<Double>(), SIMD16<Double>())
        withUnsafeMutableBytes(of: &stack) { rawStack in
            withUnsafeMutableBytes(of: &dist) { rawDist in
                let s = rawStack.bindMemory(to: Int32.self), ds = rawDist.bindMemory(to: Double.self)
                var top = 1
                s[0] = 0
                ds[0] = 0
                nodes.withUnsafeBufferPointer { nodes in
                    while top > 0 {
                        top -= 1
                        if ds[top] > max(bound, 0) * max(bound, 0) { continue }
                        var index = Int(s[top])
                        while true {
                            let n = nodes[index]
                            if n.count > 0 {
                                leaf(Int(n.start)..<Int(n.start + n.count), &bound)
                                break
                            }
                            let left = index + 1, right = Int(n.start)
                            let dl = nodes[left].box.distanceSquared(to: p), dr = nodes[right].box.distanceSquared(to: p)
                            let b2 = max(bound, 0) * max(bound, 0)
                            let (near, far, dn, df) = dl <= dr ? (left, right, dl, dr) : (right, left, dr, dl)
                            if df <= b2 { s[top] = Int32(far); ds[top] = df; top += 1 }
                            if dn > b2 { break }
                            index = near
                        }
                    }
                }
            }
        }
    }
}
