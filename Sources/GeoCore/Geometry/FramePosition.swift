/// A position in one coordinate frame, as GEOS stores it: `frameX` then `frameY`. Geometries are
/// generic over it (`GeometryOf`), so that a projected position cannot stand where a longitude and
/// latitude is expected: the frame is in the type, and changing it is a projection.
public protocol FramePosition: Sendable, Hashable {
    init(frameX: Double, frameY: Double)
    var frameX: Double { get }
    var frameY: Double { get }
}

/// A position in a projected frame, in the frame's units (metres for the ones we make).
public struct Projected: FramePosition {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }

    public init(frameX: Double, frameY: Double) { self.init(x: frameX, y: frameY) }
    public var frameX: Double { x }
    public var frameY: Double { y }
}

extension LonLat: FramePosition {
    /// GEOS's x is the longitude, y the latitude.
    public init(frameX: Double, frameY: Double) { self.init(lon: frameX, lat: frameY) }
    public var frameX: Double { lon }
    public var frameY: Double { lat }
}
