import Foundation

/// Writes JSON text with a fixed number format, so that the same value always gives the same bytes.
public struct JSONWriter: Sendable {
    /// Decimals kept for reals (trailing zeros are dropped). Coordinates use their own setting.
    public var maximumDecimals: Int
    /// Two-space indentation when true; one line when false.
    public var pretty: Bool

    public init(maximumDecimals: Int = 6, pretty: Bool = true) {
        self.maximumDecimals = maximumDecimals
        self.pretty = pretty
    }

    public func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: 0)
        return out
    }

    public func write(_ value: JSONValue, into out: inout String, indent: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let d): out += JSONWriter.format(d, decimals: maximumDecimals)
        case .string(let s): JSONWriter.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            let scalars = items.allSatisfy { if case .array = $0 { return false }; if case .object = $0 { return false }; return true }
            if !pretty || scalars {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += pretty ? ", " : "," }
                    write(item, into: &out, indent: indent + 1)
                }
                out += "]"
            } else {
                out += "[\n"
                for (i, item) in items.enumerated() {
                    out += Self.indentation(indent + 1)
                    write(item, into: &out, indent: indent + 1)
                    out += i < items.count - 1 ? ",\n" : "\n"
                }
                out += Self.indentation(indent) + "]"
            }
        case .object(let object):
            if object.isEmpty { out += "{}"; return }
            out += pretty ? "{\n" : "{"
            for (i, entry) in object.entries.enumerated() {
                if pretty { out += Self.indentation(indent + 1) }
                JSONWriter.escape(entry.key, into: &out)
                out += pretty ? ": " : ":"
                write(entry.value, into: &out, indent: indent + 1)
                if i < object.count - 1 { out += "," }
                if pretty { out += "\n" }
            }
            if pretty { out += Self.indentation(indent) }
            out += "}"
        }
    }

    private static let indents: [String] = (0..<16).map { String(repeating: "  ", count: $0) }

    /// Two spaces per level (cached for the usual depths).
    static func indentation(_ level: Int) -> String { level < indents.count ? indents[level] : String(repeating: "  ", count: level) }

    /// A real with at most `decimals` decimals, trailing zeros trimmed, never exponent notation
    /// or "-0"; NaN and infinities (not JSON) become null.
    public static func format(_ d: Double, decimals: Int) -> String {
        guard d.isFinite else { return "null" }
        if let fast = fastFormat(d, decimals: decimals) { return fast }
        var s = String(format: "%.\(decimals)f", d)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        if s == "-0" { s = "0" }
        return s
    }

    private static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { acc, _ in acc * 10 } }

    /// Integer arithmetic instead of `String(format:)` (which is slow and takes a lock on Linux):
    /// the value scaled by 10^decimals and rounded, then printed digit by digit. Gives printf's
    /// digits whenever the rounding is clear-cut; a scaled value within a few ulps of a half
    /// (where the product's own rounding could tip it) returns nil, and printf decides.
    static func fastFormat(_ d: Double, decimals: Int) -> String? {
        guard decimals >= 0, decimals < powersOfTen.count else { return nil }
        let product = abs(d) * powersOfTen[decimals]
        guard product < 1e15 else { return nil }
        let fraction = product - product.rounded(.down)
        guard abs(fraction - 0.5) > 4 * product.ulp else { return nil }
        let scaled = product.rounded(.toNearestOrAwayFromZero)
        var units = UInt64(scaled)
        if units == 0 { return "0" }
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var fractionDigits = decimals
        while fractionDigits > 0, units % 10 == 0 { units /= 10; fractionDigits -= 1 }  // trailing zeros
        var written = 0
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(units % 10))
            units /= 10
            written += 1
            if written == fractionDigits { digits.append(UInt8(ascii: ".")) }
        } while units > 0 || written < fractionDigits
        if digits.last == UInt8(ascii: ".") { digits.append(UInt8(ascii: "0")) }
        if d < 0 { digits.append(UInt8(ascii: "-")) }
        return String(decoding: digits.reversed(), as: UTF8.self)
    }

    public static func escape(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escape: append them whole (same bytes, far fewer appends).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += s
            out += "\""
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }
}
