import Foundation

/// A run of whole CSV rows cut from an events file, with the line its first row starts on and
/// how many line feeds it holds (an upper bound of its rows, which sizes the parsed arrays).
struct RowBlock: Sendable {
    let bytes: [UInt8]
    let firstLine: Int
    let lineFeeds: Int

    /// A block whose line feeds the reader has already counted.
    init(bytes: [UInt8], firstLine: Int, lineFeeds: Int) {
        self.bytes = bytes
        self.firstLine = firstLine
        self.lineFeeds = lineFeeds
    }

    /// A block whose line feeds are counted here (the file's last rows, the rows after a header).
    init(bytes: [UInt8], firstLine: Int) {
        self.init(bytes: bytes, firstLine: firstLine, lineFeeds: bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
    }
}

/// Reads a CSV file in fixed-size pieces and cuts them at row ends found by `RowBoundaryScanner`
/// (the tokenizer's own rules, so a stray quote cannot hold the rest of the file in one block),
/// so that the rows of each block can be parsed on any thread while the file is never held
/// whole: memory stays flat however long the file is. A row longer than `maximumRowBytes`
/// (a quoted field that never closes, most likely) stops the read with an error naming its line.
final class EventRowBlockReader {
    let path: String
    private let fd: Int32
    private let blockBytes: Int
    private let maximumRowBytes: Int
    private var carry: [UInt8] = []
    private var scanner = RowBoundaryScanner()
    private var nextLine = 1
    private var atEnd = false
    private var first = true
    /// Bytes read so far and the file's size, for progress reports.
    private(set) var bytesRead = 0
    let fileSize: Int

    /// 64 MiB: far beyond any real event row, small enough to keep memory bounded.
    static let defaultMaximumRowBytes = 64 << 20

    init(path: String, blockBytes: Int = 1 << 18, maximumRowBytes: Int = defaultMaximumRowBytes) throws(BatchError) {
        self.path = path
        self.blockBytes = blockBytes
        self.maximumRowBytes = maximumRowBytes
        // "-": standard input (a pipe worker's events), read the same way; its size is unknown (0).
        fd = path == "-" ? dup(0) : open(path, O_RDONLY)
        guard fd >= 0 else {
            throw .badFile(file: path, reason: "cannot open it (\(String(cString: strerror(errno))))")
        }
        var st = stat()
        fileSize = fstat(fd, &st) == 0 ? Int(st.st_size) : 0
    }

    deinit { close(fd) }

    /// The next block of whole rows, or nil at the end of the file.
    func next() throws(BatchError) -> RowBlock? {
        while true {
            if atEnd {
                guard !carry.isEmpty else { return nil }
                defer { carry = [] }
                return RowBlock(bytes: carry, firstLine: nextLine)
            }
            var buffer = carry
            carry = []
            let old = buffer.count
            buffer.reserveCapacity(old + blockBytes)
            var got = 0
            var failure: Int32 = 0
            buffer.append(contentsOf: repeatElement(0, count: blockBytes))
            buffer.withUnsafeMutableBytes { b in
                while true {
                    let r = read(fd, b.baseAddress! + old, blockBytes)
                    if r < 0 && errno == EINTR { continue }
                    if r < 0 { failure = errno } else { got = r }
                    return
                }
            }
            if failure != 0 { throw .badFile(file: path, reason: "read failed (\(String(cString: strerror(failure))))") }
            buffer.removeLast(blockBytes - got)
            bytesRead += got
            if got == 0 { atEnd = true; carry = buffer; continue }
            var scanFrom = old
            if first {
                first = false
                let bom = CSVTokenizer.byteOrderMarkLength(buffer)
                if bom > 0 { buffer.removeFirst(bom); scanFrom = 0 }
            }
            // Only the new bytes are scanned: the scanner carries its state across reads.
            let cut = buffer.withUnsafeBytes { scanner.scan($0, from: scanFrom) }
            guard let cut else {
                // One row longer than a block: read on, up to the limit.
                guard buffer.count <= maximumRowBytes else {
                    throw .badRow(file: path, line: nextLine, field: "-",
                                  reason: "the row is longer than \(maximumRowBytes) bytes: is a quoted field opened here never closed?")
                }
                carry = buffer
                continue
            }
            carry = Array(buffer[cut.end...])
            buffer.removeLast(buffer.count - cut.end)
            let block = RowBlock(bytes: buffer, firstLine: nextLine, lineFeeds: cut.lineFeeds)
            nextLine += cut.lineFeeds
            return block
        }
    }
}
