import Foundation

/// A run of whole CSV rows cut from an events file, with the line its first row starts on.
struct RowBlock: Sendable {
    let bytes: [UInt8]
    let firstLine: Int
}

/// Reads a CSV file in fixed-size pieces and cuts them at row boundaries (a newline outside
/// quotes), so that the rows of each block can be parsed on any thread while the file is never
/// held whole: memory stays flat however long the file is.
final class EventRowBlockReader {
    let path: String
    private let fd: Int32
    private let blockBytes: Int
    private var carry: [UInt8] = []
    private var nextLine = 1
    private var atEnd = false
    private var first = true
    /// Bytes read so far and the file's size, for progress reports.
    private(set) var bytesRead = 0
    let fileSize: Int

    init(path: String, blockBytes: Int = 1 << 18) throws(BatchError) {
        self.path = path
        self.blockBytes = blockBytes
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
            let old = buffer.count
            buffer.reserveCapacity(old + blockBytes)
            var got = 0
            var failure: Int32 = 0
            buffer.append(contentsOf: repeatElement(0, count: blockBytes))
            buffer.withUnsafeMutableBytes { b in
                let r = read(fd, b.baseAddress! + old, blockBytes)
                if r < 0 { failure = errno } else { got = r }
            }
            if failure != 0 { throw .badFile(file: path, reason: "read failed (\(String(cString: strerror(failure))))") }
            buffer.removeLast(blockBytes - got)
            bytesRead += got
            if got == 0 { atEnd = true }
            if first {
                first = false
                if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
            }
            if atEnd { carry = buffer; continue }
            // Cut after the last newline that lies outside quotes.
            var inQuotes = false
            var cut = -1
            var newlines = 0, newlinesBeforeCut = 0
            buffer.withUnsafeBufferPointer { b in
                for i in 0..<b.count {
                    let c = b[i]
                    if c == 0x22 { inQuotes.toggle() } else if c == 0x0A {
                        newlines += 1
                        if !inQuotes { cut = i; newlinesBeforeCut = newlines }
                    }
                }
            }
            if cut < 0 { carry = buffer; continue }  // one row longer than a block: read on
            carry = Array(buffer[(cut + 1)...])
            buffer.removeLast(buffer.count - cut - 1)
            let block = RowBlock(bytes: buffer, firstLine: nextLine)
            nextLine += newlinesBeforeCut
            return block
        }
    }
}
