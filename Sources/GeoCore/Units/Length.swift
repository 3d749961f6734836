/// A length typed by a person, e.g. `20km`, `500 m`, `3.5mi`, `2nmi`, held in metres.
/// A bare number is refused: the unit is never guessed.
public struct Length: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let metres: Double

    public init(metres: Double) { self.metres = metres }

    public struct ParseError: Error, Sendable, CustomStringConvertible, Equatable {
        public let text: String
        public let reason: String
        public var description: String { "'\(text)' is not a length: \(reason)" }

        public init(text: String, reason: String) {
            self.text = text
            self.reason = reason
        }
    }

    /// Metres per unit: m, km, mi (international mile), nmi (international nautical mile).
    public static let units: [(name: String, metres: Double)] = [("nmi", 1852), ("km", 1000), ("mi", 1609.344), ("m", 1)]

    public init(parsing text: String) throws(ParseError) {
        let t = String(text.filter { !$0.isWhitespace }).lowercased()
        guard let unit = Length.units.first(where: { t.hasSuffix($0.name) }) else {
            throw ParseError(text: text, reason: Double(t) != nil
                ? "give a unit, e.g. \(t)km or \(t)m (units: m, km, mi, nmi)"
                : "expected a number and a unit such as 20km or 500m (units: m, km, mi, nmi)")
        }
        let number = t.dropLast(unit.name.count)
        guard let v = Double.strictDecimal(number), v >= 0 else {
            throw ParseError(text: text, reason: "'\(number)' is not a non-negative number")
        }
        guard (v * unit.metres).isFinite else {
            throw ParseError(text: text, reason: "'\(number)\(unit.name)' is too large to be a length on the earth")
        }
        metres = v * unit.metres
    }

    public var description: String { "\(JSONWriter.format(metres, decimals: 3)) m" }

    public static func < (a: Length, b: Length) -> Bool { a.metres < b.metres }
}
