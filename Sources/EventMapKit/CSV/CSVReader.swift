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
    public static func rows(_ text: String) throws(CSVSyntaxError) -> [Row] {
        try rows(bytes: Array(text.utf8), firstLine: 1)
    }

    /// The same for bytes (a leading byte order mark is dropped), lines counted from `firstLine`;
    /// offsets are into `bytes`.
    public static func rows(bytes: [UInt8], firstLine: Int, limit: Int = .max) throws(CSVSyntaxError) -> [Row] {
        let result: Result<[Row], CSVSyntaxError> = bytes.withUnsafeBytes { all in
            let skip = CSVTokenizer.byteOrderMarkLength(all)
            let b = UnsafeRawBufferPointer(rebasing: all[skip...])
            var tokenizer = CSVTokenizer(b, firstLine: firstLine)
            var rows: [Row] = []
            var start = 0
            do throws(CSVSyntaxError) {
                while rows.count < limit, let line = try tokenizer.next() {
                    rows.append(Row(line: line, fields: tokenizer.fields.map { CSVTokenizer.string($0, in: b) }, byteOffset: skip + start))
                    start = tokenizer.rowEnd
                }
            } catch { return .failure(error) }
            return .success(rows)
        }
        return try result.get()
    }
}
