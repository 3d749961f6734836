import Foundation


/// An axis-aligned box in earth-centred coordinates.
public struct Box3: Sendable {
    public var lo: EarthCentred, hi: EarthCentred

    public init(_ p: EarthCentred) { lo = p; hi = p }

    public mutating func include(_ p: EarthCentred) {
        lo = EarthCentred(x: min(lo.x, p.x), y: min(lo.y, p.y), z: min(lo.z, p.z))
        hi = EarthCentred(x: max(hi.x, p.x), y: max(hi.y, p.y), z: max(hi.z, p.z))
    }

    public mutating func include(_ b: Box3) { include(b.lo); include(b.hi) }

    public func expanded(by r: Double) -> Box3 {
        var b = self
        b.lo = EarthCentred(x: lo.x - r, y: lo.y - r, z: lo.z - r)
        b.hi = EarthCentred(x: hi.x + r, y: hi.y + r, z: hi.z + r)
        return b
    }

    /// The squared distance from `p` to the box (0 inside): a lower bound for anything inside it.
    @inlinable public func distanceSquared(to p: EarthCentred) -> Double {
        let dx = max(lo.x - p.x, 0, p.x - hi.x)
        let dy = max(lo.y - p.y, 0, p.y - hi.y)
        let dz = max(lo.z - p.z, 0, p.z - hi.z)
        return dx * dx + dy * dy + dz * dz
    }
}
