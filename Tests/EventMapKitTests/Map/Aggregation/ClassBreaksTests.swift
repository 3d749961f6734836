import Testing
@testable import EventMapKit

/// Quantile class breaks and the ramp: expected bounds worked by hand from the definition
/// (the k/5-th value of the sorted positive values, rounded up), as numpy's "inverted_cdf" quantile gives.
@Suite struct ClassBreaksTests {
    @Test func quantilesOfOneToHundred() throws {
        let b = try #require(ClassBreaks.quantiles((1...100).map(Double.init)))
        #expect(b.upperBounds == [20, 40, 60, 80, 100])
        #expect(b.rangeText(0) == "1–20" && b.rangeText(4) == "81–100")
        #expect(b.classIndex(20) == 0 && b.classIndex(21) == 1 && b.classIndex(100) == 4 && b.classIndex(0) == nil)
    }

    /// Repeated values merge classes: 60 ones, 20 twos, 20 fives → bounds 1, 2, 5 (3 classes).
    @Test func repeatsMergeClasses() throws {
        let v = Array(repeating: 1.0, count: 60) + Array(repeating: 2.0, count: 20) + Array(repeating: 5.0, count: 20)
        let b = try #require(ClassBreaks.quantiles(v + [0, 0]))
        #expect(b.upperBounds == [1, 2, 5])
        #expect(b.rangeText(0) == "1" && b.rangeText(2) == "3–5")
        #expect(ClassBreaks.quantiles([0, 0]) == nil)
    }

    /// ColorBrewer YlOrRd: 5 classes as published; fewer classes use ColorBrewer's own smaller schemes.
    @Test func rampIsColorBrewerYlOrRd() {
        #expect((0..<5).map { ColourRamp.colour($0, of: 5) } == ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"])
        #expect((0..<3).map { ColourRamp.colour($0, of: 3) } == ["#ffeda0", "#feb24c", "#f03b20"])
    }
}
