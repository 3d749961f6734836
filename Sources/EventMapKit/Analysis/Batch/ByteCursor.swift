import Foundation

/// Writes bytes through a pointer into a buffer the caller sized.
struct ByteCursor {
    var p: UnsafeMutablePointer<UInt8>

    init(_ p: UnsafeMutablePointer<UInt8>) { self.p = p }

    @inline(__always) mutating func put(_ b: UInt8) { p.pointee = b; p += 1 }

    @inline(__always) mutating func put(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { b in
            p.update(from: b.baseAddress!, count: b.count)
            p += b.count
        }
    }

    /// `true` or `false`.
    @inline(__always) mutating func put(boolean: Bool) {
        if boolean { put(0x74); put(0x72); put(0x75); put(0x65) } else { put(0x66); put(0x61); put(0x6C); put(0x73); put(0x65) }
    }

    /// String `i` of a table.
    @inline(__always) mutating func put(_ strings: ByteStrings, _ i: Int) { p = strings.copy(i, to: p) }

    /// A field as it came, quoted by `CSVWriter`'s rule (a comma, a quote, a CR or an LF).
    mutating func csvField(_ text: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
        var plain = true
        for i in from..<to where CSVWriter.forcesQuotes(text[i]) { plain = false; break }
        if plain {
            // Fields are short: a loop beats a call to memmove.
            let source = text.baseAddress! + from
            for k in 0..<(to - from) { p[k] = source[k] }
            p += to - from
            return
        }
        put(0x22)
        for i in from..<to {
            if text[i] == 0x22 { put(0x22) }
            put(text[i])
        }
        put(0x22)
    }

    /// `value` with exactly `decimals` decimals, as `DecimalBytes.append` writes it.
    @inline(__always) mutating func fixed(_ value: Double, decimals: Int) {
        let scaled = (value * DecimalBytes.exactPowersOfTen[decimals]).rounded()
        guard value.isFinite, abs(scaled) < 9e15 else {
            var tmp: [UInt8] = []
            DecimalBytes.append(value, decimals: decimals, to: &tmp)
            put(tmp)
            return
        }
        var n = UInt64(abs(scaled))
        if scaled < 0 && n > 0 { put(0x2D) }
        var digits = 1
        var limit: UInt64 = 10
        while digits < 19 && n >= limit { limit &*= 10; digits += 1 }
        digits = max(digits, decimals + 1)
        let length = digits + (decimals > 0 ? 1 : 0)
        var q = p + length
        var written = 0
        while written < digits {
            q -= 1
            q.pointee = UInt8(truncatingIfNeeded: n % 10) &+ 0x30
            n /= 10
            written += 1
            if written == decimals { q -= 1; q.pointee = 0x2E }
        }
        p += length
    }
}
