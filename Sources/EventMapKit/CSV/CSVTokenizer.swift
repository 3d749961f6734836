import Foundation

/// The one CSV tokenizer under every reader (RFC 4180, read leniently where readers agree):
/// fields separated by commas; rows end at LF or CRLF (a CR just before a line feed or the end of the data is part of the line end); a field that starts with a double quote is
/// quoted and may hold commas, line breaks and doubled quotes. A quote anywhere else in an
/// unquoted field (`5" shell`) is an ordinary character, as Python's csv, pandas, Excel and GDAL
/// read it. After a closing quote only a comma or the end of the row may follow (`"a"b` is an
/// error naming line and field): there the writer's intent is unknowable. A lone CR is data.
/// Blank lines are skipped (a row of one quoted empty field is not blank). `EventRowBlockReader` cuts blocks with `RowBoundaryScanner`, which
/// follows these same rules byte by byte.
struct CSVTokenizer {
    /// A field's content as a byte range (quotes excluded); `escaped` when it holds doubled quotes.
    struct Field {
        var start: Int
        var end: Int
        var escaped: Bool
    }

    private let b: UnsafeRawBufferPointer
    private var i = 0
    /// The line the next byte is on (the file's first line is 1).
    private(set) var line: Int
    /// The fields of the row `next()` returned last.
    private(set) var fields: [Field] = []
    /// The offset just past the row `next()` returned last (after its line break).
    private(set) var rowEnd = 0

    init(_ bytes: UnsafeRawBufferPointer, firstLine: Int = 1) {
        b = bytes
        line = firstLine
        fields.reserveCapacity(32)
    }

    /// The line of the next non-blank row, its fields in `fields`; nil at the end.
    @inline(__always)
    mutating func next() throws(CSVSyntaxError) -> Int? {
        let n = b.count
        while i < n {
            fields.removeAll(keepingCapacity: true)
            let rowLine = line
            while true {
                if b[i] == 0x22 {
                    var j = i + 1
                    var escaped = false
                    while true {
                        guard j < n else {
                            throw CSVSyntaxError(line: rowLine, field: fields.count + 1,
                                                 reason: "a quoted field opened here is never closed")
                        }
                        let c = b[j]
                        if c == 0x22 {
                            if j + 1 < n && b[j + 1] == 0x22 { escaped = true; j += 2; continue }
                            break
                        }
                        if c == 0x0A { line += 1 }
                        j += 1
                    }
                    fields.append(Field(start: i + 1, end: j, escaped: escaped))
                    i = j + 1
                    if i < n && b[i] == 0x0D && (i + 1 == n || b[i + 1] == 0x0A) { i += 1 }
                    if i < n && b[i] != 0x2C && b[i] != 0x0A {
                        throw CSVSyntaxError(line: rowLine, field: fields.count,
                                             reason: "text after the closing quote of a quoted field (a quote inside a quoted field is written \"\")")
                    }
                } else {
                    var j = i
                    while j < n && b[j] != 0x2C && b[j] != 0x0A { j += 1 }
                    var end = j
                    if end > i && b[end - 1] == 0x0D && (j == n || b[j] == 0x0A) { end -= 1 }  // CRLF, or a CR ending the data
                    fields.append(Field(start: i, end: end, escaped: false))
                    i = j
                }
                // Here i is at a comma, a line feed or the end.
                if i == n { break }
                if b[i] == 0x0A { i += 1; line += 1; break }
                i += 1
                if i == n { fields.append(Field(start: n, end: n, escaped: false)); break }
            }
            rowEnd = i
            // A blank line (one empty unquoted field) is no row; `""` alone is a row with one empty field.
            if fields.count == 1 && fields[0].start == fields[0].end && (fields[0].start == 0 || b[fields[0].start - 1] != 0x22) { continue }
            return rowLine
        }
        return nil
    }

    /// The bytes of a field, with doubled quotes made single.
    static func bytes(_ f: Field, in b: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        if !f.escaped { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[f.start..<f.end])); return }
        var k = f.start
        while k < f.end {
            out.append(b[k])
            k += (b[k] == 0x22 && k + 1 < f.end && b[k + 1] == 0x22) ? 2 : 1
        }
    }

    static func string(_ f: Field, in b: UnsafeRawBufferPointer) -> String {
        if !f.escaped { return String(decoding: UnsafeRawBufferPointer(rebasing: b[f.start..<f.end]), as: UTF8.self) }
        var out: [UInt8] = []
        bytes(f, in: b, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Why a header cannot be right when one of its fields holds a CR: the file's lines end with
    /// CR alone (classic Mac OS), which RFC 4180 does not allow; nil otherwise.
    static func loneCarriageReturnProblem(header fields: [String]) -> String? {
        guard fields.contains(where: { $0.utf8.contains(0x0D) }) else { return nil }
        return "the header (line 1) holds a carriage return not followed by a line feed: lines must end with LF or CRLF"
    }

    /// 3 when the bytes start with a UTF-8 byte order mark (dropped: it is not part of the header).
    static func byteOrderMarkLength<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }
}

/// A CSV syntax error: the line the row starts on and the field's position in it (1 = first).
public struct CSVSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let field: Int
    public let reason: String
    public var description: String { "line \(line), field \(field): \(reason)" }
}

/// Finds row ends in a byte stream fed piece by piece, by the rules of `CSVTokenizer`, so that a
/// file can be cut into blocks of whole rows without holding it whole.
struct RowBoundaryScanner {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
    private var state = State.fieldStart
    /// Line feeds scanned since the last row end returned.
    private var pendingLineFeeds = 0

    /// Scans `b[from...]`, continuing from the previous call's state. Returns the offset just past
    /// the last row end found in it (nil if none) and the line feeds since the previous row end
    /// returned, up to that offset.
    mutating func scan(_ b: UnsafeRawBufferPointer, from: Int) -> (end: Int, lineFeeds: Int)? {
        if state != .quoted && state != .quoteInQuoted, from < b.count, memchr(b.baseAddress! + from, 0x22, b.count - from) == nil {
            return scanUnquoted(b, from: from)
        }
        var last: Int?
        var lineFeeds = pendingLineFeeds, lineFeedsAtLast = 0
        var s = state
        var k = from
        let n = b.count
        while k < n {
            let c = b[k]
            switch s {
            case .fieldStart, .unquoted:
                if c == 0x0A { lineFeeds += 1; lineFeedsAtLast = lineFeeds; last = k + 1; s = .fieldStart }
                else if c == 0x2C { s = .fieldStart }
                else if c == 0x22 && s == .fieldStart { s = .quoted }
                else { s = .unquoted }
            case .quoted:
                // Skip to the next quote: most of a quoted field is plain text.
                if c == 0x22 { s = .quoteInQuoted } else if c == 0x0A { lineFeeds += 1 }
            case .quoteInQuoted:
                if c == 0x22 { s = .quoted }
                else if c == 0x0A { lineFeeds += 1; lineFeedsAtLast = lineFeeds; last = k + 1; s = .fieldStart }
                else if c == 0x2C { s = .fieldStart }
                else { s = .unquoted }  // an error the tokenizer reports; the row still ends at its line feed
            }
            k += 1
        }
        state = s
        pendingLineFeeds = last == nil ? lineFeeds : lineFeeds - lineFeedsAtLast
        return last.map { ($0, lineFeedsAtLast) }
    }

    /// `scan` over bytes that hold no quote, outside a quoted field (nearly every block of an
    /// events file): every line feed ends a row, so the last one is found from the back and the
    /// line feeds are counted by `memchr`, not byte by byte through the states.
    private mutating func scanUnquoted(_ b: UnsafeRawBufferPointer, from: Int) -> (end: Int, lineFeeds: Int)? {
        let n = b.count
        var k = n
        while k > from && b[k - 1] != 0x0A { k -= 1 }
        let tail = k == n ? nil : b[n - 1]
        guard k > from else {
            // No row end: only the state after the last byte changes.
            if let c = tail { state = c == 0x2C ? .fieldStart : .unquoted }
            return nil
        }
        var feeds = 0
        var at = b.baseAddress! + from
        let end = b.baseAddress! + k
        while at < end, let f = memchr(at, 0x0A, end - at) { feeds += 1; at = UnsafeRawPointer(f) + 1 }
        let lineFeeds = pendingLineFeeds + feeds
        state = tail.map { $0 == 0x2C ? .fieldStart : .unquoted } ?? .fieldStart
        pendingLineFeeds = 0
        return (k, lineFeeds)
    }
}
