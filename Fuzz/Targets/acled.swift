// Fuzz target: the ACLED reader (its header, then the fuzzed rows), and a round trip of what it read.
import EventMapKit

let header = ACLEDFormat.columns.joined(separator: ",") + "\n"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = header + String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let load = try? ForeignEvents.read(text, file: "fuzz.csv", skipBad: true), !load.events.isEmpty else { return 0 }
    // What was read is written and must read back to as many events.
    let again = try? ForeignEvents.read(ACLEDFormat.write(load.events), file: "written.csv")
    precondition(again?.events.count == load.events.count, "written ACLED did not read back")
    return 0
}
