import Foundation

/// Where the bytes go: standard output as they come, or an `AtomicFile` beside the target that
/// is renamed onto it at the end, so a failed run leaves the previous file as it was. Small
/// writes are gathered into 1 MiB pieces; a large one (a block's rows) goes out as it is.
final class OutputSink {
    private let file: AtomicFile?
    private var buffer: [UInt8] = []
    static let pieceBytes = 1 << 20, directBytes = 1 << 16

    init(_ destination: BatchAnalysis.Destination) throws(BatchError) {
        switch destination {
        case .standardOutput:
            file = nil
        case .file(let path):
            do { file = try AtomicFile(path) } catch { throw .cannotWrite(path: path, reason: error.reason) }
        }
    }

    func write(_ bytes: [UInt8]) throws(BatchError) {
        guard bytes.count < Self.directBytes else {
            try flush()
            return try bytes.withUnsafeBytes { put($0) }.get()
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.pieceBytes { try flush() }
    }

    private func flush() throws(BatchError) {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBytes { put($0) }.get()
    }

    private func put(_ b: UnsafeRawBufferPointer) -> Result<Void, BatchError> {
        if let file {
            return file.append(b).mapError { .cannotWrite(path: file.path, reason: $0.reason) }
        }
        let failure = AtomicWrite.writeAll(1, b)
        return failure == 0 ? .success(()) : .failure(.cannotWrite(path: "standard output", reason: String(cString: strerror(failure))))
    }

    func commit() throws(BatchError) {
        try flush()
        guard let file else { return }
        do { try file.commit() } catch { throw .cannotWrite(path: file.path, reason: error.reason) }
    }

    /// Removes the temporary file (a no-op after `commit`, whether it succeeded or not).
    func abandon() { file?.abandon() }
}
