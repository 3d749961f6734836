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

    /// Copies a short field byte by byte (most are under 16 bytes: cheaper than a call to memcpy).
    @inline(__always)
    static func copy(_ from: UnsafePointer<UInt8>, _ count: Int, to: UnsafeMutablePointer<UInt8>) {
        if count > 16 { to.update(from: from, count: count); return }
        for k in 0..<count { to[k] = from[k] }
    }

    /// A field as it came, quoted by `CSVWriter`'s rule (a comma, a quote, a CR or an LF).
    mutating func csvField(_ text: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
        var plain = true
        for i in from..<to where CSVWriter.forcesQuotes(text[i]) { plain = false; break }
        if plain {
            Self.copy(text.baseAddress! + from, to - from, to: p)
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
        let x = value * DecimalBytes.exactPowersOfTen[decimals]
        guard value.isFinite, abs(x) < 9e15 else {
            var tmp: [UInt8] = []
            DecimalBytes.append(value, decimals: decimals, to: &tmp)
            put(tmp)
            return
        }
        // x.rounded() (half away from zero) without a call to libm's round: truncate, then the
        // remainder, exact below 2^53, decides.
        var scaled = Int64(x)
        let rest = x - Double(scaled)
        if rest >= 0.5 { scaled += 1 } else if rest <= -0.5 { scaled -= 1 }
        let n = scaled.magnitude
        if scaled < 0 { put(0x2D) }
        // Constants for the two widths analyze writes (once inlined), so the split is a multiply.
        let power: UInt64 = decimals == 3 ? 1_000 : decimals == 7 ? 10_000_000 : UInt64(DecimalBytes.exactPowersOfTen[decimals])
        var whole = n / power, fraction = n - n / power * power
        var wholeDigits = 1
        var limit: UInt64 = 10
        while wholeDigits < 19 && whole >= limit { limit &*= 10; wholeDigits += 1 }
        let length = wholeDigits + (decimals > 0 ? decimals + 1 : 0)
        var q = p + length
        if decimals > 0 {
            Self.digits(&fraction, count: decimals, before: &q)
            q -= 1
            q.pointee = 0x2E
        }
        Self.digits(&whole, count: wholeDigits, before: &q)
        p += length
    }

    private static let pairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// Writes the last `count` digits of `n` (zero-padded) backwards, ending just before `q`, two
    /// at a time from a table; `q` moves to the first of them.
    @inline(__always)
    private static func digits(_ n: inout UInt64, count: Int, before q: inout UnsafeMutablePointer<UInt8>) {
        let table = pairs.utf8Start
        var left = count
        while left >= 2 {
            let r = Int(n % 100)
            n /= 100
            q -= 2
            q[0] = table[2 * r]
            q[1] = table[2 * r + 1]
            left -= 2
        }
        if left == 1 {
            q -= 1
            q.pointee = UInt8(truncatingIfNeeded: n % 10) &+ 0x30
            n /= 10
        }
    }
}
