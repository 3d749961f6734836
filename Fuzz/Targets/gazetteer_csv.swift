// Fuzz target: the gazetteer CSV reader.
import EventMapKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? GazetteerCSV.read(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self), file: "fuzz.csv")
    return 0
}
