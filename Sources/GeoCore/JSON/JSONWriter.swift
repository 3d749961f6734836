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
                    out += String(repeating: "  ", count: indent + 1)
                    write(item, into: &out, indent: indent + 1)
                    out += i < items.count - 1 ? ",\n" : "\n"
                }
                out += String(repeating: "  ", count: indent) + "]"
            }
        case .object(let object):
            if object.isEmpty { out += "{}"; return }
            out += pretty ? "{\n" : "{"
            for (i, entry) in object.entries.enumerated() {
                if pretty { out += String(repeating: "  ", count: indent + 1) }
                JSONWriter.escape(entry.key, into: &out)
                out += pretty ? ": " : ":"
                write(entry.value, into: &out, indent: indent + 1)
                if i < object.count - 1 { out += "," }
                if pretty { out += "\n" }
            }
            if pretty { out += String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    /// A real with at most `decimals` decimals, trailing zeros trimmed, never exponent notation
    /// or "-0"; NaN and infinities (not JSON) become null.
    public static func format(_ d: Double, decimals: Int) -> String {
        guard d.isFinite else { return "null" }
        var s = String(format: "%.\(decimals)f", d)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        if s == "-0" { s = "0" }
        return s
    }

    public static func escape(_ s: String, into out: inout String) {
        out += "\""
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
