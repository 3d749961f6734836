// Fuzz target: our events.csv and reports.csv (the input split at the first 0x1E byte).
import EventMapKit

let gazetteer = try! GazetteerCSV.read("""
    id,name,lat,lon,kind,precision,source
    kafr-takharim,Kafr Takharim,36.1168,36.51522,town,1,geonames:170017
    idlib,Idlib,35.93062,36.63393,city,1,geonames:169389

    """, file: "places.csv")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let cut = bytes.firstIndex(of: 0x1E) ?? bytes.count
    let events = String(decoding: bytes[..<cut], as: UTF8.self)
    let reports = cut < bytes.count ? String(decoding: bytes[(cut + 1)...], as: UTF8.self) : EventsCSV.reportColumns.joined(separator: ",") + "\n"
    for skip in [false, true] {
        _ = try? EventsCSV.read(events: events, eventsFile: "e.csv", reports: reports, reportsFile: "r.csv", gazetteer: gazetteer, skipBad: skip)
    }
    return 0
}
