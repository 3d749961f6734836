import Foundation
import Testing
@testable import GeoCore

@Suite struct JSONTests {
    @Test func parsesAndKeepsKeyOrder() throws {
        let v = try JSONParser.parse(#"{"z": 1, "a": [true, null, -2.5e1], "m": "é\u00e9\n"}"#)
        #expect(v.objectValue?.keys == ["z", "a", "m"])
        #expect(v.objectValue?["a"] == .array([.bool(true), .null, .number(-25)]))
        #expect(v.objectValue?["m"] == .string("éé\n"))
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        do {
            _ = try JSONParser.parse("{\n  \"a\": tru\n}")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
        }
    }

    /// The integer fast path agrees with C's printf ("%.Nf", then trailing zeros trimmed) on
    /// coordinates, metres and awkward values; printf is the reference.
    @Test func fastFormattingAgreesWithPrintf() {
        var values: [Double] = [0, 1, -1, 0.5, 10, 100.25, 36.51522, 36.1168, -0.0000001, 0.00000049, 0.0000005,
                                23265.061956186, 1e-7, 123456789.123456789, -35.9113, 179.9999999, 0.1 + 0.2, 1e15 / 3]
        var x: UInt64 = 0x9E3779B97F4A7C15
        for _ in 0..<2000 {  // deterministic pseudo-random values over many magnitudes
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let mantissa = Double(x >> 11) / Double(1 << 53)
            values.append((mantissa - 0.5) * pow(10, Double(Int(x % 13)) - 3))
        }
        for v in values {
            for decimals in [0, 3, 6, 7] {
                var reference = String(format: "%.\(decimals)f", v)
                if reference.contains(".") {
                    while reference.hasSuffix("0") { reference.removeLast() }
                    if reference.hasSuffix(".") { reference.removeLast() }
                }
                if reference == "-0" { reference = "0" }
                #expect(JSONWriter.format(v, decimals: decimals) == reference, "\(v) with \(decimals) decimals")
            }
        }
    }

    @Test func writerFormatsNumbersStably() {
        #expect(JSONWriter.format(1.0, decimals: 6) == "1")
        #expect(JSONWriter.format(-0.0000001, decimals: 6) == "0")
        #expect(JSONWriter.format(23265.0619561, decimals: 3) == "23265.062")
        #expect(JSONWriter.format(.nan, decimals: 3) == "null")
        let text = JSONWriter(pretty: false).string(["b": 1, "a": "x\"y"])
        #expect(text == #"{"b":1,"a":"x\"y"}"#)
    }
}
