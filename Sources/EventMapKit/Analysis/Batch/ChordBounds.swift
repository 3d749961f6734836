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
