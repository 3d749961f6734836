/// Class breaks for a choropleth: quantile classes over the values that are drawn (each class
/// holds about as many cells), bounds rounded to whole numbers and repeats merged, so a legend
/// reads "1-3, 4-8, 9-20, ...". At most `ColourRamp.sequential.count` classes.
public struct ClassBreaks: Sendable, Equatable {
    /// Upper bound (inclusive) of each class, ascending; the last is the maximum.
    public let upperBounds: [Double]
    /// The smallest value classed.
    public let minimum: Double

    public init(upperBounds: [Double], minimum: Double) { self.upperBounds = upperBounds; self.minimum = minimum }

    /// Quantile breaks of the positive values into at most `classes` classes (nil when none is positive).
    public static func quantiles(_ values: [Double], classes: Int = ColourRamp.sequential.count) -> ClassBreaks? {
        let v = values.filter { $0 > 0 }.sorted()
        guard let lo = v.first, let hi = v.last else { return nil }
        var bounds: [Double] = []
        for i in 1..<classes {
            let b = v[min(v.count - 1, Int((Double(v.count) * Double(i) / Double(classes)).rounded(.up)) - 1)].rounded(.up)
            if b < hi, b >= lo, bounds.last.map({ b > $0 }) ?? true { bounds.append(b) }
        }
        bounds.append(hi.rounded(.up))
        return ClassBreaks(upperBounds: bounds, minimum: lo)
    }

    /// The class a value falls in (0-based); nil for zero or less.
    public func classIndex(_ value: Double) -> Int? {
        guard value > 0 else { return nil }
        return upperBounds.firstIndex { value <= $0 } ?? upperBounds.count - 1
    }

    /// Each class as (low, high) whole numbers, e.g. (1, 3), (4, 8).
    public var ranges: [(low: Double, high: Double)] {
        var out: [(Double, Double)] = []
        var low = minimum.rounded(.up)
        for b in upperBounds {
            out.append((min(low, b), b))
            low = b + 1
        }
        return out
    }

    /// "1-3", or "4" when a class holds one value.
    public func rangeText(_ i: Int) -> String {
        let r = ranges[i]
        return r.low == r.high ? Claim.format(r.high) : "\(Claim.format(r.low))–\(Claim.format(r.high))"
    }
}

/// The colours of classed maps: ColorBrewer's sequential YlOrRd (Cynthia Brewer, Penn State),
/// listed by ColorBrewer as colour-blind safe, light for few and dark for many: the 5-class
/// scheme, ColorBrewer's own 3- and 4-class schemes for fewer, two of the 4-class colours for 2.
public enum ColourRamp {
    public static let sequential = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"]

    /// The colour of class `i` of `count` classes.
    public static func colour(_ i: Int, of count: Int) -> String {
        switch count {
        case 1: return "#f03b20"
        case 2: return ["#fecc5c", "#f03b20"][i]
        case 3: return ["#ffeda0", "#feb24c", "#f03b20"][i]
        case 4: return ["#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"][i]
        default: return sequential[min(i, sequential.count - 1)]
        }
    }
}
