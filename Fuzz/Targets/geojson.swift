// Fuzz target: the GeoJSON reader.
import GeoCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? GeoJSONReader.read(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    return 0
}
