import Foundation

/// One gazetteer file (or list of places) with its name index. A small one is held in memory; a
/// large one (`GazetteerFile`) keeps its CSV mapped and reads a place's row only when asked, so a
/// lookup in 235,000 places costs a binary search and a few rows.
public final class GazetteerLayer: @unchecked Sendable {
    /// The file the places come from, for messages ("" for places given in memory).
    public let file: String
    let index: NameIndex
    private let csv: MappedFile?
    private let header: GazetteerCSV.Header?
    /// Set when the index could not be cached beside the file (every run then reads the whole CSV).
    public internal(set) var cacheProblem: String?
    private let lock = NSLock()
    private var loaded: [Place]?

    /// Places held in memory, indexed at once.
    public init(places: [Place], file: String = "") {
        self.file = file
        index = NameIndex(buffer: MappedFile(copying: NameIndex.build(places, rowOffsets: [Int](repeating: 0, count: places.count + 1),
                                                                     lines: [Int](repeating: 0, count: places.count),
                                                                     stamp: (0, 0))))!
        csv = nil
        header = nil
        loaded = places
    }

    /// A file-backed layer: rows are read from `csv` through `index` when needed.
    init(file: String, index: NameIndex, csv: MappedFile, header: GazetteerCSV.Header, loaded: [Place]?) {
        self.file = file
        self.index = index
        self.csv = csv
        self.header = header
        self.loaded = loaded
    }

    public var count: Int { index.placeCount }

    /// True when some name or id of this layer has the matching key `key` (`PlaceName.key`).
    public func knowsKey(_ key: String) -> Bool { index.contains(key: key) }

    /// Place `i`, in file order.
    func place(_ i: Int) -> Place {
        lock.lock()
        let all = loaded
        lock.unlock()
        if let all { return all[i] }
        if let csv, let header {
            // The row was read and checked when the index was built.
            if let row = (try? CSVReader.rows(bytes: csv.slice(index.rowRange(i)), firstLine: index.rowLine(i), limit: 1))?.first,
               let p = try? header.place(row) { return p }
        }
        return places[i]
    }

    /// Every place with only id, name, position and precision, from the index alone: what batch
    /// distance jobs (analyze's nearest place) need, without reading 235,000 rows.
    public var pointPlaces: [Place] {
        lock.lock()
        let all = loaded
        lock.unlock()
        return all ?? (0..<count).map(index.pointPlace)
    }

    /// Every place, in file order (read in full the first time for a file-backed layer).
    public var places: [Place] {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        var all: [Place] = []
        if let csv, let header {
            all.reserveCapacity(count)
            // The rows were read and checked when the index was built.
            for row in (try? CSVReader.rows(bytes: Array(csv.bytes), firstLine: 1))?.dropFirst() ?? [] {
                if let p = try? header.place(row) { all.append(p) }
            }
        }
        loaded = all
        return all
    }
}
