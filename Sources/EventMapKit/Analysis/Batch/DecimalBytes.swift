import Foundation

/// Decimal numbers read from and written to raw UTF-8 bytes, without building Strings: the
/// batch path handles millions of them.
enum DecimalBytes {
    static let exactPowersOfTen: [Double] = (0...22).map { (0..<$0).reduce(1.0) { acc, _ in acc * 10 } }

    /// A plain decimal (optional sign, digits, optional fraction and exponent), as
    /// `Double.strictDecimal` accepts, correctly rounded: Clinger's exact fast path for up to
    /// 15 significant digits and small exponents, `strtod` otherwise. Nil for anything else.
    static func parse(_ p: UnsafeRawBufferPointer) -> Double? {
        let n = p.count
        guard n > 0, n < 64 else { return n == 0 ? nil : slowParse(p) }
        // The common case, digits[.digits] with at most 15 of them: two tight loops; the same
        // value as below (an exact mantissa over an exact power of ten, one rounding).
        var i = p[0] == 0x2D || p[0] == 0x2B ? 1 : 0
        var mantissa: UInt64 = 0
        let wholeStart = i
        while i < n, p[i] &- 0x30 < 10 { mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30); i += 1 }
        var digits = i - wholeStart, fractionDigits = 0
        if i < n, p[i] == 0x2E {
            i += 1
            let fractionStart = i
            while i < n, p[i] &- 0x30 < 10 { mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30); i += 1 }
            fractionDigits = i - fractionStart
            digits += fractionDigits
        }
        if i == n, digits > 0, digits <= 15 {
            let v = Double(mantissa) / exactPowersOfTen[fractionDigits]
            return p[0] == 0x2D ? -v : v
        }
        return generalParse(p)
    }

    /// Any other decimal: leading zeros, up to 18 significant digits exactly, else Foundation's.
    private static func generalParse(_ p: UnsafeRawBufferPointer) -> Double? {
        let n = p.count
        var i = 0
        var negative = false
        if p[0] == 0x2D || p[0] == 0x2B { negative = p[0] == 0x2D; i = 1 }
        var mantissa: UInt64 = 0
        var digits = 0, significant = 0, fractionDigits = 0
        var seenPoint = false
        while i < n {
            let c = p[i]
            if c >= 0x30 && c <= 0x39 {
                digits += 1
                if significant > 0 || c != 0x30 { significant += 1 }
                if significant <= 18 { mantissa = mantissa &* 10 &+ UInt64(c &- 0x30) } else if !seenPoint { return slowParse(p) }
                if seenPoint && significant <= 18 { fractionDigits += 1 }
            } else if c == 0x2E && !seenPoint {
                seenPoint = true
            } else if c == 0x65 || c == 0x45 {
                return digits > 0 ? slowParse(p) : nil
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        if significant > 15 || fractionDigits > 22 { return slowParse(p) }
        let v = Double(mantissa) / exactPowersOfTen[fractionDigits]
        return negative ? -v : v
    }

    private static func slowParse(_ p: UnsafeRawBufferPointer) -> Double? {
        Double.strictDecimal(String(decoding: p, as: UTF8.self))
    }

    /// Appends `value` with exactly `decimals` decimals (round half away from zero on the
    /// scaled value): "1234.500". Values beyond ±9e15 after scaling fall back to String(format:).
    static func append(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        let scaled = (value * exactPowersOfTen[decimals]).rounded()
        guard value.isFinite, abs(scaled) < 9e15 else {
            out.append(contentsOf: Array(String(format: "%.\(decimals)f", value).utf8))
            return
        }
        var n = Int64(scaled)
        if n < 0 { out.append(0x2D); n = -n }
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, written back to front
        withUnsafeMutableBytes(of: &buffer) { b in
            var i = b.count
            var digitsWritten = 0
            repeat {
                i -= 1
                b[i] = UInt8(truncatingIfNeeded: n % 10) &+ 0x30
                n /= 10
                digitsWritten += 1
                if digitsWritten == decimals && decimals > 0 { i -= 1; b[i] = 0x2E }
            } while n > 0 || digitsWritten <= decimals
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[i...]))
        }
    }

    /// Appends a non-negative integer.
    static func append(_ value: Int, to out: inout [UInt8]) {
        out.append(contentsOf: Array(String(value).utf8))
    }
}
