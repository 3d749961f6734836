/// RFC 4180 quoting, the one rule every CSV writer follows (ACLED, UCDP, export, `analyze`): a
/// field is quoted when it holds a comma, a double quote, a CR or an LF (so CRLF too), with its
/// quotes doubled; a row whose only field is empty is written `""` so that it is not read as a
/// blank line.
public enum CSVWriter {
    /// True for the bytes that force a field into quotes.
    @inline(__always)
    static func forcesQuotes(_ c: UInt8) -> Bool { c == 0x2C || c == 0x22 || c == 0x0A || c == 0x0D }

    /// One field, quoted when it must be.
    public static func field(_ value: String) -> String {
        guard value.utf8.contains(where: forcesQuotes) else { return value }
        let bytes = Array(value.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 8)
        out.append(0x22)
        for c in bytes {
            if c == 0x22 { out.append(0x22) }
            out.append(c)
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// One row, without its line end.
    public static func row(_ fields: [String]) -> String {
        if fields.count == 1, fields[0].isEmpty { return "\"\"" }
        return fields.map(field).joined(separator: ",")
    }

    /// A header and rows, each ended by `lineEnd` (ACLED and UCDP files use CRLF, as RFC 4180 does).
    public static func text(header: [String], rows: [[String]], lineEnd: String = "\r\n") -> String {
        var out = row(header) + lineEnd
        for r in rows { out += row(r) + lineEnd }
        return out
    }
}
