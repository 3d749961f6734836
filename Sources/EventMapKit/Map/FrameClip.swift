import GeoCore

/// Cuts lines and areas to what a map frame shows, so that a country polygon of thousands of
/// vertices leaves only the part inside the frame in the SVG.
///
/// Two steps: a coarse cut in degrees to a box well beyond the frame (a selection, never a
/// measurement; it keeps far-off vertices away from projections that cannot take them), then
/// the exact cut with GEOS in projected coordinates against the frame's rectangle.
public struct FrameClip {
    public let frame: MapFrame
    public let context: GEOSContext
    private let coarseBox: BoundingBox
    private let rectangle: GEOSGeometry<Projected>

    /// `paddingPixels` widens the cut beyond the frame so that no outline shows at its edge.
    public init(frame: MapFrame, context: GEOSContext, paddingPixels: Double = 4) throws {
        self.frame = frame
        self.context = context
        let e = try frame.lonLatExtent()
        let dx = max(1, (e.east - e.west) * 0.5), dy = max(1, (e.north - e.south) * 0.5)
        coarseBox = BoundingBox(west: max(-180, e.west - dx), south: max(-90, e.south - dy),
                                east: min(180, e.east + dx), north: min(90, e.north + dy))
        let pad = paddingPixels / frame.pixelsPerUnit
        let a = frame.projectedMin, b = frame.projectedMax
        rectangle = try GEOSGeometry(.polygon([MapFrame.rectangle(Projected(x: a.x - pad, y: a.y - pad), Projected(x: b.x + pad, y: b.y + pad))]),
                                     in: context)
    }

    /// The projected part of `geometry` inside the frame, or nil when nothing of it is inside.
    /// Points are kept when inside the padded frame.
    public func projectedInside(_ geometry: Geometry) throws -> ProjectedGeometry? {
        switch geometry {
        case .point(let p):
            let q = try frame.transformer.project(p)
            return inside(q) ? .point(q) : nil
        case .multiPoint(let ps):
            let qs = try frame.transformer.project(ps).filter(inside)
            return qs.isEmpty ? nil : .multiPoint(qs)
        default:
            break
        }
        let areal = !geometry.polygons.isEmpty
        var lonLat = geometry
        if !geometry.positions.allSatisfy(coarseBox.contains) {
            let box = BoundingBoxPolygon.geometry(coarseBox)
            let cut = try Self.cut(try GEOSGeometry(lonLat, in: context), try GEOSGeometry(box, in: context), areal: areal)
            guard let cut else { return nil }
            lonLat = cut
        }
        return try Self.cut(try GEOSGeometry(try frame.transformer.project(lonLat), in: context), rectangle, areal: areal)
    }

    private func inside(_ q: Projected) -> Bool {
        let pad = 4 / frame.pixelsPerUnit
        return q.x >= frame.projectedMin.x - pad && q.x <= frame.projectedMax.x + pad
            && q.y >= frame.projectedMin.y - pad && q.y <= frame.projectedMax.y + pad
    }

    /// Intersection keeping only parts of the input's dimension (areas stay areas, lines lines).
    private static func cut<P>(_ g: GEOSGeometry<P>, _ box: GEOSGeometry<P>, areal: Bool) throws -> GeometryOf<P>? {
        var result: GEOSGeometry<P>
        do { result = try g.intersection(box) } catch {
            result = try g.makeValid().intersection(box)
        }
        if result.isEmpty { return nil }
        let v = try result.value()
        if areal {
            let polys = v.polygons.filter { !$0.isEmpty }
            return polys.isEmpty ? nil : polys.count == 1 ? .polygon(polys[0]) : .multiPolygon(polys)
        }
        let lines = v.lines.filter { $0.count > 1 }
        return lines.isEmpty ? nil : lines.count == 1 ? .lineString(lines[0]) : .multiLineString(lines)
    }
}

/// A lon/lat box as a polygon, for cutting.
enum BoundingBoxPolygon {
    static func geometry(_ b: BoundingBox) -> Geometry {
        .polygon([[LonLat(lon: b.west, lat: b.south), LonLat(lon: b.east, lat: b.south), LonLat(lon: b.east, lat: b.north),
                   LonLat(lon: b.west, lat: b.north), LonLat(lon: b.west, lat: b.south)]])
    }
}
