import Foundation
import GeoCore

/// The vertex file of geodata/world (`countries.bin`, `borders.bin`): the magic `EMWORLD1`, a
/// little-endian UInt64 vertex count, then Int32 longitude, latitude pairs in 1e-7 degree.
/// Read as it lies in memory (the caller may map the file): only the runs asked for are decoded.
public struct WorldVertices: Sendable {
    public static let magic = Array("EMWORLD1".utf8)
    public static let unitsPerDegree = 10_000_000.0
    let bytes: Data
    public let count: Int

    public init(_ bytes: Data, file: String) throws(AnalysisError) {
        guard bytes.count >= 16, Array(bytes.prefix(8)) == Self.magic else {
            throw .badFile(file: file, reason: "not a world vertex file (it must start with EMWORLD1)")
        }
        let n = bytes.withUnsafeBytes { raw in UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
        guard n <= UInt64(Int.max / 8), bytes.count == 16 + Int(n) * 8 else {
            throw .badFile(file: file, reason: "the file holds \(bytes.count) bytes, but its header announces \(n) vertices (\(16 &+ Int(truncatingIfNeeded: n) &* 8) bytes)")
        }
        self.bytes = bytes
        count = Int(n)
    }

    /// Vertices `range` (checked by the caller against `count`).
    public func positions(_ range: Range<Int>) -> [LonLat] {
        bytes.withUnsafeBytes { raw in
            range.map { i in
                let lon = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 16 + 8 * i, as: Int32.self))
                let lat = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 20 + 8 * i, as: Int32.self))
                return LonLat(lon: Double(lon) / Self.unitsPerDegree, lat: Double(lat) / Self.unitsPerDegree)
            }
        }
    }

    /// Consecutive runs of the given lengths from `offset`: the rings of a polygon, the lines of a border.
    func runs(from offset: Int, lengths: [Int]) -> [[LonLat]] {
        var start = offset
        return lengths.map { n in defer { start += n }; return positions(start..<(start + n)) }
    }
}
