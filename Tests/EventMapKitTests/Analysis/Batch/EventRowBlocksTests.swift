import Foundation
import Testing
import TestSupport
@testable import EventMapKit

/// The block reader cuts by the tokenizer's rules, so no quote can make it hold the file whole,
/// and a row that never ends is refused at a bound, naming its line.
@Suite struct EventRowBlocksTests {
    func file(_ text: String) throws -> String {
        let path = Paths.temporaryFolder("blocks") + "/in.csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Before the one tokenizer, the `5"` toggled the block reader's quote state and the rest of
    /// the file came back as one block (560 MB resident on 400,000 rows).
    @Test func aStrayQuoteDoesNotJoinTheRestOfTheFileIntoOneBlock() throws {
        let rows = (0..<5000).map { "e\($0),36.1,36.5,ordinary" }
        let path = try file("id,lat,lon,notes\ns1,36.1,36.5,5\" shell\n" + rows.joined(separator: "\n") + "\n")
        let reader = try EventRowBlockReader(path: path, blockBytes: 1024)
        var largest = 0, blocks = 0, lines = 1
        while let b = try reader.next() {
            #expect(b.firstLine == lines)
            #expect(b.lineFeeds == b.bytes.filter { $0 == 0x0A }.count, "the scanner's count, which sizes the parsed arrays")
            lines += b.bytes.filter { $0 == 0x0A }.count
            largest = max(largest, b.bytes.count); blocks += 1
        }
        #expect(largest <= 2 * 1024)
        #expect(blocks > 100)
        #expect(lines == 5003)
    }

    /// The rows after the header keep the reader's line-feed count, less the header's own (here
    /// two lines: a quoted name holds a line feed).
    @Test func theRowsAfterTheHeaderKeepTheirLineFeedCount() throws {
        let block = RowBlock(bytes: Array("\"i\nd\",id,lat,lon\na,e1,36.1,36.5\nb,e2,36.2,36.6\n".utf8), firstLine: 1)
        let (_, rest) = try EventColumns.read(header: block, file: "t.csv", keep: [])
        #expect(rest.firstLine == 3)
        #expect(rest.lineFeeds == 2)
        #expect(rest.lineFeeds == rest.bytes.filter { $0 == 0x0A }.count)
    }

    @Test func aQuotedFieldThatNeverClosesStopsAtTheRowBound() throws {
        let path = try file("id,lat,lon\na,36.1,36.5\n\"b,36.1,36.5\n" + String(repeating: "c,36.1,36.5\n", count: 2000))
        let reader = try EventRowBlockReader(path: path, blockBytes: 512, maximumRowBytes: 4096)
        #expect(throws: BatchError.badRow(file: path, line: 3, field: "-",
                                          reason: "the row is longer than 4096 bytes: is a quoted field opened here never closed?")) {
            while try reader.next() != nil {}
        }
    }

    /// A 10 MB line (one quoted field) is read whole and measured: below the bound, it is a row.
    @Test func aTenMegabyteRowIsAnalysed() throws {
        let long = String(repeating: "x", count: 10_000_000)
        let dir = Paths.temporaryFolder("blocks")
        try "id,lat,lon,notes\na,36.1168,36.51522,\"\(long)\"\nb,35.93062,36.63393,short\n".write(toFile: dir + "/in.csv", atomically: true, encoding: .utf8)
        var o = BatchAnalysis.Options()
        o.keepColumns = ["notes"]
        let s = try BatchAnalysisTests.analysis().run(eventsPath: dir + "/in.csv", to: .file(dir + "/out.csv"), options: o)
        #expect(s.events == 2)
        let rows = try CSVReader.rows(String(contentsOfFile: dir + "/out.csv", encoding: .utf8))
        #expect(rows.count == 3 && rows[1].fields[10].count == 10_000_000 && rows[2].fields[0] == "b")
    }
}
