import Foundation

/// A bounding-box tree over items (places or border pieces): nodes in depth-first order, each
/// leaf holding a few consecutive items of `order`. Searches visit nearer boxes first and skip
/// every box farther than the current bound.
public struct BoxTree: Sendable {
    struct Node: Sendable {
        var box: Box3
        /// Leaf: the range of `order`; inner node: `start` is the right child's index (the left is next).
        var start: Int32
        var count: Int32
    }

    private(set) var nodes: [Node] = []
    /// Item indices, grouped by leaf.
    public private(set) var order: [Int32] = []

    public init(boxes: [Box3], leafSize: Int = 4) {
        guard !boxes.isEmpty else { return }
        var idx = (0..<boxes.count).map { Int32($0) }
        let centres = boxes.map { EarthCentred(x: ($0.lo.x + $0.hi.x) / 2, y: ($0.lo.y + $0.hi.y) / 2, z: ($0.lo.z + $0.hi.z) / 2) }
        build(&idx, 0, idx.count, boxes, centres, leafSize)
        order = idx
    }

    private mutating func build(_ idx: inout [Int32], _ lo: Int, _ hi: Int, _ boxes: [Box3], _ centres: [EarthCentred], _ leafSize: Int) {
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
    public func search(_ p: EarthCentred, bound: inout Double, _ leaf: (Range<Int>, inout Double) -> Void) {
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
