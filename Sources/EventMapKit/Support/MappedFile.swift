import Foundation

/// A file's bytes, read-only: mapped into memory (`mmap`) or owned in memory. Owns the mapping
/// and releases it in `deinit`; large gazetteers and their indexes are read this way so that a
/// one-shot query touches only the pages it needs.
public final class MappedFile: @unchecked Sendable {
    public let bytes: UnsafeRawBufferPointer
    private let mapped: Bool

    /// Maps `path`; nil when it cannot be opened or mapped.
    public init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let size = Int(st.st_size)
        if size == 0 {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            mapped = false
            return
        }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: p, count: size)
        mapped = true
    }

    /// Owns a copy of `data`.
    public init(copying data: [UInt8]) {
        let p = UnsafeMutableRawBufferPointer.allocate(byteCount: max(data.count, 1), alignment: 16)
        data.withUnsafeBytes { p.copyMemory(from: $0) }
        bytes = UnsafeRawBufferPointer(start: p.baseAddress, count: data.count)
        mapped = false
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        if mapped { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) } else { base.deallocate() }
    }

    /// The little-endian integer of type `T` at byte `offset`.
    @inline(__always) func load<T: FixedWidthInteger>(_ offset: Int, as: T.Type) -> T {
        T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    /// The bytes `range` as an array.
    func slice(_ range: Range<Int>) -> [UInt8] { Array(bytes[range]) }

    /// Size and modification time (nanoseconds) of `path`, the stamp an index keeps of its source.
    static func stamp(_ path: String) -> (size: UInt64, mtimeNanos: Int64)? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return (UInt64(st.st_size), Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }
}
