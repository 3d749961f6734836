/// XML escaping for SVG text and attribute values: a place named `<script>` stays text.
public enum XMLText {
    /// Escapes `& < > " '` and drops characters XML 1.0 forbids (C0 controls other than tab,
    /// newline and carriage return; U+FFFE, U+FFFF), so that the file stays well-formed.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += "&#\(u.value);"
            case _ where u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF: continue
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A valid XML id / attribute-name fragment: letters, digits, `-`, `_`, `.`; others become `-`.
    public static func identifier(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            let ok = ("a"..."z").contains(u) || ("A"..."Z").contains(u) || ("0"..."9").contains(u) || u == "-" || u == "_" || u == "."
            out += ok ? String(u) : "-"
        }
        if let f = out.unicodeScalars.first, !(("a"..."z").contains(f) || ("A"..."Z").contains(f) || f == "_") { out = "f-" + out }
        return out
    }
}

/// Numbers in SVG: pixels rounded to 0.01, no exponent, no trailing zeros, never "-0".
enum SVGNumber {
    static func px(_ v: Double) -> String { JSONWriterFormat.format((v * 100).rounded() / 100, decimals: 2) }
}

/// The JSON writer's number format, reused for SVG (fixed decimals, trimmed).
enum JSONWriterFormat {
    static func format(_ v: Double, decimals: Int) -> String { JSONWriter.format(v, decimals: decimals) }
}
