/// A fixed table of short byte strings (place fields, border labels, country codes) in one
/// allocation, so that writing one into a row is a bounded copy: no array retained, no memmove call.
final class ByteStrings: @unchecked Sendable {  // immutable after init
    private let bytes: UnsafeMutablePointer<UInt8>
    private let starts: [Int]
    /// The longest string, bytes.
    let longest: Int

    init(_ strings: [[UInt8]]) {
        let total = strings.reduce(0) { $0 + $1.count }
        bytes = .allocate(capacity: max(1, total))
        var starts = [0]
        var at = 0
        for s in strings {
            (bytes + at).initialize(from: s, count: s.count)
            at += s.count
            starts.append(at)
        }
        self.starts = starts
        longest = strings.map(\.count).max() ?? 0
    }

    deinit { bytes.deallocate() }

    var count: Int { starts.count - 1 }

    /// String `i` (in the order given) as an array, for the GeoJSON rows.
    func array(_ i: Int) -> [UInt8] { Array(UnsafeBufferPointer(start: bytes + starts[i], count: starts[i + 1] - starts[i])) }

    /// Copies string `i` to `p`; returns the byte after it.
    @inline(__always) func copy(_ i: Int, to p: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        let from = starts[i], n = starts[i + 1] - from
        let source = bytes + from
        for k in 0..<n { p[k] = source[k] }
        return p + n
    }
}
