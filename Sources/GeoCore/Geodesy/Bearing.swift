/// Compass words for azimuths, for people reading a table.
public enum CompassPoint {
    /// The 16-point compass name of an azimuth in degrees (e.g. 152.4 → "SSE").
    public static func name(forAzimuthDegrees azimuth: Double) -> String {
        let names = ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"]
        var a = azimuth.truncatingRemainder(dividingBy: 360)
        if a < 0 { a += 360 }
        return names[Int((a / 22.5).rounded()) % 16]
    }

    /// An azimuth normalised to 0..<360 degrees clockwise from north.
    public static func normalised(_ azimuth: Double) -> Double {
        var a = azimuth.truncatingRemainder(dividingBy: 360)
        if a < 0 { a += 360 }
        return a == 360 ? 0 : a
    }
}
