/// Levenshtein distance over Unicode scalars, for "did you mean" suggestions (never to resolve a name).
enum EditDistance {
    /// Reusable rows, so that scanning a quarter of a million keys allocates nothing per key.
    struct Buffer {
        private var prev: [Int] = []
        private var cur: [Int] = []

        /// The edit distance of `a` and `b`, or any value above `limit` once it is certain to exceed it.
        mutating func levenshtein(_ a: [UInt32], _ b: ArraySlice<UInt32>, limit: Int) -> Int {
            if a.isEmpty { return b.count }
            if b.isEmpty { return a.count }
            if abs(a.count - b.count) > limit { return limit + 1 }
            let n = b.count, base = b.startIndex
            if prev.count < n + 1 { prev = [Int](repeating: 0, count: n + 1); cur = prev }
            for j in 0...n { prev[j] = j }
            for i in 1...a.count {
                cur[0] = i
                var rowMin = i
                let ai = a[i - 1]
                for j in 1...n {
                    let v = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai == b[base + j - 1] ? 0 : 1))
                    cur[j] = v
                    if v < rowMin { rowMin = v }
                }
                if rowMin > limit { return limit + 1 }
                swap(&prev, &cur)
            }
            return prev[n]
        }
    }

    /// The scalars of UTF-8 `bytes` (valid UTF-8, as the index writes it) into `out`.
    static func decodeUTF8(_ bytes: UnsafeRawBufferPointer, into out: inout [UInt32]) {
        out.removeAll(keepingCapacity: true)
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i])
            if b0 < 0x80 { out.append(b0); i += 1 } else if b0 < 0xE0, i + 1 < bytes.count {
                out.append((b0 & 0x1F) << 6 | UInt32(bytes[i + 1]) & 0x3F); i += 2
            } else if b0 < 0xF0, i + 2 < bytes.count {
                out.append((b0 & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | UInt32(bytes[i + 2]) & 0x3F); i += 3
            } else if i + 3 < bytes.count {
                out.append((b0 & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12 | (UInt32(bytes[i + 2]) & 0x3F) << 6 | UInt32(bytes[i + 3]) & 0x3F)
                i += 4
            } else { i += 1 }
        }
    }
}
