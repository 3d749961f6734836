import CPROJ
import Foundation

/// Earth-centred, earth-fixed (ECEF) cartesian coordinates on WGS 84, in metres. Used only for
/// cheap, rigorous lower bounds: the straight chord between two points is never longer than the
/// geodesic joining them, so a chord distance can prune candidates but is never an answer.
public struct EarthCentred: Sendable, Equatable {
    public var x: Double, y: Double, z: Double

    @inlinable public init(x: Double, y: Double, z: Double) { self.x = x; self.y = y; self.z = z }

    /// The ECEF position of a point on the ellipsoid (height 0).
    public init(_ p: LonLat) {
        let a = 6_378_137.0, f = 1 / 298.257223563
        let e2 = f * (2 - f)
        var sinLat = 0.0, cosLat = 0.0, sinLon = 0.0, cosLon = 0.0
        eventmap_sincos(p.lat * .pi / 180, &sinLat, &cosLat)
        eventmap_sincos(p.lon * .pi / 180, &sinLon, &cosLon)
        let n = a / (1 - e2 * sinLat * sinLat).squareRoot()
        x = n * cosLat * cosLon
        y = n * cosLat * sinLon
        z = n * (1 - e2) * sinLat
    }

    @inlinable public static func - (a: EarthCentred, b: EarthCentred) -> EarthCentred { EarthCentred(x: a.x - b.x, y: a.y - b.y, z: a.z - b.z) }
    @inlinable public static func + (a: EarthCentred, b: EarthCentred) -> EarthCentred { EarthCentred(x: a.x + b.x, y: a.y + b.y, z: a.z + b.z) }
    @inlinable public static func * (a: EarthCentred, k: Double) -> EarthCentred { EarthCentred(x: a.x * k, y: a.y * k, z: a.z * k) }
    @inlinable public func dot(_ o: EarthCentred) -> Double { x * o.x + y * o.y + z * o.z }
    @inlinable public var length: Double { dot(self).squareRoot() }
    @inlinable public func cross(_ o: EarthCentred) -> EarthCentred {
        EarthCentred(x: y * o.z - z * o.y, y: z * o.x - x * o.z, z: x * o.y - y * o.x)
    }
    @inlinable public subscript(axis: Int) -> Double { axis == 0 ? x : (axis == 1 ? y : z) }

    /// Straight-line (chord) distance in metres: a lower bound of the geodesic distance.
    @inlinable public func chord(to o: EarthCentred) -> Double { (self - o).length }

    /// The unit normal of the ellipsoid at this point of its surface, (x, y, z/(1 − e²)) scaled;
    /// its z is the sine of the geodetic latitude. No trigonometry.
    @inlinable public var surfaceNormal: EarthCentred {
        let e2 = 1 / 298.257223563 * (2 - 1 / 298.257223563)
        let g = EarthCentred(x: x, y: y, z: z / (1 - e2))
        return g * (1 / g.length)
    }

    /// The azimuth at this surface point, degrees clockwise from north, of direction `d`'s
    /// horizontal part: from the position alone (east and north scaled alike by the distance from
    /// the axis, which `atan2` ignores), with one arctangent.
    @inlinable public func azimuthDegrees(of d: EarthCentred) -> Double { azimuthDegrees(of: d, normal: surfaceNormal) }

    /// The same with this point's `surfaceNormal` at hand.
    @inlinable public func azimuthDegrees(of d: EarthCentred, normal n: EarthCentred) -> Double {
        let east = d.y * x - d.x * y
        let axis2 = x * x + y * y
        let north = -n.z * (d.x * x + d.y * y) + d.z * axis2.squareRoot() * (n.x * n.x + n.y * n.y).squareRoot()
        return atan2(east, north) * 180 / .pi
    }

    /// The largest normal curvature of the WGS 84 surface (a / b², at the equator along the
    /// meridian), with a margin: no geodesic bends faster in space, which bounds how far a
    /// geodesic strays from its chord.
    public static let maximumCurvature = 6_378_137.0 / (6_356_752.314245 * 6_356_752.314245) * 1.001

    /// The distance from this point to the straight segment a-b, and the segment parameter 0...1
    /// of the closest point.
    func distanceToSegment(_ a: EarthCentred, _ b: EarthCentred) -> (distance: Double, t: Double) {
        let ab = b - a
        let len2 = ab.dot(ab)
        var t = len2 > 0 ? (self - a).dot(ab) / len2 : 0
        t = min(1, max(0, t))
        return ((self - (a + ab * t)).length, t)
    }
}
