// Fuzz target: the JSON parser, and its writer reading back what it parsed.
import GeoCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let v = try? JSONParser.parse(Array(UnsafeBufferPointer(start: data, count: size))) else { return 0 }
    _ = JSONWriter(maximumDecimals: 7, pretty: false).string(v)
    return 0
}
