import Foundation
import Testing
import TestSupport

/// `analyze` as a pipe worker (what the Spark job runs per partition): events on standard input,
/// header-less with --columns, output without a header, rows in input order.
@Suite struct AnalyzePipeTests {
    /// The 190 reference events (Tests/Reference/analyze_reference.csv: GeographicLib brute force),
    /// as id,lat,lon lines without the header.
    static func referenceRows() throws -> [String] {
        let text = try String(contentsOfFile: Paths.reference("analyze_reference.csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
    }

    /// The same events through a file with a header and through standard input without one give
    /// the same rows, in input order, and the pipe's output has no header line.
    @Test func standardInputWithoutHeadersGivesTheFileRowsInOrder() throws {
        let rows = try Self.referenceRows()
        let dir = Paths.temporaryFolder()
        try ("id,lat,lon\n" + rows.joined(separator: "\n") + "\n").write(toFile: dir + "/events.csv", atomically: true, encoding: .utf8)
        let file = try CLI.run(["analyze", dir + "/events.csv", "-o", "-"])
        #expect(file.status == 0, "\(file.stderr)")
        let pipe = try CLI.run(["analyze", "-", "--columns", "id,lat,lon", "--no-header"], input: rows.joined(separator: "\n") + "\n")
        #expect(pipe.status == 0, "\(pipe.stderr)")
        let fileRows = file.stdout.split(separator: "\n").map(String.init)
        #expect(fileRows.first?.hasPrefix("id,border_distance_m,") == true)
        #expect(pipe.stdout.split(separator: "\n").map(String.init) == Array(fileRows.dropFirst()))
        #expect(pipe.stdout.split(separator: "\n").map { $0.prefix { $0 != "," } } == rows.map { $0.prefix { $0 != "," } })
    }

    /// --columns takes any names in file order; unnamed extra columns are fine; --keep works on them.
    @Test func columnsCanBeAnyNamesInAnyOrder() throws {
        let rows = try Self.referenceRows().prefix(5)
        let reordered = rows.map { r -> String in
            let f = r.split(separator: ",")
            return "\(f[1]),x\(f[0]),\(f[2]),\(f[0])"
        }
        let r = try CLI.run(["analyze", "-", "--columns", "Latitude,tag,LONGITUDE,event_id", "--keep", "tag"],
                            input: reordered.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout.split(separator: "\n").map(String.init)
        #expect(out.first == "id,border_distance_m,border_lat,border_lon,nearest_id,nearest_name,nearest_distance_m,within,border_countries,country,tag")
        #expect(out.dropFirst().map { String($0.prefix { $0 != "," }) } == rows.map { String($0.prefix { $0 != "," }) })
        #expect(out.dropFirst().allSatisfy { $0.hasSuffix(",x" + $0.prefix { $0 != "," }) })
    }

    /// An empty partition is no error (no header is expected); a bad row is named by its line of
    /// the stream (line 1 is the first event when there is no header) and its field.
    @Test func emptyInputIsEmptyOutputAndBadRowsAreNamed() throws {
        let empty = try CLI.run(["analyze", "-", "--columns", "id,lat,lon", "--no-header"], input: "")
        #expect(empty.status == 0 && empty.stdout.isEmpty, "\(empty.stderr)")
        let bad = try CLI.run(["analyze", "-", "--columns", "id,lat,lon", "--no-header"], input: "a,36.1,36.5\nb,36.1,east\n")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("standard input, line 2, field 'lon': 'east' is not a number"), "\(bad.stderr)")
        let missing = try CLI.run(["analyze", "-", "--columns", "id,lon"], input: "a,36.5\n")
        #expect(missing.status != 0 && missing.stderr.contains("no latitude column in --columns"), "\(missing.stderr)")
    }
}
