/// RFC 4180 CSV: fields separated by commas, optionally quoted; quotes doubled inside quotes;
/// quoted fields may hold commas and newlines. Rows carry the line number they start on
/// (the header is line 1, as in an editor), so errors can name it.
public struct CSVReader: Sequence, IteratorProtocol {
    public struct Row: Sendable {
        public let line: Int
        public let fields: [String]
        /// Where the row starts in the text, in UTF-8 bytes (after a byte-order mark).
        public var byteOffset = 0
    }

    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    /// Set when the text ends inside a quoted field; iteration stops there.
    public private(set) var error: SyntaxError?

    public init(text: String) {
        var b = Array(text.utf8)
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        bytes = b
    }

    /// Reads `bytes` (UTF-8, no byte-order mark) with line numbers counted from `firstLine`.
    public init(bytes: [UInt8], firstLine: Int) {
        self.bytes = bytes
        line = firstLine
    }

    public mutating func next() -> Row? {
        guard error == nil, i < bytes.count else { return nil }
        let startLine = line, startOffset = i
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var wasQuoted = false
        while i < bytes.count {
            let c = bytes[i]
            if quoted {
                if c == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    quoted = false; i += 1; continue
                }
                if c == 0x0A { line += 1 }
                field.append(c); i += 1
                continue
            }
            switch c {
            case 0x22 where field.isEmpty && !wasQuoted:
                quoted = true; wasQuoted = true; i += 1
            case 0x2C:
                fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true)
                wasQuoted = false; i += 1
            case 0x0D where i + 1 < bytes.count && bytes[i + 1] == 0x0A:
                i += 1
            case 0x0A:
                i += 1; line += 1
                fields.append(String(decoding: field, as: UTF8.self))
                return Row(line: startLine, fields: fields, byteOffset: startOffset)
            default:
                field.append(c); i += 1
            }
        }
        if quoted {
            error = SyntaxError(line: startLine, reason: "a quoted field opened here is never closed")
            return nil
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return Row(line: startLine, fields: fields, byteOffset: startOffset)
    }

    /// All rows, or the syntax error. Blank lines are skipped.
    public static func rows(_ text: String) throws(SyntaxError) -> [Row] {
        var reader = CSVReader(text: text)
        var rows: [Row] = []
        while let r = reader.next() {
            if r.fields.count == 1, r.fields[0].isEmpty { continue }
            rows.append(r)
        }
        if let e = reader.error { throw e }
        return rows
    }

    /// One CSV field, quoted when it must be. Tested on bytes, not characters: a comma followed by
    /// a joiner (U+200C) is one Character but still a separator to every CSV reader.
    public static func escape(_ field: String) -> String {
        if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
