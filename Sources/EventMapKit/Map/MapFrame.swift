import Foundation
import GeoCore

/// A pixel position on the SVG canvas (y down).
public struct PixelPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// Where a map looks and how: the projection (a PROJ definition), the projected rectangle the
/// map shows, and the affine step from projected metres to canvas pixels.
/// Not Sendable: it holds a PROJ transformer, which belongs to one task.
public struct MapFrame {
    /// The PROJ definition the map is drawn in.
    public let projection: String
    public let transformer: Transformer
    /// The projected rectangle shown, in the projection's units.
    public let projectedMin: Projected
    public let projectedMax: Projected
    /// Canvas position of the frame's top-left corner, and its size in pixels.
    public let origin: PixelPoint
    public let widthPixels: Double
    public let heightPixels: Double
    /// Pixels per projected unit (the same along x and y: no distortion is added).
    public let pixelsPerUnit: Double

    /// The frame's projected centre, as a geographic position: where the scale bar is true.
    public func centre() throws(PROJError) -> LonLat {
        try transformer.unproject(Projected(x: (projectedMin.x + projectedMax.x) / 2, y: (projectedMin.y + projectedMax.y) / 2))
    }

    /// Canvas pixel of a projected position.
    public func pixel(_ p: Projected) -> PixelPoint {
        PixelPoint(x: origin.x + (p.x - projectedMin.x) * pixelsPerUnit, y: origin.y + (projectedMax.y - p.y) * pixelsPerUnit)
    }

    /// Canvas pixel of a geographic position.
    public func pixel(_ p: LonLat) throws(PROJError) -> PixelPoint { pixel(try transformer.project(p)) }

    /// The projected position under a canvas pixel.
    public func projected(_ p: PixelPoint) -> Projected {
        Projected(x: projectedMin.x + (p.x - origin.x) / pixelsPerUnit, y: projectedMax.y - (p.y - origin.y) / pixelsPerUnit)
    }

    /// The rectangle with corners `a` (lower left) and `b` (upper right) as a closed,
    /// counter-clockwise ring.
    public static func rectangle(_ a: Projected, _ b: Projected) -> [Projected] {
        [a, Projected(x: b.x, y: a.y), b, Projected(x: a.x, y: b.y), a]
    }

    /// The geographic box around the frame (its edges unprojected at 16 points a side).
    public func lonLatExtent() throws(PROJError) -> BoundingBox {
        var pts: [Projected] = []
        for i in 0...16 {
            let t = Double(i) / 16
            let x = projectedMin.x + (projectedMax.x - projectedMin.x) * t
            let y = projectedMin.y + (projectedMax.y - projectedMin.y) * t
            pts += [Projected(x: x, y: projectedMin.y), Projected(x: x, y: projectedMax.y),
                    Projected(x: projectedMin.x, y: y), Projected(x: projectedMax.x, y: y)]
        }
        return BoundingBox(try transformer.unproject(pts))!
    }
}

/// What a user may ask of a map's frame: a projection and a box; both default from the data.
public struct MapFrameRequest: Sendable {
    /// A PROJ string or an EPSG code (`EPSG:32637` or `32637`); nil for a transverse Mercator
    /// centred on the extent.
    public var projection: String?
    /// West, south, east, north in degrees; nil to fit the data with a margin.
    public var bbox: BoundingBox?
    /// Width of the map frame in pixels.
    public var widthPixels: Double
    /// Margin around the data, as a fraction of the larger side of its projected box.
    public var marginFraction: Double
    /// Height/width limits: a box outside them is widened rather than distorted.
    public var aspectRange: ClosedRange<Double>

    public init(projection: String? = nil, bbox: BoundingBox? = nil, widthPixels: Double = 900,
                marginFraction: Double = 0.06, aspectRange: ClosedRange<Double> = 0.6...1.2) {
        self.projection = projection; self.bbox = bbox; self.widthPixels = widthPixels
        self.marginFraction = marginFraction; self.aspectRange = aspectRange
    }
}

/// Why a map frame cannot be made.
public enum MapFrameError: Error, Sendable, CustomStringConvertible {
    case noData
    case geographicProjection(String)
    case badBoundingBox(String)
    case projection(PROJError)

    public var description: String {
        switch self {
        case .noData: "the map has nothing to show: no feature lies in the data or the box"
        case .geographicProjection(let p): "--projection \(p) is a geographic CRS (degrees): maps are drawn projected; give a projected CRS such as EPSG:32637"
        case .badBoundingBox(let why): "--bbox: \(why)"
        case .projection(let e): e.description
        }
    }
}

extension MapFrame {
    /// The PROJ definition for a user's `--projection` text (a bare number is an EPSG code).
    public static func projectionDefinition(_ text: String) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        return !t.isEmpty && t.allSatisfy(\.isNumber) ? "EPSG:" + t : t
    }

    /// A frame fitting `positions` (or the requested box), projected as requested, with the
    /// canvas frame's top-left corner at `origin`.
    public static func make(fitting positions: [LonLat], request: MapFrameRequest, origin: PixelPoint,
                            context: PROJContext) throws(MapFrameError) -> MapFrame {
        guard let extent = request.bbox ?? BoundingBox(positions) else { throw .noData }
        if request.projection == nil {
            // Centre the default transverse Mercator on the frame itself (not only on the data's
            // lon/lat box), so that grid north is true north at the map's centre: one refit does it.
            let first = try make(fitting: positions, extent: extent, centre: extent.centre, request: request, origin: origin, context: context)
            let c: LonLat
            do { c = try first.centre() } catch { throw .projection(error) }
            return try make(fitting: positions, extent: extent, centre: c, request: request, origin: origin, context: context)
        }
        return try make(fitting: positions, extent: extent, centre: extent.centre, request: request, origin: origin, context: context)
    }

    private static func make(fitting positions: [LonLat], extent: BoundingBox, centre: LonLat, request: MapFrameRequest,
                             origin: PixelPoint, context: PROJContext) throws(MapFrameError) -> MapFrame {
        let projection = request.projection.map(projectionDefinition)
            ?? ProjectionDefinition.transverseMercator(centre: LonLat(lon: rounded(centre.lon), lat: rounded(centre.lat)))
        do {
            if try context.isGeographic(projection) { throw MapFrameError.geographicProjection(projection) }
            let t = try context.transformer(toProjected: projection)
            var lo: Projected, hi: Projected
            if request.bbox != nil {
                var edge: [LonLat] = []
                for i in 0...16 {
                    let f = Double(i) / 16
                    let lon = extent.west + (extent.east - extent.west) * f, lat = extent.south + (extent.north - extent.south) * f
                    edge += [LonLat(lon: lon, lat: extent.south), LonLat(lon: lon, lat: extent.north),
                             LonLat(lon: extent.west, lat: lat), LonLat(lon: extent.east, lat: lat)]
                }
                (lo, hi) = bounds(try t.project(edge))
            } else {
                (lo, hi) = bounds(try t.project(positions))
                let margin = max(hi.x - lo.x, hi.y - lo.y, 1000) * request.marginFraction
                lo.x -= margin; lo.y -= margin; hi.x += margin; hi.y += margin
            }
            // Keep the canvas within the aspect limits by widening the short side about the centre.
            var w = max(hi.x - lo.x, 1), h = max(hi.y - lo.y, 1)
            if h / w > request.aspectRange.upperBound {
                let grow = h / request.aspectRange.upperBound - w
                lo.x -= grow / 2; hi.x += grow / 2; w += grow
            } else if h / w < request.aspectRange.lowerBound {
                let grow = w * request.aspectRange.lowerBound - h
                lo.y -= grow / 2; hi.y += grow / 2; h += grow
            }
            let scale = request.widthPixels / w
            return MapFrame(projection: projection, transformer: t, projectedMin: lo, projectedMax: hi, origin: origin,
                            widthPixels: request.widthPixels, heightPixels: (h * scale * 100).rounded() / 100, pixelsPerUnit: scale)
        } catch let e as MapFrameError {
            throw e
        } catch let e as PROJError {
            throw .projection(e)
        } catch {
            throw .noData
        }
    }

    private static func bounds(_ ps: [Projected]) -> (Projected, Projected) {
        var lo = Projected(x: .infinity, y: .infinity), hi = Projected(x: -.infinity, y: -.infinity)
        for p in ps {
            lo.x = min(lo.x, p.x); lo.y = min(lo.y, p.y); hi.x = max(hi.x, p.x); hi.y = max(hi.y, p.y)
        }
        return (lo, hi)
    }

    /// Centre coordinates with 4 decimals (about 10 m): a tidy, stable projection string.
    private static func rounded(_ v: Double) -> Double { (v * 10_000).rounded() / 10_000 }
}

extension BoundingBox {
    /// Parses `W,S,E,N` in decimal degrees (the order of RFC 7946 `bbox`).
    public init(parsingWSEN typed: String) throws(MapFrameError) {
        let text = typed.withASCIIMinus
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 4 else { throw .badBoundingBox("'\(text)' needs four numbers W,S,E,N in decimal degrees, e.g. 36.2,35.9,36.8,36.4") }
        var v: [Double] = []
        for p in parts {
            guard let d = Double.strictDecimal(p) else { throw .badBoundingBox("'\(p)' in '\(text)' is not a decimal number") }
            v.append(d)
        }
        guard (-180.0...180.0).contains(v[0]), (-180.0...180.0).contains(v[2]), (-90.0...90.0).contains(v[1]), (-90.0...90.0).contains(v[3]) else {
            throw .badBoundingBox("'\(text)' is out of range (longitudes -180..180, latitudes -90..90, order W,S,E,N)")
        }
        guard v[0] < v[2], v[1] < v[3] else { throw .badBoundingBox("'\(text)' must have west < east and south < north (order W,S,E,N)") }
        self.init(west: v[0], south: v[1], east: v[2], north: v[3])
    }
}
