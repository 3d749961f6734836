/// A distance with its unit, as users type it: `20km`, `500m`, `2.5 km`, `3mi`, `5nmi`.
/// A bare number is refused: the unit must be said (metres and kilometres are both plausible).
public struct Length: Sendable, Hashable, CustomStringConvertible {
    /// The units understood, with their size in metres (international mile, nautical mile).
    public enum Unit: String, Sendable, CaseIterable {
        case metres = "m", kilometres = "km", miles = "mi", nauticalMiles = "nmi"

        public var metres: Double {
            switch self {
            case .metres: 1
            case .kilometres: 1_000
            case .miles: 1_609.344
            case .nauticalMiles: 1_852
            }
        }

        /// Every spelling accepted for the unit (compared case-insensitively).
        var spellings: [String] {
            switch self {
            case .metres: ["m", "metre", "metres", "meter", "meters"]
            case .kilometres: ["km", "kilometre", "kilometres", "kilometer", "kilometers"]
            case .miles: ["mi", "mile", "miles"]
            case .nauticalMiles: ["nmi", "nm", "nautical mile", "nautical miles"]
            }
        }
    }

    public let value: Double
    public let unit: Unit

    public init(_ value: Double, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    public init(metres: Double) { self.init(metres, .metres) }

    public var metres: Double { value * unit.metres }

    /// As typed back: "20 km".
    public var description: String { "\(JSONWriter.format(value, decimals: 6)) \(unit.rawValue)" }

    /// Parses a non-negative number followed by a unit, with or without a space between.
    public init(parsing text: String) throws(LengthParseError) {
        let t = text.trimmingSpaces
        // No unit starts with "e", so an "e" belongs to the number (an exponent: 2e4m).
        let numberEnd = t.firstIndex(where: { !"0123456789.+-eE".contains($0) }) ?? t.endIndex
        let numberText = String(t[..<numberEnd])
        let unitText = t[numberEnd...].trimmingSpaces.lowercased()
        guard let value = Double.strictDecimal(numberText) else {
            throw LengthParseError(text: text, reason: numberText.isEmpty
                ? "a distance starts with a number, e.g. 20km or 500m"
                : "'\(numberText)' is not a number")
        }
        guard value >= 0 else { throw LengthParseError(text: text, reason: "a distance cannot be negative") }
        guard !unitText.isEmpty else {
            throw LengthParseError(text: text, reason: "the number has no unit: write \(numberText)m, \(numberText)km, \(numberText)mi or \(numberText)nmi")
        }
        guard let unit = Unit.allCases.first(where: { $0.spellings.contains(unitText) }) else {
            throw LengthParseError(text: text, reason: "unknown unit '\(unitText)': use m, km, mi or nmi")
        }
        self.init(value, unit)
    }
}

/// Why a text is not a distance, in words a user can act on.
public struct LengthParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "'\(text)' is not a distance: \(reason)" }
}
