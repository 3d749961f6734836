import Foundation

/// Why a text is not a coordinate, in words a user can act on.
public struct CoordinateParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "'\(text)' is not a coordinate: \(reason)" }
}

extension LonLat {
    /// Parses `LAT,LON` in decimal degrees (the order of GeodSolve and most map sites).
    /// Spaces around the numbers are allowed; NaN, infinities and out-of-range values are not.
    public init(parsingLatLon typed: String) throws(CoordinateParseError) {
        let text = typed.withASCIIMinus
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw CoordinateParseError(text: text, reason: "write LAT,LON in decimal degrees separated by a comma, e.g. 36.1168,36.51522")
        }
        let latText = parts[0].trimmingSpaces, lonText = parts[1].trimmingSpaces
        guard let lat = Double.strictDecimal(latText) else {
            throw CoordinateParseError(text: text, reason: "latitude '\(latText)' is not a decimal number")
        }
        guard let lon = Double.strictDecimal(lonText) else {
            throw CoordinateParseError(text: text, reason: "longitude '\(lonText)' is not a decimal number")
        }
        guard (-90.0...90.0).contains(lat) else {
            throw CoordinateParseError(text: text, reason: "latitude \(latText) is outside -90..90 (write LAT,LON, latitude first)")
        }
        guard (-180.0...180.0).contains(lon) else {
            throw CoordinateParseError(text: text, reason: "longitude \(lonText) is outside -180..180")
        }
        self.init(lon: lon, lat: lat)
    }

    /// True when the text looks like an attempt at `LAT,LON` (numbers, signs, separators, NaN or
    /// infinity), so that callers can tell a malformed coordinate from a place name.
    public static func looksLikeCoordinate(_ text: String) -> Bool {
        var t = text.withASCIIMinus.trimmingSpaces.lowercased()
        for word in ["infinity", "nan", "inf"] { t = t.replacingOccurrences(of: word, with: "0") }
        let allowed = Set("0123456789+-.,; e".unicodeScalars)
        return t.unicodeScalars.contains(where: { ("0"..."9").contains($0) })
            && t.unicodeScalars.allSatisfy { allowed.contains($0) }
    }
}

extension Double {
    /// A plain decimal number: optional sign, digits, optional fraction and exponent. Rejects
    /// "nan", "inf" and hex forms that `Double(_:)` would accept.
    public static func strictDecimal<S: StringProtocol>(_ s: S) -> Double? {
        guard !s.isEmpty, s.unicodeScalars.allSatisfy({ "0123456789+-.eE".unicodeScalars.contains($0) }),
              let v = Double(String(s)), v.isFinite
        else { return nil }
        return v
    }
}

extension StringProtocol {
    /// The text with U+2212 MINUS SIGN (typed, copied from a web page, or put there by the CLI so
    /// that a negative coordinate is not read as an option) as an ASCII hyphen-minus.
    public var withASCIIMinus: String { String(self).replacingOccurrences(of: "\u{2212}", with: "-") }

    /// The text without leading and trailing whitespace (no Foundation needed).
    public var trimmingSpaces: String {
        // Fast path: nothing to trim when both ends are printable ASCII (the usual CSV cell).
        var s = Substring(self)
        if let a = s.utf8.first, let b = s.utf8.last, a > 0x20, a < 0x7F, b > 0x20, b < 0x7F { return String(s) }
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
