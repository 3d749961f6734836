import Foundation

/// A small tmpfs mounted on a temporary folder, for tests of a full disk and a read-only folder;
/// unmounted when released. Nil when this process may not mount (not root).
public final class ScratchFileSystem {
    public let path: String

    public init?(kilobytes: Int) {
        path = Paths.temporaryFolder("scratch-fs")
        guard getuid() == 0,
              let r = try? ExternalTool.run("mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path]),
              r.status == 0 else { return nil }
    }

    /// Makes the file system read-only.
    public func makeReadOnly() throws {
        let r = try ExternalTool.run("mount", ["-o", "remount,ro", path])
        guard r.status == 0 else { throw ExternalTool.Missing(tool: "mount -o remount,ro (\(r.stderr))") }
    }

    deinit { _ = try? ExternalTool.run("umount", [path]) }
}
