// Fuzz target: the `LAT,LON` and length parsers: an error or an answer in range, never a trap.
import GeoCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let p = try? LonLat(parsingLatLon: text) { precondition((-90...90).contains(p.lat) && (-180...180).contains(p.lon)) }
    _ = LonLat.looksLikeCoordinate(text)
    if let l = try? Length(parsing: text) { precondition(l.metres.isFinite && l.metres >= 0) }
    return 0
}
