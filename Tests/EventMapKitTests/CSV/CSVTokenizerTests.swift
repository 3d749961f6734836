import Foundation
import Testing
@testable import EventMapKit
import TestSupport

/// The one tokenizer's rules (RFC 4180 read leniently: a stray quote in an unquoted field is a
/// character; text after a closing quote is an error naming line and field), the block scanner
/// agreeing with it byte for byte, and the writer's quoting read back. Expected values are the
/// RFC 4180 readings of the inputs (Python's csv module reads the lenient cases the same way).
@Suite struct CSVTokenizerTests {
    @Test func aStrayQuoteInAnUnquotedFieldIsACharacter() throws {
        let rows = try CSVReader.rows("id,notes\na,5\" shell\nb,x\"\"y\n")
        #expect(rows.map(\.fields) == [["id", "notes"], ["a", "5\" shell"], ["b", "x\"\"y"]])
    }

    @Test func textAfterAClosingQuoteNamesLineAndField() {
        #expect(throws: CSVSyntaxError(line: 2, field: 2,
                                       reason: "text after the closing quote of a quoted field (a quote inside a quoted field is written \"\")")) {
            _ = try CSVReader.rows("id,notes\na,\"5\" shell\n")
        }
    }

    @Test func mixedLineEndingsNULsAndAMidFileByteOrderMarkAreData() throws {
        let rows = try CSVReader.rows("\u{FEFF}id,v\r\na,1\nb,\"x\r\ny\"\r\nc,\u{0}\r\nd,\u{FEFF}2\re\n")
        #expect(rows.map(\.line) == [1, 2, 3, 5, 6])
        #expect(rows[2].fields == ["b", "x\r\ny"])
        #expect(rows[3].fields == ["c", "\u{0}"])
        // A lone CR is not a line end; a BOM after the first byte is text, not dropped.
        #expect(rows[4].fields == ["d", "\u{FEFF}2\re"])
    }

    @Test func emptyAndBlankTextsHaveNoRows() throws {
        #expect(try CSVReader.rows("").isEmpty)
        #expect(try CSVReader.rows("\n\r\n\n").isEmpty)
        #expect(try CSVReader.rows("a,b").map(\.fields) == [["a", "b"]])
        #expect(try CSVReader.rows("a,\n").map(\.fields) == [["a", ""]])
    }

    /// Cutting where the scanner cuts changes nothing: the rows of the two pieces are the rows of
    /// the whole (or both readings fail). Seeded random texts over the bytes that matter (quote,
    /// comma, CR, LF, a letter), fed to the scanner in random pieces.
    @Test func theBlockScannerCutsOnlyBetweenRows() {
        var rng = SeededGenerator(seed: 0x5EED_CE11)
        let alphabet: [UInt8] = [0x22, 0x2C, 0x0D, 0x0A, 0x61, 0x61]
        func rows(_ b: UnsafeRawBufferPointer) -> [[String]]? {
            var t = CSVTokenizer(b)
            var out: [[String]] = []
            while true {
                let line: Int?
                do { line = try t.next() } catch { return nil }
                if line == nil { return out }
                out.append(t.fields.map { CSVTokenizer.string($0, in: b) })
            }
        }
        var cutsSeen = 0, parsed = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0..<40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            text.withUnsafeBytes { b in
                var scanner = RowBoundaryScanner()
                var from = 0, cuts: [Int] = []
                while from < b.count {
                    let to = min(b.count, from + Int.random(in: 1...8, using: &rng))
                    if let c = scanner.scan(UnsafeRawBufferPointer(rebasing: b[0..<to]), from: from) { cuts.append(c.end) }
                    from = to
                }
                let whole = rows(b)
                if whole != nil { parsed += 1 }
                for c in cuts {
                    cutsSeen += 1
                    let head = rows(UnsafeRawBufferPointer(rebasing: b[0..<c])), tail = rows(UnsafeRawBufferPointer(rebasing: b[c...]))
                    let joined = head.flatMap { h in tail.map { h + $0 } }
                    #expect(joined == whole, "cut at \(c) of \(text)")
                }
            }
        }
        #expect(cutsSeen > 1000)
        #expect(parsed > 500, "too few random texts parse for the comparison to mean much")
    }

    /// Text without quotes (the scanner's fast path): each piece is cut after its last line feed,
    /// and the line feeds reported add up to those between cuts; after a quoted piece the state
    /// machine takes over again and still counts the lines.
    @Test func quoteFreePiecesAreCutAfterTheirLastLineFeed() {
        var rng = SeededGenerator(seed: 0xFA57)
        let alphabet: [UInt8] = [0x2C, 0x0D, 0x0A, 0x61, 0x61, 0x61]
        for round in 0..<2000 {
            var text = (0..<Int.random(in: 1..<60, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            if round % 4 == 0 { text += Array("\"q\nq\",b\n".utf8) + text }  // a quoted line break, then plain text again
            text.withUnsafeBytes { b in
                var scanner = RowBoundaryScanner()
                var from = 0, previousCut = 0
                while from < b.count {
                    let to = min(b.count, from + Int.random(in: 1...16, using: &rng))
                    if let c = scanner.scan(UnsafeRawBufferPointer(rebasing: b[0..<to]), from: from) {
                        let expectedFeeds = b[previousCut..<c.end].filter { $0 == 0x0A }.count
                        #expect(c.lineFeeds == expectedFeeds, "\(text): \(c.lineFeeds) line feeds, expected \(expectedFeeds)")
                        #expect(b[c.end - 1] == 0x0A)
                        if !b[from..<to].contains(0x22), !b[0..<from].contains(0x22) {
                            #expect(c.end == (from..<to).last { b[$0] == 0x0A }! + 1)
                        }
                        previousCut = c.end
                    }
                    from = to
                }
            }
        }
    }

    @Test func writerQuotesCRLFQuotesAndSeparatorsAndReadsBack() throws {
        let fields = ["plain", "a,b", "say \"x\"", "line\nbreak", "cr\ronly", "crlf\r\nbreak", "", "5\" shell"]
        #expect(CSVWriter.field("crlf\r\nbreak") == "\"crlf\r\nbreak\"")
        #expect(CSVWriter.field("plain") == "plain")
        #expect(CSVWriter.row([""]) == "\"\"")
        let text = CSVWriter.text(header: ["h"], rows: fields.map { [$0] })
        #expect(try CSVReader.rows(text).dropFirst().map(\.fields) == fields.map { [$0] })
    }
}

