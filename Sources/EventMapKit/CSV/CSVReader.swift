/// A whole CSV text read into rows by `CSVTokenizer` (RFC 4180, its one set of rules). Rows carry
/// the line they start on (the header is line 1, as in an editor), so errors can name it, and the
/// byte offset a re-read of that row may start from (a gazetteer index keeps it).
public enum CSVReader {
    public struct Row: Sendable {
        public let line: Int
        public let fields: [String]
        /// Where reading may start to get this row again (just past the previous row).
        public let byteOffset: Int
    }

    public typealias SyntaxError = CSVSyntaxError

    /// All non-blank rows, or the first syntax error. A leading byte order mark is dropped.
    /// With `sharingRepeats`, equal cell values of a column share one string's storage (see `CSVValuePool`).
    public static func rows(_ text: String, sharingRepeats: Bool = false) throws(CSVSyntaxError) -> [Row] {
        var text = text
        let result = text.withUTF8 { utf8 in
            Result { () throws(CSVSyntaxError) in try rows(UnsafeRawBufferPointer(utf8), firstLine: 1, sharingRepeats: sharingRepeats) }
        }
        return try result.get()
    }

    /// The same for bytes (a leading byte order mark is dropped), lines counted from `firstLine`;
    /// offsets are into `bytes`.
    public static func rows(bytes: [UInt8], firstLine: Int, limit: Int = .max) throws(CSVSyntaxError) -> [Row] {
        let result = bytes.withUnsafeBytes { all in Result { () throws(CSVSyntaxError) in try rows(all, firstLine: firstLine, limit: limit) } }
        return try result.get()
    }

    static func rows(_ all: UnsafeRawBufferPointer, firstLine: Int, limit: Int = .max, sharingRepeats: Bool = false) throws(CSVSyntaxError) -> [Row] {
        let skip = CSVTokenizer.byteOrderMarkLength(all)
        let b = UnsafeRawBufferPointer(rebasing: all[skip...])
        var tokenizer = CSVTokenizer(b, firstLine: firstLine)
        var rows: [Row] = []
        var pool = CSVValuePool()
        var start = 0
        while rows.count < limit, let line = try tokenizer.next() {
            var fields: [String] = []
            fields.reserveCapacity(tokenizer.fields.count)
            for (column, f) in tokenizer.fields.enumerated() {
                let s = CSVTokenizer.string(f, in: b)
                fields.append(sharingRepeats ? pool.shared(s, column: column) : s)
            }
            rows.append(Row(line: line, fields: fields, byteOffset: skip + start))
            start = tokenizer.rowEnd
        }
        return rows
    }
}

/// Shares the storage of repeated cell values: a column of a few hundred actors, event types or
/// sources over 100,000 rows keeps each distinct value once instead of once a row. Strings of up
/// to 15 UTF-8 bytes are stored inline by Swift and need no sharing; a column with more than
/// `limit` distinct long values (ids, free-text notes) stops being pooled.
struct CSVValuePool {
    static let limit = 4096
    private var seen: [[String: String]] = []
    private var open: [Bool] = []

    mutating func shared(_ s: String, column: Int) -> String {
        guard s.utf8.count > 15 else { return s }
        while seen.count <= column { seen.append([:]); open.append(true) }
        guard open[column] else { return s }
        if let known = seen[column][s] { return known }
        seen[column][s] = s
        if seen[column].count > Self.limit { open[column] = false; seen[column] = [:] }
        return s
    }
}
