/// A whole CSV text read into rows by `CSVTokenizer` (RFC 4180, its one set of rules). Rows carry
/// the line they start on (the header is line 1, as in an editor), so errors can name it.
public enum CSVReader {
    public struct Row: Sendable {
        public let line: Int
        public let fields: [String]
    }

    public typealias SyntaxError = CSVSyntaxError

    /// All non-blank rows, or the first syntax error. A leading byte order mark is dropped.
    public static func rows(_ text: String) throws(CSVSyntaxError) -> [Row] {
        let bytes = Array(text.utf8)
        let result: Result<[Row], CSVSyntaxError> = bytes.withUnsafeBytes { all in
            let b = UnsafeRawBufferPointer(rebasing: all[CSVTokenizer.byteOrderMarkLength(all)...])
            var tokenizer = CSVTokenizer(b)
            var rows: [Row] = []
            do throws(CSVSyntaxError) {
                while let line = try tokenizer.next() {
                    rows.append(Row(line: line, fields: tokenizer.fields.map { CSVTokenizer.string($0, in: b) }))
                }
            } catch { return .failure(error) }
            return .success(rows)
        }
        return try result.get()
    }
}
