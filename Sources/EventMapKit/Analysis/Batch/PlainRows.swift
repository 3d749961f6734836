import Foundation

extension EventColumns {
    /// The events of a block with no double quote and no carriage return (nearly every block of
    /// a machine-written file), read straight from the bytes: rows end at line feeds and fields
    /// at commas, as `CSVTokenizer` reads such bytes, with no field list per row. Nil for anything
    /// it does not settle (a blank line, a row of another width, an empty id, a coordinate that
    /// is not a number or out of range): `parse` then reads the block through the tokenizer,
    /// which names the problem, so there is one set of rules and of errors.
    func parsePlain(_ b: UnsafeRawBufferPointer, firstLine: Int) -> ParsedEvents? {
        let n = b.count
        var out = ParsedEvents()
        out.textsPerRow = 1 + keep.count
        guard n > 0, let base = b.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return out }
        guard memchr(base, 0x22, n) == nil, memchr(base, 0x0D, n) == nil else { return nil }
        // Every row has fieldCount − 1 commas and ends in a line feed (the last may not).
        let rowBound = n / fieldCount + 1
        let texts = out.textsPerRow
        var positions = [LonLat](repeating: LonLat(lon: 0, lat: 0), count: rowBound)
        var textEnds = [Int](repeating: 0, count: rowBound * texts)
        var text = [UInt8](repeating: 0, count: n)
        // Where each field of the current row starts, and one past the last one's end.
        var starts = [Int](repeating: 0, count: fieldCount + 1)
        var rows = 0, textCount = 0
        let ok: Bool = positions.withUnsafeMutableBufferPointer { positions in
            textEnds.withUnsafeMutableBufferPointer { textEnds in
                text.withUnsafeMutableBufferPointer { text in
                    starts.withUnsafeMutableBufferPointer { starts in
                        var i = 0
                        while i < n {
                            // One row: the commas' positions, at most fieldCount − 1 of them.
                            starts[0] = i
                            var f = 1
                            var j = i
                            while j < n {
                                let c = base[j]
                                if c == 0x0A { break }
                                if c == 0x2C {
                                    guard f < fieldCount else { return false }
                                    starts[f] = j + 1
                                    f += 1
                                }
                                j += 1
                            }
                            guard f == fieldCount else { return false }
                            starts[f] = j + 1  // the row's last field ends at j
                            @inline(__always) func field(_ k: Int) -> (Int, Int) { (starts[k], starts[k + 1] - 1) }
                            guard let lat = Self.coordinate(base, field(self.lat), limit: 90),
                                  let lon = Self.coordinate(base, field(self.lon), limit: 180) else { return false }
                            let (idStart, idEnd) = field(id)
                            guard idEnd > idStart else { return false }
                            for k in 0..<texts {
                                let (s, e) = field(k == 0 ? id : keep[k - 1])
                                (text.baseAddress! + textCount).update(from: base + s, count: e - s)
                                textCount += e - s
                                textEnds[rows * texts + k] = textCount
                            }
                            positions[rows] = LonLat(lon: lon, lat: lat)
                            rows += 1
                            i = j + 1
                        }
                        return true
                    }
                }
            }
        }
        guard ok else { return nil }
        positions.removeLast(rowBound - rows)
        textEnds.removeLast((rowBound - rows) * texts)
        text.removeLast(n - textCount)
        out.positions = positions
        out.textEnds = textEnds
        out.text = text
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
