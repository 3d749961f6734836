import GeoCore

/// The geodesic distance from a point to a target, with the nearest point of the target and
/// what an approximate place does to the answer.
public struct TargetDistance: Sendable {
    public let from: NamedPoint
    public let targetLabel: String
    /// Metres; 0 when the point is inside an area target.
    public let distanceMetres: Double
    /// At `from`, towards `nearest`, degrees clockwise from north; nil when they coincide.
    public let azimuthDegrees: Double?
    /// At `nearest`, continuing the same geodesic (point targets only).
    public let finalAzimuthDegrees: Double?
    /// The nearest point of the target (the target itself for a point).
    public let nearest: LonLat
    /// For land borders: the border the nearest point lies on (the two countries).
    public let border: LandBorder?
    /// For an area: whether `from` lies inside, and its distance to the boundary.
    public let isInside: Bool?
    public let boundaryDistanceMetres: Double?
    /// How far off the distance may be because a place is approximate (the sum of the radii of
    /// the approximate places involved), metres; 0 when both ends are exact.
    public let uncertaintyMetres: Double
    /// One sentence per approximate place, e.g. "Jabal al-Duwayla camp is placed within 8 km;
    /// the distance may be off by as much."
    public let notes: [String]

    /// The geodesic from the point to `nearest` as a one-edge line (edges are geodesics; the
    /// GeoJSON writer densifies it), e.g. the Kafr Takharim to border line of a map.
    public var connector: Geometry { .lineString([from.position, nearest]) }

    /// Measures from `from` to `target` along WGS 84 geodesics (edges of lines and areas too).
    public init(from: NamedPoint, to target: Target) {
        self.from = from
        targetLabel = target.label
        var approximate = [from.place].compactMap { $0 }.filter(\.isApproximate)
        switch target {
        case .point(let to):
            let g = Geodesic.inverse(from.position, to.position)
            distanceMetres = g.distanceMetres
            azimuthDegrees = g.distanceMetres > 0 ? g.initialAzimuthDegrees : nil
            finalAzimuthDegrees = g.distanceMetres > 0 ? g.finalAzimuthDegrees : nil
            nearest = to.position
            border = nil
            isInside = nil
            boundaryDistanceMetres = nil
            if let p = to.place, p.isApproximate, p.id != from.place?.id { approximate.append(p) }
        case .line(_, _, let index):
            let n = index.nearest(to: from.position)
            distanceMetres = n?.distanceMetres ?? .infinity
            azimuthDegrees = n?.azimuthDegrees
            finalAzimuthDegrees = nil
            nearest = n?.point ?? from.position
            border = nil
            isInside = nil
            boundaryDistanceMetres = nil
        case .borders(let set):
            let n = set.nearest(to: from.position)
            distanceMetres = n?.point.distanceMetres ?? .infinity
            azimuthDegrees = n?.point.azimuthDegrees
            finalAzimuthDegrees = nil
            nearest = n?.point.point ?? from.position
            border = n?.border
            isInside = nil
            boundaryDistanceMetres = nil
        case .area(_, _, let area):
            let d = area.distance(from: from.position)
            distanceMetres = d?.distanceMetres ?? .infinity
            azimuthDegrees = d?.boundary.azimuthDegrees
            finalAzimuthDegrees = nil
            nearest = d?.boundary.point ?? from.position
            border = nil
            isInside = d?.isInside
            boundaryDistanceMetres = d?.boundary.distanceMetres
        }
        uncertaintyMetres = LocationUncertainty.combined(approximate)
        notes = approximate.map(PrecisionNote.distance)
    }
}

/// Sentences that say what an approximate place does to a result.
public enum PrecisionNote {
    /// "Jabal al-Duwayla camp is placed within 8 km; the distance may be off by as much."
    public static func distance(_ p: Place) -> String {
        "\(p.name) is placed within \(kilometres(p.uncertaintyMetres)) km (where_prec \(p.precision.code)); the distance may be off by as much."
    }

    /// Metres as kilometres, at most one decimal: "8", "2.5".
    public static func kilometres(_ m: Double) -> String { JSONWriter.format(m / 1000, decimals: 1) }
}
