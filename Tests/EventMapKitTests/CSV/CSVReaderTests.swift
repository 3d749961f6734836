import Testing
import TestSupport
@testable import EventMapKit

/// RFC 4180 parsing with editor line numbers (the header is line 1).
@Suite struct CSVReaderTests {
    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let text = "id,notes,n\r\na,\"one, two\",1\nb,\"say \"\"hi\"\"\nnext line\",2\nc,,3\n"
        let rows = try CSVReader.rows(text)
        #expect(rows.map(\.line) == [1, 2, 3, 5])
        #expect(rows[1].fields == ["a", "one, two", "1"])
        #expect(rows[2].fields == ["b", "say \"hi\"\nnext line", "2"])
        #expect(rows[3].fields == ["c", "", "3"])
    }

    @Test func unterminatedQuoteNamesItsLine() {
        do {
            _ = try CSVReader.rows("id,name\nx,\"open\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
        }
    }

    @Test func byteOrderMarkAndBlankLinesAreIgnored() throws {
        let rows = try CSVReader.rows("\u{FEFF}id\n\nx\n")
        #expect(rows.map(\.fields) == [["id"], ["x"]])
        #expect(rows[1].line == 3)
    }

    /// Sharing repeated cell values changes no value: a column of a few long repeated values, one
    /// of 6,000 distinct long values (past the pool's limit), quoted and short cells.
    @Test func sharingRepeatsKeepsEveryValue() throws {
        var rng = SeededGenerator(seed: 8)
        var text = "id,actor,note,n\n"
        for i in 0..<6000 {
            let actor = ["Military Forces of Syria (2000-)", "Hayat Tahrir al-Sham", "Civilians (Syria)"][Int.random(in: 0..<3, using: &rng)]
            text += "e\(i),\(actor),\"distinct note number \(i), with a comma\",\(Int.random(in: 0..<9, using: &rng))\n"
        }
        let shared = try CSVReader.rows(text, sharingRepeats: true)
        let plain = try CSVReader.rows(text)
        #expect(shared.count == 6001)
        #expect(shared.map(\.fields) == plain.map(\.fields))
        #expect(shared[6000].fields[2] == "distinct note number 5999, with a comma")
    }

    @Test func escapeQuotesOnlyWhenNeeded() {
        #expect(CSVWriter.field("plain") == "plain")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("say \"x\"") == "\"say \"\"x\"\"\"")
    }
}
