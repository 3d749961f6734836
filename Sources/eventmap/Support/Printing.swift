import Foundation
import GeoCore

/// Printing helpers shared by the subcommands: JSON for programs, aligned text for people.
enum Printing {
    /// Prints a JSON value on one document, pretty, newline-terminated.
    static func json(_ value: JSONValue) {
        print(JSONWriter(maximumDecimals: 6, pretty: true).string(value))
    }

    /// Metres as "12,345.678 m (12.346 km)".
    static func metres(_ m: Double) -> String {
        "\(grouped(m, decimals: 3)) m (\(grouped(m / 1000, decimals: 3)) km)"
    }

    /// A number with thousands separators and fixed decimals.
    static func grouped(_ v: Double, decimals: Int) -> String {
        let s = JSONWriter.format(abs(v), decimals: decimals)
        let parts = s.split(separator: ".", maxSplits: 1)
        var intPart = String(parts[0])
        var out = ""
        while intPart.count > 3 {
            out = "," + intPart.suffix(3) + out
            intPart.removeLast(3)
        }
        var frac = parts.count > 1 ? String(parts[1]) : ""
        while frac.count < decimals { frac += "0" }
        return (v < 0 ? "-" : "") + intPart + out + (decimals > 0 ? "." + frac : "")
    }

    /// An azimuth as "152.41° (SSE)".
    static func azimuth(_ deg: Double) -> String {
        "\(JSONWriter.format(deg, decimals: 2))° (\(CompassPoint.name(forAzimuthDegrees: deg)))"
    }

    /// Left-aligned columns for a small table.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = (0..<header.count).map { c in all.map { $0.indices.contains(c) ? $0[c].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

extension Printing {
    /// One line on standard error, prefixed "warning: ".
    static func warn(_ text: String) {
        FileHandle.standardError.write(Data(("warning: " + text + "\n").utf8))
    }
}
