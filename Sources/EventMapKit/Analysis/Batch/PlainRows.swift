import Foundation

extension EventColumns {
    /// The events of a block with no double quote and no carriage return (nearly every block of
    /// a machine-written file), read straight from the bytes: rows end at line feeds and fields
    /// at commas, as `CSVTokenizer` reads such bytes, with no field list per row. Nil for anything
    /// it does not settle (a blank line, a row of another width, an empty id, a coordinate that
    /// is not a number or out of range): `parse` then reads the block through the tokenizer,
    /// which names the problem, so there is one set of rules and of errors.
    func parsePlain(_ b: UnsafeRawBufferPointer, firstLine: Int, lineFeeds: Int) -> ParsedEvents? {
        let n = b.count
        var out = ParsedEvents()
        out.textsPerRow = 1 + keep.count
        guard n > 0, let base = b.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return out }
        guard memchr(base, 0x22, n) == nil, memchr(base, 0x0D, n) == nil else { return nil }
        // Every row ends in a line feed but perhaps the last: the arrays are sized exactly, and
        // filled in place (no zeroing first).
        let rowBound = lineFeeds + (base[n - 1] == 0x0A ? 0 : 1)
        let texts = out.textsPerRow
        var rows = 0, textCount = 0
        var ok = true
        var textEndsArray: [Int] = [], positionsArray: [LonLat] = []
        let textArray = [UInt8](unsafeUninitializedCapacity: n) { text, textInitialized in
            textEndsArray = [Int](unsafeUninitializedCapacity: rowBound * texts) { textEnds, endsInitialized in
                positionsArray = [LonLat](unsafeUninitializedCapacity: rowBound) { positions, positionsInitialized in
                    ok = withUnsafeTemporaryAllocation(of: Int.self, capacity: fieldCount + 1) { starts in
                        FieldDelimiters.forEachRow(base, n, fields: fieldCount, starts: starts) {
                            // Field k spans starts[k] ..< starts[k + 1] − 1.
                            @inline(__always) func field(_ k: Int) -> (Int, Int) { (starts[k], starts[k + 1] - 1) }
                            guard let lat = Self.coordinate(base, field(self.lat), limit: 90),
                                  let lon = Self.coordinate(base, field(self.lon), limit: 180) else { return false }
                            let (idStart, idEnd) = field(id)
                            guard idEnd > idStart, rows < rowBound else { return false }
                            for k in 0..<texts {
                                let (s, e) = field(k == 0 ? id : keep[k - 1])
                                ByteCursor.copy(base + s, e - s, to: text.baseAddress! + textCount)
                                textCount += e - s
                                textEnds[rows * texts + k] = textCount
                            }
                            positions[rows] = LonLat(lon: lon, lat: lat)
                            rows += 1
                            return true
                        }
                    }
                    positionsInitialized = ok ? rows : 0
                }
                endsInitialized = ok ? rows * texts : 0
            }
            textInitialized = ok ? textCount : 0
        }
        guard ok else { return nil }
        out.text = textArray
        out.textEnds = textEndsArray
        out.positions = positionsArray
        out.lines = Array(firstLine..<(firstLine + rows))
        return out
    }

    /// A coordinate field (spaces and tabs around it allowed, as the tokenizer's path trims
    /// them) within ±`limit`, or nil.
    @inline(__always)
    private static func coordinate(_ base: UnsafePointer<UInt8>, _ field: (Int, Int), limit: Double) -> Double? {
        var (start, end) = field
        while start < end && (base[start] == 0x20 || base[start] == 0x09) { start += 1 }
        while end > start && (base[end - 1] == 0x20 || base[end - 1] == 0x09) { end -= 1 }
        guard end > start, let v = DecimalBytes.parse(UnsafeRawBufferPointer(start: base + start, count: end - start)),
              v >= -limit && v <= limit else { return nil }
        return v
    }
}

/// Commas and line feeds found eight bytes at a time (a word's bytes compared at once), for
/// blocks with no quotes.
enum FieldDelimiters {
    /// Calls `row` for each row of `base[0..<n]` with `starts[k]` the start of field k and
    /// `starts[fields]` one past the row's end (its line feed, or n); stops and returns false on a
    /// row of another width or when `row` returns false.
    @inline(__always)
    static func forEachRow(_ base: UnsafePointer<UInt8>, _ n: Int, fields: Int, starts: UnsafeMutableBufferPointer<Int>,
                           _ row: () -> Bool) -> Bool {
        var f = 1  // fields started in the current row
        starts[0] = 0
        // One delimiter at i: a comma starts the next field, a line feed ends the row.
        @inline(__always) func delimiter(_ i: Int) -> Bool {
            if base[i] == 0x2C {
                guard f < fields else { return false }
                starts[f] = i + 1
                f += 1
                return true
            }
            guard f == fields else { return false }
            starts[f] = i + 1
            guard row() else { return false }
            starts[0] = i + 1
            f = 1
            return true
        }
        var i = 0
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            var hits = marks(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            while hits != 0 {
                guard delimiter(i + hits.trailingZeroBitCount >> 3) else { return false }
                hits &= hits &- 1
            }
            i += 8
        }
        while i < n {
            if base[i] == 0x2C || base[i] == 0x0A { guard delimiter(i) else { return false } }
            i += 1
        }
        // A last row with no line feed.
        if starts[0] < n {
            guard f == fields else { return false }
            starts[f] = n + 1
            return row()
        }
        return true
    }

    /// The high bit of each byte of `w` (little-endian order) that is a comma or a line feed,
    /// exactly (no borrow between bytes).
    @inline(__always)
    static func marks(_ w: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & low7) &+ low7) | x | low7) }
        return (zeroBytes(w ^ 0x2C2C_2C2C_2C2C_2C2C) | zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A)) & 0x8080_8080_8080_8080
    }
}
