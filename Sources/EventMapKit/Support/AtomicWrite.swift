import Foundation

/// Writes files whole or not at all: a temporary file in the same folder, then a rename,
/// so a reader never sees half a file and a failure leaves the old file as it was.
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
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw Failure(path: path, reason: "the folder \(dir.path) does not exist")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: tmp)
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw Failure(path: path, reason: error.localizedDescription)
        }
        guard rename(tmp.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: tmp)
            throw Failure(path: path, reason: reason)
        }
    }

    /// A temporary path beside `path` for libraries that write files themselves (GDAL);
    /// call `commit` to move it into place.
    public static func temporaryPath(besides path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp.\(url.pathExtension)").path
    }

    /// Renames a finished temporary file onto `path`. A folder (FlatGeobuf writes one per set of
    /// layers) replaces an old folder of the same name: the old one is moved aside first, then removed.
    public static func commit(temporary: String, to path: String) throws(Failure) {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: temporary, isDirectory: &isDir), isDir.boolValue,
           FileManager.default.fileExists(atPath: path) {
            let aside = temporaryPath(besides: path) + ".old"
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
            try? FileManager.default.removeItem(atPath: temporary)
            throw Failure(path: path, reason: reason)
        }
    }
}
