import Foundation
import GeoCore

/// A hexagonal grid of equal ground area: regular hexagons laid out in a Lambert azimuthal
/// equal-area projection centred on the map (PROJ `laea` on the WGS 84 ellipsoid), so every cell
/// covers the same area of the ellipsoid. Pointy-top cells; `widthMetres` across flats.
/// Not Sendable: it holds a PROJ transformer.
public struct HexGrid {
    public let centre: LonLat
    public let widthMetres: Double
    public let transformer: Transformer

    /// One cell: axial coordinates (q, r) of the pointy-top layout.
    public struct Cell: Hashable, Sendable, Comparable {
        public let q: Int
        public let r: Int
        public static func < (a: Cell, b: Cell) -> Bool { a.r != b.r ? a.r > b.r : a.q < b.q }
    }

    public init(centre: LonLat, widthMetres: Double, context: PROJContext) throws(PROJError) {
        self.centre = centre
        self.widthMetres = widthMetres
        transformer = try context.transformer(toProjected: Self.projection(centre: centre))
    }

    /// The equal-area projection the cells are regular in.
    public static func projection(centre: LonLat) -> String {
        let lat = (centre.lat * 10_000).rounded() / 10_000, lon = (centre.lon * 10_000).rounded() / 10_000
        return "+proj=laea +lat_0=\(lat) +lon_0=\(lon) +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs"
    }

    /// Circumradius: centre to corner.
    public var sizeMetres: Double { widthMetres / 3.0.squareRoot() }

    /// The ground area of every cell: (√3/2)·width².
    public var cellAreaSquareMetres: Double { 3.0.squareRoot() / 2 * widthMetres * widthMetres }

    /// The cell holding a projected position (cube rounding of fractional axial coordinates).
    public func cell(of p: Projected) -> Cell {
        let s = sizeMetres
        let q = (3.0.squareRoot() / 3 * p.x - p.y / 3) / s
        let r = (2.0 / 3 * p.y) / s
        var rx = q.rounded(), rz = r.rounded()
        let ry = (-q - r).rounded()
        let dx = abs(rx - q), dy = abs(ry - (-q - r)), dz = abs(rz - r)
        if dx > dy && dx > dz { rx = -ry - rz } else if dy <= dz { rz = -rx - ry }
        return Cell(q: Int(rx), r: Int(rz))
    }

    /// The cell's centre, projected.
    public func centre(of c: Cell) -> Projected {
        let s = sizeMetres
        return Projected(x: s * 3.0.squareRoot() * (Double(c.q) + Double(c.r) / 2), y: s * 1.5 * Double(c.r))
    }

    /// The cell's six corners, projected, counter-clockwise from the east-south-east corner.
    public func corners(of c: Cell) -> [Projected] {
        let o = centre(of: c), s = sizeMetres
        return (0..<6).map { i in
            let a = (60.0 * Double(i) - 30) * .pi / 180
            return Projected(x: o.x + s * cos(a), y: o.y + s * sin(a))
        }
    }

    /// The cell as a closed lon/lat ring, counter-clockwise, each edge split in `edgeSteps` so the
    /// outline follows the straight edge of the equal-area plane. One step is enough to draw a cell
    /// up to tens of km across: the straight edge in the equal-area plane and the one in the map's
    /// projection part by far less than a pixel.
    public func ring(of c: Cell, edgeSteps: Int = 1) throws(PROJError) -> [LonLat] {
        let k = corners(of: c)
        var pts: [Projected] = []
        for i in 0..<6 {
            let a = k[i], b = k[(i + 1) % 6]
            for j in 0..<edgeSteps {
                let t = Double(j) / Double(edgeSteps)
                pts.append(Projected(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t))
            }
        }
        pts.append(k[0])
        return try transformer.unproject(pts)
    }
}
