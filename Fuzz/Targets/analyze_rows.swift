// Fuzz target: the rows of `analyze` (header, then the block parser): an error or events, never a trap.
@testable import EventMapKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let block = RowBlock(bytes: Array(UnsafeBufferPointer(start: data, count: size)), firstLine: 1)
    guard let (layout, body) = try? EventColumns.read(header: block, file: "fuzz.csv", keep: []) else { return 0 }
    if case .success(let parsed) = layout.parse(body, file: "fuzz.csv") {
        for p in parsed.positions { precondition((-90...90).contains(p.lat) && (-180...180).contains(p.lon)) }
    }
    return 0
}
