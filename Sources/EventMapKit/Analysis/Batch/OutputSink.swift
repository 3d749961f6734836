import Foundation

/// Where the bytes go: standard output as they come, or an `AtomicFile` beside the target that
/// is renamed onto it at the end, so a failed run leaves the previous file as it was. Writes
/// are gathered into 1 MiB pieces.
final class OutputSink {
    private let file: AtomicFile?
    private var buffer: [UInt8] = []

    init(_ destination: BatchAnalysis.Destination) throws(BatchError) {
        switch destination {
        case .standardOutput:
            file = nil
        case .file(let path):
            do { file = try AtomicFile(path) } catch { throw .cannotWrite(path: path, reason: error.reason) }
        }
    }

    func write(_ bytes: [UInt8]) throws(BatchError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws(BatchError) {
        defer { buffer.removeAll(keepingCapacity: true) }
        if let file {
            do throws(AtomicWrite.Failure) {
                try file.append(buffer)
            } catch { throw .cannotWrite(path: file.path, reason: error.reason) }
            return
        }
        var failure: Int32 = 0
        buffer.withUnsafeBytes { b in
            var off = 0
            while off < b.count {
                let r = Foundation.write(1, b.baseAddress! + off, b.count - off)
                if r < 0 { if errno == EINTR { continue }; failure = errno; return }
                off += r
            }
        }
        if failure != 0 { throw .cannotWrite(path: "standard output", reason: String(cString: strerror(failure))) }
    }

    func commit() throws(BatchError) {
        try flush()
        guard let file else { return }
        do { try file.commit() } catch { throw .cannotWrite(path: file.path, reason: error.reason) }
    }

    /// Removes the temporary file (a no-op after `commit`, whether it succeeded or not).
    func abandon() { file?.abandon() }
}
