import Testing
@testable import EventMapKit

/// Greedy label placement: no overlaps, inside the frame, deterministic, drops what cannot fit.
@Suite struct LabelPlacerTests {
    let bounds = PixelBox(minX: 0, minY: 0, maxX: 400, maxY: 300)

    func requests(_ n: Int, spacing: Double) -> [LabelRequest] {
        (0..<n).map { i in
            LabelRequest(id: "p\(i)", text: "Place number \(i)", anchor: PixelPoint(x: 60 + Double(i % 6) * spacing, y: 60 + Double(i / 6) * spacing),
                         anchorRadius: 3, fontSize: 11, priority: i % 3)
        }
    }

    @Test func placedLabelsOverlapNeitherEachOtherNorSymbols() {
        let reqs = requests(24, spacing: 40)
        let symbols = reqs.map { PixelBox(around: $0.anchor, radius: 3) }
        var placer = LabelPlacer(bounds: bounds, obstacles: symbols)
        let placed = placer.place(reqs)
        #expect(placed.count + placer.dropped.count == reqs.count)
        #expect(placed.count > 6)
        for (i, a) in placed.enumerated() {
            #expect(bounds.contains(a.box))
            for b in placed[(i + 1)...] { #expect(!a.box.intersects(b.box)) }
            for s in symbols { #expect(!a.box.intersects(s)) }
        }
    }

    @Test func placementIsDeterministicWhateverTheInputOrder() {
        let reqs = requests(18, spacing: 45)
        let symbols = reqs.map { PixelBox(around: $0.anchor, radius: 3) }
        var p1 = LabelPlacer(bounds: bounds, obstacles: symbols)
        var p2 = LabelPlacer(bounds: bounds, obstacles: symbols)
        let a = p1.place(reqs), b = p2.place(reqs.reversed())
        #expect(a == b)
        #expect(p1.dropped == p2.dropped)
    }

    @Test func aLabelWithNoRoomIsDroppedNotOverlapped() {
        let anchor = PixelPoint(x: 20, y: 20)
        var placer = LabelPlacer(bounds: PixelBox(minX: 0, minY: 0, maxX: 40, maxY: 40), obstacles: [])
        let placed = placer.place([LabelRequest(id: "long", text: "A name far too long for this frame", anchor: anchor, anchorRadius: 3, fontSize: 12)])
        #expect(placed.isEmpty)
        #expect(placer.dropped == ["long"])
    }

    @Test func higherPriorityWinsTheSpot() {
        let anchor = PixelPoint(x: 200, y: 150)
        var placer = LabelPlacer(bounds: bounds, obstacles: [])
        let placed = placer.place([
            LabelRequest(id: "b-low", text: "Low", anchor: anchor, anchorRadius: 3, fontSize: 12, priority: 1),
            LabelRequest(id: "a-high", text: "High", anchor: anchor, anchorRadius: 3, fontSize: 12, priority: 9),
        ])
        #expect(placed.first?.id == "a-high")
        #expect(placed.first?.alignment == .start)  // the first candidate: right of the symbol
    }
}
