import CWriteback
import Foundation

/// Writes files whole or not at all: a temporary file in the same folder, flushed to disk
/// (fsync), then renamed onto the target, so a reader never sees half a file and a failure, a
/// full disk or a killed process leaves the old file as it was. A target that exists and is not
/// a regular file (`/dev/stdout`, a pipe) is written directly: it cannot be replaced.
public enum AtomicWrite {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String
        public var description: String { "could not write \(path): \(reason)" }
    }

    public static func write(_ text: String, to path: String) throws(Failure) {
        // Written from the string's own UTF-8 storage: no copy of a large text (events.geojson at 100k is 140 MB).
        var text = text
        var outcome: Result<Void, Failure> = .success(())
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { outcome = Result { () throws(Failure) in try write(Data(), to: path) }; return }
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none)
            outcome = Result { () throws(Failure) in try write(data, to: path) }
        }
        try outcome.get()
    }

    public static func write(_ data: Data, to path: String) throws(Failure) {
        let file = try AtomicFile(path)
        do throws(Failure) {
            try data.withUnsafeBytes { file.append($0) }.get()  // in place: no copy of a large text
            try file.commit()
        } catch {
            file.abandon()
            throw error
        }
    }

    /// A temporary path beside `path` for libraries that write files themselves (GDAL);
    /// call `commit` to move it into place. Temporaries a killed run left for the same target are
    /// removed first (see `removeStaleTemporaries`).
    public static func temporaryPath(besides path: String) -> String {
        removeStaleTemporaries(besides: path)
        return temporaryPath(besides: path, process: ProcessInfo.processInfo.processIdentifier)
    }

    /// `.NAME.PID.tmp.EXT` beside `path`: the process id tells whose it is.
    static func temporaryPath(besides path: String, process: Int32) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(process).tmp.\(url.pathExtension)").path
    }

    /// Removes the temporaries (files, or folders for FlatGeobuf) that a process no longer
    /// running left beside `path`, e.g. when it was killed mid-write. A live writer's (its process
    /// exists) is never touched; best effort, as a leftover costs only disk space.
    static func removeStaleTemporaries(besides path: String) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent).", infix = ".tmp.\(url.pathExtension)"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let end = rest.range(of: infix), let pid = Int32(rest[..<end.lowerBound]), pid > 0,
                  rest[end.upperBound...].isEmpty || rest[end.upperBound...] == ".old" else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH { try? FileManager.default.removeItem(atPath: folder + "/" + name) }
        }
    }

    /// Renames a finished temporary file onto `path`. A folder (FlatGeobuf writes one per set of
    /// layers) replaces an old folder of the same name: the old one is moved aside first, then removed.
    /// A file is flushed to disk first; on failure the temporary is removed.
    public static func commit(temporary: String, to path: String) throws(Failure) {
        let fd = open(temporary, O_RDONLY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); close(fd) }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: temporary, isDirectory: &isDir), isDir.boolValue,
           FileManager.default.fileExists(atPath: path) {
            let aside = temporaryPath(besides: path, process: ProcessInfo.processInfo.processIdentifier) + ".old"
            guard rename(path, aside) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: temporary)
                throw Failure(path: path, reason: reason)
            }
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(aside, path)
                try? FileManager.default.removeItem(atPath: temporary)
                throw Failure(path: path, reason: reason)
            }
            try? FileManager.default.removeItem(atPath: aside)
            return
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
        syncFolder(of: path)
    }

    /// The folder of `path` if it exists, else a failure naming it.
    static func checkFolder(of path: String) throws(Failure) {
        let dir = (path as NSString).deletingLastPathComponent
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.isEmpty ? "." : dir, isDirectory: &isDir), isDir.boolValue else {
            throw Failure(path: path, reason: "the folder \(dir) does not exist")
        }
    }

    /// Writes all of `b` to `fd` (again after a partial write or EINTR): 0, or the errno that stopped it.
    static func writeAll(_ fd: Int32, _ b: UnsafeRawBufferPointer) -> Int32 {
        guard let base = b.baseAddress else { return 0 }
        var off = 0
        while off < b.count {
            let r = Foundation.write(fd, base + off, b.count - off)
            if r < 0 {
                if errno == EINTR { continue }
                return errno
            }
            off += r
        }
        return 0
    }

    /// Makes a rename durable (the folder's entry reaches the disk too); best effort.
    static func syncFolder(of path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        let fd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }
}

/// A file written in pieces and put in place whole by `commit`, or removed by `abandon`
/// (also on deinit when neither was called). Its descriptor is closed exactly once.
final class AtomicFile {
    let path: String
    private var fd: Int32
    /// Nil when writing directly (the target is a device or a pipe).
    private let temporary: String?
    private var finished = false
    /// Bytes appended, and how many of them the kernel has been asked to start writing to disk.
    private var appended = 0, writebackStarted = 0
    /// Write-back starts in pieces of this size, so the final fsync waits for the last one only.
    static let writebackBytes = 8 << 20

    init(_ path: String) throws(AtomicWrite.Failure) {
        self.path = path
        try AtomicWrite.checkFolder(of: path)
        var st = stat()
        if stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG && (st.st_mode & S_IFMT) != S_IFDIR {
            fd = open(path, O_WRONLY | O_CLOEXEC)
            temporary = nil
        } else {
            let tmp = AtomicWrite.temporaryPath(besides: path)
            fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            temporary = tmp
        }
        guard fd >= 0 else { throw AtomicWrite.Failure(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit { abandon() }

    func append(_ bytes: [UInt8]) throws(AtomicWrite.Failure) {
        try bytes.withUnsafeBytes { append($0) }.get()
    }

    func append(_ b: UnsafeRawBufferPointer) -> Result<Void, AtomicWrite.Failure> {
        let failure = AtomicWrite.writeAll(fd, b)
        guard failure == 0 else { return .failure(AtomicWrite.Failure(path: path, reason: String(cString: strerror(failure)))) }
        appended += b.count
        if temporary != nil, appended - writebackStarted >= Self.writebackBytes {
            _ = cwriteback_start(fd, Int64(writebackStarted), Int64(appended - writebackStarted))
            writebackStarted = appended
        }
        return .success(())
    }

    /// Flushes, closes and renames onto the target; on failure the temporary file is removed.
    func commit() throws(AtomicWrite.Failure) {
        guard !finished else { return }
        finished = true
        let fd = self.fd
        self.fd = -1
        guard let temporary else {
            guard close(fd) == 0 else { throw AtomicWrite.Failure(path: path, reason: String(cString: strerror(errno))) }
            return
        }
        // fsync and close report a full disk on file systems that allocate late.
        var failure: Int32 = fsync(fd) == 0 ? 0 : errno
        if failure == EINVAL { failure = 0 }  // a file system that cannot sync: nothing to flush
        if close(fd) != 0 && failure == 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw AtomicWrite.Failure(path: path, reason: String(cString: strerror(failure)))
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw AtomicWrite.Failure(path: path, reason: reason)
        }
        AtomicWrite.syncFolder(of: path)
    }

    /// Closes and removes the temporary file; the target is left as it was.
    func abandon() {
        guard !finished else { return }
        finished = true
        close(fd)
        fd = -1
        if let temporary { unlink(temporary) }
    }
}
