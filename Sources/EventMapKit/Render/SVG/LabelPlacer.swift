/// An axis-aligned box on the canvas, in pixels.
public struct PixelBox: Sendable, Equatable {
    public var minX: Double, minY: Double, maxX: Double, maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }

    /// The square around a point with half-side `radius`.
    public init(around p: PixelPoint, radius: Double) {
        self.init(minX: p.x - radius, minY: p.y - radius, maxX: p.x + radius, maxY: p.y + radius)
    }

    public func intersects(_ o: PixelBox) -> Bool {
        minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY
    }

    public func contains(_ o: PixelBox) -> Bool {
        o.minX >= minX && o.maxX <= maxX && o.minY >= minY && o.maxY <= maxY
    }

    public func padded(_ d: Double) -> PixelBox { PixelBox(minX: minX - d, minY: minY - d, maxX: maxX + d, maxY: maxY + d) }
}

/// A label to place next to its anchor (a marker, or the centre of an area).
public struct LabelRequest: Sendable {
    public var id: String
    public var text: String
    public var anchor: PixelPoint
    /// Half-size of the symbol at the anchor: the label keeps clear of it.
    public var anchorRadius: Double
    public var fontSize: Double
    public var bold: Bool
    public var priority: Int
    /// Try the centre of the anchor first (names inside their uncertainty areas).
    public var preferCentre: Bool
    /// Draw a leader line when the label sits away from its anchor (not for area names).
    public var leaderLine: Bool
    public var colour: String?
    public var italic: Bool

    public init(id: String, text: String, anchor: PixelPoint, anchorRadius: Double, fontSize: Double, bold: Bool = false,
                priority: Int = 0, preferCentre: Bool = false, leaderLine: Bool = true, colour: String? = nil, italic: Bool = false) {
        self.id = id; self.text = text; self.anchor = anchor; self.anchorRadius = anchorRadius
        self.fontSize = fontSize; self.bold = bold; self.priority = priority; self.preferCentre = preferCentre
        self.leaderLine = leaderLine; self.colour = colour; self.italic = italic
    }
}

/// Where a label went: the text position (SVG `x`, `y` baseline, `text-anchor`), its box, and a
/// leader line when it had to move away from its anchor.
public struct PlacedLabel: Sendable, Equatable {
    public enum Alignment: String, Sendable { case start, middle, end }
    public var id: String
    public var text: String
    public var x: Double
    public var y: Double
    public var alignment: Alignment
    public var box: PixelBox
    public var leader: (PixelPoint, PixelPoint)?

    public static func == (a: PlacedLabel, b: PlacedLabel) -> Bool {
        a.id == b.id && a.text == b.text && a.x == b.x && a.y == b.y && a.alignment == b.alignment && a.box == b.box
            && a.leader?.0 == b.leader?.0 && a.leader?.1 == b.leader?.1
    }
}

/// Greedy label placement: labels in priority order (then by id, so the result is the same
/// on every run), each at the first of eight positions around its symbol where its estimated
/// box stays inside the frame and clear of every symbol and every label already placed; failing
/// that, farther out with a leader line; failing that, the label is dropped.
public struct LabelPlacer {
    public let bounds: PixelBox
    public private(set) var obstacles: [PixelBox]
    public private(set) var placed: [PlacedLabel] = []
    /// Leader lines drawn so far: a new one may not cross them.
    private var leaders: [(PixelPoint, PixelPoint)] = []
    public private(set) var dropped: [String] = []
    /// Clearance kept between boxes, pixels.
    public var gap: Double = 1.5

    public init(bounds: PixelBox, obstacles: [PixelBox]) {
        self.bounds = bounds
        self.obstacles = obstacles
    }

    /// Reserves a box (an area name, a legend) so that no later label covers it.
    public mutating func reserve(_ box: PixelBox) { obstacles.append(box) }

    /// Places every request; returns the placed labels in placement order.
    public mutating func place(_ requests: [LabelRequest]) -> [PlacedLabel] {
        let ordered = requests.sorted { $0.priority != $1.priority ? $0.priority > $1.priority : $0.id < $1.id }
        var out: [PlacedLabel] = []
        for r in ordered {
            if let l = placeOne(r) {
                placed.append(l)
                obstacles.append(l.box)
                if let leader = l.leader { leaders.append(leader) }
                out.append(l)
            } else {
                dropped.append(r.id)
            }
        }
        return out
    }

    private func fits(_ box: PixelBox) -> Bool {
        bounds.contains(box) && !obstacles.contains { $0.intersects(box.padded(gap)) }
    }

    /// Whether two segments intersect (proper or touching).
    static func segmentsCross(_ a: (PixelPoint, PixelPoint), _ b: (PixelPoint, PixelPoint)) -> Bool {
        func orient(_ p: PixelPoint, _ q: PixelPoint, _ r: PixelPoint) -> Double { (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x) }
        let d1 = orient(b.0, b.1, a.0), d2 = orient(b.0, b.1, a.1), d3 = orient(a.0, a.1, b.0), d4 = orient(a.0, a.1, b.1)
        return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0))
    }

    /// Whether a segment passes through a box (sampled every pixel: boxes are at least a few pixels wide).
    static func segment(_ s: (PixelPoint, PixelPoint), crosses box: PixelBox) -> Bool {
        let len = ((s.1.x - s.0.x) * (s.1.x - s.0.x) + (s.1.y - s.0.y) * (s.1.y - s.0.y)).squareRoot()
        let n = max(2, Int(len.rounded(.up)))
        for i in 1..<n {
            let t = Double(i) / Double(n)
            let p = PixelPoint(x: s.0.x + (s.1.x - s.0.x) * t, y: s.0.y + (s.1.y - s.0.y) * t)
            if p.x > box.minX && p.x < box.maxX && p.y > box.minY && p.y < box.maxY { return true }
        }
        return false
    }

    private func placeOne(_ r: LabelRequest) -> PlacedLabel? {
        let w = TextMetrics.width(r.text, fontSize: r.fontSize, bold: r.bold)
        let up = TextMetrics.ascent(r.fontSize), down = TextMetrics.descent(r.fontSize)
        // Obstacles include the label's own symbol: skip it when testing this label.
        func candidate(_ dx: Double, _ dy: Double, _ a: PlacedLabel.Alignment, leader: Bool) -> PlacedLabel? {
            let x = r.anchor.x + dx
            let baseline = r.anchor.y + dy
            let minX = a == .start ? x : a == .end ? x - w : x - w / 2
            let box = PixelBox(minX: minX, minY: baseline - up, maxX: minX + w, maxY: baseline + down)
            guard fits(box) else { return nil }
            var line: (PixelPoint, PixelPoint)?
            if leader {
                let target = PixelPoint(x: min(max(r.anchor.x, box.minX), box.maxX), y: min(max(r.anchor.y, box.minY), box.maxY))
                let len = ((target.x - r.anchor.x) * (target.x - r.anchor.x) + (target.y - r.anchor.y) * (target.y - r.anchor.y)).squareRoot()
                guard len > 0 else { return nil }
                let start = PixelPoint(x: r.anchor.x + (target.x - r.anchor.x) / len * r.anchorRadius,
                                       y: r.anchor.y + (target.y - r.anchor.y) / len * r.anchorRadius)
                // A leader crosses no other leader, and no symbol or label but its own.
                if leaders.contains(where: { Self.segmentsCross((start, target), $0) }) { return nil }
                let ownSymbol = PixelBox(around: r.anchor, radius: r.anchorRadius + 0.5)
                if obstacles.contains(where: { !$0.intersects(ownSymbol) && Self.segment((start, target), crosses: $0) }) { return nil }
                line = (start, target)
            }
            return PlacedLabel(id: r.id, text: r.text, x: x, y: baseline, alignment: a, box: box, leader: line)
        }
        let mid = (up - down) / 2  // baseline offset that centres the box vertically on the anchor
        if r.preferCentre, let c = candidate(0, mid, .middle, leader: false) { return c }
        for step in [0.0, 10, 22, 38, 60] {
            let d = r.anchorRadius + 2.5 + step
            let diag = d
            let positions: [(Double, Double, PlacedLabel.Alignment)] = [
                (d, mid, .start), (-d, mid, .end),
                (diag, -diag - down, .start), (diag, diag + up, .start),
                (-diag, -diag - down, .end), (-diag, diag + up, .end),
                (0, -d - down, .middle), (0, d + up, .middle),
            ]
            for (dx, dy, a) in positions {
                if let c = candidate(dx, dy, a, leader: step > 0 && r.leaderLine) { return c }
            }
        }
        return nil
    }
}
