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
        var out: [UInt8] = []
        write(value, into: &out, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// The value's UTF-8 text appended to `out` (the form every other writes through: appending
    /// bytes is several times cheaper than appending to a String).
    public func write(_ value: JSONValue, into out: inout [UInt8], indent: Int) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): Self.appendInteger(i, to: &out)
        case .number(let d): Self.append(d, decimals: maximumDecimals, to: &out)
        case .string(let s): JSONWriter.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            let scalars = items.allSatisfy { if case .array = $0 { return false }; if case .object = $0 { return false }; return true }
            if !pretty || scalars {
                out.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")); if pretty { out.append(UInt8(ascii: " ")) } }
                    write(item, into: &out, indent: indent + 1)
                }
                out.append(UInt8(ascii: "]"))
            } else {
                out.append(contentsOf: "[\n".utf8)
                for (i, item) in items.enumerated() {
                    Self.indent(indent + 1, into: &out)
                    write(item, into: &out, indent: indent + 1)
                    if i < items.count - 1 { out.append(UInt8(ascii: ",")) }
                    out.append(UInt8(ascii: "\n"))
                }
                Self.indent(indent, into: &out)
                out.append(UInt8(ascii: "]"))
            }
        case .object(let object):
            if object.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            if pretty { out.append(UInt8(ascii: "\n")) }
            for (i, entry) in object.entries.enumerated() {
                if pretty { Self.indent(indent + 1, into: &out) }
                JSONWriter.escape(entry.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                write(entry.value, into: &out, indent: indent + 1)
                if i < object.count - 1 { out.append(UInt8(ascii: ",")) }
                if pretty { out.append(UInt8(ascii: "\n")) }
            }
            if pretty { Self.indent(indent, into: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Two spaces per level.
    static func indent(_ level: Int, into out: inout [UInt8]) {
        for _ in 0..<level { out.append(UInt8(ascii: " ")); out.append(UInt8(ascii: " ")) }
    }

    /// An integer's decimal digits appended to `out`.
    public static func appendInteger(_ i: Int, to out: inout [UInt8]) {
        if i >= 0 && i < 10 { out.append(UInt8(ascii: "0") + UInt8(i)); return }
        out.append(contentsOf: String(i).utf8)
    }

    /// A real with at most `decimals` decimals, trailing zeros trimmed, never exponent notation
    /// or "-0"; NaN and infinities (not JSON) become null.
    public static func format(_ d: Double, decimals: Int) -> String {
        var out: [UInt8] = []
        append(d, decimals: decimals, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `format`'s text appended to `out`.
    public static func append(_ d: Double, decimals: Int, to out: inout [UInt8]) {
        guard d.isFinite else { out.append(contentsOf: "null".utf8); return }
        if appendFast(d, decimals: decimals, to: &out) { return }
        var s = String(format: "%.\(decimals)f", d)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        if s == "-0" { s = "0" }
        out.append(contentsOf: s.utf8)
    }

    private static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { acc, _ in acc * 10 } }

    /// Integer arithmetic instead of `String(format:)` (which is slow and takes a lock on Linux):
    /// the value scaled by 10^decimals and rounded, then printed digit by digit. Gives printf's
    /// digits whenever the rounding is clear-cut; a scaled value within a few ulps of a half
    /// (where the product's own rounding could tip it) appends nothing and returns false, and printf decides.
    static func appendFast(_ d: Double, decimals: Int, to out: inout [UInt8]) -> Bool {
        guard decimals >= 0, decimals < powersOfTen.count else { return false }
        let product = abs(d) * powersOfTen[decimals]
        guard product < 1e15 else { return false }
        let fraction = product - product.rounded(.down)
        guard abs(fraction - 0.5) > 4 * product.ulp else { return false }
        let scaled = product.rounded(.toNearestOrAwayFromZero)
        var units = UInt64(scaled)
        if units == 0 { out.append(UInt8(ascii: "0")); return true }
        var fractionDigits = decimals
        while fractionDigits > 0, units % 10 == 0 { units /= 10; fractionDigits -= 1 }  // trailing zeros
        // Digits from the right into a small fixed buffer, then copied in order.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &digits) { buf in
            var i = buf.count
            var written = 0
            repeat {
                i -= 1; buf[i] = UInt8(ascii: "0") + UInt8(units % 10)
                units /= 10
                written += 1
                if written == fractionDigits { i -= 1; buf[i] = UInt8(ascii: ".") }
            } while units > 0 || written < fractionDigits
            if buf[i] == UInt8(ascii: ".") { i -= 1; buf[i] = UInt8(ascii: "0") }
            if d < 0 { i -= 1; buf[i] = UInt8(ascii: "-") }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[i...]))
            return true
        }
    }

    public static func escape(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        escape(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// The string quoted, with `"`, `\\` and control characters escaped, appended as UTF-8.
    public static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape: append them whole (same bytes, far fewer appends).
        var s = s
        s.withUTF8 { utf8 in
            if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
                out.append(contentsOf: utf8)
                return
            }
            let hex = Array("0123456789abcdef".utf8)
            for b in utf8 {
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case ..<0x20: out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
                default: out.append(b)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
