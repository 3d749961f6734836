import Foundation

/// Where the bytes go: standard output as they come, or a temporary file beside the target
/// that is renamed onto it at the end (AtomicWrite), so a failed run leaves nothing behind.
final class OutputSink {
    private let fd: Int32
    private let target: String?
    private let temporary: String?
    private var buffer: [UInt8] = []

    init(_ destination: BatchAnalysis.Destination) throws(BatchError) {
        switch destination {
        case .standardOutput:
            fd = 1; target = nil; temporary = nil
        case .file(let path):
            let dir = (path as NSString).deletingLastPathComponent
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir.isEmpty ? "." : dir, isDirectory: &isDir), isDir.boolValue else {
                throw .cannotWrite(path: path, reason: "the folder \(dir) does not exist")
            }
            let tmp = AtomicWrite.temporaryPath(besides: path)
            fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            target = path; temporary = tmp
        }
    }

    func write(_ bytes: [UInt8]) throws(BatchError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws(BatchError) {
        var failure: Int32 = 0
        buffer.withUnsafeBytes { b in
            var off = 0
            while off < b.count {
                let r = Foundation.write(fd, b.baseAddress! + off, b.count - off)
                if r < 0 { if errno == EINTR { continue }; failure = errno; return }
                off += r
            }
        }
        buffer.removeAll(keepingCapacity: true)
        if failure != 0 { throw .cannotWrite(path: target ?? "standard output", reason: String(cString: strerror(failure))) }
    }

    func commit() throws(BatchError) {
        try flush()
        guard let target, let temporary else { return }
        close(fd)
        do { try AtomicWrite.commit(temporary: temporary, to: target) } catch {
            throw .cannotWrite(path: target, reason: error.reason)
        }
    }

    func abandon() {
        guard let temporary else { return }
        close(fd)
        unlink(temporary)
    }
}
