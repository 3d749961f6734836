import Foundation

/// Splits the rows of a block into fields (RFC 4180: commas, double quotes, doubled quotes
/// inside quotes, CRLF or LF), calling `row` with each row's line and its fields as byte
/// ranges. Blank lines are skipped. Fields that held doubled quotes are marked for unescaping.
struct CSVFieldSplitter {
    struct Field {
        var start: Int
        var end: Int
        var escaped: Bool
    }

    /// Calls `row(line, fields)` for every non-blank row; stops early when it returns false.
    /// Returns the line of a quoted field that never closes, if any.
    @discardableResult
    static func forEachRow(in b: UnsafeRawBufferPointer, firstLine: Int,
                           _ row: (Int, [Field]) -> Bool) -> Int? {
        var fields: [Field] = []
        fields.reserveCapacity(32)
        var i = 0
        var line = firstLine
        let n = b.count
        while i < n {
            fields.removeAll(keepingCapacity: true)
            let rowLine = line
            var rowDone = false
            while !rowDone {
                if i < n && b[i] == 0x22 {
                    // Quoted field.
                    var j = i + 1
                    var escaped = false
                    var closed = false
                    while j < n {
                        let c = b[j]
                        if c == 0x22 {
                            if j + 1 < n && b[j + 1] == 0x22 { escaped = true; j += 2; continue }
                            closed = true
                            break
                        }
                        if c == 0x0A { line += 1 }
                        j += 1
                    }
                    if !closed { return rowLine }
                    fields.append(Field(start: i + 1, end: j, escaped: escaped))
                    i = j + 1
                    // Text after the closing quote up to the separator is kept loosely (ignored).
                    while i < n && b[i] != 0x2C && b[i] != 0x0A { i += 1 }
                } else {
                    var j = i
                    while j < n && b[j] != 0x2C && b[j] != 0x0A { j += 1 }
                    var end = j
                    if end > i && b[end - 1] == 0x0D && (j == n || b[j] == 0x0A) { end -= 1 }
                    fields.append(Field(start: i, end: end, escaped: false))
                    i = j
                }
                if i < n && b[i] == 0x2C { i += 1; if i == n { fields.append(Field(start: n, end: n, escaped: false)); rowDone = true } }
                else { if i < n { i += 1; line += 1 }; rowDone = true }
            }
            if fields.count == 1 && fields[0].start == fields[0].end { continue }
            if !row(rowLine, fields) { return nil }
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
        var out: [UInt8] = []
        bytes(f, in: b, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
