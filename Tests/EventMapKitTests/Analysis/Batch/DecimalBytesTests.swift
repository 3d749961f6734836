import Foundation
import Testing
@testable import EventMapKit
import TestSupport

/// The byte-level number reader and writer of the batch path, against Swift's own Double(String)
/// and String(format:) as the reference.
@Suite struct DecimalBytesTests {
    private func parse(_ s: String) -> Double? {
        Array(s.utf8).withUnsafeBytes { DecimalBytes.parse($0) }
    }

    @Test(arguments: ["36.1168", "-0.5", "+12", "0", "36.123456789012", "1e3", "1.5E-2", "35.99999999999999999",
                      "0.000000000000000000000000123", "123456789012345678901234", ".5", "5."])
    func parsesLikeSwiftDouble(_ s: String) {
        // Reference: Swift's correctly rounded Double(String); must agree bit for bit.
        #expect(parse(s) == Double(s))
    }

    @Test(arguments: ["", "-", "abc", "1.2.3", "nan", "inf", "0x1p3", "1,5", " 1", "1e"])
    func rejectsWhatIsNotADecimal(_ s: String) {
        #expect(parse(s) == nil)
    }

    @Test func randomCoordinatesParseExactly() {
        var rng = SeededGenerator(seed: 20_201_026)
        for _ in 0..<20_000 {
            let s = String(format: "%.\(Int.random(in: 0...9, using: &rng))f", Double.random(in: -180...180, using: &rng))
            #expect(parse(s) == Double(s))
        }
    }

    @Test(arguments: [(0.0, 3), (0.0005, 3), (1234.5, 3), (-36.123456789, 7), (36.0, 7), (-0.00000001, 7), (99999.9995, 3), (12.0, 0)])
    func formatsLikePrintf(_ v: Double, _ decimals: Int) {
        var out: [UInt8] = []
        DecimalBytes.append(v, decimals: decimals, to: &out)
        // Reference: printf's %.Nf; values chosen away from exact binary ties, where the two may differ.
        let expected = String(format: "%.\(decimals)f", v).replacingOccurrences(of: "-0.0000000", with: "0.0000000")
        #expect(String(decoding: out, as: UTF8.self) == expected)
    }

    @Test func theCursorWritesWhatAppendWrites() {
        // Reference: DecimalBytes.append (itself checked against printf above), on random values.
        var rng = SeededGenerator(seed: 20_201_026)
        var buffer = [UInt8](repeating: 0, count: 64)
        for _ in 0..<20_000 {
            let v = Double.random(in: -1e7...1e7, using: &rng) * (Bool.random(using: &rng) ? 1 : 1e-6)
            let d = [0, 3, 7].randomElement(using: &rng)!
            var expected: [UInt8] = []
            DecimalBytes.append(v, decimals: d, to: &expected)
            let written = buffer.withUnsafeMutableBufferPointer { b in
                var c = ByteCursor(b.baseAddress!)
                c.fixed(v, decimals: d)
                return Array(b[0..<(c.p - b.baseAddress!)])
            }
            #expect(written == expected, "\(v) with \(d) decimals")
        }
    }
}
