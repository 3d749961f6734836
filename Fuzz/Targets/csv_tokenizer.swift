// Fuzz target: the CSV tokenizer and the block scanner. Checks the scanner's rule (cutting where
// it cuts changes no row) and that every field lies inside the input.
@testable import EventMapKit

func rows(_ b: UnsafeRawBufferPointer) -> [[String]]? {
    var t = CSVTokenizer(b)
    var out: [[String]] = []
    while true {
        let line: Int?
        do { line = try t.next() } catch { return nil }
        guard line != nil else { return out }
        for f in t.fields { precondition(f.start <= f.end && f.end <= b.count) }
        out.append(t.fields.map { CSVTokenizer.string($0, in: b) })
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let b = UnsafeRawBufferPointer(start: data, count: size)
    let whole = rows(b)
    var scanner = RowBoundaryScanner()
    var from = 0
    while from < size {
        let to = min(size, from + 1 + Int(b[from] & 15))
        if let cut = scanner.scan(UnsafeRawBufferPointer(rebasing: b[0..<to]), from: from) {
            let head = rows(UnsafeRawBufferPointer(rebasing: b[0..<cut.end]))
            let tail = rows(UnsafeRawBufferPointer(rebasing: b[cut.end...]))
            precondition(head.flatMap { h in tail.map { h + $0 } } == whole, "a block cut at \(cut.end) changed the rows")
        }
        from = to
    }
    return 0
}
