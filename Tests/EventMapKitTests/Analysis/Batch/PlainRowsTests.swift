import Foundation
import Testing
@testable import EventMapKit

/// The plain-bytes path reads what the tokenizer path reads, and hands back (nil) every block it
/// does not settle, so the tokenizer names the problem.
@Suite struct PlainRowsTests {
    /// id first, a kept column twice and the coordinates out of order, as ACLED files have them.
    let columns = try! EventColumns(names: ["notes", "lon", "id", "lat", "actor"], file: "t.csv",
                                    keep: ["actor", "notes", "actor"], origin: "the header")

    func plain(_ text: String, firstLine: Int = 2) -> ParsedEvents? {
        let block = RowBlock(bytes: Array(text.utf8), firstLine: firstLine)
        return block.bytes.withUnsafeBytes { columns.parsePlain($0, firstLine: block.firstLine, lineFeeds: block.lineFeeds) }
    }

    func fields(_ text: String, firstLine: Int = 2) -> Result<ParsedEvents, BatchError> {
        columns.parseFields(RowBlock(bytes: Array(text.utf8), firstLine: firstLine), file: "t.csv")
    }

    @Test(arguments: [
        "a,36.5,e1,36.1,x\nb b,-0.25,e2,-12,y\n",
        "a,36.5,e1,36.1,x\n,180,e2,-90,\n,-180,e3,90,z",   // empty kept fields; no final line feed
        " a ,\t36.5 ,e1, 36.1\t,x\n",                      // spaces and tabs around the numbers
        "a,1e1,e1,1.5E-1,x\n",
        "",
    ])
    func readsWhatTheTokenizerReads(text: String) throws {
        let p = try #require(plain(text, firstLine: 7))
        #expect(p == (try fields(text, firstLine: 7).get()))
        #expect(p.lines.first == (text.isEmpty ? nil : 7))
    }

    @Test func aBlockOfRandomRowsAgrees() throws {
        var g = SystemRandomNumberGenerator()
        let text = (0..<2000).map { k in
            "n\(k),\(Double.random(in: -180...180, using: &g)),id\(k),\(Double.random(in: -90...90, using: &g)),actor \(k % 7)"
        }.joined(separator: "\n") + "\n"
        let p = try #require(plain(text))
        #expect(p.count == 2000)
        #expect(p == (try fields(text).get()))
        #expect(String(decoding: p.text(1999, 0), as: UTF8.self) == "id1999")
        #expect(String(decoding: p.text(1999, 2), as: UTF8.self) == "n1999")
    }

    /// Each of these goes to the tokenizer: quotes and carriage returns (its syntax), a blank line,
    /// a row of another width, an empty id, a coordinate that is not a number or out of range.
    @Test(arguments: [
        "\"a, b\",36.5,e1,36.1,x\n",
        "a,36.5,e1,36.1,x\r\n",
        "a,36.5,e1,36.1,x\n\nb,36.5,e2,36.1,y\n",
        "a,36.5,e1,36.1\n",
        "a,36.5,e1,36.1,x,extra\n",
        "a,36.5,,36.1,x\n",
        "a,36.5,e1,north,x\n",
        "a,,e1,36.1,x\n",
        "a,36.5,e1,90.5,x\n",
        "a,-180.01,e1,36.1,x\n",
    ])
    func handsBackWhatItDoesNotSettle(text: String) {
        #expect(plain(text) == nil)
    }

    /// The arrays are sized from the block's line-feed count: a count too small (a caller's
    /// mistake) hands the block back rather than write past them.
    @Test func aLineFeedCountTooSmallHandsTheBlockBack() {
        let bytes = Array("a,36.5,e1,36.1,x\nb,36.5,e2,36.1,y\nc,36.5,e3,36.1,z\n".utf8)
        #expect(bytes.withUnsafeBytes { columns.parsePlain($0, firstLine: 2, lineFeeds: 1) } == nil)
        #expect(bytes.withUnsafeBytes { columns.parsePlain($0, firstLine: 2, lineFeeds: 3) }?.count == 3)
    }

    @Test func aBadRowIsStillNamedByItsLine() {
        let text = "a,36.5,e1,36.1,x\nb,36.5,e2,91,y\n"
        let result = columns.parse(RowBlock(bytes: Array(text.utf8), firstLine: 10), file: "t.csv")
        #expect(result == .failure(.badRow(file: "t.csv", line: 11, field: "lat", reason: "latitude 91 is outside -90..90")))
    }

    /// The word-at-a-time search marks a byte exactly when it is a comma or a line feed, whatever
    /// its neighbours (every pair of byte values side by side, as the word's first, middle and last
    /// pair; the other bytes '-', one above the comma).
    @Test func delimiterMarksAreExact() {
        func expected(_ w: UInt64) -> UInt64 {
            (0..<8).reduce(0) { m, k in
                let b = UInt8(truncatingIfNeeded: w >> (8 * k))
                return m | (b == 0x2C || b == 0x0A ? UInt64(0x80) << (8 * k) : 0)
            }
        }
        var wrong = 0
        for x in 0...255 as ClosedRange<UInt64> {
            for y in 0...255 as ClosedRange<UInt64> {
                for at in [0, 3, 6] as [UInt64] {
                    let w = 0x2D2D_2D2D_2D2D_2D2D & ~(0xFFFF << (8 * at)) | (x | y << 8) << (8 * at)
                    if FieldDelimiters.marks(w) != expected(w) { wrong += 1 }
                }
            }
        }
        #expect(wrong == 0)
    }
}
