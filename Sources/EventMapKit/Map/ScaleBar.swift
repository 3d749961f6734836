import Foundation
import GeoCore

/// A scale bar that is true at the map's centre: the ground length is a round number of metres
/// and its pixel length is what a geodesic of that length through the centre, along the
/// direction of the bar (grid east), measures on the map.
public struct ScaleBar: Sendable, Equatable {
    /// Ground length, metres (1, 2 or 5 times a power of ten).
    public let lengthMetres: Double
    /// Length of the bar on the canvas, pixels.
    public let lengthPixels: Double
    /// The geographic position where the bar is true (the frame's centre).
    public let centre: LonLat
    /// Azimuth of the bar's direction on the ground, degrees clockwise from north.
    public let azimuthDegrees: Double

    /// "10 km", "500 m".
    public var label: String { ScaleBar.format(lengthMetres) }

    /// The longest round length whose bar fits in `maximumPixels`.
    public static func make(for frame: MapFrame, maximumPixels: Double) throws(PROJError) -> ScaleBar {
        let centre = try frame.centre()
        let convergence = try GridConvergence.degrees(at: centre, frame: frame)
        // Grid east on the ground: true azimuth 90° minus the angle from grid north to true north.
        let azimuth = 90 - convergence
        let pixelsPerMetre = try pixels(forMetres: 1000, at: centre, azimuth: azimuth, frame: frame) / 1000
        var length = 1.0
        for exponent in 0...7 {
            for m in [1.0, 2.0, 5.0] {
                let l = m * pow(10, Double(exponent))
                if l * pixelsPerMetre <= maximumPixels { length = l }
            }
        }
        let px = try pixels(forMetres: length, at: centre, azimuth: azimuth, frame: frame)
        return ScaleBar(lengthMetres: length, lengthPixels: px, centre: centre, azimuthDegrees: CompassPoint.normalised(azimuth))
    }

    /// Canvas length of the geodesic of `metres` centred on `centre` along `azimuth`.
    static func pixels(forMetres metres: Double, at centre: LonLat, azimuth: Double, frame: MapFrame) throws(PROJError) -> Double {
        let a = Geodesic.direct(from: centre, azimuthDegrees: azimuth + 180, distanceMetres: metres / 2).destination
        let b = Geodesic.direct(from: centre, azimuthDegrees: azimuth, distanceMetres: metres / 2).destination
        let pa = try frame.pixel(a), pb = try frame.pixel(b)
        return ((pb.x - pa.x) * (pb.x - pa.x) + (pb.y - pa.y) * (pb.y - pa.y)).squareRoot()
    }

    static func format(_ metres: Double) -> String {
        metres >= 1000 ? "\(JSONWriter.format(metres / 1000, decimals: 3)) km" : "\(JSONWriter.format(metres, decimals: 1)) m"
    }
}

/// The angle at a point between grid north (up on the map) and true north.
public enum GridConvergence {
    /// Degrees clockwise from grid north to true north at `position` (0 on a transverse
    /// Mercator's central meridian): the north arrow is rotated by this much.
    public static func degrees(at position: LonLat, frame: MapFrame) throws(PROJError) -> Double {
        let north = Geodesic.direct(from: position, azimuthDegrees: 0, distanceMetres: 100).destination
        let p = try frame.transformer.project(position), q = try frame.transformer.project(north)
        return atan2(q.x - p.x, q.y - p.y) * 180 / .pi
    }
}
